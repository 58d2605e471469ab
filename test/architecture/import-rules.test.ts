/**
 * The README's dependency rule, kept by a test: every import of every lib and app
 * (`libs/<name>/src`, `apps/<name>/src`) must be one the allow-list below permits. The check itself
 * is import-rules.ts; its spec shows what each rule refuses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkImports, relativePath, type ImportRules, type SourceFile } from './import-rules';

const ROOT = join(__dirname, '../..');

/**
 * What each lib's production code may import (`@ledger/<name>`). Apps may import any lib but no
 * adapter, nothing imports an app, and `libs/composition` (the one place that chooses adapters)
 * may import any lib: the check knows these three, so they are not listed. Tests may import
 * anything, except the domain's (`tests`).
 */
const RULES: ImportRules = {
  libraries: {
    // The domain imports nothing but the types generated from its own events' schemas.
    domain: ['event-types'],
    'event-types': [],
    integrity: [],
    // The port knows no domain type: the envelope and its leaf hash only.
    'event-store': ['integrity'],
    // Adapters import their port only.
    'event-store-sqlite': ['event-store'],
    'event-store-eventstoredb': ['event-store'],
    privacy: [],
    // The file vault also reads its key from the data dir's secret files (config).
    'subject-vault-file': ['privacy', 'config'],
    'event-schemas': ['event-store', 'event-types'],
    config: [],
    auth: ['config', 'domain'],
    application: ['domain', 'event-store', 'privacy'],
    projections: ['domain', 'event-types', 'event-store'],
    // An import is checked against the domain's own computations (a vote's tally and result).
    ndjson: ['domain', 'event-store'],
    // What callers see of the read side: the trace, the report, who may see restricted values.
    investigation: ['domain', 'event-types', 'event-store', 'event-schemas', 'integrity', 'privacy', 'projections'],
    graphql: ['application', 'auth', 'domain', 'event-schemas', 'event-store', 'investigation', 'privacy', 'projections', 'transparency-log'],
    // The log's tree follows the events as a log consumer (projections' seam), in its own store.
    'transparency-log': ['config', 'event-store', 'integrity', 'projections'],
    scenarios: ['application', 'domain'],
    // The public portal reads through the public GraphQL API only (in process, anonymously).
    portal: ['config', 'domain', 'graphql'],
    // Test helpers: the pure one for decider specs, and the read side's, which records on SQLite.
    'decider-testing': ['domain'],
    'read-model-testing': ['domain', 'event-schemas', 'event-store', 'event-store-sqlite', 'projections'],
  },
  adapters: ['event-store-sqlite', 'event-store-eventstoredb', 'subject-vault-file'],
  // Where the packages say something about the layer: pure code uses none, ports name no driver,
  // adapters theirs, the write side no database.
  packages: {
    domain: [],
    'event-types': [],
    'decider-testing': [],
    integrity: ['node:crypto'],
    'transparency-log': ['better-sqlite3', 'node:*'],
    privacy: ['node:crypto'],
    'event-store': ['canonicalize', 'uuid', 'node:crypto'],
    'event-store-sqlite': ['better-sqlite3', 'node:*'],
    'event-store-eventstoredb': ['@eventstore/db-client', 'node:*'],
    'subject-vault-file': ['better-sqlite3', 'node:*'],
    application: ['@nestjs/common', '@nestjs/cqrs', 'uuid', 'node:crypto'],
    // The synthetic city's seeded choices: the same seed, the same city, on any machine.
    scenarios: ['pure-rand'],
  },
  // The domain's specs and fixtures: the decider helper and the scenario cast, never an adapter.
  tests: { domain: ['event-types', 'decider-testing', 'scenarios'] },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function unitsUnder(kind: 'libs' | 'apps'): string[] {
  return readdirSync(join(ROOT, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function repositoryFiles(): SourceFile[] {
  const dirs = [...unitsUnder('libs').map((lib) => join(ROOT, 'libs', lib, 'src')), ...unitsUnder('apps').map((app) => join(ROOT, 'apps', app, 'src'))];
  return dirs.flatMap(sourceFiles).map((file) => ({ path: relativePath(ROOT, file), text: readFileSync(file, 'utf8') }));
}

describe('the dependency rule (README, "Architecture")', () => {
  it('holds for every import of every lib and app', () => {
    const files = repositoryFiles();
    // A walk that found nothing would pass anything.
    expect(files.some((f) => f.path === 'libs/application/src/decider-runner.ts')).toBe(true);
    expect(files.some((f) => f.path === 'apps/api/src/main.ts')).toBe(true);
    expect(checkImports(files, RULES)).toEqual([]);
  });

  it('has a rule for every lib', () => {
    const unruled = unitsUnder('libs').filter((lib) => lib !== 'composition' && !(lib in RULES.libraries));
    expect(unruled).toEqual([]);
  });
});
