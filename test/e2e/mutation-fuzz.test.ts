/**
 * Mutation fuzz suite (issue 8, item 10). Every mutation the served schema lists (introspection)
 * is sent malformed inputs generated from its input type: wrong scalar types, null where a value
 * is required, huge and odd strings (lone surrogates, NUL, bidi controls, emoji, SQL and HTML),
 * impossible dates, ids of the wrong kind, lists of 10,000 entries, 20,000-deep nesting, unknown
 * fields, a body over the 100 KB limit. Each mutation's base input is one the ledger accepts (the
 * demo, plus a few measures and a request recorded in beforeAll), sent with a token of the role
 * the mutation's description names, and sent last: every case differs from an accepted command by
 * the one value it corrupts, so it reaches the check of that value.
 *
 * For every request: no 5xx, every error has a known extensions.code and no stack trace, and a
 * refused command writes nothing (the event log's totalCount and the store's last sequence are
 * unchanged); an accepted one writes exactly the events of its receipt, served back as recorded.
 * At the end, the server log holds no refusal logged as an error. Deterministic: the cases come
 * from a seeded PRNG, one stream per mutation; the seed is printed, LEDGER_FUZZ_SEED replays another.
 * About 900 requests, 20-40 s.
 */
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { COMMITTEE, COUNCIL, demoAdmin, demoClerk, ICE, mayor, MAYORS_OFFICE, oversightReviewer, seat, SHERIFF, sheriffOfficer } from '@ledger/scenarios';
import { seededRandom } from '../support/seeded-random';

const SEED = Number(process.env.LEDGER_FUZZ_SEED ?? 20170828);

