/**
 * The extracted schema (studio/schema.json, written by `npm run typegen` with required fields
 * enforced) against CONTENT-MODEL.md: every type, every field, and the contract's required flags.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AWARD_CATEGORIES,
  AWARD_RESULTS,
  CALLOUT_TONES,
  LANGUAGES,
  STATUSES,
} from '../../content-schemas/constants.ts';

interface Attribute {
  type: 'objectAttribute';
  value: TypeNode;
  optional?: boolean;
}
interface TypeNode {
  type: string;
  name?: string;
  value?: unknown;
  of?: TypeNode | TypeNode[];
  attributes?: Record<string, Attribute>;
}
interface SchemaEntry {
  name: string;
  type: string;
  attributes?: Record<string, Attribute>;
  value?: TypeNode;
}

const schema = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../studio/schema.json'), 'utf8'),
) as SchemaEntry[];

function getDocument(name: string): Record<string, Attribute> {
  const entry = schema.find((candidate) => candidate.name === name);
  if (entry?.type !== 'document' || entry.attributes === undefined) {
    throw new Error(`studio/schema.json has no document type "${name}"; run npm run typegen`);
  }
  return entry.attributes;
}

/** Required (`true`) or optional (`false`) per field, as CONTENT-MODEL.md has it. */
const SHARED = {
  title: true,
  slug: true,
  excerpt: false,
  publishedAt: true,
  language: false,
  authors: false,
  topics: false,
  serviceAreas: false,
  mainImage: false,
  body: false,
  related: false,
};
const INITIATIVE = { status: true, partners: false, funding: false, contact: false };

const CONTRACT: Record<string, Record<string, boolean>> = {
  post: { ...SHARED, body: true },
  projectStory: {
    ...SHARED,
    ...INITIATIVE,
    startDate: false,
    endDate: false,
    updates: false,
  },
  caseStudy: {
    ...SHARED,
    ...INITIATIVE,
    municipality: false,
    problem: true,
    targetGroup: false,
    solution: true,
    results: false,
    lessonsLearned: false,
    reuse: false,
    costs: false,
    sdgs: false,
    awards: false,
  },
  person: {
    name: true,
    slug: true,
    role: false,
    unit: false,
    image: false,
    bio: false,
    email: false,
    phone: false,
  },
  topic: { title: true, slug: true, description: false },
  serviceArea: { title: true, slug: true, description: false },
  page: { title: true, slug: true, language: false, body: false },
  siteSettings: {
    title: false,
    description: false,
    organization: false,
    organizationNumber: false,
    contactEmail: false,
    license: false,
    accessibilityStatement: false,
    feedbackUrl: false,
    network: false,
    nominationWindow: false,
  },
  prizeNomination: {
    title: true,
    need: true,
    achieved: true,
    serviceArea: false,
    category: true,
    year: true,
    nominator: false,
    consent: false,
    receivedAt: false,
    reference: false,
    verdict: false,
  },
};

const SYSTEM_FIELDS = ['_id', '_type', '_createdAt', '_updatedAt', '_rev'];

function literalValues(node: TypeNode): unknown[] {
  const members = node.type === 'union' && Array.isArray(node.of) ? node.of : [node];
  return members.map((member) => member.value);
}

function arrayMembers(node: TypeNode): TypeNode[] {
  const of = node.of;
  if (of === undefined || Array.isArray(of)) throw new Error('expected an array type');
  return of.type === 'union' && Array.isArray(of.of) ? of.of : [of];
}

function memberType(member: TypeNode): unknown {
  return member.attributes?.['_type']?.value.value;
}

