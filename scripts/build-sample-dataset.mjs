/**
 * Builds `content/data.ndjson`, the embedded dataset, from the readable source in
 * `scripts/sample-dataset/`. The output has the shape `sanity dataset export` writes:
 * one document per line with `_id`, `_type`, `_createdAt`, `_updatedAt` and `_rev`;
 * `_key` on every object in an array; references, slugs and `_sanityAsset` image fields.
 * Keys and revisions are derived from content, so a rebuild without changes is a no-op.
 *
 * Run `node scripts/generate-sample-images.mjs` first when the drawings change.
 * Usage: npm exec -- node scripts/build-sample-dataset.mjs
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASE_SECTIONS } from '../content-schemas/case-sections.ts';
import { LIMITS } from '../content-schemas/validation.ts';
import { slugify } from '../content-schemas/slugify.ts';
import { cases } from './sample-dataset/cases.mjs';
import { pages, siteSettings } from './sample-dataset/pages.mjs';
import { people, serviceAreas, topics } from './sample-dataset/taxonomy.mjs';
import { posts, unpublished } from './sample-dataset/posts.mjs';
import { projects } from './sample-dataset/projects.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = join(root, 'content', 'data.ndjson');
const images = JSON.parse(
  await readFile(join(root, 'scripts', 'sample-dataset', 'images.json'), 'utf8'),
);

const REFERENCE_ARRAYS = ['authors', 'topics', 'serviceAreas', 'related'];
const REFERENCE_FIELDS = ['contact', 'accessibilityStatement'];
const SLUGGED = ['post', 'projectStory', 'caseStudy', 'person', 'topic', 'serviceArea', 'page'];
/** Field order in the output: system fields, then the content model's order, then the rest. */
const FIELD_ORDER = [
  '_id',
  '_type',
  '_createdAt',
  '_updatedAt',
  '_rev',
  'title',
  'name',
  'slug',
  'excerpt',
  'publishedAt',
  'language',
  'status',
  'municipality',
  'startDate',
  'endDate',
  'authors',
  'topics',
  'serviceAreas',
  'mainImage',
  'body',
  ...CASE_SECTIONS.map((section) => section.field),
  'sdgs',
  'awards',
  'partners',
  'funding',
  'contact',
  'updates',
  'related',
];

const sha1 = (value) => createHash('sha1').update(value).digest('hex');
const reference = (id) => ({ _type: 'reference', _ref: id });

/** Sanity system timestamps have whole seconds and a Z. */
const toSystemTime = (date) => new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
const shiftDays = (date, days) =>
  new Date(new Date(date).getTime() + days * 86_400_000).toISOString();

/** A 22-character revision id like the ones Sanity writes, derived from the content. */
function revisionOf(document) {
  const digest = createHash('sha256').update(JSON.stringify(document)).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(digest.subarray(0, 22), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Turns `{ __image: name }` into the export's `_sanityAsset` string. */
function resolveImage(value, where) {
  const { __image: name, ...fields } = value;
  const rest = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== '_type'));
  const entry = images[name];
  if (!entry) throw new Error(`${where}: no image named «${name}» in images.json`);
  return { _type: 'image', _sanityAsset: `image@file://./images/${entry.file}`, ...rest };
}

/** Walks a value: resolves images and gives every object in an array a stable `_key`. */
function finish(value, path, documentId) {
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      const done = finish(item, `${path}[${index}]`, documentId);
      if (done && typeof done === 'object' && !Array.isArray(done) && !done._key) {
        return { _key: sha1(`${documentId}|${path}|${index}`).slice(0, 12), ...done };
      }
      return done;
    });
  }
  if (value && typeof value === 'object') {
    if ('__image' in value) return resolveImage(value, `${documentId} ${path}`);
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, finish(v, `${path}.${k}`, documentId)]),
    );
  }
  return value;
}

function toExportDocument(source) {
  const { updatedAt, createdAt, ...fields } = source;
  const doc = { ...fields };
  if (SLUGGED.includes(doc._type)) {
    const slug = doc.slug ?? slugify(doc.title ?? doc.name);
    doc.slug = { _type: 'slug', current: slug };
  }
  for (const field of REFERENCE_ARRAYS) {
    if (Array.isArray(doc[field])) doc[field] = doc[field].map(reference);
  }
  for (const field of REFERENCE_FIELDS) {
    if (typeof doc[field] === 'string') doc[field] = reference(doc[field]);
  }
  const base = doc.publishedAt ?? createdAt ?? '2015-01-05T09:00:00.000Z';
  const finished = finish(doc, '', doc._id);
  const system = {
    _createdAt: toSystemTime(createdAt ?? shiftDays(base, -2)),
    _updatedAt: toSystemTime(updatedAt ?? shiftDays(base, 0.125)),
  };
  const withSystem = { ...finished, ...system };
  withSystem._rev = revisionOf(withSystem);
  const rank = (key) => (FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  const keys = Object.keys(withSystem).sort((x, y) => rank(x) - rank(y));
  return Object.fromEntries(keys.map((key) => [key, withSystem[key]]));
}

/** Collects every `_ref` inside a value. */
function collectRefs(value, found = []) {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, found));
  else if (value && typeof value === 'object') {
    if (typeof value._ref === 'string') found.push(value._ref);
    Object.values(value).forEach((item) => collectRefs(item, found));
  }
  return found;
}

/** Fails loudly on what the Studio or the content check would reject or warn about. */
function check(documents) {
  const problems = [];
  const ids = new Set();
  const slugs = new Map();
  for (const doc of documents) {
    if (ids.has(doc._id)) problems.push(`${doc._id}: duplicate _id`);
    ids.add(doc._id);
    if (doc.title && doc.title.length > LIMITS.titleSoft) {
      problems.push(
        `${doc._id}: title is ${doc.title.length} characters (at most ${LIMITS.titleSoft})`,
      );
    }
    if (doc.excerpt && doc.excerpt.length > LIMITS.excerptSoft) {
      problems.push(
        `${doc._id}: excerpt is ${doc.excerpt.length} characters (at most ${LIMITS.excerptSoft})`,
      );
    }
    if (doc.description && doc.description.length > LIMITS.excerptSoft) {
      problems.push(
        `${doc._id}: description is ${doc.description.length} characters (at most ${LIMITS.excerptSoft})`,
      );
    }
    if (doc.slug && !doc._id.startsWith('drafts.')) {
      const key = `${doc._type}/${doc.slug.current}`;
      if (slugs.has(key)) problems.push(`${doc._id}: slug ${key} also used by ${slugs.get(key)}`);
      slugs.set(key, doc._id);
    }
  }
  for (const doc of documents) {
    for (const ref of collectRefs(doc)) {
      if (!ids.has(ref)) problems.push(`${doc._id}: reference to missing document ${ref}`);
    }
  }
  if (problems.length)
    throw new Error(`The sample dataset has problems:\n  ${problems.join('\n  ')}`);
}

const published = [
  siteSettings,
  ...pages,
  ...people,
  ...topics,
  ...serviceAreas,
  ...posts,
  ...projects,
  ...cases,
];
const documents = [...published, ...unpublished].map(toExportDocument);
check(documents);
await writeFile(outputPath, documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
const count = (type) => documents.filter((doc) => doc._type === type).length;
console.log(
  `Wrote ${documents.length} documents to content/data.ndjson: ${count('post')} posts, ${count('projectStory')} projects, ${count('caseStudy')} cases, ${count('person')} people`,
);
