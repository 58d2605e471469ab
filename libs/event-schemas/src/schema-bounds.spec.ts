import { join } from 'node:path';
import { LIST_LIMITS } from '@ledger/domain';
import { loadEventSchemaFiles } from './event-schema.loader';

/*
 * Every payload is hashed and kept forever, so the schemas (the contract) bound everything a payload
 * can hold: every string has a maxLength, every list a maxItems, every object its exact properties.
 * The list caps are mirrored by the domain (LIST_LIMITS), which refuses an overlong list naming the
 * command's field before any fact is loaded; this spec fails when the two disagree.
 */

const SCHEMA_DIR = join(__dirname, '../../../event-schemas');

type Schema = Record<string, unknown>;

/** Every subschema with the JSON Pointer of the payload position it describes. */
function* subschemas(schema: Schema, at = ''): Generator<[Schema, string]> {
  yield [schema, at];
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) yield* subschemas(property, `${at}/${name}`);
  if (schema.items) yield* subschemas(schema.items as Schema, `${at}/[]`);
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const branch of (schema[keyword] ?? []) as Schema[]) yield* subschemas(branch, at);
  }
}

const typesOf = (schema: Schema): unknown[] => (Array.isArray(schema.type) ? schema.type : [schema.type]);

/** Which LIST_LIMITS entry a list's cap mirrors, by the list's name. */
function mirroredLimit(at: string): number {
  const name = at.split('/').filter((step) => step !== '[]').pop();
  switch (name) {
    case 'citations':
      return LIST_LIMITS.citations;
    case 'clauses':
      return LIST_LIMITS.clauses;
    case 'sponsorIds':
      return LIST_LIMITS.sponsors;
    case 'rollCall':
    case 'present':
      return LIST_LIMITS.seats;
    default:
      return LIST_LIMITS.tokens;
  }
}

const files = loadEventSchemaFiles(SCHEMA_DIR);
const everywhere = files.flatMap((file) => [...subschemas(file.schema)].map(([schema, at]) => ({ file: file.file, schema, at })));

describe('every event schema bounds what a payload can hold', () => {
  it('finds the schemas', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('gives every string a maxLength', () => {
    const unbounded = everywhere.filter(({ schema }) => typesOf(schema).includes('string') && typeof schema.maxLength !== 'number');
    expect(unbounded.map(({ file, at }) => `${file} ${at}`)).toEqual([]);
  });

  it('gives every list a maxItems, the one the domain mirrors (LIST_LIMITS)', () => {
    const lists = everywhere.filter(({ schema }) => typesOf(schema).includes('array'));
    expect(lists.length).toBeGreaterThan(20);
    const wrong = lists.filter(({ schema, at }) => schema.maxItems !== mirroredLimit(at));
    expect(wrong.map(({ file, at, schema }) => `${file} ${at}: maxItems ${String(schema.maxItems)}, LIST_LIMITS says ${mirroredLimit(at)}`)).toEqual([]);
  });

  it('closes every object: no property the schema does not name', () => {
    const open = everywhere.filter(({ schema }) => typesOf(schema).includes('object') && schema.additionalProperties !== false);
    expect(open.map(({ file, at }) => `${file} ${at}`)).toEqual([]);
  });

  it("bounds a body's seats as the domain bounds a roll call", () => {
    const seats = everywhere.filter(({ at }) => at.endsWith('/rules/seats'));
    expect(seats.length).toBeGreaterThan(0);
    for (const { schema } of seats) expect(schema.maximum).toBe(LIST_LIMITS.seats);
  });
});
