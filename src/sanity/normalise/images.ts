/**
 * Turns both of Sanity's image forms into one shape: `_sanityAsset` strings from an export
 * (`image@file://./images/<sha1>-<w>x<h>.<ext>`) and asset references from the Content
 * Lake (`image-<sha1>-<w>x<h>-<ext>`).
 */

/** Where Content Lake image references resolve to. */
export interface CdnTarget {
  projectId: string;
  dataset: string;
}

/** The parts of an image asset that the site needs. */
export interface ParsedAsset {
  kind: 'local' | 'cdn';
  /** `./images/…` relative to the export folder, or an absolute CDN URL. */
  src: string;
  width: number;
  height: number;
  /** The file's format, from its name: `jpg`, `png`, `svg`… */
  format: string;
}

const EXPORT_ASSET = /^image@file:\/\/(\.\/images\/([0-9a-f]+)-(\d+)x(\d+)\.([a-z0-9]+))$/i;
const LAKE_ASSET = /^image-([0-9a-f]+)-(\d+)x(\d+)-([a-z0-9]+)$/i;

/**
 * Parses an asset string; returns undefined when it is in neither form (the caller
 * reports that with the document id). A Content Lake reference needs `cdn`.
 */
export function parseImageAsset(
  asset: string,
  cdn: CdnTarget | undefined,
): ParsedAsset | undefined {
  const fromExport = EXPORT_ASSET.exec(asset);
  if (fromExport) {
    const [, src = '', , width = '0', height = '0', format = ''] = fromExport;
    return { kind: 'local', src, width: Number(width), height: Number(height), format };
  }
  const fromLake = LAKE_ASSET.exec(asset);
  if (fromLake && cdn) {
    const [, id = '', width = '0', height = '0', ext = ''] = fromLake;
    return {
      kind: 'cdn',
      src: `https://cdn.sanity.io/images/${cdn.projectId}/${cdn.dataset}/${id}-${width}x${height}.${ext}`,
      width: Number(width),
      height: Number(height),
      format: ext,
    };
  }
  return undefined;
}
