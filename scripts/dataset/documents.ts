/**
 * Builds a whole synthetic dataset in Sanity's export shape: the benchmark's mix of posts,
 * project stories and cases, with people, topics, service areas, pages and settings, all
 * linked by references, in bokmål, nynorsk and English, with a few drafts and documents
 * scheduled for the future. Deterministic: one seed, one dataset.
 */
import { drawImages, type ExportImage } from './images.ts';
import { createRandom, type Random } from './random.ts';
import { countWords, createTextWriter, type Language, type TextWriter } from './text.ts';

/** A document as it is written to data.ndjson. */
export interface ExportDocument {
  _id: string;
  _type: string;
  [field: string]: unknown;
}

/** What to generate. */
export interface GenerateOptions {
  /** Number of posts + project stories + cases, drafts and scheduled ones included. */
  docs: number;
  seed: string;
}

/** How many documents of each kind were written. */
export interface DatasetCounts {
  post: number;
  projectStory: number;
  caseStudy: number;
  person: number;
  topic: number;
  serviceArea: number;
  page: number;
  siteSettings: number;
  drafts: number;
  scheduled: number;
  /** Posts, projects and cases that the site should publish. */
  published: number;
}

/** A generated dataset, ready to be written to disk. */
export interface GeneratedDataset {
  documents: ExportDocument[];
  images: ExportImage[];
  counts: DatasetCounts;
}

type ContentType = 'post' | 'projectStory' | 'caseStudy';

const STATUSES = [
  'idea',
  'insight',
  'testing',
  'implementing',
  'operational',
  'spreading',
  'ended',
];
const AWARD_CATEGORIES = ['arets-innovasjon', 'stjael-med-stil', 'beste-feil'];
const TONES = ['info', 'tip', 'warning'];
const VIDEOS = [
  'https://www.youtube.com/watch?v=M7lc1UVf-VE',
  'https://vimeo.com/76979871',
  'https://youtu.be/aqz-KE-bpKQ',
];
const PARTNERS = [
  'NAV',
  'Husbanken',
  'KS',
  'Universitetet i Oslo',
  'OsloMet',
  'Statsforvalteren',
  'Frivilligsentralen',
  'Røde Kors',
  'Innovasjon Norge',
  'SINTEF',
  'Viken fylkeskommune',
  'Asker kommune',
  'Lillestrøm kommune',
  'Digdir',
];
const FUNDING = [
  'Lokale innovasjonsmidler',
  'Innovasjonsmidler',
  'Skattefunn',
  'Statsforvalterens skjønnsmidler',
  'Driftsbudsjett',
  'Forskningsrådet',
  'KS Innovasjonsfond',
];
const FIRST_NAMES = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Silje',
  'Thomas',
  'Nora',
  'Amir',
  'Maja',
  'Jonas',
  'Sara',
  'Erik',
  'Aisha',
  'Per',
  'Hanne',
  'Tor',
];
const LAST_NAMES = [
  'Solheim',
  'Berg',
  'Aamodt',
  'Hansen',
  'Johansen',
  'Larsen',
  'Nilsen',
  'Haugen',
  'Bakke',
  'Lie',
  'Moen',
  'Dahl',
  'Ali',
  'Strand',
];
const TOPIC_TITLES = [
  'Velferdsteknologi',
  'Medvirkning',
  'Læring',
  'Klima og miljø',
  'Ungdom og fritid',
  'Ledelse og kultur',
  'Digitalisering',
  'Tjenestedesign',
  'Bolig',
  'Frivillighet',
  'Data og analyse',
  'Folkehelse',
];
const AREA_TITLES = [
  'Helse og omsorg',
  'Oppvekst og skole',
  'Kultur og fritid',
  'Organisasjon og styring',
  'Miljø og teknikk',
  'Sosial og bolig',
  'Barnehage',
  'Eiendom',
];

