import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultEventSchemaDir } from './default-schema-dir';

const ROOT = join(__dirname, '../../..');

describe('defaultEventSchemaDir', () => {
  it('finds the repository folder from the source tree', () => {
    expect(defaultEventSchemaDir()).toBe(join(ROOT, 'event-schemas'));
  });

  it('finds it from the build output too, where the JSON is not copied', () => {
    expect(defaultEventSchemaDir(join(ROOT, 'dist/libs/event-schemas/src'))).toBe(join(ROOT, 'event-schemas'));
  });

  it('does not mistake this library folder (libs/event-schemas) for the schemas', () => {
    expect(existsSync(join(ROOT, 'libs/event-schemas'))).toBe(true);
    expect(defaultEventSchemaDir(join(ROOT, 'libs/event-schemas/src'))).not.toBe(join(ROOT, 'libs/event-schemas'));
  });

  it('says to pass the folder when there is none above', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-no-schemas-'));
    try {
      expect(() => defaultEventSchemaDir(dir)).toThrow(/pass the folder explicitly/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
