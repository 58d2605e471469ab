/**
 * Accounts tied to the record, on the seeded demo (real server, real tokens): once the clerk's
 * office lists a clerk, a clerk's token must belong to a person it lists; the name recorded is
 * the registered one, not the token's.
 */
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { CLERK_OFFICE, demoClerk } from '@ledger/scenarios';

const REGISTER = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { events { type recordedBy { id name role } } } }`;

describe('accounts tied to the record (seeded demo, real server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  const eventCount = async () => (await server.gql('{ events(first: 0) { totalCount } }')).data.events.totalCount as number;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-accounts-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    server = await LedgerServer.start(dataDir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('refuses a clerk token for a person the clerk office does not list, and writes nothing', async () => {
    const stranger = await mintToken(dataDir, 'clerk', 'person:not-a-clerk', 'Says They Are A Clerk');
    const before = await eventCount();
    const result = await server.gql(REGISTER, { input: { id: 'person:someone-new', name: 'Someone New' } }, stranger);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining(`not a clerk of ${CLERK_OFFICE}`) });
    expect(await eventCount()).toBe(before);
    expect((await server.gql(`{ person(id: "person:someone-new") { id } }`)).data.person).toBeNull();
  });

  it("records a listed clerk's act under the name the record gives, not the token's", async () => {
    const listed = await mintToken(dataDir, 'clerk', demoClerk.id, 'A Name The Token Claims');
    const result = await server.gql(REGISTER, { input: { id: 'person:someone-else', name: 'Someone Else' } }, listed);
    expect(result.errors).toBeUndefined();
    expect(result.data.registerPerson.events[0].recordedBy).toEqual({ id: demoClerk.id, name: demoClerk.name, role: 'clerk' });
  });

  it('refuses a clerk whose place in the office has ended', async () => {
    const listed = await mintToken(dataDir, 'clerk', demoClerk.id);
    const second = await server.gql(REGISTER, { input: { id: 'person:second-clerk', name: 'Second Clerk' } }, listed);
    expect(second.errors).toBeUndefined();
    const start = await server.gql(
      `mutation($input: StartMembershipInput!) { startMembership(input: $input) { streamId } }`,
      { input: { organizationId: CLERK_OFFICE, personId: 'person:second-clerk', role: 'clerk', startDate: '2020-01-01' } },
      listed,
    );
    expect(start.errors).toBeUndefined();
    const secondToken = await mintToken(dataDir, 'clerk', 'person:second-clerk');
    const end = await server.gql(
      `mutation($input: EndMembershipInput!) { endMembership(input: $input) { streamId } }`,
      { input: { organizationId: CLERK_OFFICE, personId: 'person:second-clerk', role: 'clerk', endDate: '2021-01-01' } },
      secondToken,
    );
    expect(end.errors).toBeUndefined();
    const after = await server.gql(REGISTER, { input: { id: 'person:too-late', name: 'Too Late' } }, secondToken);
    expect(after.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
