import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNodeVersion } from '../../scripts/require-node.mjs';

describe('checkNodeVersion', () => {
  it('accepts Node 22.12 and newer', () => {
    expect(checkNodeVersion('v22.12.0')).toBeUndefined();
    expect(checkNodeVersion('v24.22.3')).toBeUndefined();
    expect(checkNodeVersion('v30.0.0')).toBeUndefined();
  });

  it('explains what to do on an older Node', () => {
    const message = checkNodeVersion('v20.20.2');
    expect(message).toContain('Node.js >= 22.12');
    expect(message).toContain('v20.20.2');
    expect(message).toContain('npm run');
    expect(checkNodeVersion('v22.11.9')).toBeDefined();
  });

  it('runs under the pinned Node 24 when called through npm', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    const script = path.resolve(import.meta.dirname, '../../scripts/require-node.mjs');
    expect(() => execFileSync(process.execPath, [script])).not.toThrow();
  });
});