const DAY = 24 * 60 * 60 * 1000;
const FIRST_DATE = Date.UTC(2015, 0, 1);
const LAST_DATE = Date.UTC(2026, 5, 30);
/** Far enough ahead to stay "scheduled" whenever the dataset is built. */
const SCHEDULED_FROM = Date.UTC(2099, 0, 1);

/** Lower-case ASCII slug, the way the Studio's slugify makes them. */
export function toSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);
const isoSeconds = (time: number): string => `${new Date(time).toISOString().slice(0, 19)}Z`;

class Builder {
  readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  key(): string {
    return this.random.hex(12);
  }

  reference(id: string, withKey = true): Record<string, unknown> {
    return withKey
      ? { _key: this.key(), _type: 'reference', _ref: id }
      : { _type: 'reference', _ref: id };
  }

  span(text: string, marks: string[] = []): Record<string, unknown> {
    return { _key: this.key(), _type: 'span', text, marks };
  }

  block(
    style: string,
    children: Record<string, unknown>[],
    extra: Record<string, unknown> = {},
    markDefs: Record<string, unknown>[] = [],
  ): Record<string, unknown> {
    return { _key: this.key(), _type: 'block', style, ...extra, markDefs, children };
  }

  /** A paragraph; some carry decorators, an external link or an internal link. */
  paragraph(writer: TextWriter, words: number, linkTargets: readonly string[]) {
    const text = writer.paragraph(words);
    const roll = this.random.next();
    if (roll < 0.55) return this.block('normal', [this.span(text)]);
    const cut = text.indexOf(' ', Math.floor(text.length / 3));
    const end = text.indexOf(' ', cut + 12);
    if (cut < 0 || end < 0) return this.block('normal', [this.span(text)]);
    const [head, middle, tail] = [
      text.slice(0, cut + 1),
      text.slice(cut + 1, end),
      text.slice(end),
    ];
    const markDefs: Record<string, unknown>[] = [];
    let marks: string[];
    if (roll < 0.75) {
      marks = [this.random.pick(['strong', 'em', 'code', 'strike-through'])];
    } else if (roll < 0.88 || linkTargets.length === 0) {
      const def = {
        _key: this.key(),
        _type: 'link',
        href: `https://www.example.org/${toSlug(middle)}`,
      };
      markDefs.push(def);
      marks = [def._key];
    } else {
      const def = {
        _key: this.key(),
        _type: 'internalLink',
        reference: this.reference(this.random.pick(linkTargets), false),
      };
      markDefs.push(def);
      marks = [def._key];
    }
    return this.block(
      'normal',
      [this.span(head), this.span(middle, marks), this.span(tail)],
      {},
      markDefs,
    );
  }

  image(images: readonly ExportImage[], writer: TextWriter, withCaption: boolean) {
    const image = this.random.pick(images);
    return {
      _type: 'image',
      _sanityAsset: image.asset,
      alt: `Illustrasjon: ${writer.noun()} og ${writer.noun()}.`,
      ...(withCaption ? { caption: writer.sentence() } : {}),
      credit: 'Illustrasjon: generert',
    };
  }

  /** One of the content model's custom blocks, at random. */
  special(writer: TextWriter, images: readonly ExportImage[]): Record<string, unknown> {
    const roll = this.random.next();
    if (roll < 0.3) return { _key: this.key(), ...this.image(images, writer, true) };
    if (roll < 0.5) {
      return {
        _key: this.key(),
        _type: 'callout',
        tone: this.random.pick(TONES),
        text: writer.sentence(),
      };
    }
    if (roll < 0.7) {
      return {
        _key: this.key(),
        _type: 'factBox',
        title: writer.title(),
        items: [writer.sentence(), writer.sentence(), writer.sentence()],
      };
    }
    if (roll < 0.88) {
      return {
        _key: this.key(),
        _type: 'pullQuote',
        text: writer.sentence(),
        attribution: `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`,
      };
    }
    return {
      _key: this.key(),
      _type: 'videoEmbed',
      url: this.random.pick(VIDEOS),
      title: writer.title(),
    };
  }

