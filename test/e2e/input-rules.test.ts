/**
 * Bad input is refused, not stored oddly (issue 8, item 7), through GraphQL on the seeded demo:
 * lone UTF-16 surrogates in any text, an organization made its own ancestor, a data request "from
 * an outside agency" that is a city body, overlong lists, and measure ids shaped like a uuid. Every
 * refusal is BAD_USER_INPUT naming the field and writes nothing.
 */
import { appendFixtureEvents } from '../support/ledger-fixtures';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { COMMITTEE, COUNCIL, ICE, SHERIFF } from '@ledger/scenarios';

const RECEIPT = '{ streamId revision events { type data } }';
const m = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) ${RECEIPT} }`;
/** A measure recorded (by an older version, or an import) with an id shaped like a uuid. */
const LEGACY_MEASURE = '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B';

describe('input rules (seeded demo, real server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let clerk: string;
  let officer: string;

  const lastSequence = async () => (await server.gql('{ events(first: 0) { totalCount } }')).data.events.totalCount as number;
  async function refused(name: string, inputType: string, input: Record<string, unknown>, token: string) {
    const before = await lastSequence();
    const result = await server.gql(m(name, inputType), { input }, token);
    expect(result.status).toBeLessThan(500);
    expect(await lastSequence()).toBe(before);
    expect(result.errors).toHaveLength(1);
    return { code: result.errors![0].extensions?.code, message: result.errors![0].message, field: result.errors![0].extensions?.field };
  }
  const request = (overrides: Record<string, unknown> = {}) => ({
    requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['release-date-time'], action: 'share',
    recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', legalBasis: 'none',
    channel: 'email', subjectIdentifier: 'TEST-BOOKING-8', occurredAt: '2018-06-01T18:00:00Z', ...overrides,
  });
  const measure = (overrides: Record<string, unknown> = {}) => ({
    id: 'CB18-0808', kind: 'ORDINANCE', title: 'Input rules', bodyId: COUNCIL, sponsorIds: ['person:paul-lopez'],
    clauses: [{ eId: 'sec_1', text: 'Text.' }], occurredAt: '2018-06-01T18:00:00Z', ...overrides,
  });

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-input-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    await appendFixtureEvents(dataDir, [{
      streamId: `measure-${LEGACY_MEASURE}`,
      type: 'MeasureIntroduced',
      occurredAt: '2016-05-02T18:00:00Z',
      data: { measureId: LEGACY_MEASURE, kind: 'RESOLUTION', title: 'Numbered like a uuid', summary: null, bodyId: COUNCIL, sponsorIds: ['person:robin-kniech'], clauses: [{ eId: 'sec_1', heading: null, text: 'Legacy.', rule: null }] },
    }]);
    [clerk, officer] = await Promise.all([
      mintToken(dataDir, 'clerk', 'person:demo-clerk', 'Demo Clerk'),
      mintToken(dataDir, 'officer', 'person:illustrative-sheriff-officer', 'Sheriff Records Officer (illustrative)'),
    ]);
    server = await LedgerServer.start(dataDir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  describe('lone UTF-16 surrogates', () => {
    it('are refused in any text of any command, naming where, and never stored as U+FFFD', async () => {
      expect(await refused('registerPerson', 'RegisterPersonInput', { id: 'person:lone-surrogate', name: 'A\uD800B' }, clerk)).toEqual({
        code: 'BAD_USER_INPUT',
        field: undefined,
        message: 'event 0 (PersonRegistered): data/name is not well-formed Unicode text (it holds a lone UTF-16 surrogate)',
      });
      const clause = await refused('introduceMeasure', 'IntroduceMeasureInput', measure({ clauses: [{ eId: 'sec_1', text: 'Text.' }, { eId: 'sec_2', text: 'Text \uDC00.' }] }), clerk);
      expect(clause).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('data/clauses/1/text is not well-formed Unicode text') });
      const reason = await refused('correctOrganization', 'CorrectOrganizationInput', { id: SHERIFF, name: 'Sheriff \uDBFF', reason: 'typo' }, clerk);
      expect(reason.message).toContain('data/corrections/name is not well-formed Unicode text');
      expect((await server.gql('query($id: ID!) { person(id: $id) { name } }', { id: 'person:lone-surrogate' })).data.person).toBeNull();
    });

    it('are refused in the resident identifier and details, which become bytes outside the log', async () => {
      expect(await refused('receiveDataRequest', 'ReceiveDataRequestInput', request({ subjectIdentifier: 'BOOKING-\uD800' }), officer)).toMatchObject({
        code: 'BAD_USER_INPUT', field: 'subjectIdentifier',
      });
      expect(await refused('receiveDataRequest', 'ReceiveDataRequestInput', request({ personalDetails: 'born \uDC00' }), officer)).toMatchObject({
        code: 'BAD_USER_INPUT', field: 'personalDetails',
      });
    });

    it('in a query argument, give an answer or a clear refusal, never a server error', async () => {
      const queries: Array<[string, Record<string, unknown>]> = [
        ['query($id: ID!) { node(id: $id) { id } }', { id: 'person:\uD800' }],
        ['query($id: ID!) { person(id: $id) { id } }', { id: 'person:\uD800' }],
        ['query($id: ID!) { measure(id: $id) { id } }', { id: 'CB\uD800' }],
        ['query($id: ID!) { trace(id: $id) { subject { id } } }', { id: '\uDC00' }],
        ['query($text: String!) { measures(filter: { text: $text }) { totalCount } }', { text: 'immigration \uD800' }],
        ['query($s: String!) { events(filter: { streamId: $s }) { totalCount } }', { s: 'person-\uD800' }],
      ];
      for (const [query, variables] of queries) {
        const result = await server.gql(query, variables);
        expect(result.status).toBeLessThan(500);
        for (const error of result.errors ?? []) expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(error.extensions?.code);
      }
    });
  });

  it('refuses to make an organization its own ancestor, naming the cycle', async () => {
    const refusal = await refused('correctOrganization', 'CorrectOrganizationInput', { id: COUNCIL, parentId: COMMITTEE, reason: 'reorganization' }, clerk);
    expect(refusal).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'parentId',
      message: `${COUNCIL} cannot be placed under ${COMMITTEE}, which is itself under ${COUNCIL} (${COMMITTEE} → ${COUNCIL}): that would make a cycle`,
    });
  });

  it('refuses a data request "from an outside agency" that is the department itself or the council', async () => {
    for (const requestingOrganizationId of [SHERIFF, COUNCIL]) {
      const refusal = await refused('receiveDataRequest', 'ReceiveDataRequestInput', request({ requestingOrganizationId }), officer);
      expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestingOrgId', message: expect.stringContaining('comes from an outside agency (EXTERNAL_AGENCY)') });
    }
  });

  it('refuses overlong lists before any work, naming the field and the cap', async () => {
    const categories = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    expect(await refused('receiveDataRequest', 'ReceiveDataRequestInput', request({ dataCategories: categories }), officer)).toEqual({
      code: 'BAD_USER_INPUT', field: 'dataCategories', message: 'dataCategories lists 10000 entries; at most 100 are allowed',
    });
    const sponsors = Array.from({ length: 1001 }, (_, i) => `person:s${i}`);
    expect(await refused('introduceMeasure', 'IntroduceMeasureInput', measure({ sponsorIds: sponsors }), clerk)).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'sponsorIds', message: 'sponsorIds lists 1001 entries; at most 1000 are allowed',
    });
  });

  describe('measure ids shaped like a uuid', () => {
    it('are refused for a new measure', async () => {
      expect(await refused('introduceMeasure', 'IntroduceMeasureInput', measure({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' }), clerk)).toMatchObject({
        code: 'BAD_USER_INPUT', field: 'measureId', message: expect.stringContaining('not shaped like a uuid'),
      });
    });

    it('are found by measure(), node() and trace() alike when a ledger already holds one', async () => {
      const byMeasure = await server.gql('query($id: ID!) { measure(id: $id) { id title } }', { id: LEGACY_MEASURE });
      expect(byMeasure.data.measure).toEqual({ id: LEGACY_MEASURE, title: 'Numbered like a uuid' });
      const byNode = await server.gql('query($id: ID!) { node(id: $id) { id __typename } }', { id: LEGACY_MEASURE });
      expect(byNode.data.node).toEqual({ id: LEGACY_MEASURE, __typename: 'Measure' });
      const byTrace = await server.gql('query($id: ID!) { trace(id: $id) { subject { id __typename } events { type } } }', { id: LEGACY_MEASURE });
      expect(byTrace.errors).toBeUndefined();
      expect(byTrace.data.trace).toEqual({ subject: { id: LEGACY_MEASURE, __typename: 'Measure' }, events: [{ type: 'MeasureIntroduced' }] });
      // An event id still names its event first.
      const [event] = (await server.gql('{ events(first: 1) { edges { node { id } } } }')).data.events.edges;
      expect((await server.gql('query($id: ID!) { node(id: $id) { __typename } }', { id: event.node.id })).data.node).toEqual({ __typename: 'LedgerEvent' });
    });
  });
});
