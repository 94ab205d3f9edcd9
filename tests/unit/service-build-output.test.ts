/**
 * What the service reads from a build's output (src/service/build-output.ts) and shows in
 * `/api/status`: the build's own error message, its content warnings, no local paths; and
 * which changes in an export folder count (src/service/watcher.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hideLocalPaths,
  readBuildError,
  readContentWarnings,
} from '../../src/service/build-output.ts';
import { formatProblem as formatContentProblem } from '../../src/sanity/problems.ts';
import { ROOT, summariseFailure } from '../../src/service/publisher.ts';
import type { ReleaseInfo } from '../../src/service/releases.ts';
import { describeExport } from '../../src/service/server.ts';
import { formatStatus, MAX_LISTED_WARNINGS } from '../../src/service/status.ts';
import { isExportFile } from '../../src/service/watcher.ts';

const TMP_EXPORT = '/tmp/tanketanken-embedded-Ab12/export/data.ndjson';

/** A failed `astro build` as Astro prints it (formatErrorMessage): message, sections, stack. */
function astroFailure(message: string, sections: string): string {
  return [
    '10:20:30 [content] Syncing content',
    '10:20:31 [build] Collecting build info...',
    `\u001b[31m${message}\u001b[39m`,
    sections,
    '  \u001b[1mStack trace:\u001b[22m',
    `    at parseLine (file://${ROOT}/src/sanity/dataset-file.ts:52:11)`,
    `    at Array.map (<anonymous>)`,
    `    at readDataset (${ROOT}/src/sanity/dataset-file.ts:70:3)`,
    '',
  ].join('\n');
}

