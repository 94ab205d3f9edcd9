/**
 * Recognises YouTube and Vimeo URLs, the only video hosts the content model allows
 * (docs/content-model.md#portable-text), by the very rule the Studio checks them with
 * (`parseVideoUrl` in `content-schemas/validation.ts`): a URL the Studio accepts is shown.
 */
import { parseVideoUrl } from '../../content-schemas/validation.ts';

/** A video on an allowed host, with the URL to watch it at. */
export interface VideoEmbed {
  provider: 'YouTube' | 'Vimeo';
  id: string;
  watchUrl: string;
}

/** Returns the video behind a YouTube or Vimeo URL, or undefined for any other URL. */
export function getVideoEmbed(url: string): VideoEmbed | undefined {
  const video = parseVideoUrl(url);
  if (!video) return undefined;
  return video.provider === 'youtube'
    ? { provider: 'YouTube', id: video.id, watchUrl: `https://www.youtube.com/watch?v=${video.id}` }
    : { provider: 'Vimeo', id: video.id, watchUrl: `https://vimeo.com/${video.id}` };
}
