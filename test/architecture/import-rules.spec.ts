import { checkImports, importsOf, type ImportRules } from './import-rules';

const RULES: ImportRules = {
  libraries: { domain: [], 'event-store': [], 'event-store-sqlite': ['event-store'], application: ['domain', 'event-store'] },
  adapters: ['event-store-sqlite'],
  packages: { domain: [] },
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

  it('keeps the domain free of every other lib and every package', () => {
    const violations = checkImports(
      [file('libs/domain/src/x.ts', "import { EventStore } from '@ledger/event-store';\nimport Ajv from 'ajv';\nimport { join } from 'node:path';")],
      RULES,
    );
    expect(violations.map((v) => v.imports)).toEqual(['@ledger/event-store', 'ajv']);
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

  it('lets tests import anything, and asks for a new lib to be put in the rule', () => {
    const violations = checkImports(
      [
        file('libs/application/src/x.spec.ts', "import { SqliteEventStore } from '@ledger/event-store-sqlite';"),
        file('libs/domain/src/measure/testing/fixtures.ts', "import { x } from '@ledger/application';"),
        file('libs/newcomer/src/index.ts', "import { x } from '@ledger/domain';"),
      ],
      RULES,
    );
    expect(violations).toEqual([{ file: 'libs/newcomer/src/index.ts', imports: '@ledger/domain', rule: 'libs/newcomer is not in the rule: add it to the allow-list' }]);
  });
});