/** GraphQL's own codes for malformed requests and variables, and the ledger's refusals. */
const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'QUERY_TOO_COMPLEX']);
const STACK_TRACE = /\n\s+at |\bat \S+ \(|node_modules|\.(?:ts|js):\d+/;


/** The demo's accounts, by role: each mutation is sent as the role its description names. */
const ACTORS: Record<string, [string, string]> = Object.fromEntries(
  [demoClerk, mayor, sheriffOfficer, oversightReviewer, demoAdmin].map((actor) => [actor.role, [actor.id, actor.name]]),
);

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (test/support/seeded-random.ts)

/** FNV-1a: each mutation draws from its own stream, so one mutation's cases do not depend on another's. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];

// ---------------------------------------------------------------------------------------------
// The schema, from introspection

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputField {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}
interface SchemaType {
  kind: string;
  name: string;
  inputFields: InputField[] | null;
  enumValues: Array<{ name: string }> | null;
}
interface MutationField {
  name: string;
  description: string | null;
  args: Array<{ name: string; type: TypeRef }>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema {
  mutationType { fields { name description args { name type { ${TYPE_REF} } } } }
  types { kind name enumValues { name } inputFields { name defaultValue type { ${TYPE_REF} } } }
} }`;

const typeText = (ref: TypeRef): string =>
  ref.kind === 'NON_NULL' ? `${typeText(ref.ofType!)}!` : ref.kind === 'LIST' ? `[${typeText(ref.ofType!)}]` : ref.name!;
const unwrapNonNull = (ref: TypeRef): TypeRef => (ref.kind === 'NON_NULL' ? ref.ofType! : ref);

// ---------------------------------------------------------------------------------------------
// Values that are valid apart from the one field a case corrupts

const IDS: Record<string, string> = {
  personId: 'person:illustrative-council-member-a',
  sponsorIds: 'person:paul-lopez',
  organizationId: COUNCIL,
  bodyId: COUNCIL,
  committeeId: COMMITTEE,
  officeId: MAYORS_OFFICE,
  parentId: COUNCIL,
  requestingOrganizationId: ICE,
  receivingOrganizationId: SHERIFF,
  measureId: 'CB17-0766',
  byMeasureId: 'CB18-0101',
  clauseId: 'CB17-0766#sec_3',
  // Overridden by BASE_INPUTS with a vote, and members, of a measure beforeAll prepares.
  voteId: 'vote:CB17-0766:1',
  present: 'person:illustrative-council-member-a',
  // Overridden by BASE_INPUTS with the token issued in beforeAll.
  tokenId: 'token:00000000-0000-4000-8000-000000000000',
};
/** `id` of each input that names the node it records or corrects */
const NODE_IDS: Record<string, string> = {
  RegisterPersonInput: 'person:fuzz-new-person',
  CorrectPersonInput: 'person:paul-lopez',
  RegisterOrganizationInput: 'org:fuzz-new-organization',
  CorrectOrganizationInput: SHERIFF,
  IntroduceMeasureInput: 'CB19-0001',
  DraftExecutiveOrderInput: 'EO-2019-001',
};
const STRINGS: Record<string, string> = {
  role: 'member', motion: 'first-reading', change: 'amend', effect: 'prohibit', action: 'share', finding: 'upheld',
  legalBasis: 'none', channel: 'email', purpose: 'civil-immigration-enforcement', passage: 'majority-of-present', eId: 'sec_1',
  subjectIdentifier: 'FUZZ-BOOKING-1', dataCategories: 'release-date-time', disclosedCategories: 'release-date-time',
  recipientCategories: 'federal-immigration-enforcement', recipients: 'federal-immigration-enforcement', unless: 'judicial-warrant',
  actionsTaken: 'advise-of-rights',
};
const INTS: Record<string, number> = { seats: 13, quorum: 7, overrideVotes: 9, version: 1, expectedRevision: 0 };
const member = seat;
const yes = (letters: string) => letters.split('').map((letter) => ({ personId: member(letter), choice: 'YES' }));
/** A request the demo's sheriff officer decided (its uuid is generated, so it is looked up). */
const DECIDED_REQUEST = '$decided';
/** A request received by the sheriff's department in beforeAll, not yet decided. */
const OPEN_REQUEST = '$open';
/** A token the admin issued in beforeAll, not yet revoked. */
const ISSUED_TOKEN = '$token';
/** Mutations that answer more than a receipt, and the field that holds it. */
const RECEIPT_FIELD: Record<string, string> = { issueToken: 'receipt' };

/**
 * What makes each mutation's base input one the ledger accepts, on the demo plus the measures and
 * request beforeAll records: then every case differs from an accepted command by the one value it
 * corrupts, and reaches the check of that value rather than stopping at the measure's stage.
 */
const BASE_INPUTS: Record<string, Record<string, unknown>> = {
  amendByMeasure: { measureId: 'CB17-0766', byMeasureId: 'CB18-0101', effectiveFrom: '2018-06-01', amendment: { change: 'amend', eId: 'sec_1', text: 'Amended by the fuzz suite.' } },
  correctDecision: { requestId: DECIDED_REQUEST, rationale: 'Corrected by the fuzz suite.' },
  correctMembership: { organizationId: COUNCIL, personId: member('a'), startDate: '2015-07-20', newEndDate: '2030-12-31' },
  correctOrganization: { name: 'Denver Sheriff Department (fuzzed)' },
  correctPerson: { name: 'Paul D. Lopez' },
  correctVote: { measureId: 'CB19-0107', voteId: 'vote:CB19-0107:1', votes: yes('abcdefgh'), reason: 'Corrected by the fuzz suite.' },
  explainVote: { measureId: 'CB19-0107', voteId: 'vote:CB19-0107:1', personId: member('a'), explanation: 'Explained by the fuzz suite.' },
  recordQuorumFailure: { measureId: 'CB19-0108', bodyId: COUNCIL, motion: 'first-reading', present: [member('a'), member('b')] },
  decideDataRequest: { requestId: OPEN_REQUEST },
  endMembership: { organizationId: COUNCIL, personId: member('m'), endDate: '2018-06-01' },
  issueToken: { actorId: 'person:fuzz-clerk', role: 'clerk', ttl: '1h' },
  enactMeasure: { measureId: 'CB19-0105' },
  issueExecutiveOrder: { measureId: 'EO-2019-100', occurredAt: '2018-06-01T18:00:00Z' },
  recordDisclosure: { requestId: DECIDED_REQUEST },
  recordVote: { measureId: 'CB19-0101', votes: yes('abcdefg') },
  referMeasure: { measureId: 'CB19-0100' },
  repealMeasure: { measureId: 'CR19-0106', byMeasureId: 'CB18-0101' },
  reviewDecision: { requestId: DECIDED_REQUEST },
  revokeExecutiveOrder: { measureId: 'EO-2017-142' },
  revokeToken: { tokenId: ISSUED_TOKEN },
  signMeasure: { measureId: 'CB19-0103' },
  startMembership: { organizationId: SHERIFF },
  vetoMeasure: { measureId: 'CB19-0104' },
  withdrawMeasure: { measureId: 'CB19-0102' },
};
/** Inputs that record a new node: each case gets an id of its own, so an accepted case does not make the next one a CONFLICT. */
const NEW_NODE_IDS: Record<string, (n: number) => string> = {
  RegisterPersonInput: (n) => `person:fuzz-${n}`,
  RegisterOrganizationInput: (n) => `org:fuzz-${n}`,
  IntroduceMeasureInput: (n) => `FZ-${n}`,
  DraftExecutiveOrderInput: (n) => `EO-FZ-${n}`,
};
const PREFERRED_ENUM_VALUES = ['ORDINANCE', 'YES', 'DENIED', 'DEPARTMENT'];

// ---------------------------------------------------------------------------------------------
// Malformed values

const ODD_STRINGS = [
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '😀\uD83D', '\u202Eevil\u202C', '\u200F\u200E\u200B',
  '😀'.repeat(40), 'e\u0301', '\uFEFFbom', "'; DROP TABLE events; --", '<script>alert(1)</script>', '../../etc/passwd',
  '%s%n%x', '${7*7}', 'null', 'NaN', 'a'.repeat(20_001), 'é'.repeat(5_001), 'x'.repeat(60_000),
];
const BAD_DATES = ['2017-02-30', '2017-13-01', '2017-00-10', '0000-01-01', '9999-12-31', '+275760-09-13', '2017-1-1', '2018-02-29', '', '2017-08-28T18:00:00Z'];
const BAD_INSTANTS = [
  '2017-02-30T18:00:00Z', '2017-13-01T00:00:00Z', '2017-08-28T25:00:00Z', '2017-08-28T18:60:00Z', '2017-08-28', '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z', '2017-08-28T18:00:00+25:00', '1e10', 'yesterday', '', '2017-08-28T18:00:00.1234567890Z',
];
const WRONG_KIND_IDS = [
  'person:paul-lopez', COUNCIL, ICE, 'CB17-0766', 'CB 17 0766', 'CB17-0766#sec_3', 'CB17-0766#Section 3', 'vote:CB17-0766:1',
  'data-request:00000000-0000-4000-8000-000000000000', 'decision:00000000-0000-4000-8000-000000000000', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  'person:', 'org:', `org:${'a'.repeat(300)}`, 'PERSON:PAUL-LOPEZ', 'person:paul lopez', 'person:\uD800', 'org:../../x', '',
];
const BAD_INTS = [0, -1, 2 ** 31 - 1, -(2 ** 31), 1001];
/** Values of the wrong GraphQL type for each kind of leaf (GraphQL refuses them before a resolver runs). */
const WRONG_TYPES: Record<string, unknown[]> = {
  String: [42, -1.5, true, {}, ['a'], { a: 1 }],
  ID: [-1.5, true, {}, ['a'], { id: 'x' }],
  Int: ['7', 1.5, 2 ** 40, true, {}, [1], 'NaN'],
  Boolean: ['true', 1, {}, [true]],
  Date: [20170828, true, {}, ['2017-08-28']],
  DateTime: [1503943200000, true, {}, ['2017-08-28T18:00:00Z']],
  ENUM: ['NOT_A_VALUE', 'yes', 1, true, {}],
  INPUT_OBJECT: ['text', 42, true, [], [{}]],
};

interface Leaf {
  /** path inside the mutation's variables, e.g. input.clauses.0.text */
  path: Array<string | number>;
  type: TypeRef;
  owner: string;
}

interface Case {
  label: string;
  /** the variables, or the raw JSON body when a value cannot be built in memory (deep nesting) */
  variables?: Record<string, unknown>;
  body?: string;
}

class FuzzSchema {
  private readonly types = new Map<string, SchemaType>();

  constructor(
    types: SchemaType[],
    /** DECIDED_REQUEST, OPEN_REQUEST and ISSUED_TOKEN by their ids in this ledger */
    private readonly requests: Record<string, string>,
  ) {
    for (const type of types) this.types.set(type.name, type);
  }

  private type(name: string): SchemaType {
    const type = this.types.get(name);
    if (!type) throw new Error(`introspection lists no type ${name}`);
    return type;
  }

  /** A value for a field of this type, valid apart from what the ledger may refuse about it. */
  base(ref: TypeRef, field: string, owner: string): unknown {
    const type = unwrapNonNull(ref);
    if (type.kind === 'LIST') return [this.base(type.ofType!, field, owner)];
    if (type.kind === 'INPUT_OBJECT') return this.baseObject(type.name!);
    if (type.kind === 'ENUM') {
      const values = this.type(type.name!).enumValues!.map((v) => v.name);
      return values.find((value) => PREFERRED_ENUM_VALUES.includes(value)) ?? values[0];
    }
    switch (type.name) {
      case 'ID':
        if (field === 'requestId') return this.requests[DECIDED_REQUEST];
        if (field === 'id' && NODE_IDS[owner]) return NODE_IDS[owner];
        if (IDS[field]) return IDS[field];
        throw new Error(`no base value for ${owner}.${field}: add one to IDS or NODE_IDS`);
      case 'String':
        return STRINGS[field] ?? 'Fuzz text.';
      case 'Int':
        return INTS[field] ?? 1;
      case 'Boolean':
        return false;
      case 'Date':
        return '2018-06-01';
      case 'DateTime':
        return '2018-06-01T18:00:00Z';
      default:
        throw new Error(`no base value for scalar ${type.name} (${owner}.${field})`);
    }
  }

  /** The required fields of an input object (those without a default). */
  baseObject(name: string): Record<string, unknown> {
    const fields = this.type(name).inputFields!.filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue === null);
    return Object.fromEntries(fields.map((f) => [f.name, this.base(f.type, f.name, name)]));
  }

  /** Every field reachable from an input type, optional ones too; list items at index 0. */
  leaves(ref: TypeRef, path: Array<string | number>, owner: string, depth = 0): Leaf[] {
    const type = unwrapNonNull(ref);
    const here: Leaf = { path, type: ref, owner };
    if (depth > 4) return [here];
    if (type.kind === 'LIST') {
      const item = unwrapNonNull(type.ofType!);
      return item.kind === 'INPUT_OBJECT' ? [here, ...this.leaves(type.ofType!, [...path, 0], owner, depth + 1).slice(1)] : [here];
    }
    if (type.kind !== 'INPUT_OBJECT') return [here];
    const fields = this.type(type.name!).inputFields!;
    return [here, ...fields.flatMap((f) => this.leaves(f.type, [...path, f.name], type.name!, depth + 1))];
  }

  /** variables with the value at path replaced, building any optional object on the way from its base */
  withValue(variables: Record<string, unknown>, leaf: Leaf, value: unknown, argType: TypeRef): Record<string, unknown> {
    const copy = structuredClone(variables);
    let node: any = copy;
    let ref = argType;
    for (let i = 0; i < leaf.path.length - 1; i++) {
      const step = leaf.path[i];
      // path[0] is the argument itself; then field names, and 0 for the first item of a list.
      const next = i === 0 ? argType : typeof step === 'number' ? unwrapNonNull(unwrapNonNull(ref).ofType!) : this.fieldType(ref, step as string);
      // An optional object on the way (e.g. rule, amendment) is built from its base first.
      if (node[step] === undefined || node[step] === null) node[step] = typeof step === 'number' ? this.baseObject(unwrapNonNull(next).name!) : this.base(next, step, leaf.owner);
      node = node[step];
      ref = next;
    }
    node[leaf.path[leaf.path.length - 1]] = value;
    return copy;
  }

  private fieldType(ref: TypeRef, field: string): TypeRef {
    const type = unwrapNonNull(ref);
    if (type.kind !== 'INPUT_OBJECT') return type;
    return this.type(type.name!).inputFields!.find((f) => f.name === field)!.type;
  }

  /** Deliberately odd values of the leaf's own type: what a confused or hostile caller sends. */
  oddValues(leaf: Leaf, random: () => number): Array<[string, unknown]> {
    const type = unwrapNonNull(leaf.type);
    const field = String(leaf.path[leaf.path.length - 1]);
    const two = <T>(label: string, values: readonly T[]): Array<[string, unknown]> => {
      const first = pick(random, values);
      const second = pick(random, values.filter((value) => value !== first));
      return [[label, first], [label, second]];
    };
    if (type.kind === 'LIST') {
      const item = this.base(type.ofType!, field, leaf.owner);
      // Short entries, so that 10,000 of them fit the 100 KB body limit and reach the ledger.
      const huge = Array.from({ length: 10_000 }, (_, i) => (typeof item === 'string' ? `x${i % 10}` : item));
      return [
        ['10,000 entries', huge],
        pick(random, [
          ['1,200 entries', Array.from({ length: 1_200 }, () => item)],
          ['an empty list', []],
          ['the same entry twice', [item, item]],
          ['a null entry', [item, null]],
        ] as Array<[string, unknown]>),
      ];
    }
    if (type.kind === 'ENUM') return [['an enum value in the wrong case', String(this.base(type, field, leaf.owner)).toLowerCase()]];
    if (type.kind === 'INPUT_OBJECT') return [['an unknown field', { ...this.baseObject(type.name!), notAField: 'x' }]];
    switch (type.name) {
      case 'ID':
        return two('an id of the wrong kind', WRONG_KIND_IDS);
      case 'String':
        return two('an odd string', ODD_STRINGS);
      case 'Int':
        return two('an edge integer', BAD_INTS);
      case 'Date':
        return two('an impossible date', BAD_DATES);
      case 'DateTime':
        return two('an impossible instant', BAD_INSTANTS);
      default:
        return [['the opposite boolean', true]];
    }
  }

  wrongType(leaf: Leaf, random: () => number): unknown {
    const type = unwrapNonNull(leaf.type);
    if (type.kind === 'LIST') return pick(random, [{ not: 'a list' }, [[['nested']]], 42]);
    const key = type.kind === 'SCALAR' ? type.name! : type.kind;
    return pick(random, WRONG_TYPES[key] ?? WRONG_TYPES.String);
  }

  /** The cases for one mutation: for every field an odd value and a wrong type, null where required, and some whole-input cases. */
  cases(mutation: MutationField, random: () => number): Case[] {
    const arg = mutation.args[0];
    const argName = arg.name;
    const inputType = unwrapNonNull(arg.type).name!;
    const overrides = Object.fromEntries(Object.entries(BASE_INPUTS[mutation.name] ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('$') ? this.requests[v] : v]));
    const base = { [argName]: { ...(this.base(arg.type, argName, mutation.name) as object), ...overrides } };
    const cases: Case[] = [];
    for (const leaf of this.leaves(arg.type, [argName], mutation.name).slice(1)) {
      const at = leaf.path.join('.');
      for (const [label, odd] of this.oddValues(leaf, random)) cases.push({ label: `${at}: ${label} ${shown(odd)}`, variables: this.withValue(base, leaf, odd, arg.type) });
      const wrong = this.wrongType(leaf, random);
      cases.push({ label: `${at}: wrong type ${shown(wrong)}`, variables: this.withValue(base, leaf, wrong, arg.type) });
      if (leaf.type.kind === 'NON_NULL') cases.push({ label: `${at}: null`, variables: this.withValue(base, leaf, null, arg.type) });
    }
    const huge = this.leaves(arg.type, [argName], mutation.name).find((leaf) => unwrapNonNull(leaf.type).name === 'String') ?? null;
    const deep = (open: string, close: string, depth: number) => `${open.repeat(depth)}"x"${close.repeat(depth)}`;
    const marker = '"__FUZZ_RAW__"';
    const raw = (value: string) => JSON.stringify({ [argName]: '__FUZZ_RAW__' }).replace(marker, value);
    cases.push(
      { label: 'input: null', variables: { [argName]: null } },
      { label: 'input: {}', variables: { [argName]: {} } },
      { label: 'input: a string', variables: { [argName]: 'mutation' } },
      { label: 'input: unknown fields, __proto__ among them', variables: { [argName]: { ...base[argName], ['__proto__']: { polluted: true }, constructor: 'y' } } },
      { label: 'input: no variables at all', variables: {} },
      { label: 'input: 20,000 nested objects', body: raw(deep('{"a":', '}', 20_000)) },
      { label: 'input: 20,000 nested lists', body: raw(deep('[', ']', 20_000)) },
    );
    if (huge) cases.push({ label: `${huge.path.join('.')}: a 200 KB string (over the 100 KB body limit)`, variables: this.withValue(base, huge, 'y'.repeat(200_000), arg.type) });
    // Last, the base itself, which must be accepted: the proof that the cases above differ from a
    // valid command by their one value (sent last, so that its events change nothing before).
    cases.push({ label: BASE_CASE, variables: base });
    const newId = NEW_NODE_IDS[inputType];
    if (newId) {
      cases.forEach((fuzz, n) => {
        const input = fuzz.variables?.[argName] as Record<string, unknown> | undefined;
        if (input && typeof input === 'object' && !fuzz.label.startsWith(`${argName}.id:`) && !fuzz.label.startsWith('input:')) input.id = newId(n);
      });
    }
    return cases;
  }
}

