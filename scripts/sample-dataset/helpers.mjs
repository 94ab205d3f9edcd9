/**
 * Helpers that let the sample dataset be written as readable text instead of raw
 * Portable Text. `pt()` turns a small Markdown dialect into blocks; the other helpers make
 * the content model's custom blocks (docs/content-model.md#portable-text). `_key`s of blocks and spans are added later by
 * `build-sample-dataset.mjs`; markDef keys are made here, because spans point at them.
 *
 * The dialect, one construct per line or paragraph:
 *   ## / ### / ####  headings h2–h4          > text      blockquote
 *   - item / "  - item"  bullet list, level 1/2   1. item     numbered list
 *   **strong**  *em*  `code`  ~~strike~~
 *   [text](https://…)  link (http, https, mailto, tel)
 *   [text](ref:<document id>)  internal link to a post, project, case, page or topic
 */
import { createHash } from 'node:crypto';

const shortHash = (value) => createHash('sha1').update(value).digest('hex').slice(0, 12);

/** Removes the indentation shared by every non-empty line, so source can be indented. */
function dedent(text) {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut).replace(/\s+$/, ''));
}

const DECORATORS = [
  { open: '**', close: '**', mark: 'strong' },
  { open: '~~', close: '~~', mark: 'strike-through' },
  { open: '*', close: '*', mark: 'em' },
];

/** Parses inline markup into spans, collecting link markDefs into `markDefs`. */
function parseInline(text, marks, markDefs, context) {
  const spans = [];
  let buffer = '';
  const flush = () => {
    if (buffer) spans.push({ _type: 'span', text: buffer, marks: [...marks] });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('`')) {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        flush();
        spans.push({ _type: 'span', text: text.slice(i + 1, end), marks: [...marks, 'code'] });
        i = end + 1;
        continue;
      }
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      flush();
      const [whole, label, target] = link;
      const key = shortHash(`${context}|${markDefs.length}|${target}|${label}`);
      if (target.startsWith('ref:')) {
        markDefs.push({
          _type: 'internalLink',
          _key: key,
          reference: { _type: 'reference', _ref: target.slice(4) },
        });
      } else {
        if (!/^(https?:\/\/|mailto:|tel:)/.test(target))
          throw new Error(`Link with an unsupported scheme: ${target}`);
        markDefs.push({ _type: 'link', _key: key, href: target });
      }
      spans.push(...parseInline(label, [...marks, key], markDefs, context));
      i += whole.length;
      continue;
    }
    const decorator = DECORATORS.find((d) => rest.startsWith(d.open));
    if (decorator) {
      const end = text.indexOf(decorator.close, i + decorator.open.length);
      if (end > i + decorator.open.length) {
        flush();
        spans.push(
          ...parseInline(
            text.slice(i + decorator.open.length, end),
            [...marks, decorator.mark],
            markDefs,
            context,
          ),
        );
        i = end + decorator.close.length;
        continue;
      }
    }
    buffer += text[i];
    i += 1;
  }
  flush();
  // Merge neighbours with the same marks, as the Studio's editor would store them.
  return spans.reduce((merged, span) => {
    const last = merged.at(-1);
    if (last && last.marks.join() === span.marks.join()) last.text += span.text;
    else merged.push(span);
    return merged;
  }, []);
}

function textBlock(text, style, extra = {}) {
  const markDefs = [];
  const children = parseInline(text, [], markDefs, text);
  return { _type: 'block', style, ...extra, markDefs, children };
}

/** Turns the Markdown dialect above into Portable Text blocks. */
export function pt(...parts) {
  const blocks = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      blocks.push(part);
      continue;
    }
    let paragraph = [];
    let paragraphStyle = 'normal';
    const endParagraph = () => {
      if (paragraph.length) blocks.push(textBlock(paragraph.join(' '), paragraphStyle));
      paragraph = [];
      paragraphStyle = 'normal';
    };
    for (const line of dedent(part)) {
      const heading = /^(#{2,4}) (.+)$/.exec(line);
      const bullet = /^( *)- (.+)$/.exec(line);
      const numbered = /^( *)\d+\. (.+)$/.exec(line);
      if (!line.trim()) {
        endParagraph();
      } else if (heading) {
        endParagraph();
        blocks.push(textBlock(heading[2], `h${heading[1].length}`));
      } else if (bullet || numbered) {
        endParagraph();
        const [, indent, text] = bullet ?? numbered;
        blocks.push(
          textBlock(text, 'normal', {
            listItem: bullet ? 'bullet' : 'number',
            level: 1 + Math.floor(indent.length / 2),
          }),
        );
      } else if (line.startsWith('> ')) {
        if (paragraphStyle !== 'blockquote') endParagraph();
        paragraphStyle = 'blockquote';
        paragraph.push(line.slice(2));
      } else {
        if (paragraphStyle !== 'normal') endParagraph();
        paragraph.push(line.trim());
      }
    }
    endParagraph();
  }
  return blocks;
}

/** A callout block; tone is info, tip or warning. */
export const callout = (tone, text) => ({ _type: 'callout', tone, text });

/** A fact box with a title and a list of short facts. */
export const factBox = (title, items) => ({ _type: 'factBox', title, items });

/** A pull quote with its attribution. */
export const pullQuote = (text, attribution) => ({ _type: 'pullQuote', text, attribution });

/** A video embed (YouTube or Vimeo) with a required title. */
export const videoEmbed = (url, title) => ({ _type: 'videoEmbed', url, title });

/** An image block in body text, drawn from `images.json` by name. */
export const figure = (name, alt, caption) => ({
  _type: 'image',
  __image: name,
  alt,
  ...(caption ? { caption } : {}),
});

/**
 * An image field (mainImage, person image) drawn from `images.json` by name. The credit
 * says the truth: every picture was drawn by `scripts/generate-sample-images.mjs`.
 */
export const image = (name, alt, options = {}) => ({
  _type: 'image',
  __image: name,
  alt,
  credit: 'Illustrasjon: Tanketanken',
  ...options,
});
