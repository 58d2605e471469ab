import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaViolation, leafHashOf, type RecordedEvent } from '@ledger/event-store';
import { defaultEventSchemaDir } from './default-schema-dir';
import { EventSchemaRegistry } from './event-schema.registry';
import { UPCASTERS } from './upcasters';

const registry = EventSchemaRegistry.fromDirectory(defaultEventSchemaDir());

const registered = { personId: 'person:robin-kniech', name: 'Robin Kniech', sortName: 'Kniech, Robin' };

function violationOf(act: () => unknown): SchemaViolation {
  try {
    act();
  } catch (error) {
    if (error instanceof SchemaViolation) return error;
    throw error;
  }
  throw new Error('expected a SchemaViolation, nothing was thrown');
}

describe('EventSchemaRegistry over event-schemas/', () => {
  it('knows the directory events at their latest versions', () => {
    expect(registry.knownTypes()).toEqual(expect.arrayContaining(['PersonRecordCorrected', 'PersonRegistered']));
    expect(registry.latestVersion('PersonRegistered')).toBe(2);
    expect(registry.latestVersion('PersonRecordCorrected')).toBe(1);
  });

  it('accepts valid payloads of every known version', () => {
    expect(() => registry.validate('PersonRegistered', 2, registered)).not.toThrow();
    expect(() => registry.validate('PersonRegistered', 1, { personId: 'person:paul-lopez', name: 'Paul López' })).not.toThrow();
    expect(() =>
      registry.validate('PersonRecordCorrected', 1, { personId: 'person:robin-kniech', corrections: { sortName: 'Kniech, R.' }, reason: 'clerk typo' }),
    ).not.toThrow();
  });

  const { sortName: _omitted, ...withoutSortName } = registered;
  const refusals: Array<[string, string, number, unknown, string, RegExp]> = [
    ['a missing field', 'PersonRegistered', 2, withoutSortName, '/sortName', /required/],
    ['a v1 payload offered as v2', 'PersonRegistered', 2, { personId: 'person:x', name: 'X' }, '/sortName', /required/],
    ['a person id without the person: prefix', 'PersonRegistered', 2, { ...registered, personId: 'robin-kniech' }, '/personId', /pattern/],
    ['an upper-case person id', 'PersonRegistered', 2, { ...registered, personId: 'person:Robin' }, '/personId', /pattern/],
    ['an extra property', 'PersonRegistered', 2, { ...registered, party: 'D' }, '/party', /additional/],
    ['an empty name', 'PersonRegistered', 2, { ...registered, name: '' }, '/name', /fewer than 1/],
    ['an untrimmed name', 'PersonRegistered', 2, { ...registered, name: ' Robin Kniech' }, '/name', /pattern/],
    ['a whitespace-only sort name', 'PersonRegistered', 2, { ...registered, sortName: '   ' }, '/sortName', /pattern/],
    ['a 201-character name', 'PersonRegistered', 2, { ...registered, name: 'x'.repeat(201) }, '/name', /more than 200/],
    ['a non-string name', 'PersonRegistered', 1, { personId: 'person:x', name: 42 }, '/name', /string/],
    ['a payload that is not an object', 'PersonRegistered', 2, ['person:x'], '', /object/],
    ['a correction that corrects nothing', 'PersonRecordCorrected', 1, { personId: 'person:x', corrections: {}, reason: 'r' }, '/corrections', /fewer than 1/],
    ['a correction of an unknown field', 'PersonRecordCorrected', 1, { personId: 'person:x', corrections: { party: 'R' }, reason: 'r' }, '/corrections/party', /additional/],
    ['a correction without a reason', 'PersonRecordCorrected', 1, { personId: 'person:x', corrections: { name: 'X' } }, '/reason', /required/],
    ['a 1001-character reason', 'PersonRecordCorrected', 1, { personId: 'person:x', corrections: { name: 'X' }, reason: 'r'.repeat(1001) }, '/reason', /more than 1000/],
    ['an unknown event type', 'PersonDeleted', 1, { personId: 'person:x' }, '', /unknown event type/],
    ['an unknown version', 'PersonRegistered', 3, registered, '', /unknown schema version/],
    ['version 0', 'PersonRegistered', 0, registered, '', /unknown schema version/],
  ];

  it.each(refusals)('refuses %s with the failing path', (_case, type, version, data, path, reason) => {
    const violation = violationOf(() => registry.validate(type, version, data));
    expect(violation).toMatchObject({ code: 'SCHEMA_VIOLATION', eventType: type, schemaVersion: version, path });
    expect(violation.reason).toMatch(reason);
  });

  it('escapes a property name into a JSON Pointer token', () => {
    expect(violationOf(() => registry.validate('PersonRegistered', 2, { ...registered, 'a/b~c': 1 })).path).toBe('/a~1b~0c');
  });

  it('refuses latestVersion of an unknown type', () => {
    expect(violationOf(() => registry.latestVersion('PersonDeleted'))).toMatchObject({ eventType: 'PersonDeleted', path: '' });
  });
});

