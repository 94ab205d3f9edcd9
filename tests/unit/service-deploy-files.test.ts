/**
 * The files that run the site elsewhere: the GitHub Actions workflow is valid (checked
 * against the workflow schema by action-validator, no download at run time) and builds on
 * the events the webhook and schedule send; the Dockerfile is multi-stage, installs from
 * the lockfile, runs as a non-root user and checks its health on /api/status. (Docker
 * itself is not run here; see docs/operations.md.)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { DISPATCH_EVENT_TYPE, getWebhookSettings } from '../../scripts/webhook-settings.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('.github/workflows', () => {
  it('every workflow is valid', async () => {
    const folder = path.join(ROOT, '.github', 'workflows');
    const files = (await fs.readdir(folder)).filter((name) => /\.ya?ml$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const state = validateWorkflow(await fs.readFile(path.join(folder, file), 'utf8'));
      expect(state.errors, file).toEqual([]);
    }
  });

  it('the publish workflow builds on push, on the webhook dispatch and on a schedule, with caches', async () => {
    const text = await fs.readFile(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8');
    expect(text).toMatch(
      new RegExp(`repository_dispatch:\\s*\\n\\s*types: \\[${DISPATCH_EVENT_TYPE}\\]`),
    );
    expect(text).toMatch(/schedule:\s*\n\s*- cron:/);
    expect(text).toMatch(/push:/);
    expect(text).toContain('actions/cache/restore@');
    expect(text).toContain('actions/cache/save@');
    expect(text).toContain('node_modules/.astro');
    expect(text).toContain('actions/deploy-pages@');
    expect(text).toContain('npm run build');
  });

  it('the GitHub webhook settings send the event type the workflow listens for', () => {
    const settings = getWebhookSettings({
      siteUrl: 'https://a.example',
      dataset: 'production',
      github: 'kommune/site',
    });
    expect(settings.url).toBe('https://api.github.com/repos/kommune/site/dispatches');
    expect(settings.projection).toContain(`"event_type": "${DISPATCH_EVENT_TYPE}"`);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage, installs from the lockfile, runs as non-root and checks /api/status', async () => {
    // One instruction a line: continuation lines joined, as Docker reads them.
    const text = (await fs.readFile(path.join(ROOT, 'Dockerfile'), 'utf8')).replace(
      /\\\n\s*/g,
      ' ',
    );
    const stages = [...text.matchAll(/^FROM\s+\S+(?:\s+AS\s+(\S+))?/gim)];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^RUN npm ci\b/m);
    expect(text).toMatch(/^COPY[^\n]*package-lock\.json/m);
    const lastStage = text.slice(text.lastIndexOf('\nFROM '));
    const user = /^USER\s+(\S+)/m.exec(lastStage)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(lastStage).toMatch(/^HEALTHCHECK[^\n]*\/api\/status/m);
    expect(lastStage).toMatch(/^ENV .*\bHOST=0\.0\.0\.0/m);
    expect(lastStage).toMatch(/^CMD \[[^\]]*serve/m);
  });

  it('keeps secrets, caches and builds out of the image context', async () => {
    const ignore = (await fs.readFile(path.join(ROOT, '.dockerignore'), 'utf8')).split('\n');
    for (const entry of ['node_modules', '.env', 'dist', '.git']) expect(ignore).toContain(entry);
  });
});
