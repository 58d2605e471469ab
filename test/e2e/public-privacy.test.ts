/**
 * "No anonymous query returns a subject reference or personal detail." Rather than trust a list
 * of queries, this walks the served schema: from introspection it builds, for every Query field,
 * a query selecting every field reachable within a few levels (every implementation of each
 * interface included), runs them anonymously against the seeded demo, and searches the answers
 * for the secrets an oversight caller can see. A query the server refuses as too complex (one
 * query of every field five levels deep, at 100 items a page, is what the query limits are for)
 * is split where it branches into queries that each follow one branch, until each is answered.
 */
import { getIntrospectionQuery, type IntrospectionField, type IntrospectionQuery, type IntrospectionTypeRef } from 'graphql';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const MAX_DEPTH = 5;

type TypeMap = Map<string, IntrospectionQuery['__schema']['types'][number]>;

function named(ref: IntrospectionTypeRef): { name: string; required: boolean } {
  let current: any = ref;
  const required = current.kind === 'NON_NULL';
  while (current.ofType) current = current.ofType;
  return { name: current.name, required };
}

/** A field or an inline fragment (`head`) and, unless it is a scalar, what it selects. */
interface Selection {
  head: string;
  children?: Selection[];
}
const TYPENAME: Selection = { head: '__typename' };

function print(selection: Selection): string {
  return selection.children ? `${selection.head} { ${selection.children.map(print).join(' ')} }` : selection.head;
}

/** Selects every field of a type to MAX_DEPTH, with sample arguments where needed; undefined for a scalar. */
function selection(types: TypeMap, typeName: string, depth: number, samples: Record<string, unknown>): Selection[] | undefined {
  const type = types.get(typeName)!;
  if (type.kind === 'SCALAR' || type.kind === 'ENUM') return undefined;
  if (depth >= MAX_DEPTH) return [TYPENAME];
  const parts = [TYPENAME];
  if (type.kind === 'INTERFACE' || type.kind === 'UNION') {
    for (const possible of (type as any).possibleTypes) parts.push({ head: `... on ${possible.name}`, children: selection(types, possible.name, depth + 1, samples) });
    return parts;
  }
  for (const field of (type as any).fields as IntrospectionField[]) {
    const args = argumentsFor(field, samples);
    if (args === null) continue;
    // Aliased by type: fragments of different types may share a field name with another type.
    parts.push({ head: `${typeName}_${field.name}: ${field.name}${args}`, children: selection(types, named(field.type).name, depth + 1, samples) });
  }
  return parts;
}

/** The same selection as queries that each take one of the branches where it first branches; null for a single path. */
function split(root: Selection): Selection[] | null {
  const branches = (root.children ?? []).filter((child) => child !== TYPENAME);
  if (branches.length > 1) return branches.map((branch) => ({ head: root.head, children: [TYPENAME, branch] }));
  if (branches.length === 1) return split(branches[0])?.map((part) => ({ head: root.head, children: [TYPENAME, part] })) ?? null;
  return null;
}

function argumentsFor(field: IntrospectionField, samples: Record<string, unknown>): string | null {
  const given: string[] = [];
  for (const arg of field.args) {
    const key = `${field.name}.${arg.name}`;
    const value = key in samples ? samples[key] : arg.name in samples ? samples[arg.name] : undefined;
    if (value === undefined) {
      if (named(arg.type).required) return null;
      continue;
    }
    given.push(`${arg.name}: ${JSON.stringify(value)}`);
  }
  return given.length ? `(${given.join(', ')})` : '';
}

