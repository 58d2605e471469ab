/**
 * `ledger subject-ref IDENTIFIER` on a real data dir: what a resident brings (a booking number)
 * becomes the reference the server stored when the request was received through GraphQL, which
 * oversight sees and erase-subject takes; without a key it refuses rather than make one.
 */
import { existsSync } from 'node:fs';
import { dataPaths } from '@ledger/config';
import { ICE, SHERIFF } from '@ledger/scenarios';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const RECEIVE = 'mutation($input: ReceiveDataRequestInput!) { receiveDataRequest(input: $input) { events { data } } }';

describe('ledger subject-ref (built CLI, real data dir)', () => {
  let dataDir: string;
  const subjectRef = (...args: string[]) => runCli(['subject-ref', ...args], { LEDGER_DATA_DIR: dataDir });
  const lastLine = (stdout: string) => stdout.trimEnd().split('\n').pop();

  beforeEach(() => (dataDir = tempDataDir('ledger-subject-ref-')));
  afterEach(() => removeDir(dataDir));

  it('prints the reference stored with a request received through GraphQL, which erase-subject accepts', async () => {
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    const [officer, oversight] = await Promise.all([
      mintToken(dataDir, 'officer', 'person:illustrative-sheriff-officer', 'Sheriff Records Officer (illustrative)'),
      mintToken(dataDir, 'oversight', 'person:illustrative-oversight-reviewer', 'Oversight Reviewer (illustrative)'),
    ]);
    const server = await LedgerServer.start(dataDir);
    let stored: string;
    try {
      const received = await server.gql(RECEIVE, {
        input: {
          requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['release-date-time'], action: 'share',
          recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', legalBasis: 'none',
          channel: 'email', subjectIdentifier: 'bk 2018 0601', personalDetails: 'Resident of the test', occurredAt: '2018-06-01T18:00:00Z',
        },
      }, officer);
      if (received.errors) throw new Error(JSON.stringify(received.errors));
      const { requestId } = received.data.receiveDataRequest.events[0].data;
      const asOversight = await server.gql('query($id: ID!) { dataRequest(id: $id) { subjectRef } }', { id: requestId }, oversight);
      stored = asOversight.data.dataRequest.subjectRef;
      expect(stored).toMatch(/^subj_[0-9a-f]{32}$/);

      // Typed as the resident reads it off their paper, spaced and cased otherwise: the same reference.
      const printed = await subjectRef('BK  2018 0601 ');
      expect(printed.code).toBe(0);
      expect(lastLine(printed.stdout)).toBe(stored);
      expect(printed.stderr).toMatch(/the subject reference of that identifier under this ledger's key/);
      expect(printed.stdout + printed.stderr).not.toMatch(/2018 0601/);
      // Another identifier, another reference.
      expect(lastLine((await subjectRef('BK 2018 0602')).stdout)).not.toBe(stored);

      // Beside the running server, erase-subject takes it.
      const erased = await runCli(['erase-subject', lastLine(printed.stdout)!], { LEDGER_DATA_DIR: dataDir });
      expect(erased.code).toBe(0);
      expect(erased.stdout).toContain(`erased the key of ${stored}`);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('refuses no identifier, two, a blank one and one too long with exit code 2, without echoing it', async () => {
    for (const args of [[], ['BK-1', 'BK-2'], [''], ['   '], ['B'.repeat(201)]]) {
      const result = await subjectRef(...args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(/needs exactly one IDENTIFIER|IDENTIFIER must be 1 to 200 characters/);
      expect(result.stdout).toBe('');
      if (args.length === 1 && args[0].trim()) expect(result.stderr).not.toContain(args[0]);
    }
    expect(existsSync(dataPaths({ dataDir }).subjectRefKey)).toBe(false);
  });

  it('exits 1 on a ledger that has no key yet, and does not create one', async () => {
    const result = await subjectRef('BK-1');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/this ledger has no subject reference key: .*subject-ref-key does not exist and LEDGER_SUBJECT_KEY is not set/);
    expect(result.stdout).toBe('');
    expect(existsSync(dataPaths({ dataDir }).subjectRefKey)).toBe(false);
  });

  it('uses LEDGER_SUBJECT_KEY when it is set, and writes no key file', async () => {
    const env = { LEDGER_DATA_DIR: dataDir, LEDGER_SUBJECT_KEY: 'k'.repeat(32) };
    const [first, again, other] = await Promise.all([
      runCli(['subject-ref', 'BK-1'], env),
      runCli(['subject-ref', ' bk-1'], env),
      runCli(['subject-ref', 'BK-1'], { ...env, LEDGER_SUBJECT_KEY: 'm'.repeat(32) }),
    ]);
    expect([first.code, again.code, other.code]).toEqual([0, 0, 0]);
    expect(lastLine(first.stdout)).toMatch(/^subj_[0-9a-f]{32}$/);
    expect(lastLine(again.stdout)).toBe(lastLine(first.stdout));
    expect(lastLine(other.stdout)).not.toBe(lastLine(first.stdout));
    expect(first.stderr).toContain('(LEDGER_SUBJECT_KEY)');
    expect(existsSync(dataPaths({ dataDir }).subjectRefKey)).toBe(false);
  });
});
