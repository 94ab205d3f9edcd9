/**
 * Renders Portable Text for a page: reads its blocks back from the content cache
 * (`loadBlocks`), resolves its images through Astro's image pipeline (local export files)
 * or the Sanity CDN, then hands the HTML work to `src/lib`.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { getCdnImage } from '../lib/sanity-image.ts';
import { readBlocks, type BlocksRef } from '../sanity/store/blocks-file.ts';
import type { Block } from '../sanity/normalise/schemas.ts';
import {
  renderPortableText,
  type BlockImage,
  type RenderOptions,
  type RenderedText,
  type ResolvedImage,
} from '../lib/portable-text.ts';

/** The fields of an entry's data that the content layer stores as references to blocks files. */
export type BlocksField<D> = {
  [K in keyof D]: D[K] extends BlocksRef<unknown> ? K : never;
}[keyof D] &
  string;

/** The blocks a reference stands for: its image blocks (as the pipeline made them) and the rest. */
export type BlocksOf<R> = R extends BlocksRef<infer Image> ? (Image | Block)[] : never;

/**
 * Reads one Portable Text field of an entry's data (`post.body`, `item.problem`…) back from
 * its blocks file: exactly the blocks the content layer used to store. Nothing is kept in
 * memory. A missing or corrupt file fails the build, naming the document, field, file and fix.
 */
export function loadBlocks<D extends { id: string }, F extends BlocksField<D>>(
  doc: D,
  field: F,
): Promise<BlocksOf<D[F]>> {
  return readBlocks(doc.id, field, doc[field] as BlocksRef<unknown>) as Promise<BlocksOf<D[F]>>;
}

/** Widths offered in `srcset`; the browser picks from `sizes`. */
export const IMAGE_WIDTHS = [400, 800, 1200];
/** The layout's content column is at most 42rem wide. */
export const CONTENT_SIZES = '(min-width: 44rem) 42rem, 100vw';

/** An image ready for an `<img>`: what the pipeline or CDN made of it. */
export async function resolveImage(
  image: { kind: 'local' | 'cdn'; src: ImageMetadata | string; width: number; height: number },
  sizes = CONTENT_SIZES,
): Promise<ResolvedImage> {
  if (typeof image.src === 'string') {
    return getCdnImage(image.src, image.width, image.height, IMAGE_WIDTHS, sizes);
  }
  const result = await getImage({ src: image.src, widths: IMAGE_WIDTHS, sizes, format: 'webp' });
  return {
    src: result.src,
    width: image.src.width,
    height: image.src.height,
    srcset: result.srcSet.attribute,
    sizes,
  };
}

/** Renders blocks to HTML after resolving their images. */
export async function renderText(
  blocks: readonly Record<string, unknown>[],
  options: Omit<RenderOptions, 'resolveImage'> = {},
): Promise<RenderedText> {
  const resolved = new Map<unknown, ResolvedImage>();
  for (const block of blocks) {
    if (block['_type'] === 'image') {
      const image = block as unknown as BlockImage & {
        kind: 'local' | 'cdn';
        src: ImageMetadata | string;
        width: number;
        height: number;
      };
      resolved.set(image.src, await resolveImage(image));
    }
  }
  return renderPortableText(blocks, {
    ...options,
    resolveImage: (image) => resolved.get(image.src),
  });
}