describe('public query paths never reveal residents (seeded demo)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let oversight: string;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-privacy-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    oversight = await mintToken(dataDir, 'oversight');
    server = await LedgerServer.start(dataDir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('walks every Query field anonymously and finds no subject reference or personal detail', async () => {
    // What an oversight caller sees: the secrets to look for.
    const secretView = await server.gql(
      `{ decisions(first: 100) { edges { node { id request { id subjectRef personalDetails } } } } }`,
      {},
      oversight,
    );
    expect(secretView.errors).toBeUndefined();
    const requests = secretView.data.decisions.edges.map((e: any) => e.node.request);
    const subjectRefs: string[] = requests.map((r: any) => r.subjectRef);
    const details: string[] = requests.map((r: any) => r.personalDetails).filter(Boolean);
    expect(subjectRefs.length).toBeGreaterThanOrEqual(4);
    for (const ref of subjectRefs) expect(ref).toMatch(/^subj_[0-9a-f]{32}$/);
    expect(details.length).toBeGreaterThanOrEqual(2);
    const events = await server.gql(`{ events(first: 100, filter: { type: "DataRequestReceived" }) { edges { node { id data } } } }`, {}, oversight);
    const ciphertexts: string[] = events.data.events.edges.map((e: any) => e.node.data.personalDetails?.ciphertext).filter(Boolean);
    expect(ciphertexts.length).toBe(details.length);

    const request = requests[0];
    const decision = secretView.data.decisions.edges[0].node;
    const anyEvent = events.data.events.edges[0].node.id;
    const samples: Record<string, unknown> = {
      first: 100,
      on: '2017-10-03',
      'members.on': '2017-10-03',
      'measure.id': 'CB17-0766',
      'clause.id': 'CB17-0766#sec_3',
      'clause.eId': 'sec_3',
      'person.id': 'person:illustrative-sheriff-officer',
      'organization.id': 'org:denver-sheriff-department',
      'vote.id': 'vote:CB17-0766:1',
      'dataRequest.id': request.id,
      'decision.id': decision.id,
      'node.id': request.id,
      'trace.id': decision.id,
      'inclusionProof.eventId': anyEvent,
      'consistencyProof.firstSize': 1,
      'consistencyProof.secondSize': 2,
      'inForce.on': '2017-10-03',
      'policyInForce.on': '2017-10-03',
      // A page of 10 costs what the list did before it was paged (ASSUMED_LIST_SIZE); the default
      // page (100) is costed as 100 items five levels deep and would be split into many more queries.
      'policyInForce.first': 10,
    };

    const introspection = await server.gql<IntrospectionQuery>(getIntrospectionQuery());
    const types: TypeMap = new Map(introspection.data!.__schema.types.map((t) => [t.name, t]));
    const queryType = types.get(introspection.data!.__schema.queryType.name)! as any;
    const walked: string[] = [];
    let answers = '';
    let queries = 0;
    const ask = async (field: string, root: Selection): Promise<void> => {
      const result = await server.gql(`{ ${print(root)} }`);
      queries++;
      if (result.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX') {
        const parts = split(root);
        if (!parts) throw new Error(`Query.${field}: a single path the server refuses: ${result.errors[0].message}`);
        for (const part of parts) await ask(field, part);
        return;
      }
      expect({ field, errors: result.errors }).toEqual({ field, errors: undefined });
      answers += JSON.stringify(result.data);
    };
    // Connections below the top ask for a default page (the demo has fewer items on any of them):
    // 100 at every level would be a million items, which no single path may ask for.
    const nestedSamples = { ...samples, first: 20 };
    for (const field of queryType.fields as IntrospectionField[]) {
      // Not public: the admin's list of tokens is refused to anonymous callers, and holds nothing of a resident's.
      if (/^admin:/.test(field.description ?? '')) {
        const refused = await server.gql(`{ ${field.name} { totalCount } }`);
        expect({ field: field.name, code: refused.errors?.[0]?.extensions?.code, data: refused.data ?? null }).toEqual({ field: field.name, code: 'UNAUTHENTICATED', data: null });
        continue;
      }
      const args = argumentsFor(field, samples);
      if (args === null) throw new Error(`no sample argument for Query.${field.name}: add one so the walk covers it`);
      await ask(field.name, { head: `${field.name}${args}`, children: selection(types, named(field.type).name, 1, nestedSamples) });
      walked.push(field.name);
    }
    expect(queries).toBeGreaterThan(queryType.fields.length); // some were split
    // Every entry point of the public API was asked, and each answer was non-trivial.
    expect(walked).toEqual(expect.arrayContaining(['events', 'node', 'dataRequest', 'decision', 'decisions', 'person', 'measure', 'clause']));
    expect(answers.length).toBeGreaterThan(50_000);
    expect(answers).toContain(request.id);

    for (const ref of subjectRefs) expect(answers).not.toContain(ref);
    for (const text of details) expect(answers).not.toContain(text);
    for (const ciphertext of ciphertexts) expect(answers).not.toContain(ciphertext);
    expect(answers).not.toMatch(/subj_[0-9a-f]{32}/);
    expect(answers).not.toMatch(/ILLUSTRATIVE-BOOKING|Resident One|Resident Two/);
  });
});
