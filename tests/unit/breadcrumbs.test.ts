import { describe, expect, test } from 'vitest';
import {
  buildBreadcrumbList,
  buildBreadcrumbs,
  getCurrentState,
} from '../../src/lib/breadcrumbs.ts';

const home = { label: 'Forside', href: '/' };

describe('buildBreadcrumbs', () => {
  test('the trail starts at the front page and ends at the page', () => {
    const trail = buildBreadcrumbs(home, [
      { label: 'Caser', href: '/caser/' },
      { label: 'Digitalt tilsyn', href: '/caser/digitalt-tilsyn/' },
    ]);
    expect(trail.map((crumb) => crumb.href)).toEqual(['/', '/caser/', '/caser/digitalt-tilsyn/']);
  });

  test('a step off the site is refused, naming the step', () => {
    expect(() => buildBreadcrumbs(home, [{ label: 'Ute', href: 'https://example.no/' }])).toThrow(
      /"Ute" has the path "https:\/\/example.no\/"/,
    );
    expect(() => buildBreadcrumbs(home, [{ label: 'Ute', href: '//example.no/' }])).toThrow(/Ute/);
  });
});

describe('buildBreadcrumbList', () => {
  test('each step becomes a ListItem with its position and absolute URL', () => {
    const list = buildBreadcrumbList(
      [home, { label: 'Tema «A» & <b>', href: '/tema/a/' }],
      'https://tanketanken.example',
    );
    expect(list).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Forside', item: 'https://tanketanken.example/' },
        {
          '@type': 'ListItem',
          position: 2,
          name: 'Tema «A» & <b>',
          item: 'https://tanketanken.example/tema/a/',
        },
      ],
    });
  });
});

describe('getCurrentState', () => {
  test('the link to the page itself is the page; a section link is true below it', () => {
    expect(getCurrentState('/caser/', '/caser/')).toBe('page');
    expect(getCurrentState('/caser/x/', '/caser/')).toBe('true');
    expect(getCurrentState('/caser/side/2/', '/caser/')).toBe('true');
    expect(getCurrentState('/innlegg/x/', '/caser/')).toBeUndefined();
    expect(getCurrentState('/caserx/', '/caser/')).toBeUndefined();
  });

  test('the front page is no section of every page, and a file link is no section', () => {
    expect(getCurrentState('/', '/')).toBe('page');
    expect(getCurrentState('/caser/', '/')).toBeUndefined();
    expect(getCurrentState('/rss.xml/x', '/rss.xml')).toBeUndefined();
  });
});
