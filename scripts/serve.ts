/**
 * The publishing service (src/service/): serves the current build, rebuilds on Sanity's
 * webhook, on scheduled times and, with the embedded dataset, when the export changes.
 *
 *   npm run serve                     # serve the last `npm run build` (or the service's own release)
 *   npm start                         # the same with --build: build at start, then on every change
 *   npm run serve -- --write-headers  # write public/_headers from src/service/headers.ts
 *
 * Stops cleanly on SIGTERM and SIGINT, and when the process that started it (npm) ends: a running build is stopped and removed, the live
 * release stays. See docs/operations.md.
 */
// First: a Node outside package.json's engines stops here with a message, before anything
// else loads. npm runs this script as the one command of `npm start`/`npm run serve`, so the
// shell execs node and SIGTERM sent to npm reaches the service.
import './require-node.mjs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, getBuildEnv, loadServiceConfig } from '../src/service/config.ts';
import { formatHeadersFile } from '../src/service/headers.ts';
import { startService } from '../src/service/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Prints one line per event, with the time: what an operator reads in `docker logs`. */
function logEvent(event: string, message: string): void {
  console.log(`${new Date().toISOString()} [publish] ${event}: ${message}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      build: { type: 'boolean', default: false },
      'write-headers': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values['write-headers']) {
    const file = path.join(ROOT, 'public', '_headers');
    await fs.writeFile(file, formatHeadersFile());
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    return;
  }
  const config = loadServiceConfig(process.env, process.cwd());
  const secrets = [
    'SANITY_API_READ_TOKEN',
    'SANITY_API_PREVIEW_TOKEN',
    'SANITY_API_WRITE_TOKEN',
    'SANITY_WEBHOOK_SECRET',
  ].flatMap((name) => process.env[name]?.trim() || []);
  const service = await startService({
    config,
    buildEnv: getBuildEnv(process.env),
    secrets,
    log: logEvent,
    buildOnStart: values.build,
    watch: config.site.source.kind === 'local',
  });
  let closing = false;
  const shutdown = (why: string) => {
    if (closing) return;
    closing = true;
    logEvent('stopping', `${why}; stopping any running build`);
    service.close().then(
      () => {
        logEvent(
          'stopped',
          `release ${service.publisher.live?.id ?? '(none)'} left as the live one`,
        );
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM received'));
  process.on('SIGINT', () => shutdown('SIGINT received'));
  // `npm start` runs `sh -c "node scripts/serve.ts …"`; a shell that does not exec its one
  // command (dash) dies of the SIGTERM npm passes on and leaves node behind. A new parent
  // means the one that started the service is gone: stop as on SIGTERM.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutdown(`the parent process (${parent}) ended`);
  }, 500).unref();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`The service cannot start: ${error.message}`);
  } else {
    console.error(
      `The service cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  process.exit(1);
});
