import { checkImports, importsOf, type ImportRules } from './import-rules';

const RULES: ImportRules = {
  libraries: {
    domain: ['event-types'],
    'event-types': [],
    'event-store': [],
    'event-store-sqlite': ['event-store'],
    application: ['domain', 'event-store'],
    'decider-testing': ['domain'],
    'read-model-testing': ['domain', 'event-store', 'event-store-sqlite'],
  },
  adapters: ['event-store-sqlite'],
  packages: { domain: [], 'event-store-sqlite': ['better-sqlite3', 'node:*'] },
  tests: { domain: ['event-types', 'decider-testing'] },
};

const file = (path: string, text: string) => ({ path, text });

describe('the import-rule check', () => {
  it('reads static imports, re-exports, type imports and require calls', () => {
    const text = [
      "import { a } from '@ledger/domain';",
      "import type { B } from './b';",
      "export * from '../c';",
      "const d = require('better-sqlite3');",
    ].join('\n');
    expect(importsOf(text)).toEqual(['@ledger/domain', './b', '../c', 'better-sqlite3']);
  });

  it('fails when libs/application imports an adapter, by alias or by relative path', () => {
    const violations = checkImports(
      [
        file('libs/application/src/decider-runner.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';"),
        file('libs/application/src/other.ts', "import { SqliteEventStore } from '../../event-store-sqlite/src';"),
      ],
      RULES,
    );
    expect(violations).toEqual([
      { file: 'libs/application/src/decider-runner.ts', imports: '@ledger/event-store-sqlite', rule: 'only libs/composition chooses an adapter' },
      { file: 'libs/application/src/other.ts', imports: '../../event-store-sqlite/src', rule: 'only libs/composition chooses an adapter' },
    ]);
  });

  it('keeps the domain free of every other lib but the generated types of its events, and of every package', () => {
    const violations = checkImports(
      [
        file(
          'libs/domain/src/x.ts',
          [
            "import type { VoteRecordedData } from '@ledger/event-types';",
            "import { EventStore } from '@ledger/event-store';",
            "import Ajv from 'ajv';",
            "import { readFileSync } from 'node:fs';",
            "import { join } from 'path';",
          ].join('\n'),
        ),
      ],
      RULES,
    );
    expect(violations).toEqual([
      { file: 'libs/domain/src/x.ts', imports: '@ledger/event-store', rule: 'libs/domain may import only @ledger/event-types' },
      { file: 'libs/domain/src/x.ts', imports: 'ajv', rule: 'libs/domain may import only the packages (none)' },
      { file: 'libs/domain/src/x.ts', imports: 'node:fs', rule: 'libs/domain may import only the packages (none)' },
      { file: 'libs/domain/src/x.ts', imports: 'path', rule: 'libs/domain may import only the packages (none)' },
    ]);
  });

  it("lets an adapter use its driver and Node's built-ins (node:*), and no other package", () => {
    const violations = checkImports(
      [file('libs/event-store-sqlite/src/x.ts', "import Database from 'better-sqlite3';\nimport { join } from 'node:path';\nimport { Client } from 'pg';")],
      RULES,
    );
    expect(violations.map((v) => v.imports)).toEqual(['pg']);
  });

  it('lets nothing import an app, and apps choose adapters only through composition', () => {
    const violations = checkImports(
      [
        file('libs/application/src/x.ts', "import { seed } from '../../../apps/cli/src/seed';"),
        file('apps/api/src/main.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';\nimport { x } from '@ledger/composition';"),
      ],
      RULES,
    );
    expect(violations.map((v) => v.rule)).toEqual(['nothing imports an app', 'an app chooses adapters only through libs/composition']);
  });

  it("holds the domain's tests to the pure helpers, so its specs load no adapter", () => {
    const violations = checkImports(
      [
        file('libs/domain/src/measure/measure.decider.spec.ts', "import { deciderSpec } from '@ledger/decider-testing';"),
        file('libs/domain/src/person/person.decider.spec.ts', "import { ReadModelHarness } from '@ledger/read-model-testing';"),
        file('libs/domain/src/measure/testing/fixtures.ts', "import { SqliteEventStore } from '../../../../event-store-sqlite/src';"),
      ],
      RULES,
    );
    expect(violations).toEqual([
      { file: 'libs/domain/src/person/person.decider.spec.ts', imports: '@ledger/read-model-testing', rule: 'the tests of libs/domain may import only @ledger/event-types, @ledger/decider-testing' },
      { file: 'libs/domain/src/measure/testing/fixtures.ts', imports: '../../../../event-store-sqlite/src', rule: 'the tests of libs/domain may import only @ledger/event-types, @ledger/decider-testing' },
    ]);
  });

  it('lets a test helper lib choose an adapter only when its rule names it', () => {
    const violations = checkImports(
      [
        file('libs/read-model-testing/src/harness.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';"),
        file('libs/decider-testing/src/decider-spec.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';"),
      ],
      RULES,
    );
    expect(violations).toEqual([{ file: 'libs/decider-testing/src/decider-spec.ts', imports: '@ledger/event-store-sqlite', rule: 'only libs/composition chooses an adapter' }]);
  });

  it('lets tests import anything, and asks for a new lib to be put in the rule', () => {
    const violations = checkImports(
      [
        file('libs/application/src/x.spec.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';"),
        file('libs/application/src/catalogue/testing/check.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';"),
        file('libs/event-store/src/conformance/suite.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';"),
        file('libs/newcomer/src/index.ts', "import { x } from '@ledger/domain';"),
      ],
      RULES,
    );
    expect(violations).toEqual([{ file: 'libs/newcomer/src/index.ts', imports: '@ledger/domain', rule: 'libs/newcomer is not in the rule: add it to the allow-list' }]);
  });
});
