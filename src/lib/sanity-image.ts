/** Responsive URLs for Content Lake images, through Sanity's image CDN parameters. */
import type { ResolvedImage } from './portable-text.ts';

/** Builds `src` and `srcset` for a Sanity CDN image at the given widths (never upscaled). */
export function getCdnImage(
  url: string,
  width: number,
  height: number,
  widths: readonly number[],
  sizes: string,
): ResolvedImage {
  const usable = widths.filter((candidate) => candidate < width);
  const all = [...usable, width];
  const at = (w: number) => `${url}?w=${w}&auto=format&fit=max`;
  const largest = Math.min(width, widths.at(-1) ?? width);
  return {
    src: at(largest),
    width,
    height,
    srcset: all.map((w) => `${at(w)} ${w}w`).join(', '),
    sizes,
  };
}