describe('studio/schema.json against CONTENT-MODEL.md', () => {
  it.each(Object.entries(CONTRACT))('%s has exactly the contract fields', (type, fields) => {
    const attributes = getDocument(type);
    expect(Object.keys(attributes).sort()).toEqual(
      [...SYSTEM_FIELDS, ...Object.keys(fields)].sort(),
    );
  });

  it.each(
    Object.entries(CONTRACT).flatMap(([type, fields]) =>
      Object.entries(fields).map(([field, required]) => [type, field, required] as const),
    ),
  )('%s.%s required: %s', (type, field, required) => {
    expect(getDocument(type)[field]?.optional === true).toBe(!required);
  });

  it('limits status, language and award values to the shared constants', () => {
    const caseStudy = getDocument('caseStudy');
    expect(literalValues(caseStudy['status']!.value)).toEqual(STATUSES.map((s) => s.value));
    expect(literalValues(getDocument('projectStory')['status']!.value)).toEqual(
      STATUSES.map((s) => s.value),
    );
    expect(literalValues(getDocument('post')['language']!.value)).toEqual(
      LANGUAGES.map((l) => l.value),
    );
    const [award] = arrayMembers(caseStudy['awards']!.value);
    expect(Object.keys(award?.attributes ?? {})).toEqual(
      expect.arrayContaining(['year', 'category', 'result']),
    );
    expect(literalValues(award!.attributes!['result']!.value)).toEqual(
      AWARD_RESULTS.map((r) => r.value),
    );
    // The category stays free text, so prize categories and other prizes both fit.
    expect(award!.attributes!['category']!.value).toEqual({
      type: 'inline',
      name: 'awardCategory',
    });
    expect(schema.find((entry) => entry.name === 'awardCategory')?.value?.type).toBe('string');
    expect(AWARD_CATEGORIES.map((c) => c.value)).toEqual([
      'arets-innovasjon',
      'stjael-med-stil',
      'beste-feil',
    ]);
  });

  it('stores SDGs as numbers and updates as {date, title, text}', () => {
    const [goal] = arrayMembers(getDocument('caseStudy')['sdgs']!.value);
    expect(goal?.type).toBe('number');
    const [update] = arrayMembers(getDocument('projectStory')['updates']!.value);
    expect(Object.keys(update?.attributes ?? {})).toEqual(
      expect.arrayContaining(['date', 'title', 'text']),
    );
  });

  it('keeps images as Sanity images with alt, caption and credit', () => {
    const image = getDocument('post')['mainImage']!.value;
    expect(Object.keys(image.attributes ?? {})).toEqual(
      expect.arrayContaining(['asset', 'alt', 'caption', 'credit']),
    );
    expect(image.attributes?.['_type']?.value.value).toBe('image');
  });

  it('gives blockContent exactly the contract block types and annotations', () => {
    const blockContent = schema.find((entry) => entry.name === 'blockContent');
    const members = arrayMembers(blockContent!.value!);
    expect(members.map(memberType)).toEqual([
      'block',
      'image',
      'callout',
      'factBox',
      'pullQuote',
      'videoEmbed',
    ]);
    const block = members[0]!;
    expect(literalValues(block.attributes!['style']!.value)).toEqual([
      'normal',
      'h2',
      'h3',
      'h4',
      'blockquote',
    ]);
    expect(literalValues(block.attributes!['listItem']!.value)).toEqual(['bullet', 'number']);
    const markDefs = arrayMembers(block.attributes!['markDefs']!.value);
    expect(markDefs.map(memberType)).toEqual(['link', 'internalLink']);
    expect(Object.keys(markDefs[0]!.attributes!)).toContain('href');
    expect(Object.keys(markDefs[1]!.attributes!)).toContain('reference');
    const byType = new Map(members.map((member) => [memberType(member), member]));
    expect(literalValues(byType.get('callout')!.attributes!['tone']!.value)).toEqual(
      CALLOUT_TONES.map((t) => t.value),
    );
    expect(Object.keys(byType.get('factBox')!.attributes!)).toEqual(
      expect.arrayContaining(['title', 'items']),
    );
    expect(Object.keys(byType.get('pullQuote')!.attributes!)).toEqual(
      expect.arrayContaining(['text', 'attribution']),
    );
    const video = byType.get('videoEmbed')!.attributes!;
    expect(video['url']?.optional).toBe(false);
    expect(video['title']?.optional).toBe(false);
    expect(byType.get('image')!.attributes!['alt']).toBeDefined();
  });
});