  /** Portable Text of about `targetWords` words, with headings, lists and custom blocks. */
  portableText(
    writer: TextWriter,
    targetWords: number,
    options: { images: readonly ExportImage[]; linkTargets: readonly string[]; specials: number },
  ): Record<string, unknown>[] {
    const blocks: Record<string, unknown>[] = [];
    let words = 0;
    let specials = options.specials;
    let sinceHeading = 0;
    while (words < targetWords) {
      if (sinceHeading >= 3 && blocks.length > 0) {
        const style = this.random.chance(0.8) ? 'h2' : 'h3';
        blocks.push(this.block(style, [this.span(writer.heading())]));
        sinceHeading = 0;
      }
      const roll = this.random.next();
      if (roll < 0.12) {
        const listItem = this.random.chance(0.6) ? 'bullet' : 'number';
        for (let item = this.random.int(3, 5); item > 0; item -= 1) {
          const text = writer.sentence();
          words += countWords(text);
          blocks.push(this.block('normal', [this.span(text)], { listItem, level: 1 }));
        }
      } else if (roll < 0.17) {
        const text = writer.sentence();
        words += countWords(text);
        blocks.push(this.block('blockquote', [this.span(text)]));
      } else if (roll < 0.25 && specials > 0) {
        specials -= 1;
        blocks.push(this.special(writer, options.images));
      } else {
        const paragraph = this.paragraph(writer, this.random.int(45, 90), options.linkTargets);
        const children = paragraph['children'] as { text: string }[];
        words += countWords(children.map((child) => child.text).join(''));
        blocks.push(paragraph);
      }
      sinceHeading += 1;
    }
    return blocks;
  }
}

function pickLanguage(random: Random): Language {
  const roll = random.next();
  return roll < 0.8 ? 'nb' : roll < 0.92 ? 'nn' : 'en';
}

/** Spreads `count` types over the benchmark's mix (BENCHMARKS.md#method): 60 % posts, 15 % projects, 25 % cases. */
export function planTypes(count: number): ContentType[] {
  const posts = Math.round(count * 0.6);
  const projects = Math.round(count * 0.15);
  const quota: [ContentType, number][] = [
    ['post', posts],
    ['projectStory', projects],
    ['caseStudy', count - posts - projects],
  ];
  const given = new Map<ContentType, number>();
  const types: ContentType[] = [];
  // Interleave (largest deficit first) so any prefix of the archive has the same mix.
  for (let index = 0; index < count; index += 1) {
    let best: ContentType = 'post';
    let bestDeficit = -Infinity;
    for (const [type, total] of quota) {
      const have = given.get(type) ?? 0;
      if (have >= total) continue;
      const deficit = (total * (index + 1)) / count - have;
      if (deficit > bestDeficit) {
        best = type;
        bestDeficit = deficit;
      }
    }
    given.set(best, (given.get(best) ?? 0) + 1);
    types.push(best);
  }
  return types;
}

const ID_PREFIX: Record<ContentType, string> = {
  post: 'post',
  projectStory: 'project',
  caseStudy: 'case',
};

