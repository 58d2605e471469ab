import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SchemaViolation, type RecordedEvent } from '@ledger/event-store';
import { defaultEventSchemaDir } from './default-schema-dir';
import { loadEventSchemaFiles } from './event-schema.loader';
import { UPCASTERS, upcasterKey, type UpcasterTable } from './upcasters';

interface EventTypeSchemas {
  context: string;
  latest: number;
  /** index = version - 1; versions are dense from 1, checked at load */
  validators: ValidateFunction[];
  /** index = from-version - 1 */
  upcasters: Array<(data: unknown) => unknown>;
  /** index = version - 1: the payload's top-level fields marked "x-restricted" */
  restricted: string[][];
}

/**
 * Schemas mark personal or sensitive payload fields with `"x-restricted": true` (top-level
 * properties only): the schema is then the one place that says what callers without the
 * oversight role must never see, for every event type alike.
 */
export const RESTRICTED_KEYWORD = 'x-restricted';

function restrictedFieldsOf(schema: { properties?: Record<string, { [RESTRICTED_KEYWORD]?: unknown }> }): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => property?.[RESTRICTED_KEYWORD] === true)
    .map(([name]) => name)
    .sort();
}

/**
 * Every event type's JSON Schemas and upcasters, loaded and cross-checked once at start-up so
 * that a gap in a type's history fails the deployment, not the first read of an old event.
 */
export class EventSchemaRegistry {
  private constructor(private readonly types: ReadonlyMap<string, EventTypeSchemas>) {}

  static fromDirectory(dir: string = defaultEventSchemaDir(), upcasters: UpcasterTable = UPCASTERS): EventSchemaRegistry {
    // allErrors: false stops at the first failure: the refusal names one path, and a hostile
    // payload cannot make validation enumerate every error.
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    addFormats(ajv);
    ajv.addKeyword({ keyword: RESTRICTED_KEYWORD, schemaType: 'boolean' });

    const byType = new Map<string, { context: string; validators: Map<number, ValidateFunction>; restricted: Map<number, string[]> }>();
    for (const file of loadEventSchemaFiles(dir)) {
      let entry = byType.get(file.type);
      if (!entry) byType.set(file.type, (entry = { context: file.context, validators: new Map(), restricted: new Map() }));
      entry.restricted.set(file.version, restrictedFieldsOf(file.schema as never));
      if (entry.context !== file.context) throw new Error(`${file.file}: ${file.type} is already defined in ${entry.context}/`);
      try {
        entry.validators.set(file.version, ajv.compile(file.schema));
      } catch (error) {
        throw new Error(`${file.file}: ${(error as Error).message}`);
      }
    }

    const used = new Set<string>();
    const types = new Map<string, EventTypeSchemas>();
    for (const [type, { context, validators, restricted }] of byType) {
      const latest = Math.max(...validators.keys());
      const schemas: EventTypeSchemas = { context, latest, validators: [], upcasters: [], restricted: [] };
      for (let version = 1; version <= latest; version++) {
        const validator = validators.get(version);
        if (!validator) throw new Error(`${context}/${type}.v${version}.schema.json is missing: versions of ${type} must run 1..${latest} without gaps`);
        schemas.validators.push(validator);
        schemas.restricted.push(restricted.get(version) ?? []);
        if (version === latest) break;
        const key = upcasterKey(type, version);
        const upcaster = upcasters[key];
        if (typeof upcaster !== 'function') throw new Error(`no upcaster ${key}: stored ${type} v${version} events could not be read as v${latest}`);
        used.add(key);
        schemas.upcasters.push(upcaster as (data: unknown) => unknown);
      }
      types.set(type, schemas);
    }
    // A stray key is usually a typo or a schema that was renamed: either way, a step that never runs.
    const unused = Object.keys(upcasters).filter((key) => !used.has(key));
    if (unused.length > 0) throw new Error(`upcasters for no schema version: ${unused.sort().join(', ')}`);
    return new EventSchemaRegistry(types);
  }

  /** sorted, for stable listings and generated code */
  knownTypes(): string[] {
    return [...this.types.keys()].sort();
  }

  /** the version new events of this type are written at; SchemaViolation for an unknown type */
  latestVersion(type: string): number {
    return this.schemasOf(type, 0).latest;
  }

  /** the payload fields of this type and version that only the oversight role may see */
  restrictedFields(type: string, version: number): readonly string[] {
    const schemas = this.types.get(type);
    // An unknown type cannot be vouched for: treat the whole payload as restricted.
    if (!schemas || version < 1 || version > schemas.latest) return ['*'];
    return schemas.restricted[version - 1];
  }

  /**
   * The payload as callers without the oversight role may see it: a copy without the restricted
   * fields of its type and version, and nothing at all for a type the schemas cannot vouch for.
   */
  publicPayload(type: string, version: number, data: unknown): unknown {
    const restricted = this.restrictedFields(type, version);
    if (restricted.includes('*')) return {};
    if (restricted.length === 0 || typeof data !== 'object' || data === null || Array.isArray(data)) return data;
    const hidden = new Set(restricted);
    return Object.fromEntries(Object.entries(data).filter(([field]) => !hidden.has(field)));
  }

  /** throws SchemaViolation naming the first failing JSON Pointer; any known version is accepted */
  validate(type: string, version: number, data: unknown): void {
    const validator = this.validatorOf(type, version);
    if (!validator(data)) throw violationOf(type, version, validator.errors?.[0]);
  }

  /**
   * The event at its type's latest version. Only data and schemaVersion change: leafHash and the
   * rest stay those of the stored form, which is what the Merkle tree committed to.
   */
  upcast(event: RecordedEvent): RecordedEvent {
    const schemas = this.schemasOf(event.type, event.schemaVersion);
    const stored = event.schemaVersion;
    if (stored === schemas.latest) return event;
    // Also refuses a version newer than this code, which the loop below would skip over.
    this.validatorOf(event.type, stored);
    // Stored payloads may predate this code or come from a raw import, and each step's output is
    // checked too: a broken upcaster must fail loudly here, not corrupt a read model quietly.
    let data = event.data;
    for (let version = stored; version <= schemas.latest; version++) {
      try {
        this.validate(event.type, version, data);
      } catch (error) {
        if (version === stored || !(error instanceof SchemaViolation)) throw error;
        throw new SchemaViolation(error.eventType, version, error.path, `${error.reason} (after upcasting from v${stored})`);
      }
      if (version < schemas.latest) data = schemas.upcasters[version - 1](data);
    }
    return { ...event, schemaVersion: schemas.latest, data };
  }

  private schemasOf(type: string, version: number): EventTypeSchemas {
    const schemas = this.types.get(type);
    if (!schemas) throw new SchemaViolation(type, version, '', 'unknown event type');
    return schemas;
  }

  private validatorOf(type: string, version: number): ValidateFunction {
    const schemas = this.schemasOf(type, version);
    const validator = Number.isInteger(version) ? schemas.validators[version - 1] : undefined;
    if (!validator) throw new SchemaViolation(type, version, '', `unknown schema version (known: 1..${schemas.latest})`);
    return validator;
  }
}

/** Ajv reports a missing or extra property at its parent; callers want the property itself. */
function violationOf(type: string, version: number, error: ErrorObject | undefined): SchemaViolation {
  if (!error) return new SchemaViolation(type, version, '', 'is invalid');
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const property = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  const path = property === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(property)}`;
  return new SchemaViolation(type, version, path, error.message ?? `fails ${error.keyword}`);
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