const BASE_CASE = 'the base input (valid)';
/** When the prepared acts happened: after the demo, before every date the base inputs name. */
const PREPARED_AT = '2018-05-01T18:00:00Z';

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
}

// ---------------------------------------------------------------------------------------------

describe(`mutation fuzz suite (seed ${SEED})`, () => {
  let dataDir: string;
  let server: LedgerServer;
  let mutations: MutationField[];
  let schema: FuzzSchema;
  const tokens: Record<string, string> = {};
  let requests = 0;
  let oversized = 0;

  /** The ledger's two counts: the event log read model's total, and the store's last sequence. */
  const counts = async () => {
    const [log, health] = await Promise.all([
      server.gql('{ events(first: 0) { totalCount } }'),
      fetch(`${server.base}/healthz`).then((r) => r.json() as Promise<{ lastSequence: number }>),
    ]);
    return { totalCount: log.data.events.totalCount as number, lastSequence: health.lastSequence };
  };

  async function post(body: string, token: string): Promise<{ status: number; json: any; text: string }> {
    requests++;
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text };
  }

  async function record(name: string, inputType: string, input: Record<string, unknown>, role: string): Promise<any> {
    const result = await server.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { events { data } } }`, { input: { occurredAt: PREPARED_AT, ...input } }, tokens[role]);
    if (result.errors) throw new Error(`preparing the fuzz ledger, ${name}: ${JSON.stringify(result.errors)}`);
    return result.data[name];
  }

  /** Measures at each stage a base input needs (BASE_INPUTS), a drafted order, an open request. */
  async function prepare(): Promise<Record<string, string>> {
    const introduce = (id: string, kind = 'ORDINANCE') =>
      record('introduceMeasure', 'IntroduceMeasureInput', { id, kind, title: `Prepared ${id}`, bodyId: COUNCIL, sponsorIds: ['person:robin-kniech'], clauses: [{ eId: 'sec_1', text: 'Prepared.' }] }, 'clerk');
    const vote = (measureId: string, motion: string) => record('recordVote', 'RecordVoteInput', { measureId, bodyId: COUNCIL, motion, votes: yes('abcdefghij') }, 'clerk');
    const passed = async (id: string) => {
      await introduce(id);
      await vote(id, 'first-reading');
      await vote(id, 'final-passage');
    };
    for (const id of ['CB19-0100', 'CB19-0101', 'CB19-0102', 'CB19-0107', 'CB19-0108']) await introduce(id);
    await vote('CB19-0107', 'first-reading');
    for (const id of ['CB19-0103', 'CB19-0104', 'CB19-0105']) await passed(id);
    await record('signMeasure', 'SignMeasureInput', { measureId: 'CB19-0105', officeId: MAYORS_OFFICE }, 'mayor');
    await introduce('CR19-0106', 'RESOLUTION');
    await vote('CR19-0106', 'adoption');
    await record('draftExecutiveOrder', 'DraftExecutiveOrderInput', { id: 'EO-2019-100', title: 'Prepared order', officeId: MAYORS_OFFICE, clauses: [{ eId: 'sec_1', text: 'Prepared.' }] }, 'mayor');
    const open = await record('receiveDataRequest', 'ReceiveDataRequestInput', {
      requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['release-date-time'], action: 'notify',
      recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', legalBasis: 'detainer', channel: 'email', subjectIdentifier: 'FUZZ-OPEN-1',
    }, 'officer');
    const decided = await server.gql('{ decisions(first: 1, filter: { decidingOrganizationId: "org:denver-sheriff-department" }) { edges { node { request { id } } } } }');
    const issued = await server.gql('mutation { issueToken(input: { actorId: "person:fuzz-officer", role: "officer" }) { tokenId } }', {}, tokens.admin);
    if (issued.errors) throw new Error(`preparing the fuzz ledger, issueToken: ${JSON.stringify(issued.errors)}`);
    return { [OPEN_REQUEST]: open.events[0].data.requestId, [DECIDED_REQUEST]: decided.data.decisions.edges[0].node.request.id, [ISSUED_TOKEN]: issued.data.issueToken.tokenId };
  }

  beforeAll(async () => {
    console.log(`mutation fuzz: seed ${SEED} (LEDGER_FUZZ_SEED=<n> replays another)`);
    dataDir = tempDataDir('ledger-fuzz-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    await Promise.all(Object.entries(ACTORS).map(async ([role, [id, name]]) => (tokens[role] = await mintToken(dataDir, role, id, name))));
    server = await LedgerServer.start(dataDir);
    const introspection = await server.gql(INTROSPECTION);
    mutations = introspection.data.__schema.mutationType.fields;
    schema = new FuzzSchema(introspection.data.__schema.types, await prepare());
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('finds every mutation by introspection, each naming the role that may send it', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(24);
    for (const mutation of mutations) {
      expect({ mutation: mutation.name, role: /^(\w+):/.exec(mutation.description ?? '')?.[1] }).toEqual({ mutation: mutation.name, role: expect.stringMatching(/^(clerk|mayor|officer|oversight|admin)$/) });
      expect(mutation.args).toHaveLength(1);
    }
  });

  // One test per mutation, each with cases from its own PRNG stream (seed + name), so a single
  // mutation can be replayed with -t and gets the same cases.
  const MUTATION_NAMES = [
    'amendByMeasure', 'correctDecision', 'correctMembership', 'correctOrganization', 'correctPerson', 'correctVote', 'decideDataRequest',
    'draftExecutiveOrder', 'enactMeasure', 'endMembership', 'explainVote', 'introduceMeasure', 'issueExecutiveOrder', 'issueToken', 'receiveDataRequest',
    'recordDisclosure', 'recordQuorumFailure', 'recordVote', 'referMeasure', 'registerOrganization', 'registerPerson', 'repealMeasure', 'reviewDecision',
    'revokeExecutiveOrder', 'revokeToken', 'signMeasure', 'startMembership', 'vetoMeasure', 'withdrawMeasure',
  ];

  it('fuzzes exactly the mutations the schema serves', () => {
    expect(mutations.map((m) => m.name).sort()).toEqual([...MUTATION_NAMES].sort());
  });

  it.each(MUTATION_NAMES)('%s: no 5xx, a known code, no stack trace, nothing written by a refusal', async (name) => {
    const mutation = mutations.find((m) => m.name === name)!;
    const role = /^(\w+):/.exec(mutation.description!)![1];
    const arg = mutation.args[0];
    const receiptSelection = '{ streamId revision events { id sequence type data } }';
    const selection = RECEIPT_FIELD[name] ? `{ ${RECEIPT_FIELD[name]} ${receiptSelection} }` : receiptSelection;
    const query = `mutation($${arg.name}: ${typeText(arg.type)}) { ${name}(${arg.name}: $${arg.name}) ${selection} }`;
    const failures: string[] = [];
    let accepted = 0;
    let before = await counts();
    for (const fuzz of schema.cases(mutation, seededRandom(SEED ^ hash(name)))) {
      const body = fuzz.body === undefined ? JSON.stringify({ query, variables: fuzz.variables }) : `{"query":${JSON.stringify(query)},"variables":${fuzz.body}}`;
      const { status, json, text } = await post(body, tokens[role]);
      const fail = (why: string) => failures.push(`${name} ${fuzz.label}: ${why} (HTTP ${status}) ${text.slice(0, 300)}`);
      if (status >= 500) fail('server error');
      if (json === undefined) fail('the answer is not JSON');
      if (status === 413) {
        // Over the 100 KB body limit: refused before GraphQL by the HTTP layer, in GraphQL's shape.
        oversized++;
        if (json?.errors?.[0]?.extensions?.code !== 'PAYLOAD_TOO_LARGE') fail('a 413 without the code PAYLOAD_TOO_LARGE');
      }
      for (const error of (json?.errors ?? []) as Array<{ message?: string; extensions?: { code?: string } }>) {
        if (!KNOWN_CODES.has(error.extensions?.code ?? '') && !(status === 413 && error.extensions?.code === 'PAYLOAD_TOO_LARGE')) fail(`error code ${error.extensions?.code}`);
        if (STACK_TRACE.test(error.message ?? '')) fail('a stack trace in the message');
      }
      const receipt = RECEIPT_FIELD[name] ? json?.data?.[name]?.[RECEIPT_FIELD[name]] : json?.data?.[name];
      const after = await counts();
      if (fuzz.label === BASE_CASE && !(receipt && !json.errors) && accepted === 0) fail('the base input was refused: the cases test less than they should');
      if (receipt && !json.errors) {
        accepted++;
        const sequences = receipt.events.map((e: { sequence: number }) => e.sequence);
        if (after.lastSequence !== before.lastSequence + sequences.length || after.totalCount !== before.totalCount + sequences.length) {
          fail(`accepted with ${sequences.length} events, but the ledger went from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
        }
        // What was accepted is served back exactly as the receipt recorded it (no U+FFFD, no truncation).
        const served = await server.gql(
          'query($from: Int!) { events(filter: { fromSequence: $from }, first: 100) { edges { node { id sequence type data } } } }',
          { from: before.lastSequence + 1 },
          tokens[role],
        );
        const nodes = served.data.events.edges.map((edge: { node: unknown }) => edge.node);
        if (JSON.stringify(nodes) !== JSON.stringify(receipt.events)) fail('the events served differ from the receipt');
      } else if (after.lastSequence !== before.lastSequence || after.totalCount !== before.totalCount) {
        fail(`refused, yet the ledger went from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
      }
      before = after;
    }
    expect(failures).toEqual([]);
  });

  it('logged no refusal as a server error', () => {
    console.log(`mutation fuzz: ${requests} requests, ${oversized} over the body limit (HTTP 413)`);
    expect(requests).toBeGreaterThan(500);
    // Structured logs: a line at level 50 (error) or above would be a fault; refusals are info.
    const errors = server.output.split('\n').filter((line) => /"level":(50|60)/.test(line) || /\bERROR\b/.test(line));
    expect(errors).toEqual([]);
  });
});