/** Generates the dataset; the same options always give the same documents and images. */
export function generateDataset(options: GenerateOptions): GeneratedDataset {
  if (!Number.isInteger(options.docs) || options.docs < 1) {
    throw new Error(`--docs must be a whole number of at least 1, got ${options.docs}`);
  }
  const random = createRandom(options.seed);
  const build = new Builder(random);
  const images = drawImages(random, 6);
  const documents: ExportDocument[] = [];
  const system = (time: number) => ({
    _createdAt: isoSeconds(time - random.int(1, 10) * DAY),
    _updatedAt: isoSeconds(time + random.int(0, 30) * DAY),
    _rev: random.alnum(22),
  });
  const nbWriter = createTextWriter(random, 'nb');

  const topics = TOPIC_TITLES.map((title) => ({ id: `topic-${toSlug(title)}`, title }));
  for (const topic of topics) {
    documents.push({
      _id: topic.id,
      _type: 'topic',
      ...system(FIRST_DATE),
      title: topic.title,
      slug: { _type: 'slug', current: toSlug(topic.title) },
      description: nbWriter.sentence(),
    });
  }
  const areas = AREA_TITLES.map((title) => ({ id: `serviceArea-${toSlug(title)}`, title }));
  for (const area of areas) {
    documents.push({
      _id: area.id,
      _type: 'serviceArea',
      ...system(FIRST_DATE),
      title: area.title,
      slug: { _type: 'slug', current: toSlug(area.title) },
      description: nbWriter.sentence(),
    });
  }
  const peopleCount = Math.max(5, Math.ceil(options.docs / 40));
  const people: string[] = [];
  for (let index = 0; index < peopleCount; index += 1) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const slug = `${toSlug(name)}-${index + 1}`;
    const id = `person-${slug}`;
    people.push(id);
    documents.push({
      _id: id,
      _type: 'person',
      ...system(FIRST_DATE),
      name,
      slug: { _type: 'slug', current: slug },
      role: random.pick(['Innovasjonsrådgiver', 'Tjenesteleder', 'Prosjektleder', 'Rådgiver']),
      unit: random.pick(AREA_TITLES),
      ...(random.chance(0.5) ? { image: build.image(images, nbWriter, false) } : {}),
      bio: nbWriter.paragraph(30),
      email: `${slug}@tanketanken.example`,
    });
  }
  const pageBody = (words: number) =>
    build.portableText(nbWriter, words, { images, linkTargets: [], specials: 0 });
  documents.push(
    {
      _id: 'page-om',
      _type: 'page',
      ...system(FIRST_DATE),
      title: 'Om Tanketanken',
      slug: { _type: 'slug', current: 'om' },
      language: 'nb',
      body: pageBody(200),
    },
    {
      _id: 'page-tilgjengelighet',
      _type: 'page',
      ...system(FIRST_DATE),
      title: 'Tilgjengelighetserklæring',
      slug: { _type: 'slug', current: 'tilgjengelighet' },
      language: 'nb',
      body: pageBody(150),
    },
    {
      _id: 'siteSettings',
      _type: 'siteSettings',
      ...system(FIRST_DATE),
      title: 'Tanketanken',
      description: 'Generert datasett for ytelsesmåling av Tanketanken.',
      organization: 'Bærum kommune',
      contactEmail: 'tanketanken@tanketanken.example',
      license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.no' },
      accessibilityStatement: build.reference('page-tilgjengelighet', false),
      feedbackUrl: 'https://uustatus.no/',
    },
  );

  const types = planTypes(options.docs);
  const unpublishedEach = Math.max(1, Math.round(options.docs / 100));
  const order = random.sample(
    types.map((_, index) => index),
    Math.min(types.length, unpublishedEach * 2),
  );
  const drafts = new Set(order.slice(0, unpublishedEach));
  const scheduled = new Set(order.slice(unpublishedEach));
  const published: string[] = [];
  const counts: DatasetCounts = {
    post: 0,
    projectStory: 0,
    caseStudy: 0,
    person: peopleCount,
    topic: topics.length,
    serviceArea: areas.length,
    page: 2,
    siteSettings: 1,
    drafts: drafts.size,
    scheduled: scheduled.size,
    published: 0,
  };
  const span = LAST_DATE - FIRST_DATE;

  types.forEach((type, index) => {
    const language = pickLanguage(random);
    const writer = createTextWriter(random, language);
    const title = writer.title().slice(0, 100);
    const slug = `${toSlug(title)}-${index + 1}`;
    const isDraft = drafts.has(index);
    const isScheduled = scheduled.has(index);
    const baseTime = isScheduled
      ? SCHEDULED_FROM + random.int(0, 365) * DAY
      : FIRST_DATE + Math.floor((span * index) / types.length) + random.int(0, 3) * DAY;
    const time = baseTime + random.int(7, 16) * 60 * 60 * 1000;
    const id = `${isDraft ? 'drafts.' : ''}${ID_PREFIX[type]}-${String(index + 1).padStart(6, '0')}`;
    const linkTargets = published.slice(-200);
    const shared: ExportDocument = {
      _id: id,
      _type: type,
      ...system(time),
      title,
      slug: { _type: 'slug', current: slug },
      excerpt: writer.paragraph(25).slice(0, 280),
      publishedAt: new Date(time).toISOString(),
      language,
      authors: random.sample(people, random.int(1, 2)).map((ref) => build.reference(ref)),
      topics: random.sample(topics, random.int(1, 3)).map((topic) => build.reference(topic.id)),
      serviceAreas: random.sample(areas, random.int(1, 2)).map((area) => build.reference(area.id)),
      ...(random.chance(0.7) ? { mainImage: build.image(images, writer, false) } : {}),
    };
    let document: ExportDocument;
    if (type === 'post') {
      document = {
        ...shared,
        body: build.portableText(writer, random.int(700, 900), {
          images,
          linkTargets,
          specials: 2,
        }),
      };
    } else {
      const start = time - random.int(30, 400) * DAY;
      const common = {
        status: random.pick(STATUSES),
        partners: random.sample(PARTNERS, random.int(1, 4)),
        funding: random.sample(FUNDING, random.int(1, 2)),
        contact: build.reference(random.pick(people), false),
      };
      if (type === 'projectStory') {
        const updates = Array.from({ length: random.int(0, 4) }, (_, step) => ({
          _key: build.key(),
          _type: 'projectUpdate',
          date: isoDate(start + (step + 1) * 40 * DAY),
          title: writer.title().slice(0, 80),
          text: writer.sentence(),
        }));
        document = {
          ...shared,
          ...common,
          startDate: isoDate(start),
          ...(random.chance(0.4) ? { endDate: isoDate(time + random.int(30, 300) * DAY) } : {}),
          body: build.portableText(writer, random.int(300, 500), {
            images,
            linkTargets,
            specials: 1,
          }),
          updates,
        };
      } else {
        const section = (words: number, specials: number) =>
          build.portableText(writer, words, { images, linkTargets, specials });
        document = {
          ...shared,
          ...common,
          municipality: random.chance(0.8)
            ? 'Bærum kommune'
            : random.pick(['Asker kommune', 'Drammen kommune']),
          problem: section(random.int(120, 220), 0),
          targetGroup: writer.sentence(),
          solution: section(random.int(200, 320), 1),
          results: section(random.int(100, 200), 0),
          lessonsLearned: section(random.int(100, 180), 1),
          reuse: writer.paragraph(40),
          costs: writer.paragraph(20),
          sdgs: random
            .sample([3, 4, 5, 8, 9, 10, 11, 12, 13, 17], random.int(1, 3))
            .sort((a, b) => a - b),
          awards: random.chance(0.1)
            ? [
                {
                  _key: build.key(),
                  _type: 'award',
                  year: new Date(time).getUTCFullYear(),
                  category: random.pick(AWARD_CATEGORIES),
                  result: random.chance(0.3) ? 'winner' : 'nominee',
                },
              ]
            : [],
        };
      }
    }
    if (random.chance(0.3) && published.length > 0) {
      document['related'] = random
        .sample(published.slice(-100), random.int(1, 3))
        .map((ref) => build.reference(ref));
    }
    documents.push(document);
    counts[type] += 1;
    if (!isDraft && !isScheduled) {
      published.push(id);
      counts.published += 1;
    }
  });
  return { documents, images, counts };
}
