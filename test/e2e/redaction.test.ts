/**
 * Restricted payload fields (schema "x-restricted") reach oversight only. The redaction is of the
 * view: the stored event, its leaf hash and its sealed details are untouched.
 */
import { randomUUID } from 'node:crypto';
import { dataPaths, loadConfig } from '@ledger/config';
import { commitmentOf, leafHashOf, leafHashOfPublic } from '@ledger/event-store';
import { FileSubjectVault } from '@ledger/subject-vault-file';
import { appendFixtureEvents } from '../support/ledger-fixtures';
import { LedgerServer, mintToken, removeDir, tempDataDir } from '../support/ledger-process';

const NODE_FIELDS = 'id type schemaVersion streamId streamRevision sequence occurredAt recordedAt recordedBy { id name role } correlationId causationId leafHash data commitmentSalts';
const EVENTS = `query($streamId: String) { events(filter: { streamId: $streamId }) { edges { node { ${NODE_FIELDS} } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on LedgerEvent { ${NODE_FIELDS} } } }`;

describe('restricted fields over GraphQL (real server, real data dir)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let tokens: Record<'clerk' | 'officer' | 'admin' | 'oversight', string>;
  let stored: Awaited<ReturnType<typeof appendFixtureEvents>>[number];
  let subjectRef: string;
  let plaintext: string;
  let vault: FileSubjectVault;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-redaction-');
    const paths = dataPaths(loadConfig({ LEDGER_DATA_DIR: dataDir }));
    vault = new FileSubjectVault({ keysFile: paths.subjectKeys, refKeyFile: paths.subjectRefKey });
    subjectRef = vault.subjectRefOf('DL 1234567');
    plaintext = JSON.stringify({ name: 'Resident One', bookingNumber: 'B-2017-0042' });
    const requestId = `data-request:${randomUUID()}`;
    [stored] = await appendFixtureEvents(dataDir, [{
      streamId: requestId.replace(':', '-'),
      type: 'DataRequestReceived',
      recordedBy: { id: 'person:officer-1', name: 'Officer One', role: 'officer' },
      data: {
        requestId,
        requestingOrgId: 'org:ice-ero-denver',
        receivingOrgId: 'org:denver-sheriff',
        dataCategories: ['release-date-time'],
        action: 'notify',
        recipientCategories: ['federal-immigration-enforcement'],
        purpose: 'civil-immigration-enforcement',
        legalBasis: 'detainer',
        channel: 'email',
        subjectRef,
        personalDetails: vault.encrypt(subjectRef, plaintext),
      },
    }]);
    const [clerk, officer, admin, oversight] = await Promise.all(['clerk', 'officer', 'admin', 'oversight'].map((role) => mintToken(dataDir, role)));
    tokens = { clerk, officer, admin, oversight };
    server = await LedgerServer.start(dataDir);
  });
  afterAll(async () => {
    vault?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  const viewsOf = async (token: string | undefined) => {
    const listed = await server.gql(EVENTS, { streamId: stored.streamId }, token);
    const byId = await server.gql(NODE, { id: stored.eventId }, token);
    expect(listed.errors).toBeUndefined();
    expect(byId.errors).toBeUndefined();
    expect(listed.data.events.edges).toHaveLength(1);
    return { listed: listed.data.events.edges[0].node, byId: byId.data.node, raw: JSON.stringify([listed, byId]) };
  };

  it.each([
    ['anonymous', undefined],
    ['a clerk', 'clerk'],
    ['an officer', 'officer'],
    ['an admin', 'admin'],
  ] as const)('shows %s a salted commitment for subjectRef and personalDetails, from which the leaf hash recomputes, in events() and node()', async (_, role) => {
    const { listed, byId, raw } = await viewsOf(role && tokens[role]);
    const { subjectRef: _ref, personalDetails, ...unrestricted } = stored.data as Record<string, any>;
    const salts = stored.commitmentSalts!;
    expect(Object.keys(salts).sort()).toEqual(['personalDetails', 'subjectRef']);
    for (const node of [listed, byId]) {
      expect(node.data).toEqual({
        ...unrestricted,
        subjectRef: { commitment: commitmentOf(salts.subjectRef, subjectRef) },
        personalDetails: { commitment: commitmentOf(salts.personalDetails, personalDetails) },
      });
      expect(node.leafHash).toBe(stored.leafHash);
      expect(node.commitmentSalts).toBeNull();
      const { id, leafHash, data, ...envelope } = node;
      expect(leafHashOfPublic({ ...envelope, eventId: id }, data)).toBe(leafHash);
    }
    expect(raw).not.toContain(subjectRef);
    expect(raw).not.toContain(personalDetails.ciphertext);
  });

  it('shows them to oversight, exactly as stored, with the leaf hash of the stored envelope', async () => {
    const { listed, byId } = await viewsOf(tokens.oversight);
    for (const node of [listed, byId]) {
      expect(node.data).toEqual(stored.data);
      expect(node.data.subjectRef).toBe(subjectRef);
      expect(vault.decrypt(node.data.personalDetails)).toBe(plaintext);
      const { id, leafHash, ...rest } = node;
      expect(leafHash).toBe(stored.leafHash);
      // The values and their salts, both served to oversight, give the leaf: each value checks against its commitment.
      expect(rest.commitmentSalts).toEqual(stored.commitmentSalts);
      expect(leafHashOf({ ...rest, eventId: id })).toBe(leafHash);
    }
    const { leafHash, ...envelope } = stored;
    expect(leafHashOf(envelope)).toBe(listed.leafHash);
  });
});
