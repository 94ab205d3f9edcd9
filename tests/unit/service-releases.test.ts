import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findLiveRelease,
  findMissingFiles,
  formatReleaseId,
  isReleaseId,
  pruneReleases,
  REQUIRED_FILES,
  selectReleasesToPrune,
} from '../../src/service/releases.ts';
import { findNextScheduled } from '../../src/service/scheduler.ts';
import { readDocumentCount, summariseFailure } from '../../src/service/publisher.ts';

describe('release ids', () => {
  it('sort by build time and are recognised', () => {
    const early = formatReleaseId(new Date('2026-05-01T09:59:59.123Z'), 7);
    const late = formatReleaseId(new Date('2026-05-01T10:00:00.001Z'), 2);
    expect(early).toBe('20260501T095959123Z-007');
    expect([late, early].sort()).toEqual([early, late]);
    expect(isReleaseId(early)).toBe(true);
    expect(isReleaseId('site-dir')).toBe(false);
    expect(isReleaseId('../etc')).toBe(false);
  });

  it('prune all but the live one and the newest others', () => {
    const ids = [
      '20260101T000000000Z-001',
      '20260102T000000000Z-001',
      '20260103T000000000Z-001',
      '20260104T000000000Z-001',
      'notes',
    ];
    expect(selectReleasesToPrune(ids, '20260102T000000000Z-001', 1)).toEqual([
      '20260101T000000000Z-001',
      '20260103T000000000Z-001',
    ]);
    expect(selectReleasesToPrune(ids, undefined, 5)).toEqual([]);
  });
});

describe('release folders', () => {
  it('count only complete builds, and after a restart serve the one live.json names', async () => {
    const state = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-releases-'));
    try {
      const make = async (id: string, complete: boolean) => {
        const site = path.join(state, 'releases', id, 'site');
        for (const file of complete ? REQUIRED_FILES : REQUIRED_FILES.slice(1)) {
          await fs.mkdir(path.dirname(path.join(site, file)), { recursive: true });
          await fs.writeFile(path.join(site, file), 'x');
        }
        await fs.writeFile(
          path.join(state, 'releases', id, 'release.json'),
          JSON.stringify({ builtAt: '2026-01-01T00:00:00.000Z', documents: 3 }),
        );
      };
      await make('20260101T000000000Z-001', true);
      await make('20260102T000000000Z-001', true);
      await make('20260103T000000000Z-001', false);
      expect(
        await findMissingFiles(path.join(state, 'releases', '20260103T000000000Z-001', 'site')),
      ).toEqual(['index.html']);
      expect((await findLiveRelease(state))?.id).toBe('20260102T000000000Z-001');
      await fs.writeFile(
        path.join(state, 'live.json'),
        JSON.stringify({ id: '20260101T000000000Z-001' }),
      );
      const live = await findLiveRelease(state);
      expect(live).toMatchObject({
        id: '20260101T000000000Z-001',
        documents: 3,
        durationMs: undefined,
      });
      expect(await pruneReleases(state, live?.id, 1)).toEqual(['20260102T000000000Z-001']);
      expect((await fs.readdir(path.join(state, 'releases'))).sort()).toEqual([
        '20260101T000000000Z-001',
        '20260103T000000000Z-001',
      ]);
    } finally {
      await fs.rm(state, { recursive: true, force: true });
    }
  });
});

describe('findNextScheduled', () => {
  it('gives the earliest time after now and skips past times and non-dates', () => {
    const now = new Date('2026-05-01T10:00:00Z');
    expect(
      findNextScheduled(
        ['2026-05-01T09:00:00Z', '2026-06-01T08:00:00Z', '2026-05-02T08:00:00+02:00', 'soon', null],
        now,
      ),
    ).toBe('2026-05-02T06:00:00.000Z');
    expect(findNextScheduled(['2026-05-01T10:00:00Z'], now)).toBeUndefined();
    expect(findNextScheduled([], now)).toBeUndefined();
  });
});

describe('build output', () => {
  it('reads the published count from the summary line', () => {
    expect(
      readDocumentCount(
        '12:00 [content] embedded dataset content: 42 published (30 posts, 8 projects, 4 cases); 0 left out',
      ),
    ).toBe(42);
    expect(readDocumentCount('nothing here')).toBeUndefined();
  });

  it('keeps the lines that say why a build failed, without tokens', () => {
    const output =
      '\u001b[31mstarting\u001b[0m\nrendering\n[content] post-1: publishedAt is missing\nError: STRICT_CONTENT=true and 1 content problem(s) were found\ntoken sk-secret-token-123 leaked\nfailed';
    const reason = summariseFailure(output, ['sk-secret-token-123']);
    expect(reason).toContain('STRICT_CONTENT=true');
    expect(reason).not.toContain('sk-secret-token-123');
    expect(reason).not.toContain('\u001b');
  });
});