describe('the reason of a failed build', () => {
  it('is the error the build printed for an invalid line, not the stack trace', () => {
    const output = astroFailure(
      `[DatasetError] ${TMP_EXPORT}:75: not valid JSON (Unexpected token 'x', "x{" is not valid JSON).`,
      '',
    );
    const reason = summariseFailure(output, []);
    expect(reason).toBe(
      `…/data.ndjson:75: not valid JSON (Unexpected token 'x', "x{" is not valid JSON).`,
    );
    expect(reason).not.toMatch(/Stack trace|at parseLine|\/tmp\//);
  });

  it("is the site's message for a duplicate slug, without Astro's generic hint or location", () => {
    const message =
      'Two post documents have the slug "sensorer": "post-a" and "post-b". Give one of them another slug in the Studio.';
    const output = astroFailure(
      message,
      [
        '  \u001b[1mHint:\u001b[22m',
        '    See https://docs.astro.build/en/guides/troubleshooting/#document-or-window-is-not-defined for more information.',
        '  \u001b[1mLocation:\u001b[22m',
        `    ${ROOT}/src/sanity/content.ts:210:11`,
      ].join('\n'),
    );
    const reason = summariseFailure(output, []);
    expect(reason).toBe(message);
  });

  it('takes an [ERROR] log line as the message, and hides tokens', () => {
    const output = [
      '10:20:31 [build] Collecting build info...',
      '10:20:32 [ERROR] [content] STRICT_CONTENT=true and 1 content problem(s) were found; token sk-secret-token-123',
      '  Stack trace:',
      '    at x (y.js:1:1)',
    ].join('\n');
    expect(readBuildError(output, { secrets: ['sk-secret-token-123'], root: ROOT })).toBe(
      'STRICT_CONTENT=true and 1 content problem(s) were found; token [hidden]',
    );
  });

  it('falls back to the last telling lines, never a stack frame', () => {
    const output = 'starting\nError: could not reach the API\n    at fetch (node:internal:1:1)\n';
    expect(readBuildError(output, { secrets: [], root: ROOT })).toBe(
      'Error: could not reach the API',
    );
  });
});

describe('local paths', () => {
  it('are made relative to the project or cut to their file name', () => {
    expect(hideLocalPaths(`${ROOT}/content/data.ndjson:3: bad`, ROOT)).toBe(
      'content/data.ndjson:3: bad',
    );
    expect(hideLocalPaths(`${TMP_EXPORT}:3: bad`, ROOT)).toBe('…/data.ndjson:3: bad');
    expect(hideLocalPaths('see https://docs.astro.build/en/guides/x/', ROOT)).toBe(
      'see https://docs.astro.build/en/guides/x/',
    );
  });

  it('the watched export is named relative to the project, or by its name', () => {
    expect(describeExport(path.join(ROOT, 'content'))).toBe('content');
    expect(describeExport('/tmp/tanketanken-embedded-Ab12/export')).toBe('export');
  });
});

describe('content warnings', () => {
  it('are read from the build output, one per problem, once each', () => {
    const line = formatContentProblem({
      id: 'post-x',
      type: 'post',
      field: 'title',
      reason: 'is 500 characters; the limit is 120',
      excluded: true,
    });
    const dropped = formatContentProblem({
      id: 'case-1',
      type: 'caseStudy',
      field: 'heroImage',
      reason: 'refers to "image-zz", which is not in the export',
      excluded: false,
    });
    const output = [
      `10:20:30 \u001b[33m[WARN] [content]\u001b[39m ${line}`,
      `10:20:30 [WARN] [content] ${dropped}`,
      `10:20:31 [WARN] [content] ${line}`,
      '10:20:31 [WARN] [content] embedded dataset content: 41 published (30 posts, 7 projects, 4 cases); 1 left out, 1 field(s) dropped, 0 scheduled for later.',
    ].join('\n');
    expect(readContentWarnings(output)).toEqual([line, dropped]);
    expect(readContentWarnings('10:20:30 [build] 42 page(s) built')).toEqual([]);
  });

  it('are shown in /api/status for the live release, listed up to a limit and the rest counted', () => {
    const warnings = Array.from(
      { length: MAX_LISTED_WARNINGS + 3 },
      (_, index) => `post "post-${index}" · title: is missing (left out)`,
    );
    const live: ReleaseInfo = {
      id: '20260501T100000000Z-001',
      dir: '/srv/state/releases/x/site',
      builtAt: '2026-05-01T10:00:00.000Z',
      durationMs: 1000,
      documents: 42,
      contentRevision: '2026-05-01T09:00:00Z',
      warnings,
    };
    const status = formatStatus({
      live,
      queue: { running: undefined, pending: [], started: 2 },
      lastBuild: { ok: true, finishedAt: live.builtAt, durationMs: 1000, releaseId: live.id },
      nextScheduledAt: undefined,
      lastFailure: {
        at: '2026-05-01T09:50:00.000Z',
        reason: '…/data.ndjson:75: not valid JSON',
        reasons: [],
        resolvedBy: live.id,
      },
      source: 'local',
      webhook: false,
      watching: 'content',
    });
    expect(status.live?.warnings).toEqual({
      count: MAX_LISTED_WARNINGS + 3,
      list: warnings.slice(0, MAX_LISTED_WARNINGS),
      more: 3,
    });
    expect(status.lastFailure).toEqual({
      at: '2026-05-01T09:50:00.000Z',
      reason: '…/data.ndjson:75: not valid JSON',
      resolvedBy: live.id,
    });
    expect(JSON.stringify(status)).not.toContain('/srv/');
  });
});

describe('changes in an export folder', () => {
  it("count only for the export's own files", () => {
    expect(isExportFile('data.ndjson')).toBe(true);
    expect(isExportFile(path.join('images', 'photo.jpg'))).toBe(true);
    expect(isExportFile(path.join('files', 'report.pdf'))).toBe(true);
    expect(isExportFile('images')).toBe(true);
    expect(isExportFile('sedLOmS2N')).toBe(false);
    expect(isExportFile('.data.ndjson.swp')).toBe(false);
    expect(isExportFile('data.ndjson~')).toBe(false);
    expect(isExportFile(path.join('other', 'data.ndjson'))).toBe(false);
  });
});
