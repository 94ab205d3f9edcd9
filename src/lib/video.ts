/** Recognises YouTube and Vimeo URLs, the only video hosts the content model allows (docs/content-model.md#portable-text). */

/** A video on an allowed host, with the URL to watch it at. */
export interface VideoEmbed {
  provider: 'YouTube' | 'Vimeo';
  id: string;
  watchUrl: string;
}

/** Returns the video behind a YouTube or Vimeo URL, or undefined for any other URL. */
export function getVideoEmbed(url: string): VideoEmbed | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.replace(/^www\./, '').replace(/^m\./, '');
  if (host === 'youtu.be') {
    const id = parsed.pathname.slice(1);
    return /^[\w-]{6,}$/.test(id) ? youtube(id) : undefined;
  }
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id =
      parsed.searchParams.get('v') ?? /^\/(?:embed|shorts)\/([\w-]+)/.exec(parsed.pathname)?.[1];
    return id && /^[\w-]{6,}$/.test(id) ? youtube(id) : undefined;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = /(\d{5,})/.exec(parsed.pathname)?.[1];
    return id ? { provider: 'Vimeo', id, watchUrl: `https://vimeo.com/${id}` } : undefined;
  }
  return undefined;
}

function youtube(id: string): VideoEmbed {
  return { provider: 'YouTube', id, watchUrl: `https://www.youtube.com/watch?v=${id}` };
}
