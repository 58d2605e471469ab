/**
 * The legislative write path through GraphQL alone, on a real server and SQLite file: a clerk
 * builds the directory and records an ordinance's life; the mayor signs; every refusal the issue
 * names answers with its code and writes nothing.
 */
import { LedgerServer, mintToken, removeDir, tempDataDir } from '../support/ledger-process';
import { mutationChecks } from '../support/mutations';
const COUNCIL = 'org:test-council';
const COMMITTEE = 'org:test-committee';
const OFFICE = 'org:test-mayors-office';
const member = (i: number) => `person:member-${i}`;

describe('legislation mutations (real server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let clerk: string;
  let mayor: string;
  let impostor: string;

  const { ok, refused } = mutationChecks(() => server, () => clerk);
  const vote = (input: Record<string, unknown>) => ok('recordVote', 'RecordVoteInput', { bodyId: COUNCIL, ...input });

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-legislation-');
    [clerk, mayor, impostor] = await Promise.all([
      mintToken(dataDir, 'clerk', 'person:clerk', 'Clerk'),
      mintToken(dataDir, 'mayor', 'person:the-mayor', 'The Mayor'),
      mintToken(dataDir, 'mayor', 'person:member-1', 'Not The Mayor'),
    ]);
    server = await LedgerServer.start(dataDir);

    await ok('registerOrganization', 'RegisterOrganizationInput', { id: COUNCIL, name: 'Test Council', kind: 'LEGISLATURE', rules: { seats: 13, quorum: 7, overrideVotes: 9 }, occurredAt: '2017-01-01T18:00:00Z' });
    await ok('registerOrganization', 'RegisterOrganizationInput', { id: COMMITTEE, name: 'Test Committee', kind: 'COMMITTEE', parentId: COUNCIL, rules: { seats: 5, quorum: 3 }, occurredAt: '2017-01-01T18:00:00Z' });
    await ok('registerOrganization', 'RegisterOrganizationInput', { id: OFFICE, name: "Mayor's Office", kind: 'EXECUTIVE', occurredAt: '2017-01-01T18:00:00Z' });
    for (let i = 1; i <= 13; i++) {
      await ok('registerPerson', 'RegisterPersonInput', { id: member(i), name: `Member ${i}` });
      await ok('startMembership', 'StartMembershipInput', { organizationId: COUNCIL, personId: member(i), role: 'member', startDate: '2017-01-01', occurredAt: '2017-01-01T18:00:00Z' });
      if (i <= 5) await ok('startMembership', 'StartMembershipInput', { organizationId: COMMITTEE, personId: member(i), role: 'member', startDate: '2017-01-01', occurredAt: '2017-01-01T18:00:00Z' });
    }
    await ok('registerPerson', 'RegisterPersonInput', { id: 'person:the-mayor', name: 'The Mayor' });
    await ok('startMembership', 'StartMembershipInput', { organizationId: OFFICE, personId: 'person:the-mayor', role: 'mayor', startDate: '2017-01-01', occurredAt: '2017-01-01T18:00:00Z' });
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('records an ordinance from introduction to enactment, computing every vote', async () => {
    await ok('introduceMeasure', 'IntroduceMeasureInput', {
      id: 'CB17-0001', kind: 'ORDINANCE', title: 'Test Act', bodyId: COUNCIL, sponsorIds: [member(1), member(2)], occurredAt: '2017-08-07T18:00:00Z',
      clauses: [
        { eId: 'sec_1', heading: 'Sharing', text: 'No sharing.', rule: { effect: 'prohibit', action: 'share', dataCategories: ['release-date-time'], recipients: ['federal-immigration-enforcement'], unless: ['judicial-warrant'] } },
        { eId: 'sec_2', text: 'Advise of rights.' },
      ],
    });
    await ok('referMeasure', 'ReferMeasureInput', { measureId: 'CB17-0001', committeeId: COMMITTEE, occurredAt: '2017-08-07T18:00:00Z' });
    const committee = await vote({ measureId: 'CB17-0001', bodyId: COMMITTEE, motion: 'committee-passage', occurredAt: '2017-08-16T18:00:00Z',
      votes: [1, 2, 3].map((i) => ({ personId: member(i), choice: 'YES' })).concat([{ personId: member(4), choice: 'NO' }]) });
    expect(committee.events[0].data).toMatchObject({ tally: { yes: 3, no: 1, abstain: 0, absent: 1, recused: 0 }, threshold: 'majority-of-present', result: 'PASSED' });
    await vote({ measureId: 'CB17-0001', motion: 'first-reading', occurredAt: '2017-08-21T18:00:00Z', votes: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ personId: member(i), choice: 'YES' })) });
    const amendment = await vote({ measureId: 'CB17-0001', motion: 'amendment', occurredAt: '2017-08-28T18:00:00Z',
      votes: [1, 2, 3, 4, 5, 6, 7].map((i) => ({ personId: member(i), choice: 'YES' })), amendment: { change: 'amend', eId: 'sec_2', text: 'Advise of rights in writing.' } });
    expect(amendment.events.map((e: any) => e.type)).toEqual(['VoteRecorded', 'ClauseAmended']);
    expect(amendment.events[1].data).toMatchObject({ eId: 'sec_2', version: 2, adoptedByVoteId: 'vote:CB17-0001:3' });
    const passage = await vote({ measureId: 'CB17-0001', motion: 'final-passage', occurredAt: '2017-08-28T19:00:00Z', votes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => ({ personId: member(i), choice: 'YES' })) });
    const recorded = passage.events[0].data;
    expect(recorded.tally).toEqual({ yes: 10, no: 0, abstain: 0, absent: 3, recused: 0 });
    expect(recorded.rollCall).toHaveLength(13);
    expect(recorded.rollCall.filter((c: any) => c.choice === 'ABSENT').map((c: any) => c.personId).sort()).toEqual([member(11), member(12), member(13)].sort());
    expect(recorded.result).toBe('PASSED');

    const signed = await ok('signMeasure', 'SignMeasureInput', { measureId: 'CB17-0001', officeId: OFFICE, occurredAt: '2017-08-31T18:00:00Z' }, mayor);
    expect(signed.events[0]).toMatchObject({ type: 'MeasureSigned', data: { signedBy: 'person:the-mayor' } });
    const enacted = await ok('enactMeasure', 'EnactMeasureInput', { measureId: 'CB17-0001', effectiveFrom: '2017-09-01', occurredAt: '2017-08-31T18:00:00Z' });
    expect(enacted.events[0]).toMatchObject({ type: 'MeasureEnacted', data: { effectiveFrom: '2017-09-01' } });
  });

  it('refuses what the rules forbid, writing nothing', async () => {
    await ok('introduceMeasure', 'IntroduceMeasureInput', { id: 'CB17-0002', kind: 'ORDINANCE', title: 'Second Act', bodyId: COUNCIL, sponsorIds: [member(3)], occurredAt: '2017-09-04T18:00:00Z', clauses: [{ eId: 'sec_1', text: 'Text.' }] });
    const yes = (n: number) => Array.from({ length: n }, (_, i) => ({ personId: member(i + 1), choice: 'YES' }));

    expect(await refused('recordVote', 'RecordVoteInput', { measureId: 'CB17-0002', bodyId: COUNCIL, motion: 'first-reading', occurredAt: '2017-09-05T18:00:00Z', votes: [...yes(7), { personId: 'person:the-mayor', choice: 'YES' }] }))
      .toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('person:the-mayor') });
    expect(await refused('recordVote', 'RecordVoteInput', { measureId: 'CB17-0002', bodyId: COUNCIL, motion: 'first-reading', occurredAt: '2017-09-05T18:00:00Z', votes: [...yes(7), { personId: member(1), choice: 'NO' }] }))
      .toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused('recordVote', 'RecordVoteInput', { measureId: 'CB17-0002', bodyId: COUNCIL, motion: 'first-reading', occurredAt: '2017-09-05T18:00:00Z', votes: yes(5) }))
      .toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/quorum/) });
    expect(await refused('recordVote', 'RecordVoteInput', { measureId: 'CB17-0002', bodyId: COUNCIL, motion: 'final-passage', occurredAt: '2017-09-05T18:00:00Z', votes: yes(9) }))
      .toMatchObject({ code: 'CONFLICT' });
    expect(await refused('signMeasure', 'SignMeasureInput', { measureId: 'CB17-0002', officeId: OFFICE, occurredAt: '2017-09-05T18:00:00Z' }, mayor))
      .toMatchObject({ code: 'CONFLICT' });
    expect(await refused('enactMeasure', 'EnactMeasureInput', { measureId: 'CB17-0002', effectiveFrom: '2017-10-01', occurredAt: '2017-09-05T18:00:00Z' }))
      .toMatchObject({ code: 'CONFLICT' });
    expect(await refused('repealMeasure', 'RepealMeasureInput', { measureId: 'CB17-0001', byMeasureId: 'CB17-0002', effectiveUntil: '2018-01-01', occurredAt: '2017-09-05T18:00:00Z' }))
      .toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('CB17-0002') });
    expect(await refused('recordVote', 'RecordVoteInput', { measureId: 'CB17-0001', bodyId: COUNCIL, motion: 'amendment', occurredAt: '2017-09-05T18:00:00Z', votes: yes(9), amendment: { change: 'strike', eId: 'sec_1' } }))
      .toMatchObject({ code: 'CONFLICT' });
    // the token says mayor, but this person does not hold the mayor's office
    expect(await refused('signMeasure', 'SignMeasureInput', { measureId: 'CB17-0001', officeId: OFFICE, occurredAt: '2017-09-05T18:00:00Z' }, impostor))
      .toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('signMeasure', 'SignMeasureInput', { measureId: 'CB17-0001', officeId: OFFICE }, clerk)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('draftExecutiveOrder', 'DraftExecutiveOrderInput', { id: 'EO-1', title: 'Order', officeId: OFFICE, clauses: [{ eId: 'sec_1', text: 'T.' }] }, clerk))
      .toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('introduceMeasure', 'IntroduceMeasureInput', { id: 'CB17-0003', kind: 'ORDINANCE', title: 'Bad', bodyId: COUNCIL, sponsorIds: ['person:nobody'], clauses: [{ eId: 'sec_1', text: 'T.' }] }))
      .toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('introduceMeasure', 'IntroduceMeasureInput', { id: 'CB17-0003', kind: 'ORDINANCE', title: 'Bad', bodyId: COUNCIL, sponsorIds: [member(1)], clauses: [{ eId: 'sec_1', text: 'T.', rule: { effect: 'encourage', action: 'share' } }] }))
      .toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused('introduceMeasure', 'IntroduceMeasureInput', { id: 'CB17-0001', kind: 'ORDINANCE', title: 'Again', bodyId: COUNCIL, sponsorIds: [member(1)], clauses: [{ eId: 'sec_1', text: 'T.' }] }))
      .toMatchObject({ code: 'CONFLICT' });
  });

  it('lets the mayor alone draft, issue and revoke an executive order', async () => {
    const drafted = await ok('draftExecutiveOrder', 'DraftExecutiveOrderInput', { id: 'EO-2017-1', title: 'Order', officeId: OFFICE, occurredAt: '2017-08-15T18:00:00Z', clauses: [{ eId: 'sec_1', text: 'No arrests in jails without a warrant.' }] }, mayor);
    expect(drafted.events[0]).toMatchObject({ type: 'ExecutiveOrderDrafted', data: { issuerId: 'person:the-mayor' } });
    await ok('issueExecutiveOrder', 'IssueExecutiveOrderInput', { measureId: 'EO-2017-1', effectiveFrom: '2017-08-30', occurredAt: '2017-08-30T18:00:00Z' }, mayor);
    expect(await refused('revokeExecutiveOrder', 'RevokeExecutiveOrderInput', { measureId: 'EO-2017-1', effectiveUntil: '2018-01-01', reason: 'x', occurredAt: '2017-12-01T18:00:00Z' }, impostor))
      .toMatchObject({ code: 'FORBIDDEN' });
    const revoked = await ok('revokeExecutiveOrder', 'RevokeExecutiveOrderInput', { measureId: 'EO-2017-1', effectiveUntil: '2018-01-01', reason: 'superseded', occurredAt: '2017-12-01T18:00:00Z' }, mayor);
    expect(revoked.events[0]).toMatchObject({ type: 'ExecutiveOrderRevoked', data: { revokedBy: 'person:the-mayor', effectiveUntil: '2018-01-01' } });
  });
});
