/**
 * Votes as councils keep them, through GraphQL on the seeded demo (real server): a mis-recorded
 * roll call corrected (the measure's status follows, the history keeps both), a member's
 * explanation, a sitting without a quorum; every refusal writes nothing. The measure and every
 * vote on it are illustrative.
 */
import { COMMITTEE, COUNCIL, seat } from '@ledger/scenarios';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { mutationChecks } from '../support/mutations';

const MEASURE = 'CB20-0042';
const votes = (yes: string, no: string) => [...yes.split('').map((l) => ({ personId: seat(l), choice: 'YES' })), ...no.split('').map((l) => ({ personId: seat(l), choice: 'NO' }))];

describe('vote corrections, explanations and quorum failures (seeded demo, real server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let clerk: string;
  let officer: string;

  const { ok, refused: refusal } = mutationChecks(() => server, () => clerk);
  const refused = async (name: string, inputType: string, input: Record<string, unknown>, token = clerk) => (await refusal(name, inputType, input, token)).code;
  const measure = async () =>
    (
      await server.gql(`query($id: ID!) { measure(id: $id) {
        status actions { classification description }
        votes { id result corrected tally { yes no } rollCall { person { id } choice explanation } history { type data } }
      } }`, { id: MEASURE })
    ).data.measure;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-votes-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    [clerk, officer] = await Promise.all([mintToken(dataDir, 'clerk'), mintToken(dataDir, 'officer')]);
    server = await LedgerServer.start(dataDir);
    await ok('introduceMeasure', 'IntroduceMeasureInput', {
      id: MEASURE, kind: 'ORDINANCE', title: 'A bill whose final roll call was mis-recorded (illustrative)', bodyId: COUNCIL, sponsorIds: [seat('B')],
      clauses: [{ eId: 'sec_1', text: 'An illustrative clause.' }], occurredAt: '2020-03-02T18:00:00Z',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('records a sitting without a quorum, and refuses one that had a quorum', async () => {
    await ok('recordQuorumFailure', 'RecordQuorumFailureInput', { measureId: MEASURE, bodyId: COUNCIL, motion: 'first-reading', present: ['A', 'B', 'C'].map(seat), occurredAt: '2020-03-09T18:00:00Z' });
    expect((await measure()).actions.at(-1)).toEqual({ classification: 'quorum-failure', description: expect.stringMatching(/^No quorum in Denver City Council for the first-reading vote: 3 present, 7 needed\.$/) });
    expect(await refused('recordQuorumFailure', 'RecordQuorumFailureInput', { measureId: MEASURE, bodyId: COUNCIL, motion: 'first-reading', present: 'ABCDEFG'.split('').map(seat) })).toBe('BAD_USER_INPUT');
  });

  it('corrects a mis-recorded roll call: the result and the status follow, and the history shows both', async () => {
    await ok('recordVote', 'RecordVoteInput', { measureId: MEASURE, bodyId: COUNCIL, motion: 'first-reading', votes: votes('ABCDEFGHIJ', ''), occurredAt: '2020-03-16T18:00:00Z' });
    await ok('recordVote', 'RecordVoteInput', { measureId: MEASURE, bodyId: COUNCIL, motion: 'final-passage', votes: votes('ABCD', 'EFGHIJ'), occurredAt: '2020-03-23T18:00:00Z' });
    expect((await measure()).status).toBe('FAILED');
    const voteId = `vote:${MEASURE}:2`;

    expect(await refused('correctVote', 'CorrectVoteInput', { measureId: MEASURE, voteId, votes: votes('ABCDEFGH', 'IJ'), reason: 'x' }, officer)).toBe('FORBIDDEN');
    expect(await refused('correctVote', 'CorrectVoteInput', { measureId: MEASURE, voteId: `vote:${MEASURE}:9`, votes: votes('ABCDEFGH', 'IJ'), reason: 'x' })).toBe('NOT_FOUND');
    expect(await refused('correctVote', 'CorrectVoteInput', { measureId: MEASURE, voteId, votes: votes('ABCD', 'EFGHIJ'), reason: 'x' })).toBe('BAD_USER_INPUT');

    const receipt = await ok('correctVote', 'CorrectVoteInput', {
      measureId: MEASURE, voteId, votes: votes('ABCDEFGH', 'IJ'), reason: 'four YES votes were entered as NO (illustrative)', occurredAt: '2020-03-24T18:00:00Z',
    });
    expect(receipt.nodeId).toBe(voteId);
    const after = await measure();
    expect(after.status).toBe('PASSED');
    const vote = after.votes.find((v: any) => v.id === voteId);
    expect(vote).toMatchObject({ result: 'PASSED', corrected: true, tally: { yes: 8, no: 2 } });
    expect(vote.history.map((e: any) => e.type)).toEqual(['VoteRecorded', 'VoteCorrected']);
    expect(vote.history[0].data).toMatchObject({ result: 'FAILED', tally: { yes: 4, no: 6 } });
    expect(vote.history[1].data).toMatchObject({ result: 'PASSED', previousResult: 'FAILED', reason: 'four YES votes were entered as NO (illustrative)' });
    expect(after.actions.map((a: any) => a.classification).slice(-3)).toEqual(['reading-1', 'failure', 'vote-corrected']);
    expect(after.actions.at(-1).description).toContain('now 8-2 (3 absent), passed (recorded as failed)');

    const page = await (await fetch(`${server.base}/measures/${MEASURE}`)).text();
    expect(page).toContain('data-vote-corrected');
  });

  it("records a member's explanation of their vote, once, and only for a member who voted", async () => {
    const voteId = `vote:${MEASURE}:2`;
    await ok('explainVote', 'ExplainVoteInput', { measureId: MEASURE, voteId, personId: seat('I'), explanation: 'The fiscal note came too late. (illustrative)' });
    const vote = (await measure()).votes.find((v: any) => v.id === voteId);
    expect(vote.rollCall.find((c: any) => c.person.id === seat('I'))).toEqual({ person: { id: seat('I') }, choice: 'NO', explanation: 'The fiscal note came too late. (illustrative)' });
    expect(vote.history.map((e: any) => e.type)).toEqual(['VoteRecorded', 'VoteCorrected', 'VoteExplained']);
    expect(await refused('explainVote', 'ExplainVoteInput', { measureId: MEASURE, voteId, personId: seat('I'), explanation: 'again' })).toBe('CONFLICT');
    expect(await refused('explainVote', 'ExplainVoteInput', { measureId: MEASURE, voteId, personId: seat('M'), explanation: 'I was not there' })).toBe('BAD_USER_INPUT');
    const page = await (await fetch(`${server.base}/measures/${MEASURE}`)).text();
    expect(page).toContain('The fiscal note came too late.');
  });

  it('lets a committee reconsider its failed vote, so the failure is not terminal', async () => {
    const BILL = 'CB20-0043';
    await ok('introduceMeasure', 'IntroduceMeasureInput', {
      id: BILL, kind: 'ORDINANCE', title: 'A bill the committee reconsidered (illustrative)', bodyId: COUNCIL, sponsorIds: [seat('C')],
      clauses: [{ eId: 'sec_1', text: 'An illustrative clause.' }], occurredAt: '2020-04-01T18:00:00Z',
    });
    await ok('referMeasure', 'ReferMeasureInput', { measureId: BILL, committeeId: COMMITTEE, occurredAt: '2020-04-01T18:00:00Z' });
    await ok('recordVote', 'RecordVoteInput', { measureId: BILL, bodyId: COMMITTEE, motion: 'committee-passage', votes: votes('AB', 'CDE'), occurredAt: '2020-04-08T18:00:00Z' });
    const status = async () => (await server.gql(`query($id: ID!) { measure(id: $id) { status votes { id motion result reconsiders { id } reconsideredBy { id } } } }`, { id: BILL })).data.measure;
    expect((await status()).status).toBe('FAILED');

    // Another body cannot reconsider the committee's vote; nothing is written.
    expect(await refused('recordVote', 'RecordVoteInput', { measureId: BILL, bodyId: COUNCIL, motion: 'reconsideration', votes: votes('ABCDEFG', ''), reconsidersVoteId: `vote:${BILL}:1` })).toBe('BAD_USER_INPUT');
    const reconsidered = await ok('recordVote', 'RecordVoteInput', {
      measureId: BILL, bodyId: COMMITTEE, motion: 'reconsideration', votes: votes('ABC', 'DE'), reconsidersVoteId: `vote:${BILL}:1`, occurredAt: '2020-04-15T18:00:00Z',
    });
    expect(reconsidered.events.map((e: any) => e.type)).toEqual(['VoteRecorded', 'VoteReconsidered']);
    expect((await status()).status).toBe('IN_COMMITTEE');
    await ok('recordVote', 'RecordVoteInput', { measureId: BILL, bodyId: COMMITTEE, motion: 'committee-passage', votes: votes('ABCD', 'E'), occurredAt: '2020-04-15T18:00:00Z' });
    const after = await status();
    expect(after.status).toBe('INTRODUCED');
    expect(after.votes).toEqual([
      { id: `vote:${BILL}:1`, motion: 'committee-passage', result: 'FAILED', reconsiders: null, reconsideredBy: { id: `vote:${BILL}:2` } },
      { id: `vote:${BILL}:2`, motion: 'reconsideration', result: 'PASSED', reconsiders: { id: `vote:${BILL}:1` }, reconsideredBy: null },
      { id: `vote:${BILL}:3`, motion: 'committee-passage', result: 'PASSED', reconsiders: null, reconsideredBy: null },
    ]);
    // A committee vote's correction is the committee's act in the timeline, not the council's.
    await ok('correctVote', 'CorrectVoteInput', { measureId: BILL, voteId: `vote:${BILL}:3`, votes: votes('ABCDE', ''), reason: 'E voted YES (illustrative)', occurredAt: '2020-04-16T18:00:00Z' });
    const actions = (await server.gql(`query($id: ID!) { measure(id: $id) { actions { classification organization { id } } } }`, { id: BILL })).data.measure.actions;
    expect(actions.at(-1)).toEqual({ classification: 'vote-corrected', organization: { id: COMMITTEE } });
  });

  it("counts abstentions as the body's rule says, and serves the rule", async () => {
    expect((await server.gql(`{ organization(id: "${COUNCIL}") { votingRules { seats quorum passage overrideVotes abstentions } } }`)).data.organization.votingRules).toEqual({
      seats: 13, quorum: 7, passage: 'majority-of-present', overrideVotes: 9, abstentions: 'present',
    });
    const BODY = 'org:test-abstaining-committee';
    expect(await refused('registerOrganization', 'RegisterOrganizationInput', { id: BODY, name: 'X', kind: 'COMMITTEE', parentId: COUNCIL, rules: { seats: 3, quorum: 2, abstentions: 'sometimes' } })).toBe('BAD_USER_INPUT');
    await ok('registerOrganization', 'RegisterOrganizationInput', {
      id: BODY, name: 'A committee whose abstentions do not count (illustrative)', kind: 'COMMITTEE', parentId: COUNCIL, rules: { seats: 3, quorum: 2, abstentions: 'not-voting' },
    });
    for (const l of 'ABC') await ok('startMembership', 'StartMembershipInput', { organizationId: BODY, personId: seat(l), role: 'member', startDate: '2020-01-01' });
    const BILL = 'CB20-0044';
    await ok('introduceMeasure', 'IntroduceMeasureInput', {
      id: BILL, kind: 'ORDINANCE', title: 'A bill voted with abstentions (illustrative)', bodyId: COUNCIL, sponsorIds: [seat('A')],
      clauses: [{ eId: 'sec_1', text: 'An illustrative clause.' }], occurredAt: '2020-05-01T18:00:00Z',
    });
    await ok('referMeasure', 'ReferMeasureInput', { measureId: BILL, committeeId: BODY, occurredAt: '2020-05-01T18:00:00Z' });
    await ok('recordVote', 'RecordVoteInput', {
      measureId: BILL, bodyId: BODY, motion: 'committee-passage', occurredAt: '2020-05-08T18:00:00Z',
      votes: [{ personId: seat('A'), choice: 'YES' }, { personId: seat('B'), choice: 'ABSTAIN' }, { personId: seat('C'), choice: 'ABSTAIN' }],
    });
    // One YES of three present: short of a majority of those present, a majority of the votes cast.
    const vote = (await server.gql(`{ vote(id: "vote:${BILL}:1") { result threshold present needed } }`)).data.vote;
    expect(vote).toEqual({ result: 'PASSED', threshold: 'majority-of-votes-cast', present: 3, needed: 1 });
  });
});
