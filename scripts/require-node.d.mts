/** Returns an error message when `version` is older than Node.js 22.12, else undefined. */
export function checkNodeVersion(version: string): string | undefined;
