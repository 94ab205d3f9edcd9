import { describe, expect, it } from 'vitest';
import {
  ContentLake,
  ContentLakeError,
  toContentLakeForm,
  viewThrough,
  type MutationEvent,
} from '../../scripts/studio-demo/content-lake.ts';

const NOW = new Date('2026-12-04T10:00:00Z');

function createLake() {
  return new ContentLake(
    [
      {
        _id: 'case-a',
        _type: 'caseStudy',
        _rev: 'rev-a',
        _createdAt: '2020-01-01T00:00:00Z',
        _updatedAt: '2020-01-01T00:00:00Z',
        title: 'Publisert tittel',
        mainImage: { _type: 'image', _sanityAsset: 'image@file://./images/abc123-10x20.jpg' },
      },
      { _id: 'drafts.case-b', _type: 'caseStudy', title: 'Bare utkast' },
    ],
    { now: () => NOW },
  );
}

describe('ContentLake', () => {
  it('loads an export in Content Lake form, with the image asset an import makes', () => {
    const lake = createLake();
    expect(lake.get('case-a')?.['mainImage']).toEqual({
      _type: 'image',
      asset: { _type: 'reference', _ref: 'image-abc123-10x20-jpg' },
    });
    expect(lake.get('image-abc123-10x20-jpg')).toMatchObject({
      _type: 'sanity.imageAsset',
      metadata: { dimensions: { width: 10, height: 20 } },
    });
    expect(lake.get('drafts.case-b')?._createdAt).toBe(NOW.toISOString());
  });

  it('reads through perspectives as the Content Lake does', async () => {
    const lake = createLake();
    lake.mutate([
      { createOrReplace: { _id: 'drafts.case-a', _type: 'caseStudy', title: 'Utkast' } },
    ]);
    expect(await lake.query('*[_type == "caseStudy"].title', {}, 'published')).toEqual([
      'Publisert tittel',
    ]);
    expect(
      await lake.query('*[_type == "caseStudy"]{_id, _originalId, title}', {}, 'drafts'),
    ).toEqual([
      { _id: 'case-a', _originalId: 'drafts.case-a', title: 'Utkast' },
      { _id: 'case-b', _originalId: 'drafts.case-b', title: 'Bare utkast' },
    ]);
    expect(await lake.query('count(*[_type == "caseStudy"])', {}, 'raw')).toBe(3);
    expect(viewThrough(lake.all(), 'published').some((doc) => doc._id.startsWith('drafts.'))).toBe(
      false,
    );
  });

  it('edits a draft and publishes it with document actions, telling listeners', () => {
    const lake = createLake();
    const events: MutationEvent[] = [];
    lake.listen((event) => events.push(event));
    lake.applyActions(
      [
        {
          actionType: 'sanity.action.document.edit',
          draftId: 'drafts.case-a',
          publishedId: 'case-a',
          patch: {
            diffMatchPatch: { title: '@@ -1,16 +1,10 @@\n-Publisert tittel\n+Ny tittel\n' },
          },
        },
      ],
      { transactionId: 'tx-edit' },
    );
    expect(lake.get('drafts.case-a')).toMatchObject({ title: 'Ny tittel', _rev: 'tx-edit' });
    expect(lake.get('case-a')?.['title']).toBe('Publisert tittel');
    lake.applyActions(
      [
        {
          actionType: 'sanity.action.document.publish',
          draftId: 'drafts.case-a',
          publishedId: 'case-a',
          ifPublishedRevisionId: 'rev-a',
        },
      ],
      { transactionId: 'tx-publish' },
    );
    expect(lake.get('case-a')).toMatchObject({
      title: 'Ny tittel',
      _rev: 'tx-publish',
      _createdAt: '2020-01-01T00:00:00Z',
    });
    expect(lake.get('drafts.case-a')).toBeUndefined();
    expect(events.map((event) => [event.documentId, event.transition])).toEqual([
      ['drafts.case-a', 'appear'],
      ['case-a', 'update'],
      ['drafts.case-a', 'disappear'],
    ]);
    // The mendoza effect replaces the document without its _rev, as the Studio applies it.
    expect(events[1]?.effects.apply).toEqual([0, expect.objectContaining({ title: 'Ny tittel' })]);
    expect(JSON.stringify(events[1]?.effects.apply)).not.toContain('_rev');
  });

  it('rejects a whole transaction when one mutation fails, naming the document', () => {
    const lake = createLake();
    const attempt = () =>
      lake.mutate([
        { patch: { id: 'case-a', set: { title: 'Endret' } } },
        { create: { _id: 'case-a', _type: 'caseStudy' } },
      ]);
    expect(attempt).toThrow(ContentLakeError);
    expect(attempt).toThrow(/Document "case-a" already exists/);
    expect(lake.get('case-a')?.['title']).toBe('Publisert tittel');
    expect(() =>
      lake.mutate([{ patch: { id: 'case-a', ifRevisionID: 'old', set: { title: 'x' } } }]),
    ).toThrow(/has revision rev-a, not old/);
    expect(() =>
      lake.applyActions([{ actionType: 'sanity.action.document.version.create' }]),
    ).toThrow(/does not support the action "sanity.action.document.version.create"/);
  });

  it('discards a draft with version.discard («Forkast endringer») and refuses release versions by name', () => {
    const lake = createLake();
    const events: MutationEvent[] = [];
    lake.listen((event) => events.push(event));
    lake.applyActions([
      { actionType: 'sanity.action.document.version.discard', versionId: 'drafts.case-b' },
    ]);
    expect(lake.get('drafts.case-b')).toBeUndefined();
    expect(events.map((event) => [event.documentId, event.transition])).toEqual([
      ['drafts.case-b', 'disappear'],
    ]);
    expect(() =>
      lake.applyActions([
        { actionType: 'sanity.action.document.version.discard', versionId: 'drafts.case-b' },
      ]),
    ).toThrow(/Cannot discard "drafts.case-b": there is no such draft/);
    expect(() =>
      lake.applyActions([
        { actionType: 'sanity.action.document.version.discard', versionId: 'versions.r1.case-a' },
      ]),
    ).toThrow(/discards drafts only, not the release version "versions.r1.case-a"/);
    expect(lake.get('case-a')?.['title']).toBe('Publisert tittel');
  });

  it('keeps toContentLakeForm for the site tests', () => {
    expect(toContentLakeForm({ _sanityAsset: 'image@file://./images/ff-1x2.png' })).toEqual({
      asset: { _type: 'reference', _ref: 'image-ff-1x2-png' },
    });
  });
});
