import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EventSchemaRegistry } from '@ledger/event-schemas';

const ROOT = join(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/generate-event-types.js');
const GENERATED = 'libs/event-types/src/event-payloads.ts';
const FIX = 'run `npm run generate:event-types` and commit the result';

// The generator runs in plain Node: prettier 3 (its formatter) loads parts of itself with import(),
// which Jest's CommonJS module runtime refuses without --experimental-vm-modules.
async function regenerate(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, '--stdout'], { cwd: ROOT, encoding: 'utf8' });
  return stdout;
}

function readCommitted(): string {
  try {
    return readFileSync(join(ROOT, GENERATED), 'utf8');
  } catch {
    throw new Error(`${GENERATED} is missing: ${FIX}`);
  }
}

function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = b.findIndex((text, i) => text !== a[i]);
  const at = line === -1 ? b.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${JSON.stringify(a[at])}\n  generated: ${JSON.stringify(b[at])}`;
}

describe('generated event payload types', () => {
  it(`${GENERATED} is exactly what event-schemas/ generates`, async () => {
    const committed = readCommitted();
    const generated = await regenerate();
    if (committed !== generated) {
      throw new Error(`${GENERATED} is out of date with event-schemas/: ${FIX}.\n${firstDifference(committed, generated)}`);
    }
  });

  it('declares the latest version of each type as <Type>Data and older ones as <Type>V<N>Data', () => {
    const registry = EventSchemaRegistry.fromDirectory(join(ROOT, 'event-schemas'));
    const expected = registry.knownTypes().flatMap((type) => {
      const older = Array.from({ length: registry.latestVersion(type) - 1 }, (_, i) => `${type}V${i + 1}Data`);
      return [...older, `${type}Data`];
    });
    const declared = [...readCommitted().matchAll(/^export interface (\w+)/gm)].map((m) => m[1]);
    expect(declared).toEqual(expected);
  });
});
