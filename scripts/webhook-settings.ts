/**
 * Prints the settings of the Sanity webhook that publishes the site, derived from the code
 * so they cannot drift from it: the document types from content-schemas/, the URL from
 * SITE_URL, the endpoint and method from the service. Paste them into sanity.io/manage →
 * API → Webhooks (see docs/operations.md).
 *
 *   npm run webhook:settings                          # for the publishing service (POST /api/publish)
 *   npm run webhook:settings -- --github owner/repo   # for GitHub Actions (repository_dispatch)
 *   npm run webhook:settings -- --json                # the same as JSON
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DOCUMENT_TYPE_NAMES } from '../content-schemas/index.ts';
import { DEFAULT_API_VERSION, loadConfig } from '../src/config.ts';

/** The `event_type` the GitHub Actions workflow listens for. */
export const DISPATCH_EVENT_TYPE = 'sanity-publish';

/** The path of the service's webhook endpoint. */
export const PUBLISH_PATH = '/api/publish';

/** One webhook's settings, by the names sanity.io/manage shows. */
export interface WebhookSettings {
  name: string;
  description: string;
  url: string;
  dataset: string;
  triggerOn: string[];
  filter: string;
  projection: string;
  status: string;
  httpMethod: string;
  httpHeaders: Record<string, string>;
  apiVersion: string;
  drafts: string;
  versions: string;
  secret: string;
}

/** The settings for a site at `siteUrl` (or for a GitHub repository's dispatch). Pure. */
export function getWebhookSettings(options: {
  siteUrl: string;
  dataset: string;
  github?: string | undefined;
}): WebhookSettings {
  const types = DOCUMENT_TYPE_NAMES.map((name) => JSON.stringify(name)).join(', ');
  const common = {
    dataset: options.dataset,
    triggerOn: ['Create', 'Update', 'Delete'],
    // Published documents only: drafts and release versions never reach the site.
    filter: `_type in [${types}] && !(_id in path("drafts.**")) && !(_id in path("versions.**"))`,
    status: 'Enabled',
    httpMethod: 'POST',
    apiVersion: `v${DEFAULT_API_VERSION}`,
    drafts: 'off (Trigger webhook when drafts are modified: unchecked)',
    versions: 'off (Trigger webhook when versions are modified: unchecked)',
  };
  if (options.github !== undefined) {
    return {
      ...common,
      name: 'Tanketanken – bygg nettstedet (GitHub Actions)',
      description: 'Starts the publish workflow when a document is published, changed or deleted.',
      url: `https://api.github.com/repos/${options.github}/dispatches`,
      projection: `{"event_type": "${DISPATCH_EVENT_TYPE}", "client_payload": {"_id": _id, "_type": _type}}`,
      httpHeaders: {
        Accept: 'application/vnd.github+json',
        Authorization:
          'Bearer <a fine-grained token with Contents: read and write on this repository>',
      },
      secret: '(none: GitHub checks the token in the Authorization header)',
    };
  }
  return {
    ...common,
    name: 'Tanketanken – publiser',
    description: 'Tells the publishing service to rebuild the site.',
    url: `${options.siteUrl}${PUBLISH_PATH}`,
    projection: '{_id, _type, "slug": slug.current}',
    httpHeaders: {},
    secret:
      'the value of SANITY_WEBHOOK_SECRET on the service (at least 32 characters; not printed here)',
  };
}

/** The settings as the lines printed. */
export function formatWebhookSettings(settings: WebhookSettings): string {
  const headers = Object.entries(settings.httpHeaders).map(([name, value]) => `${name}: ${value}`);
  const rows: [string, string][] = [
    ['Name', settings.name],
    ['Description', settings.description],
    ['URL', settings.url],
    ['Dataset', settings.dataset],
    ['Trigger on', settings.triggerOn.join(', ')],
    ['Filter', settings.filter],
    ['Projection', settings.projection],
    ['Status', settings.status],
    ['HTTP method', settings.httpMethod],
    ['HTTP headers', headers.length > 0 ? headers.join('; ') : '(none)'],
    ['API version', settings.apiVersion],
    ['Drafts', settings.drafts],
    ['Versions', settings.versions],
    ['Secret', settings.secret],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { github: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  if (values.github !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(values.github)) {
    throw new Error(`--github: "${values.github}" is not owner/repository.`);
  }
  const config = loadConfig(process.env, process.cwd());
  const dataset = config.source.kind === 'remote' ? config.source.dataset : 'production';
  const settings = getWebhookSettings({ siteUrl: config.siteUrl, dataset, github: values.github });
  console.log(values.json ? JSON.stringify(settings, null, 2) : formatWebhookSettings(settings));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
