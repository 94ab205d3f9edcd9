/**
 * The site settings' organisation number: the Studio (Sanity's validation runner over the
 * compiled schema) and the build refuse the same values, and the build then leaves the number
 * out of the data catalogue with a warning that names the field.
 */
import { describe, expect, test } from 'vitest';
import { loadSiteContent } from '../../src/sanity/content.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import { validateDocuments, type LooseDocument } from '../../studio/validate-documents.ts';

const settingsWith = (organizationNumber: unknown): LooseDocument => ({
  _id: 'siteSettings',
  _type: 'siteSettings',
  _rev: 'rev-settings',
  _createdAt: '2024-01-01T00:00:00Z',
  _updatedAt: '2024-01-01T00:00:00Z',
  title: 'Tanketanken',
  organizationNumber,
});

const ROWS: { value: unknown; accepted: boolean; kept?: string }[] = [
  { value: '935478715', accepted: true, kept: '935478715' },
  { value: '935 478 715', accepted: true, kept: '935478715' },
  { value: '935478716', accepted: false },
  { value: '93547871', accepted: false },
  { value: '9354787150', accepted: false },
  { value: 'ni-sifre!', accepted: false },
  { value: '000000000', accepted: true, kept: '000000000' },
];

describe('the organisation number, in the Studio and in the build', () => {
  test.each(ROWS)('$value', async ({ value, accepted, kept }) => {
    const document = settingsWith(value);
    const studio = (await validateDocuments([document], { dataset: [document] })).filter(
      (problem) => problem.level === 'error',
    );
    const content = await loadSiteContent(createLocalEngine([document], 'settings parity'), {
      now: new Date('2025-01-01T00:00:00Z'),
      cdn: undefined,
    });
    const build = content.problems.filter((problem) => problem.id === 'siteSettings');
    expect(studio.map((problem) => problem.path)).toEqual(accepted ? [] : ['organizationNumber']);
    expect(build.map((problem) => problem.field)).toEqual(accepted ? [] : ['organizationNumber']);
    expect(content.siteSettings.organizationNumber).toBe(kept);
  });
});
