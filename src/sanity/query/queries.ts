/**
 * Every GROQ query the site runs, written once and run by both engines. One query per
 * collection per build; nothing queries per page. Shared projections are named fragments.
 *
 * The texts are literal types (`as const`), so `QueryEngine.fetch` types each result with
 * the type Sanity TypeGen generated for that very text (`sanity.types.ts`); a query edited
 * without `npm run typegen` no longer matches and its result is `unknown`, which fails
 * type checking where it is read. The queries fetch only what the checker and normaliser
 * read: a reference is its `_ref`, resolved by the checker against the published documents.
 *
 * The case query lists the case sections by hand: TypeGen reads query texts statically and
 * cannot evaluate one assembled from `CASE_SECTIONS` at run time. `tests/unit/sanity-queries.test.ts`
 * holds the two together.
 */
import { defineQuery } from 'groq';

/** An image field in either form: `asset._ref` (Content Lake) or `_sanityAsset` (export). */
export const imageProjection = /* groq */ `{
  "asset": coalesce(asset._ref, _sanityAsset),
  alt,
  caption,
  credit
}` as const;

/** A reference: its id, which the checker resolves and reports by name when it dangles. */
const referenceProjection = /* groq */ `{ _ref }` as const;

/** Portable Text with internal links and image assets made readable by the site. */
const blockContentProjection = /* groq */ `[]{
  ...,
  markDefs[]{
    ...,
    _type == "internalLink" => {
      "reference": reference${referenceProjection}
    }
  },
  _type == "image" => { "asset": coalesce(asset._ref, _sanityAsset) }
}` as const;

/** Fields that posts, project stories and cases share. */
const sharedFields = /* groq */ `
  _id,
  _rev,
  _updatedAt,
  title,
  "slug": slug.current,
  excerpt,
  publishedAt,
  "language": coalesce(language, "nb"),
  "authors": authors[]${referenceProjection},
  "topics": topics[]${referenceProjection},
  "serviceAreas": serviceAreas[]${referenceProjection},
  "mainImage": mainImage${imageProjection},
  "body": body${blockContentProjection},
  "related": related[]${referenceProjection}
` as const;

/** Fields that project stories and cases add. */
const initiativeFields = /* groq */ `
  status,
  partners,
  funding,
  "contact": contact${referenceProjection}
` as const;

/** Every published post. */
export const postsQuery = defineQuery(`*[_type == "post"]{
  ${sharedFields}
}`);

/** Every published project story. */
export const projectStoriesQuery = defineQuery(`*[_type == "projectStory"]{
  ${sharedFields},
  ${initiativeFields},
  startDate,
  endDate,
  updates[]{ _key, date, title, text }
}`);

/** Every published innovation case; its sections in the order of `CASE_SECTIONS`. */
export const caseStudiesQuery = defineQuery(`*[_type == "caseStudy"]{
  ${sharedFields},
  ${initiativeFields},
  municipality,
  "problem": problem${blockContentProjection},
  targetGroup,
  "solution": solution${blockContentProjection},
  "results": results${blockContentProjection},
  "lessonsLearned": lessonsLearned${blockContentProjection},
  reuse,
  costs,
  sdgs,
  awards[]{ year, category, result }
}`);

/** Every person. */
export const peopleQuery = defineQuery(`*[_type == "person"]{
  _id, _rev, _updatedAt, name, "slug": slug.current, role, unit,
  "image": image${imageProjection}, bio, email, phone
}`);

/** Every topic. */
export const topicsQuery = defineQuery(`*[_type == "topic"]{
  _id, _rev, _updatedAt, title, "slug": slug.current, description
}`);

/** Every service area. */
export const serviceAreasQuery = defineQuery(`*[_type == "serviceArea"]{
  _id, _rev, _updatedAt, title, "slug": slug.current, description
}`);

/** Every generic page (about, accessibility statement). */
export const pagesQuery = defineQuery(`*[_type == "page"]{
  _id, _rev, _updatedAt, title, "slug": slug.current,
  "language": coalesce(language, "nb"),
  "body": body${blockContentProjection}
}`);

/** The singleton with the site's name, organisation, licence and the prize's nomination window. */
export const siteSettingsQuery = defineQuery(`*[_id == "siteSettings"][0]{
  _id, title, description, organization, organizationNumber, contactEmail,
  license{ name, url },
  "accessibilityStatement": accessibilityStatement${referenceProjection},
  feedbackUrl,
  "network": network[]{ name, url },
  nominationWindow{ opens, closes }
}`);
