import { describe, expect, it } from 'vitest';
import { MIN_NODE, assertNodeVersion, isNodeAtLeast } from '../../scripts/lib/node-version.ts';
import { readFileSync } from 'node:fs';

describe('the Node version', () => {
  it('the tests run on the Node the project installs, at least 22.12', () => {
    expect(() => {
      assertNodeVersion(process.version);
    }).not.toThrow();
  });

  it('a machine whose Node is 20 is refused with a message saying what to do', () => {
    expect(() => {
      assertNodeVersion('v20.20.2');
    }).toThrow(/Node v20\.20\.2 est trop ancien : il faut Node 22\.12\.0/);
    expect(isNodeAtLeast('v22.11.9')).toBe(false);
    expect(isNodeAtLeast('v22.12.0')).toBe(true);
    expect(isNodeAtLeast('v24.0.0')).toBe(true);
  });

  it('.nvmrc and package.json engines ask for the same minimum', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
    expect(pkg.engines.node).toBe(`>=${MIN_NODE}`);
    expect(isNodeAtLeast(nvmrc)).toBe(true);
  });
});
