import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository's event-schemas/ folder. The build does not copy JSON into dist/, so the schemas
 * are found by walking up to the project root (the folder holding package.json and event-schemas/)
 * from wherever this module runs: libs/event-schemas/src under Jest, dist/libs/event-schemas/src
 * when built. The package.json check keeps libs/event-schemas (this library) from matching.
 */
export function defaultEventSchemaDir(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'event-schemas');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate) && statSync(candidate).isDirectory()) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`no event-schemas/ folder beside a package.json above ${resolve(from)}; pass the folder explicitly`);
    }
    dir = parent;
  }
}
