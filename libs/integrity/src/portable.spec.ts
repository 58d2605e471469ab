/**
 * The library is meant for the browser too (the public portal): only the Node implementation of
 * IntegrityCrypto and the event store's hex hashes may use Node; every algorithm module works on
 * Uint8Array with the crypto it is given.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODE_ONLY = new Set(['node-integrity-crypto.ts', 'merkle-hash.ts']);

describe('the integrity library outside Node', () => {
  const modules = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && file !== 'index.ts');

  it('has algorithm modules that import nothing from Node and use no Buffer', () => {
    expect(modules.length).toBeGreaterThan(10);
    const code = (file: string) => readFileSync(join(__dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const offenders = modules.filter((file) => !NODE_ONLY.has(file)).filter((file) => /from '(node:[^']+|fs|path|crypto|buffer)'|\bBuffer\b|\brequire\(/.test(code(file)));
    expect(offenders).toEqual([]);
  });

  it('offers every algorithm module to the browser (browser.ts), and none of the Node ones', () => {
    const exported = [...readFileSync(join(__dirname, 'browser.ts'), 'utf8').matchAll(/from '\.\/([^']+)'/g)].map((m) => `${m[1]}.ts`).sort();
    expect(exported).toEqual(modules.filter((file) => !NODE_ONLY.has(file) && file !== 'browser.ts').sort());
  });
});
