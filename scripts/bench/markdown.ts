/**
 * Writes the same published content as Markdown sites for Hugo and Eleventy, so the
 * benchmark compares generators on identical documents: one `.md` per post, project and
 * case (front matter + body), paginated list pages and an RSS feed per type.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { getDocumentPath, TYPE_SEGMENTS, type RoutableType } from '../../content-schemas/routes.ts';

/** A document as read back from data.ndjson. */
export type RawDoc = Record<string, unknown> & { _id: string; _type: string };

type Block = Record<string, unknown>;

const LIST_SIZE = 20;
const CONTENT_TYPES = ['post', 'projectStory', 'caseStudy'] as const;
type ContentType = (typeof CONTENT_TYPES)[number];
const TYPE_TITLES: Record<ContentType, string> = {
  post: 'Innlegg',
  projectStory: 'Prosjekter',
  caseStudy: 'Caser',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const asBlocks = (value: unknown): Block[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const slugOf = (doc: Record<string, unknown>): string => {
  const slug = doc['slug'];
  return isRecord(slug) ? asString(slug['current']) : '';
};

/** Escapes text for HTML (and so for Markdown that holds inline HTML). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Escapes the characters Markdown would read as formatting. */
function escapeMarkdown(text: string): string {
  return escapeHtml(text).replace(/([\\`*_[\]#|~])/g, '\\$1');
}

/** Whether a document is published as of `now`: no draft prefix, not scheduled. */
export function isPublished(doc: RawDoc, now: Date): boolean {
  if (doc._id.startsWith('drafts.') || doc._id.startsWith('versions.')) return false;
  const publishedAt = Date.parse(asString(doc['publishedAt']));
  return Number.isFinite(publishedAt) && publishedAt <= now.getTime();
}

/** Converts Portable Text to Markdown; custom blocks become small HTML fragments. */
export function toMarkdown(
  blocks: readonly Block[],
  hrefOf: (ref: string) => string | undefined,
): string {
  const out: string[] = [];
  let numbered = 0;
  for (const block of blocks) {
    const type = asString(block['_type']);
    if (type === 'block') {
      const defs = new Map<string, Block>();
      for (const def of asBlocks(block['markDefs'])) defs.set(asString(def['_key']), def);
      const text = asBlocks(block['children'])
        .map((span) => {
          let value = escapeMarkdown(asString(span['text']));
          const marks = Array.isArray(span['marks']) ? span['marks'].map(asString) : [];
          for (const mark of marks) {
            if (mark === 'strong') value = `**${value}**`;
            else if (mark === 'em') value = `*${value}*`;
            else if (mark === 'code') value = `<code>${value}</code>`;
            else if (mark === 'strike-through') value = `~~${value}~~`;
            else {
              const def = defs.get(mark);
              const reference = def?.['reference'];
              const href =
                def?.['_type'] === 'link'
                  ? asString(def['href'])
                  : isRecord(reference)
                    ? hrefOf(asString(reference['_ref']))
                    : undefined;
              if (href) value = `[${value}](${href})`;
            }
          }
          return value;
        })
        .join('');
      const listItem = asString(block['listItem']);
      if (listItem === 'number') {
        numbered += 1;
        out.push(`${numbered}. ${text}`);
        continue;
      }
      numbered = 0;
      if (listItem === 'bullet') {
        out.push(`- ${text}`);
        continue;
      }
      const style = asString(block['style']);
      const prefix = { h2: '## ', h3: '### ', h4: '#### ', blockquote: '> ' }[style] ?? '';
      out.push('', `${prefix}${text}`, '');
      continue;
    }
    numbered = 0;
    if (type === 'image') {
      const asset = /images\/([^"]+)$/.exec(asString(block['_sanityAsset']));
      if (!asset) continue;
      const caption = asString(block['caption']);
      out.push(
        '',
        `<figure><img src="/images/${escapeHtml(asset[1] ?? '')}" alt="${escapeHtml(asString(block['alt']))}" loading="lazy">` +
          (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') +
          '</figure>',
        '',
      );
    } else if (type === 'callout') {
      out.push('', `<aside class="callout">${escapeHtml(asString(block['text']))}</aside>`, '');
    } else if (type === 'factBox') {
      const items = Array.isArray(block['items']) ? block['items'].map(asString) : [];
      out.push(
        '',
        `<aside class="fact-box"><h2>${escapeHtml(asString(block['title']))}</h2><ul>` +
          items.map((item) => `<li>${escapeHtml(item)}</li>`).join('') +
          '</ul></aside>',
        '',
      );
    } else if (type === 'pullQuote') {
      out.push(
        '',
        `<figure class="pull-quote"><blockquote>${escapeHtml(asString(block['text']))}</blockquote>` +
          `<figcaption>${escapeHtml(asString(block['attribution']))}</figcaption></figure>`,
        '',
      );
    } else if (type === 'videoEmbed') {
      out.push(
        '',
        `<p><a href="${escapeHtml(asString(block['url']))}">${escapeHtml(asString(block['title']))}</a></p>`,
        '',
      );
    }
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One content document, ready to be written as Markdown. */
export interface MarkdownDoc {
  type: ContentType;
  slug: string;
  title: string;
  date: string;
  lang: string;
  excerpt: string;
  authors: string[];
  topics: string[];
  body: string;
}

/** Picks the published posts, projects and cases and turns each into Markdown. */
export function toMarkdownDocs(documents: readonly RawDoc[], now: Date): MarkdownDoc[] {
  const byId = new Map<string, RawDoc>();
  for (const doc of documents)
    if (isPublished(doc, now) || !('publishedAt' in doc)) byId.set(doc._id, doc);
  const hrefOf = (ref: string): string | undefined => {
    const target = byId.get(ref);
    if (!target) return undefined;
    return getDocumentPath(target._type as RoutableType, slugOf(target));
  };
  const names = (value: unknown, field: 'name' | 'title'): string[] =>
    asBlocks(value)
      .map((ref) => byId.get(asString(ref['_ref'])))
      .filter((doc): doc is RawDoc => doc !== undefined)
      .map((doc) => asString(doc[field]));
  const result: MarkdownDoc[] = [];
  for (const doc of documents) {
    const type = CONTENT_TYPES.find((candidate) => candidate === doc._type);
    if (!type || !isPublished(doc, now)) continue;
    const parts = [toMarkdown(asBlocks(doc['body']), hrefOf)];
    if (type === 'projectStory') {
      for (const update of asBlocks(doc['updates'])) {
        parts.push(
          `### ${escapeMarkdown(asString(update['title']))}\n\n${escapeMarkdown(asString(update['text']))}`,
        );
      }
    }
    if (type === 'caseStudy') {
      const sections: [string, string][] = [
        ['Behov og utfordring', 'problem'],
        ['Løsning', 'solution'],
        ['Resultater og gevinster', 'results'],
        ['Hva vi lærte', 'lessonsLearned'],
      ];
      for (const [heading, field] of sections) {
        parts.push(`## ${heading}\n\n${toMarkdown(asBlocks(doc[field]), hrefOf)}`);
      }
      for (const [heading, field] of [
        ['Målgruppe', 'targetGroup'],
        ['Gjenbruk', 'reuse'],
        ['Kostnader', 'costs'],
      ] as const) {
        const text = asString(doc[field]);
        if (text) parts.push(`## ${heading}\n\n${escapeMarkdown(text)}`);
      }
    }
    result.push({
      type,
      slug: slugOf(doc),
      title: asString(doc['title']),
      date: asString(doc['publishedAt']),
      lang: asString(doc['language']) || 'nb',
      excerpt: asString(doc['excerpt']),
      authors: names(doc['authors'], 'name'),
      topics: names(doc['topics'], 'title'),
      body: parts.filter((part) => part !== '').join('\n\n'),
    });
  }
  return result;
}

function frontMatter(doc: MarkdownDoc, extra: Record<string, unknown> = {}): string {
  // JSON strings and arrays are valid YAML, and need no escaping of their own.
  const fields = {
    title: doc.title,
    date: doc.date,
    slug: doc.slug,
    lang: doc.lang,
    description: doc.excerpt,
    authors: doc.authors,
    topics: doc.topics,
    ...extra,
  };
  return `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\n---\n\n`;
}

async function copyImages(imagesDir: string, target: string): Promise<void> {
  await fs.mkdir(target, { recursive: true });
  for (const name of await fs.readdir(imagesDir)) {
    await fs.copyFile(path.join(imagesDir, name), path.join(target, name));
  }
}

async function writeAll(files: Map<string, string>): Promise<void> {
  const dirs = new Set([...files.keys()].map((file) => path.dirname(file)));
  for (const dir of dirs) await fs.mkdir(dir, { recursive: true });
  const entries = [...files.entries()];
  for (let start = 0; start < entries.length; start += 200) {
    await Promise.all(
      entries.slice(start, start + 200).map(([file, text]) => fs.writeFile(file, text)),
    );
  }
}

const PAGE_HTML = (lang: string, title: string, main: string) => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Tanketanken</title></head>
<body><header><a href="/">Tanketanken</a> <nav><a href="/innlegg/">Innlegg</a> <a href="/prosjekter/">Prosjekter</a> <a href="/caser/">Caser</a></nav></header>
<main>${main}</main><footer>CC BY 4.0</footer></body>
</html>
`;

/** Writes a Hugo site for the documents into `dir` (replacing it). */
export async function writeHugoSite(
  docs: readonly MarkdownDoc[],
  dir: string,
  imagesDir: string,
): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  const files = new Map<string, string>();
  files.set(
    path.join(dir, 'hugo.toml'),
    [
      'baseURL = "http://localhost:4321/"',
      'languageCode = "nb"',
      'title = "Tanketanken"',
      'disableKinds = ["taxonomy", "term"]',
      'paginate = ' + String(LIST_SIZE),
      'paginatePath = "side"',
      '[markup.goldmark.renderer]',
      '  unsafe = true',
      '',
    ].join('\n'),
  );
  const layout = (main: string) => PAGE_HTML('{{ or .Params.lang "nb" }}', '{{ .Title }}', main);
  files.set(
    path.join(dir, 'layouts', '_default', 'single.html'),
    layout(
      '<article><h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2. January 2006" }}</time> · {{ delimit .Params.authors ", " }}</p>{{ .Content }}</article>',
    ),
  );
  files.set(
    path.join(dir, 'layouts', '_default', 'list.html'),
    layout(
      '<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <p>{{ .Description }}</p></li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}',
    ),
  );
  files.set(
    path.join(dir, 'layouts', 'index.html'),
    layout(
      '<h1>Tanketanken</h1><ul>{{ range first 10 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>',
    ),
  );
  for (const type of CONTENT_TYPES) {
    files.set(
      path.join(dir, 'content', TYPE_SEGMENTS[type], '_index.md'),
      `---\ntitle: ${JSON.stringify(TYPE_TITLES[type])}\n---\n`,
    );
  }
  for (const doc of docs) {
    files.set(
      path.join(dir, 'content', TYPE_SEGMENTS[doc.type], `${doc.slug}.md`),
      frontMatter(doc) + doc.body + '\n',
    );
  }
  await writeAll(files);
  await copyImages(imagesDir, path.join(dir, 'static', 'images'));
}

/** Writes an Eleventy 3 site for the documents into `dir` (replacing it). */
export async function writeEleventySite(
  docs: readonly MarkdownDoc[],
  dir: string,
  imagesDir: string,
): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  const files = new Map<string, string>();
  files.set(
    path.join(dir, 'eleventy.config.mjs'),
    `export default function (config) {
  config.addPassthroughCopy({ 'src/images': 'images' });
  config.addFilter('isoDate', (value) => new Date(value).toISOString());
  return {
    dir: { input: 'src', output: '_site', includes: '_includes' },
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
`,
  );
  files.set(
    path.join(dir, 'src', '_includes', 'page.njk'),
    PAGE_HTML(
      '{{ lang or "nb" }}',
      '{{ title }}',
      '<article><h1>{{ title }}</h1><p><time datetime="{{ date | isoDate }}">{{ date | isoDate }}</time> · {{ authors | join(", ") }}</p>{{ content | safe }}</article>',
    ),
  );
  files.set(
    path.join(dir, 'src', 'index.njk'),
    `---\npermalink: /\n---\n` +
      PAGE_HTML(
        'nb',
        'Tanketanken',
        '<h1>Tanketanken</h1><ul>{% for item in collections.all | reverse %}{% if loop.index0 < 10 %}<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>{% endif %}{% endfor %}</ul>',
      ),
  );
  for (const type of CONTENT_TYPES) {
    const segment = TYPE_SEGMENTS[type];
    files.set(
      path.join(dir, 'src', segment, `${segment}.11tydata.json`),
      JSON.stringify({ layout: 'page.njk', tags: [segment] }),
    );
    files.set(
      path.join(dir, 'src', '_lists', `${segment}.njk`),
      `---\npagination:\n  data: collections.${segment}\n  size: ${LIST_SIZE}\n  reverse: true\n` +
        `permalink: "/${segment}/{% if pagination.pageNumber > 0 %}side/{{ pagination.pageNumber + 1 }}/{% endif %}"\n` +
        `eleventyExcludeFromCollections: true\n---\n` +
        PAGE_HTML(
          'nb',
          TYPE_TITLES[type],
          `<h1>${TYPE_TITLES[type]}</h1><ul>{% for item in pagination.items %}<li><a href="{{ item.url }}">{{ item.data.title }}</a> <p>{{ item.data.description }}</p></li>{% endfor %}</ul>` +
            '<nav>{% if pagination.href.previous %}<a href="{{ pagination.href.previous }}">Forrige</a>{% endif %} {% if pagination.href.next %}<a href="{{ pagination.href.next }}">Neste</a>{% endif %}</nav>',
        ),
    );
    files.set(
      path.join(dir, 'src', '_lists', `${segment}-rss.njk`),
      `---\npermalink: /${segment}/rss.xml\neleventyExcludeFromCollections: true\n---\n` +
        `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${TYPE_TITLES[type]}</title><link>http://localhost:4321/${segment}/</link><description>${TYPE_TITLES[type]}</description>` +
        `{% for item in collections.${segment} | reverse %}<item><title>{{ item.data.title }}</title><link>http://localhost:4321{{ item.url }}</link><pubDate>{{ item.date | isoDate }}</pubDate><description>{{ item.data.description }}</description></item>{% endfor %}</channel></rss>\n`,
    );
  }
  for (const doc of docs) {
    files.set(
      path.join(dir, 'src', TYPE_SEGMENTS[doc.type], `${doc.slug}.md`),
      frontMatter(doc) + doc.body + '\n',
    );
  }
  await writeAll(files);
  await copyImages(imagesDir, path.join(dir, 'src', 'images'));
}
