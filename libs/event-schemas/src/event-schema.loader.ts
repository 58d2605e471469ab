import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One schema file, checked against the naming contract of event-schemas/ (docs/ARCHITECTURE.md, "Layout"). */
export interface EventSchemaFile {
  context: string;
  type: string;
  version: number;
  /** path relative to the schema folder, for error messages */
  file: string;
  schema: Record<string, unknown>;
}

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

const CONTEXT = /^[a-z][a-z0-9-]*$/;
const SCHEMA_FILE = /^([A-Z][A-Za-z0-9]*)\.v([1-9][0-9]*)\.schema\.json$/;

/**
 * Reads <dir>/<context>/<EventType>.v<N>.schema.json. A file that ends in .schema.json but breaks
 * the naming, or whose title/$id disagree with its name, is an error rather than skipped: a
 * silently ignored schema would turn every event of that type into an "unknown type" at runtime.
 */
export function loadEventSchemaFiles(dir: string): EventSchemaFile[] {
  const files: EventSchemaFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    if (!entry.isDirectory()) {
      if (entry.name.endsWith('.schema.json')) throw new Error(`${entry.name}: schemas live in a context folder, <context>/<EventType>.v<N>.schema.json`);
      continue;
    }
    if (!CONTEXT.test(entry.name)) throw new Error(`${entry.name}/: a context folder name is lowercase kebab-case`);
    for (const fileEntry of readdirSync(join(dir, entry.name), { withFileTypes: true }).sort(byName)) {
      if (!fileEntry.isFile() || !fileEntry.name.endsWith('.schema.json')) continue;
      files.push(readSchemaFile(dir, entry.name, fileEntry.name));
    }
  }
  return files;
}

function readSchemaFile(dir: string, context: string, name: string): EventSchemaFile {
  const file = `${context}/${name}`;
  const match = SCHEMA_FILE.exec(name);
  if (!match) throw new Error(`${file}: the name must be <EventType>.v<N>.schema.json`);
  const [, type, versionText] = match;
  const version = Number(versionText);
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`${file}: a schema is a JSON object`);
  const s = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (s.$schema !== DRAFT_2020_12) problems.push(`$schema must be ${DRAFT_2020_12}`);
  if (typeof s.$id !== 'string' || !s.$id.endsWith(`/${file}`)) problems.push(`$id must end with /${file}`);
  if (s.title !== `${type} v${version}`) problems.push(`title must be "${type} v${version}"`);
  if (typeof s.description !== 'string' || s.description.trim() === '') problems.push('description is required');
  if (s.type !== 'object') problems.push('type must be "object"');
  // Payloads are hashed forever: a field no schema knows would be stored unchecked and unreadable.
  if (s.additionalProperties !== false) problems.push('additionalProperties must be false');
  if (!Array.isArray(s.required)) problems.push('required must list the required fields');
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return { context, type, version, file, schema: s };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
