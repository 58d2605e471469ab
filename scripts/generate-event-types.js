#!/usr/bin/env node
'use strict';
/**
 * Writes libs/event-types/src/event-payloads.ts from event-schemas/, so the payload types the
 * domain compiles against are the schemas the store validates against. The domain imports nothing
 * but these types, hence generated code in a lib of its own (which imports nothing) rather than a
 * runtime dependency on the schemas; event-schemas' upcasters and the projections use them too.
 * libs/event-types/src/event-types-drift.spec.ts runs it with --stdout (in a child process:
 * prettier 3 loads itself with import(), which Jest's CommonJS runtime refuses) and fails when the
 * committed file differs.
 */
const { mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { compile } = require('json-schema-to-typescript');

const ROOT = join(__dirname, '..');
const SCHEMA_DIR = join(ROOT, 'event-schemas');
const OUTPUT_FILE = join(ROOT, 'libs/event-types/src/event-payloads.ts');
const SCHEMA_FILE = /^([A-Z][A-Za-z0-9]*)\.v([1-9][0-9]*)\.schema\.json$/;

const HEADER = [
  '// generated from event-schemas/ by npm run generate:event-types; do not edit.',
  '// <Type>Data is the latest version of each event payload, <Type>V<N>Data an older one',
  '// (kept for upcasters and imports).',
  '',
].join('\n');

/** Map of type -> [{ version, file }], from <dir>/<context>/<Type>.v<N>.schema.json. */
function readSchemaFiles(schemaDir) {
  const byType = new Map();
  for (const context of readdirSync(schemaDir, { withFileTypes: true })) {
    if (!context.isDirectory()) continue;
    for (const name of readdirSync(join(schemaDir, context.name))) {
      const match = SCHEMA_FILE.exec(name);
      if (!match) continue;
      const [, type, version] = match;
      if (!byType.has(type)) byType.set(type, []);
      byType.get(type).push({ version: Number(version), file: join(schemaDir, context.name, name) });
    }
  }
  return byType;
}

/** The generated module's text; pure apart from reading schemaDir, so a spec can compare it. */
async function generateEventTypes(schemaDir = SCHEMA_DIR) {
  const byType = readSchemaFiles(schemaDir);
  // Plain code-point order, not localeCompare: the output must not depend on the machine's locale.
  const types = [...byType.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = [HEADER];
  for (const type of types) {
    const versions = byType.get(type).sort((a, b) => a.version - b.version);
    const latest = versions[versions.length - 1].version;
    for (const { version, file } of versions) {
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      const name = version === latest ? `${type}Data` : `${type}V${version}Data`;
      // json-schema-to-typescript names the interface after title (or $id), so both are replaced.
      delete schema.$id;
      delete schema.$schema;
      schema.title = name;
      const source = `${relative(schemaDir, file).split('\\').join('/')}`;
      const code = await compile(schema, name, {
        bannerComment: '',
        additionalProperties: false,
        strictIndexSignatures: true,
        unknownAny: true,
        // Plain arrays: tuple types for minItems would make building payloads in code awkward, and
        // the schema still enforces the bounds at append.
        ignoreMinAndMaxItems: true,
        // Options given inline: prettier is called without config resolution, so no local
        // .prettierrc can make the committed file differ from what the drift spec regenerates.
        format: true,
        style: { singleQuote: true, printWidth: 120, endOfLine: 'lf' },
      });
      parts.push(`// event-schemas/${source}\n${code.trim()}\n`);
    }
  }
  return parts.join('\n');
}

async function main() {
  const text = await generateEventTypes();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
    return;
  }
  mkdirSync(dirname(OUTPUT_FILE), { recursive: true });
  writeFileSync(OUTPUT_FILE, text);
  console.log(`wrote ${relative(process.cwd(), OUTPUT_FILE)}`);
}

module.exports = { generateEventTypes, OUTPUT_FILE, SCHEMA_DIR };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
