/**
 * The site settings' organisation number: the Studio (Sanity's validation runner over the
 * compiled schema) and the build refuse the same values, and the build then leaves the number
 * out of the data catalogue with a warning that names the field.
 */
import { describe, expect, it, test } from 'vitest';
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

const NETWORK_ROWS: { name: string; site: Record<string, unknown>; accepted: boolean }[] = [
  { name: 'a site', site: { name: 'Asker', url: 'https://asker.example/' }, accepted: true },
  { name: 'http', site: { name: 'Asker', url: 'http://asker.example/innovasjon' }, accepted: true },
  { name: 'javascript:', site: { name: 'Asker', url: 'javascript:alert(1)' }, accepted: false },
  { name: 'ftp', site: { name: 'Asker', url: 'ftp://asker.example/' }, accepted: false },
  { name: 'a query', site: { name: 'Asker', url: 'https://asker.example/?q=1' }, accepted: false },
  {
    name: 'a password',
    site: { name: 'Asker', url: 'https://a:b@asker.example/' },
    accepted: false,
  },
  { name: 'no name', site: { url: 'https://asker.example/' }, accepted: false },
  { name: 'no address', site: { name: 'Asker' }, accepted: false },
];

describe('a site in the network, in the Studio and in the build', () => {
  test.each(NETWORK_ROWS)('$name', async ({ site, accepted }) => {
    const document = {
      ...settingsWith('935478715'),
      network: [{ _key: 'n0', _type: 'networkSite', ...site }],
    };
    const studio = (await validateDocuments([document], { dataset: [document] })).filter(
      (problem) => problem.level === 'error',
    );
    const content = await loadSiteContent(createLocalEngine([document], 'network parity'), {
      now: new Date('2025-01-01T00:00:00Z'),
      cdn: undefined,
    });
    const build = content.problems.filter((problem) => problem.id === 'siteSettings');
    expect(studio.every((problem) => problem.path.startsWith('network'))).toBe(true);
    expect(build.every((problem) => problem.field.startsWith('network[0]'))).toBe(true);
    expect({ studio: studio.length === 0, build: build.length === 0 }).toEqual({
      studio: accepted,
      build: accepted,
    });
    expect(content.siteSettings.network.length).toBe(accepted ? 1 : 0);
  });

  it('the build keeps each address once and names the second', async () => {
    const document = {
      ...settingsWith('935478715'),
      network: [
        { _key: 'a', _type: 'networkSite', name: 'Asker', url: 'https://asker.example' },
        { _key: 'b', _type: 'networkSite', name: 'Asker igjen', url: 'https://asker.example/' },
      ],
    };
    const content = await loadSiteContent(createLocalEngine([document], 'network twice'), {
      now: new Date('2025-01-01T00:00:00Z'),
      cdn: undefined,
    });
    expect(content.siteSettings.network).toEqual([
      { name: 'Asker', url: 'https://asker.example/' },
    ]);
    expect(content.problems.map((problem) => problem.field)).toEqual(['network[1].url']);
  });
});
