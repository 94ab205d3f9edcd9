/** The Node.js versions the project supports, as package.json's `engines.node` states them. */
export const SUPPORTED_NODE: string;

/** Names the npm package of the pinned Node for `platform`-`arch`, or undefined when package.json pins none. */
export function getPinnedNodePackage(platform?: string, arch?: string): string | undefined;

/** Returns whether `version` satisfies `range`: alternatives `^x.y.z` or `>=x.y.z` joined by `||`. */
export function satisfiesNodeRange(version: string, range: string): boolean;

/** Returns an error message when `version` is outside `range` (package.json's `engines.node`), else undefined. */
export function checkNodeVersion(
  version: string,
  options?: { range?: string; platform?: string; arch?: string },
): string | undefined;