describe('EventSchemaRegistry.upcast', () => {
  function stored(type: string, schemaVersion: number, data: unknown): RecordedEvent {
    const envelope = {
      eventId: '3b241101-e2bb-4255-8caf-4136c566a962',
      type,
      schemaVersion,
      streamId: 'person-robin-kniech',
      streamRevision: 0,
      sequence: 7,
      occurredAt: '2017-08-28T23:40:00Z',
      recordedAt: '2026-01-15T10:00:00.000Z',
      recordedBy: { id: 'person:clerk', name: 'Clerk', role: 'clerk' },
      correlationId: null,
      causationId: null,
      data,
    };
    return { ...envelope, leafHash: leafHashOf(envelope) };
  }

  it('reads PersonRegistered v1 as v2 with the name as sort name, leaving the envelope and hash alone', () => {
    const v1 = stored('PersonRegistered', 1, { personId: 'person:robin-kniech', name: 'Robin Kniech' });
    const before = structuredClone(v1);
    const upcast = registry.upcast(v1);
    expect(upcast).toEqual({ ...before, schemaVersion: 2, data: { personId: 'person:robin-kniech', name: 'Robin Kniech', sortName: 'Robin Kniech' } });
    expect(upcast.leafHash).toBe(leafHashOf(before));
    expect(v1).toEqual(before);
  });

  it('reads a body\'s voting rules of v1 as v2 with the abstention rule the ledger counted by then (present)', () => {
    const rules = { seats: 13, quorum: 7, passage: 'majority-of-present', overrideVotes: 9 };
    const registeredV1 = stored('OrganizationRegistered', 1, { orgId: 'org:council', name: 'Council', kind: 'LEGISLATURE', parentId: null, rules });
    expect(registry.upcast(registeredV1).data).toEqual({ orgId: 'org:council', name: 'Council', kind: 'LEGISLATURE', parentId: null, rules: { ...rules, abstentions: 'present' } });
    const department = stored('OrganizationRegistered', 1, { orgId: 'org:dept', name: 'Dept', kind: 'DEPARTMENT', parentId: null, rules: null });
    expect(registry.upcast(department).data).toMatchObject({ rules: null });
    const corrected = (corrections: object) => stored('OrganizationRecordCorrected', 1, { orgId: 'org:council', corrections, reason: 'r' });
    expect(registry.upcast(corrected({ rules })).data).toMatchObject({ corrections: { rules: { ...rules, abstentions: 'present' } } });
    expect(registry.upcast(corrected({ name: 'City Council' })).data).toEqual({ orgId: 'org:council', corrections: { name: 'City Council' }, reason: 'r' });
  });

  it('returns an event already at the latest version as it is', () => {
    const v2 = stored('PersonRegistered', 2, registered);
    expect(registry.upcast(v2)).toBe(v2);
  });

  it('refuses events it cannot interpret rather than passing them on', () => {
    expect(violationOf(() => registry.upcast(stored('PersonDeleted', 1, {})))).toMatchObject({ path: '', reason: 'unknown event type' });
    expect(violationOf(() => registry.upcast(stored('PersonRegistered', 3, registered))).reason).toMatch(/unknown schema version/);
    expect(violationOf(() => registry.upcast(stored('PersonRegistered', 1, { personId: 'person:x' })))).toMatchObject({ schemaVersion: 1, path: '/name' });
  });

  it('names the version an upcaster broke', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-schemas-'));
    try {
      cpSync(defaultEventSchemaDir(), dir, { recursive: true });
      const broken = EventSchemaRegistry.fromDirectory(dir, { ...UPCASTERS, 'PersonRegistered.v1': (data: { personId: string }) => ({ personId: data.personId }) });
      const violation = violationOf(() => broken.upcast(stored('PersonRegistered', 1, { personId: 'person:x', name: 'X' })));
      expect(violation).toMatchObject({ schemaVersion: 2, path: '/name' });
      expect(violation.reason).toMatch(/after upcasting from v1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('EventSchemaRegistry.fromDirectory refuses an inconsistent schema folder at load time', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-schemas-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function writeSchema(context: string, type: string, version: number, overrides: Record<string, unknown> = {}, fileName = `${type}.v${version}.schema.json`): void {
    mkdirSync(join(dir, context), { recursive: true });
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://ordinance-ledger.example/event-schemas/${context}/${fileName}`,
      title: `${type} v${version}`,
      description: 'fixture',
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: { id: { type: 'string' } },
      ...overrides,
    };
    writeFileSync(join(dir, context, fileName), JSON.stringify(schema));
  }

  const identity = (data: never) => data;

  it('loads a consistent folder', () => {
    writeSchema('votes', 'VoteRecorded', 1);
    writeSchema('votes', 'VoteRecorded', 2);
    const loaded = EventSchemaRegistry.fromDirectory(dir, { 'VoteRecorded.v1': identity });
    expect(loaded.knownTypes()).toEqual(['VoteRecorded']);
    expect(loaded.latestVersion('VoteRecorded')).toBe(2);
  });

  it('when a version has no upcaster to the next', () => {
    cpSync(defaultEventSchemaDir(), dir, { recursive: true });
    writeSchema('directory', 'PersonRegistered', 3, { required: ['personId'], properties: { personId: { type: 'string' } } });
    expect(() => EventSchemaRegistry.fromDirectory(dir, UPCASTERS)).toThrow(/no upcaster PersonRegistered\.v2/);
  });

  it('when the real schemas lose their upcaster', () => {
    cpSync(defaultEventSchemaDir(), dir, { recursive: true });
    const { ['PersonRegistered.v1']: _lost, ...others } = UPCASTERS;
    expect(() => EventSchemaRegistry.fromDirectory(dir, others)).toThrow(/no upcaster PersonRegistered\.v1/);
  });

  it('when a version is missing from the history', () => {
    writeSchema('votes', 'VoteRecorded', 1);
    writeSchema('votes', 'VoteRecorded', 3);
    expect(() => EventSchemaRegistry.fromDirectory(dir, { 'VoteRecorded.v1': identity, 'VoteRecorded.v2': identity })).toThrow(/VoteRecorded\.v2\.schema\.json is missing/);
  });

  it('when an upcaster matches no schema version', () => {
    writeSchema('votes', 'VoteRecorded', 1);
    expect(() => EventSchemaRegistry.fromDirectory(dir, { 'VoteRecorded.v1': identity })).toThrow(/upcasters for no schema version: VoteRecorded\.v1/);
  });

  it.each([
    ['a title of another version', { title: 'VoteRecorded v2' }, /title must be "VoteRecorded v1"/],
    ['an $id of another file', { $id: 'https://ordinance-ledger.example/event-schemas/votes/VoteCast.v1.schema.json' }, /\$id must end with/],
    ['another draft', { $schema: 'http://json-schema.org/draft-07/schema#' }, /\$schema must be/],
    ['open payloads', { additionalProperties: true }, /additionalProperties must be false/],
    ['no required list', { required: undefined }, /required must list/],
    ['an unknown keyword (Ajv strict mode)', { properties: { id: { type: 'string', maxLenght: 3 } } }, /unknown keyword/],
  ])('when a schema has %s', (_case, overrides, message) => {
    writeSchema('votes', 'VoteRecorded', 1, overrides);
    expect(() => EventSchemaRegistry.fromDirectory(dir, {})).toThrow(message);
  });

  it('when a file name breaks the naming', () => {
    writeSchema('votes', 'VoteRecorded', 1, {}, 'VoteRecorded.V1.schema.json');
    expect(() => EventSchemaRegistry.fromDirectory(dir, {})).toThrow(/<EventType>\.v<N>\.schema\.json/);
  });

  it('when one type is defined in two contexts', () => {
    writeSchema('votes', 'VoteRecorded', 1);
    writeSchema('council', 'VoteRecorded', 1);
    expect(() => EventSchemaRegistry.fromDirectory(dir, {})).toThrow(/already defined/);
  });
});

describe('EventSchemaRegistry restricted fields', () => {
  const received = { requestId: 'data-request:x', subjectRef: 'subj_0123', personalDetails: { ciphertext: 'abc' }, purpose: 'p' };

  it('reads the x-restricted marks of the schemas', () => {
    expect(registry.restrictedFields('DataRequestReceived', 1)).toEqual(['personalDetails', 'subjectRef']);
    expect(registry.restrictedFields('PersonRegistered', 2)).toEqual([]);
    expect(registry.restrictedFields('NoSuchEvent', 1)).toEqual(['*']);
  });

  it('gives the public payload as a copy without them, and nothing for an unknown type', () => {
    const visible = registry.publicPayload('DataRequestReceived', 1, received);
    expect(visible).toEqual({ requestId: 'data-request:x', purpose: 'p' });
    expect(received.subjectRef).toBe('subj_0123');
    const person = { personId: 'person:a', name: 'A', sortName: 'A' };
    expect(registry.publicPayload('PersonRegistered', 2, person)).toBe(person);
    expect(registry.publicPayload('NoSuchEvent', 1, { secret: 1 })).toEqual({});
  });
});
