/**
 * Data requests through GraphQL alone, on the seeded Denver demo: officers record and decide only
 * for their own department, citations must be in force on the decision's date, oversight reviews,
 * corrections are new events; every refusal writes nothing.
 */
import { leafHashOfPublic } from '@ledger/event-store';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { mutationChecks } from '../support/mutations';
import { HUMAN_SERVICES, ICE, SHERIFF } from '@ledger/scenarios';


describe('data-request mutations (seeded demo, real server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let sheriffOfficer: string;
  let humanServicesOfficer: string;
  let oversight: string;
  let clerk: string;

  const { ok, refused, eventCount } = mutationChecks(() => server, () => sheriffOfficer);
  const receive = (overrides: Record<string, unknown> = {}, token = sheriffOfficer) =>
    ok('receiveDataRequest', 'ReceiveDataRequestInput', {
      requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['release-date-time'], action: 'share',
      recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', legalBasis: 'none',
      channel: 'email', subjectIdentifier: 'TEST-BOOKING-77', personalDetails: 'Test Resident, born 2000-02-02', occurredAt: '2018-06-01T18:00:00Z',
      ...overrides,
    }, token);
  const requestIdOf = (receipt: any) => receipt.events[0].data.requestId as string;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-dr-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    [sheriffOfficer, humanServicesOfficer, oversight, clerk] = await Promise.all([
      mintToken(dataDir, 'officer', 'person:illustrative-sheriff-officer', 'Sheriff Records Officer (illustrative)'),
      mintToken(dataDir, 'officer', 'person:illustrative-human-services-officer', 'Human Services Records Officer (illustrative)'),
      mintToken(dataDir, 'oversight', 'person:illustrative-oversight-reviewer', 'Oversight Reviewer (illustrative)'),
      mintToken(dataDir, 'clerk'),
    ]);
    server = await LedgerServer.start(dataDir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('records a request retried with the same Idempotency-Key once: the retry answers the first receipt', async () => {
    const send = async () => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sheriffOfficer}`, 'idempotency-key': 'sheriff-request-2018-06-02' },
        body: JSON.stringify({
          query: 'mutation($input: ReceiveDataRequestInput!) { receiveDataRequest(input: $input) { streamId replayed events { sequence data } } }',
          variables: {
            input: {
              requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['release-date-time'], action: 'share',
              recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', legalBasis: 'none',
              channel: 'email', subjectIdentifier: 'TEST-BOOKING-RETRY', occurredAt: '2018-06-02T18:00:00Z',
            },
          },
        }),
      });
      return ((await response.json()) as { data: { receiveDataRequest: { streamId: string; replayed: boolean; events: Array<{ sequence: number }> } } }).data.receiveDataRequest;
    };
    const first = await send();
    const before = await eventCount();
    const retry = await send();
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await eventCount()).toBe(before);
  });

  it('answers every decision of a department in a month, with officer, cited text as in force and compliance', async () => {
    const result = await server.gql(`{ decisions(filter: { decidingOrganizationId: "${SHERIFF}", from: "2017-10-01T00:00:00Z", to: "2017-11-01T00:00:00Z" }) {
      totalCount edges { node { outcome decidedAt decidedBy { name } citations { clause { id } version text validFrom } compliance { status findings { explanation } } } } } }`);
    expect(result.errors).toBeUndefined();
    const decisions = result.data.decisions.edges.map((e: any) => e.node);
    expect(decisions.map((d: any) => [d.outcome, d.compliance.status])).toEqual([
      ['GRANTED', 'COMPLIANT'],
      ['GRANTED', 'VIOLATION'],
      ['PARTIALLY_GRANTED', 'COMPLIANT'],
    ]);
    for (const d of decisions) expect(d.decidedBy.name).toBe('Sheriff Records Officer (illustrative)');
    const sec3 = decisions[0].citations.find((c: any) => c.clause.id === 'CB17-0766#sec_3');
    expect(sec3).toMatchObject({ version: 2, validFrom: '2017-09-01' });
    expect(sec3.text).toMatch(/after the inmate has been advised/);
    expect(decisions[1].compliance.findings.map((f: any) => f.explanation).join(' ')).toMatch(/CB17-0766#sec_2__subsec_b v1 prohibits/);

    const citing = await server.gql(`{ clause(id: "CB17-0766#sec_2__subsec_b") { citations { totalCount edges { node { outcome decidingOrganization { id } } } } } }`);
    expect(citing.data.clause.citations.totalCount).toBe(2);
    const filtered = await server.gql(`{ decisions(filter: { clauseId: "CB17-0766#sec_2__subsec_b" }) { totalCount } }`);
    expect(filtered.data.decisions.totalCount).toBe(2);
  });

  it('lets officers record and decide only for their own department', async () => {
    expect(await refused('receiveDataRequest', 'ReceiveDataRequestInput', {
      requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['address'], action: 'share', recipientCategories: ['federal-immigration-enforcement'],
      purpose: 'civil-immigration-enforcement', legalBasis: 'none', channel: 'email', subjectIdentifier: 'X-1', occurredAt: '2018-06-01T18:00:00Z',
    }, humanServicesOfficer)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('receiveDataRequest', 'ReceiveDataRequestInput', {
      requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['address'], action: 'share', recipientCategories: ['federal-immigration-enforcement'],
      purpose: 'civil-immigration-enforcement', legalBasis: 'none', channel: 'email', subjectIdentifier: 'X-1',
    }, clerk)).toMatchObject({ code: 'FORBIDDEN' });

    const receipt = await receive();
    const requestId = requestIdOf(receipt);
    // the officer's own receipt is redacted too: only oversight sees the subject reference, others its commitment
    expect(receipt.events[0].data.subjectRef).toEqual({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(receipt)).not.toMatch(/TEST-BOOKING-77|Test Resident/);
    expect(await refused('decideDataRequest', 'DecideDataRequestInput', {
      requestId, outcome: 'DENIED', citations: [{ clauseId: 'CB17-0766#sec_2__subsec_b' }], rationale: 'no', occurredAt: '2018-06-02T18:00:00Z',
    }, humanServicesOfficer)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses citations not in force on the decision date, naming the reason', async () => {
    const requestId = requestIdOf(await receive({ subjectIdentifier: 'TEST-BOOKING-78', occurredAt: '2017-12-01T18:00:00Z' }));
    const decide = (citations: unknown[], occurredAt = '2017-12-02T18:00:00Z') =>
      refused('decideDataRequest', 'DecideDataRequestInput', { requestId, outcome: 'DENIED', citations, rationale: 'r', occurredAt }, sheriffOfficer);
    expect(await decide([{ clauseId: 'CB17-0766#sec_9' }])).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/CB17-0766#sec_9.*unknown|unknown.*CB17-0766#sec_9/) });
    expect(await decide([{ clauseId: 'CB17-0766#sec_4', version: 2 }])).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/not yet in force/) });
    expect(await decide([{ clauseId: 'CB17-0766#sec_3', version: 1 }])).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/never in force|not yet in force|superseded/) });
    expect(await decide([{ clauseId: 'CB18-0101#sec_1' }])).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/not yet in force/) });

    const decided = await ok('decideDataRequest', 'DecideDataRequestInput', {
      requestId, outcome: 'DENIED', citations: [{ clauseId: 'CB17-0766#sec_2__subsec_b' }], rationale: 'No legal basis was presented.', occurredAt: '2017-12-02T18:00:00Z',
    }, sheriffOfficer);
    expect(decided.events[0].data).toMatchObject({ outcome: 'DENIED', citations: [{ clauseId: 'CB17-0766#sec_2__subsec_b', version: 1 }] });
    expect(await refused('decideDataRequest', 'DecideDataRequestInput', {
      requestId, outcome: 'DENIED', citations: [{ clauseId: 'CB17-0766#sec_2__subsec_b' }], rationale: 'again', occurredAt: '2017-12-03T18:00:00Z',
    }, sheriffOfficer)).toMatchObject({ code: 'CONFLICT' });

    const corrected = await ok('correctDecision', 'CorrectDecisionInput', { requestId, rationale: 'No judicial warrant was presented.', reason: 'clearer wording', occurredAt: '2017-12-04T18:00:00Z' }, sheriffOfficer);
    expect(corrected.events[0]).toMatchObject({ type: 'DecisionCorrected', data: { corrections: { rationale: 'No judicial warrant was presented.' }, reason: 'clearer wording' } });
    const reviewed = await ok('reviewDecision', 'ReviewDecisionInput', { requestId, finding: 'upheld', reasons: 'Correctly denied.', occurredAt: '2018-01-10T18:00:00Z' }, oversight);
    expect(reviewed.events[0]).toMatchObject({ type: 'DecisionReviewed', data: { finding: 'upheld' } });
    expect(await refused('reviewDecision', 'ReviewDecisionInput', { requestId, finding: 'upheld', reasons: 'x' }, sheriffOfficer)).toMatchObject({ code: 'FORBIDDEN' });

    const decision = await server.gql(`query($id: ID!) { dataRequest(id: $id) { subjectRef decision { rationale compliance { status } } } }`, { id: requestId });
    expect(decision.data.dataRequest).toEqual({ subjectRef: null, decision: { rationale: 'No judicial warrant was presented.', compliance: { status: 'COMPLIANT' } } });
  });

  it("keeps a decision found in violation among the violations after the officer corrects it, until oversight reviews the correction", async () => {
    const requestId = requestIdOf(await receive({ subjectIdentifier: 'TEST-BOOKING-81', occurredAt: '2018-07-01T18:00:00Z' }));
    const decisionId = requestId.replace('data-request:', 'decision:');
    // Release date to ICE without a warrant: the ordinance forbids it.
    await ok('decideDataRequest', 'DecideDataRequestInput', {
      requestId, outcome: 'GRANTED', disclosedCategories: ['release-date-time'], citations: [{ clauseId: 'CB17-0766#sec_2__subsec_b' }], rationale: 'Shared on request.', occurredAt: '2018-07-02T18:00:00Z',
    }, sheriffOfficer);
    await ok('reviewDecision', 'ReviewDecisionInput', { requestId, finding: 'violation', reasons: 'No warrant was presented.', occurredAt: '2018-07-10T18:00:00Z' }, oversight);
    const violations = async (extra = '') =>
      ((await server.gql(`{ decisions(filter: { complianceStatus: VIOLATION${extra} }, first: 100) { edges { node { id } } } }`)).data.decisions.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);
    const register = async (query = '') => (await fetch(`${server.base}/decisions?${query}`)).text();
    const decision = async () =>
      (await server.gql(`query($id: ID!) { decision(id: $id) { outcome compliance { status } correctionAwaitingReview { status } violationFound { foundAt via foundBy { id } } } }`, { id: decisionId })).data.decision;
    expect(await violations()).toContain(decisionId);

    // The officer rewrites it as a denial: it stays a violation, with the correction awaiting review.
    await ok('correctDecision', 'CorrectDecisionInput', { requestId, outcome: 'DENIED', disclosedCategories: [], reason: 'Entered the wrong outcome.', occurredAt: '2018-07-11T18:00:00Z' }, sheriffOfficer);
    expect(await decision()).toEqual({
      outcome: 'DENIED',
      compliance: { status: 'VIOLATION' },
      correctionAwaitingReview: { status: 'COMPLIANT' },
      violationFound: { foundAt: '2018-07-02T18:00:00Z', via: 'ASSESSMENT', foundBy: null },
    });
    expect(await violations()).toContain(decisionId);
    expect(await violations(', awaitingReview: true')).toContain(decisionId);
    expect(await register('compliance=VIOLATION')).toContain(decisionId.replace('decision:', ''));

    // Oversight reviews the correction: now it counts; the finding of a violation stays on the record.
    await ok('reviewDecision', 'ReviewDecisionInput', { requestId, finding: 'upheld', reasons: 'The jail log confirms nothing was shared.', occurredAt: '2018-07-20T18:00:00Z' }, oversight);
    expect(await decision()).toMatchObject({ compliance: { status: 'COMPLIANT' }, correctionAwaitingReview: null, violationFound: { via: 'ASSESSMENT' } });
    expect(await violations()).not.toContain(decisionId);
    const ever = (await server.gql('{ decisions(filter: { everFoundInViolation: true }, first: 100) { edges { node { id } } } }')).data.decisions.edges.map((e: any) => e.node.id);
    expect(ever).toContain(decisionId);
    expect(await register('everViolation=1')).toContain(decisionId.replace('decision:', ''));
    const page = await (await fetch(`${server.base}/decisions/${decisionId}`)).text();
    expect(page).toContain('data-violation-found');
  });

  it('shows oversight the subject and details, until the subject is erased', async () => {
    const requestId = requestIdOf(await receive({ subjectIdentifier: 'TEST-BOOKING-79', personalDetails: 'Erasable Resident' }));
    const asOversight = async () => (await server.gql(`query($id: ID!) { dataRequest(id: $id) { subjectRef personalDetails } }`, { id: requestId }, oversight)).data.dataRequest;
    const before = await asOversight();
    expect(before.subjectRef).toMatch(/^subj_[0-9a-f]{32}$/);
    expect(before.personalDetails).toBe('Erasable Resident');
    const erased = await runCli(['erase-subject', before.subjectRef], { LEDGER_DATA_DIR: dataDir });
    expect(erased.code).toBe(0);
    expect(await asOversight()).toEqual({ subjectRef: before.subjectRef, personalDetails: null });

    // The log itself is untouched: every event, the erased subject's included, still hashes to its
    // leaf, recomputed by anyone from what an anonymous caller is served (commitments in place of restricted values).
    const all = await server.gql(`{ events(first: 100, after: null) { totalCount } }`);
    let after: string | null = null;
    let checked = 0;
    do {
      const page: any = (await server.gql(`query($after: String) { events(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { id type schemaVersion streamId streamRevision sequence occurredAt recordedAt recordedBy { id name role } correlationId causationId leafHash data } } } }`, { after })).data.events;
      for (const { node } of page.edges) {
        const { id, leafHash, data, ...envelope } = node;
        expect(leafHashOfPublic({ ...envelope, eventId: id }, data)).toBe(leafHash);
        checked++;
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(checked).toBe(all.data.events.totalCount);
  });
});
