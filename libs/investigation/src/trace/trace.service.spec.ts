import { publicDataOf } from '@ledger/event-store';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import type { RecordedEvent } from '@ledger/event-store';
import {
  DataRequestHistory,
  LegislationHistory,
  ReadModelHarness,
  decisionIdOf,
  fixtureSubjectRef,
  fixtureUuid,
  requestIdOf,
  type Choice,
  type FixtureActor,
} from '@ledger/read-model-testing';
import {
  DataRequestQueries,
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
  dataRequestsProjection,
  directoryProjection,
  eventLogProjection,
  legislationProjection,
} from '@ledger/projections';
import { MalformedTraceId, TraceSubjectNotFound } from './trace-subject';
import { TraceService } from './trace.service';
import { ANONYMOUS, PublicView, type Viewer } from '../public-view/public-view';
import type { TraceView } from './trace-view';

const clerk: FixtureActor = { id: 'person:clerk-one', name: 'Clerk One', role: 'clerk' };
const mayor: FixtureActor = { id: 'person:the-mayor', name: 'The Mayor', role: 'mayor' };
const ana: FixtureActor = { id: 'person:officer-ana', name: 'Ana Officer', role: 'officer' };
const COUNCIL = 'org:council';
const OFFICE = 'org:mayors-office';
const SHERIFF = 'org:sheriff';
const ICE = 'org:ice';
const LAW = 'CB17-0766';
const AMENDING = 'CB18-0101';
const OTHER = 'CB17-0999';
/** recorded before the domain refused uuid-shaped measure ids */
const LEGACY = '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B';
const [A, B, C] = ['a', 'b', 'c'].map((x) => `person:member-${x}`);
const all = (choice: Choice, ...people: string[]) => people.map((personId) => ({ personId, choice }));
const [R1, R2] = [1, 2].map(fixtureUuid);
const clause = (eId: string, text: string) => ({ eId, heading: null, text, rule: null });
const DETAILS = { algorithm: 'AES-256-GCM' as const, keyId: fixtureSubjectRef(R1), iv: 'aXY=', ciphertext: 'c2VjcmV0', tag: 'dGFn' };
const HOUR = 3_600_000;

/**
 * An ordinance amended on the floor before final passage, signed and enacted; a later ordinance
 * that amends its section 1 from 2018; an unrelated measure; and two decisions citing the first,
 * one before and one after the 2018 amendment.
 */
function ledger() {
  const history = new LegislationHistory(clerk);
  for (const [id, name] of [[A, 'Member A'], [B, 'Member B'], [C, 'Member C'], [mayor.id, mayor.name], [ana.id, ana.name]]) history.person(id, name);
  history.organization(COUNCIL, 'City Council', 'LEGISLATURE', { rules: { seats: 3, quorum: 2, passage: 'majority-of-present', overrideVotes: 2 } });
  history.organization(OFFICE, "Mayor's Office", 'EXECUTIVE').organization(SHERIFF, 'Sheriff', 'DEPARTMENT').organization(ICE, 'ICE', 'EXTERNAL_AGENCY');
  history.membership(COUNCIL, A, 'member', '2017-01-01').membership(COUNCIL, B, 'member', '2017-01-01').membership(COUNCIL, C, 'member', '2017-01-01');
  history.membership(OFFICE, mayor.id, 'mayor', '2017-01-01').membership(SHERIFF, ana.id, 'officer', '2017-01-01');
  history
    .introduce(LAW, { title: 'Priority Act', bodyId: COUNCIL, sponsorIds: [A], clauses: [clause('sec_1', 'Purpose, as introduced.'), clause('sec_2', 'Sharing, as introduced.')] }, '2017-08-07T18:00:00Z')
    .introduce(OTHER, { title: 'Unrelated', bodyId: COUNCIL, sponsorIds: [B], clauses: [clause('sec_1', 'Something else.')] }, '2017-08-08T18:00:00Z')
    .vote(LAW, { bodyId: COUNCIL, motion: 'first-reading', rollCall: all('YES', A, B, C) }, '2017-08-21T18:00:00Z')
    .vote(OTHER, { bodyId: COUNCIL, motion: 'first-reading', rollCall: all('YES', A, B) }, '2017-08-21T19:00:00Z')
    .vote(LAW, { bodyId: COUNCIL, motion: 'amendment', rollCall: all('YES', A, B), amendment: { change: 'amend', eId: 'sec_2', text: 'Sharing, as amended on the floor.' } }, '2017-08-28T18:00:00Z')
    .vote(LAW, { bodyId: COUNCIL, motion: 'final-passage', rollCall: [...all('YES', A, B), ...all('NO', C)] }, '2017-08-28T19:00:00Z')
    .sign(LAW, mayor, '2017-08-31T18:00:00Z')
    .enact(LAW, '2017-09-01', '2017-08-31T19:00:00Z')
    .introduce(AMENDING, { title: 'Amendment', bodyId: COUNCIL, sponsorIds: [B], clauses: [clause('sec_1', 'Amends section 1 of CB17-0766.')] }, '2018-01-08T18:00:00Z')
    .vote(AMENDING, { bodyId: COUNCIL, motion: 'first-reading', rollCall: all('YES', A, B, C) }, '2018-01-22T18:00:00Z')
    .vote(AMENDING, { bodyId: COUNCIL, motion: 'final-passage', rollCall: all('YES', B, C) }, '2018-01-29T18:00:00Z')
    .sign(AMENDING, mayor, '2018-02-01T18:00:00Z')
    .enact(AMENDING, '2018-03-01', '2018-02-01T19:00:00Z')
    .amendByMeasure(LAW, { change: 'amend', eId: 'sec_1', text: 'Purpose, as amended in 2018.', byMeasureId: AMENDING, effectiveFrom: '2018-03-01' }, '2018-02-01T20:00:00Z')
    .introduce(LEGACY, { title: 'Numbered like a uuid', bodyId: COUNCIL, sponsorIds: [C], clauses: [clause('sec_1', 'Legacy.')] }, '2018-05-01T18:00:00Z');
  new DataRequestHistory(history.events)
    .receive(R1, { requestingOrgId: ICE, receivingOrgId: SHERIFF, dataCategories: ['release-date-time'], personalDetails: DETAILS }, ana, '2017-10-02T18:00:00Z')
    .decide(R1, { outcome: 'DENIED', disclosedCategories: [], citations: [{ clauseId: `${LAW}#sec_2`, version: 2 }, { clauseId: `${LAW}#sec_1`, version: 1 }] }, ana, '2017-10-03T18:00:00Z')
    .receive(R2, { requestingOrgId: ICE, receivingOrgId: SHERIFF, dataCategories: ['address'] }, ana, '2018-04-02T18:00:00Z')
    .decide(R2, { outcome: 'DENIED', disclosedCategories: [], citations: [{ clauseId: `${LAW}#sec_1`, version: 2 }] }, ana, '2018-04-03T18:00:00Z');
  return history.events;
}

const ids = (events: RecordedEvent[]) => events.map((e) => e.eventId);
const versionsOf = (trace: TraceView) => trace.clauses.map((v) => `${v.clauseId} v${v.version}`);
const voteIds = (trace: TraceView) => trace.votes.map((v) => v.id);

function expectWellFormed(trace: TraceView): void {
  const sequences = trace.events.map((e) => e.sequence);
  for (let i = 1; i < sequences.length; i++) expect(sequences[i]).toBeGreaterThan(sequences[i - 1]);
  expect(new Set(versionsOf(trace)).size).toBe(trace.clauses.length);
  expect(new Set(voteIds(trace)).size).toBe(trace.votes.length);
  const recorders = [...new Map(trace.events.map((e) => [e.recordedBy.id, e.recordedBy])).values()];
  expect(trace.actors).toEqual(recorders);
}

describe('TraceService (real SQLite files, real runner)', () => {
  let harness: ReadModelHarness;
  let recorded: RecordedEvent[];
  let traces: TraceService;
  /** the recorded events matching, in ledger order */
  const where = (match: (e: RecordedEvent) => boolean) => ids(recorded.filter(match));
  const data = (e: RecordedEvent) => e.data as Record<string, unknown>;
  const inStream = (streamId: string, ...types: string[]) => (e: RecordedEvent) => e.streamId === streamId && (types.length === 0 || types.includes(e.type));
  const voteEvent = (voteId: string) => (e: RecordedEvent) => e.type === 'VoteRecorded' && data(e).voteId === voteId;
  const trace = (id: string) => {
    const result = traces.trace(id, ANONYMOUS);
    expectWellFormed(result);
    return result;
  };

  beforeAll(async () => {
    harness = ReadModelHarness.create([eventLogProjection, directoryProjection, legislationProjection, dataRequestsProjection], 'ledger-trace-');
    recorded = await harness.record(ledger());
    traces = new TraceService(
      new EventLogQueries(harness.db),
      new DirectoryQueries(harness.db),
      new LegislationQueries(harness.db),
      new DataRequestQueries(harness.db),
      new PublicView(EventSchemaRegistry.fromDirectory()),
    );
  });
  afterAll(() => harness.close());

  it('traces a decision to the cited versions, the events that made them, the votes that adopted and passed them, and the signature', () => {
    const result = trace(decisionIdOf(R1));
    expect(result.subject).toEqual({ kind: 'decision', id: decisionIdOf(R1) });
    expect(versionsOf(result)).toEqual([`${LAW}#sec_2 v2`, `${LAW}#sec_1 v1`]);
    expect(voteIds(result)).toEqual([`vote:${LAW}:2`, `vote:${LAW}:3`]);
    expect(result.votes.map((v) => v.motion)).toEqual(['amendment', 'final-passage']);
    expect(ids(result.events)).toEqual(
      where(
        (e) =>
          inStream(`data-request-${R1}`)(e) ||
          inStream(`measure-${LAW}`, 'MeasureIntroduced', 'ClauseAmended', 'MeasureSigned', 'MeasureEnacted')(e) && !(e.type === 'ClauseAmended' && data(e).byMeasureId) ||
          voteEvent(`vote:${LAW}:2`)(e) ||
          voteEvent(`vote:${LAW}:3`)(e),
      ),
    );
    expect(result.actors.map((a) => a.id)).toEqual([clerk.id, mayor.id, ana.id]);
    expect(result.decisions.map((d) => d.id)).toEqual([decisionIdOf(R1)]);
  });

  it('follows a version made by another measure to that measure\'s passing vote and signature', () => {
    const result = trace(decisionIdOf(R2));
    expect(versionsOf(result)).toEqual([`${LAW}#sec_1 v2`]);
    expect(voteIds(result)).toEqual([`vote:${LAW}:3`, `vote:${AMENDING}:2`]);
    expect(ids(result.events)).toEqual(
      where(
        (e) =>
          inStream(`data-request-${R2}`)(e) ||
          inStream(`measure-${LAW}`, 'MeasureSigned', 'MeasureEnacted')(e) ||
          inStream(`measure-${AMENDING}`, 'MeasureSigned', 'MeasureEnacted')(e) ||
          (e.type === 'ClauseAmended' && data(e).byMeasureId === AMENDING) ||
          voteEvent(`vote:${LAW}:3`)(e) ||
          voteEvent(`vote:${AMENDING}:2`)(e),
      ),
    );
  });

  it('traces a request like its decision', () => {
    const result = trace(requestIdOf(R1));
    expect(result.subject).toEqual({ kind: 'data-request', id: requestIdOf(R1) });
    expect(ids(result.events)).toEqual(ids(traces.trace(decisionIdOf(R1), ANONYMOUS).events));
  });

  it('traces a measure: its stream, votes, every clause version, and the passing votes and signature of the measure that amended it', () => {
    const result = trace(LAW);
    expect(versionsOf(result)).toEqual([`${LAW}#sec_1 v1`, `${LAW}#sec_1 v2`, `${LAW}#sec_2 v1`, `${LAW}#sec_2 v2`]);
    expect(voteIds(result)).toEqual([`vote:${LAW}:1`, `vote:${LAW}:2`, `vote:${LAW}:3`, `vote:${AMENDING}:2`]);
    expect(ids(result.events)).toEqual(
      where((e) => inStream(`measure-${LAW}`)(e) || inStream(`measure-${AMENDING}`, 'MeasureSigned', 'MeasureEnacted')(e) || voteEvent(`vote:${AMENDING}:2`)(e)),
    );
  });

  it('traces a clause: its versions and what made each of them law, nothing of the other clauses', () => {
    const result = trace(`${LAW}#sec_1`);
    expect(versionsOf(result)).toEqual([`${LAW}#sec_1 v1`, `${LAW}#sec_1 v2`]);
    expect(voteIds(result)).toEqual([`vote:${LAW}:3`, `vote:${AMENDING}:2`]);
    expect(result.events.map((e) => e.type)).not.toContain('MeasureReferred');
    expect(ids(result.events)).not.toContain(where(voteEvent(`vote:${LAW}:2`))[0]);
    expect(ids(result.events)).toEqual(
      where(
        (e) =>
          inStream(`measure-${LAW}`, 'MeasureIntroduced', 'MeasureSigned', 'MeasureEnacted')(e) ||
          inStream(`measure-${AMENDING}`, 'MeasureSigned', 'MeasureEnacted')(e) ||
          (e.type === 'ClauseAmended' && data(e).eId === 'sec_1') ||
          voteEvent(`vote:${LAW}:3`)(e) ||
          voteEvent(`vote:${AMENDING}:2`)(e),
      ),
    );
  });

  it('traces a vote as the ledger knew it then: the measure up to it, the body and its members, the text as it stood after it', () => {
    const result = trace(`vote:${LAW}:2`);
    expect(voteIds(result)).toEqual([`vote:${LAW}:2`]);
    expect(versionsOf(result)).toEqual([`${LAW}#sec_1 v1`, `${LAW}#sec_2 v2`]);
    const vote = recorded.find(voteEvent(`vote:${LAW}:2`))!;
    expect(ids(result.events)).toEqual(
      where(
        (e) =>
          (inStream(`measure-${LAW}`)(e) && e.sequence <= vote.sequence) ||
          (e.type === 'ClauseAmended' && data(e).adoptedByVoteId === `vote:${LAW}:2`) ||
          (inStream('org-council')(e) && e.sequence < vote.sequence),
      ),
    );
    expect(result.events.filter((e) => e.type === 'MembershipStarted')).toHaveLength(3);
  });

  it('traces a person: their record, memberships naming them, the votes they cast', () => {
    const result = trace(C);
    expect(voteIds(result)).toEqual([`vote:${LAW}:1`, `vote:${LAW}:3`, `vote:${AMENDING}:1`, `vote:${AMENDING}:2`]);
    expect(ids(result.events)).toEqual(
      where(
        (e) =>
          inStream('person-member-c')(e) ||
          (e.type === 'MembershipStarted' && data(e).personId === C) ||
          (e.type === 'VoteRecorded' && (data(e).rollCall as Array<{ personId: string }>).some((r) => r.personId === C)),
      ),
    );
    expect(result.clauses).toEqual([]);
    expect(result.decisions).toEqual([]);
  });

  it('traces an officer and a department to the decisions they took', () => {
    const officer = trace(ana.id);
    expect(officer.decisions.map((d) => d.id)).toEqual([decisionIdOf(R1), decisionIdOf(R2)]);
    expect(ids(officer.events)).toEqual(
      where((e) => inStream('person-officer-ana')(e) || (e.type === 'MembershipStarted' && data(e).personId === ana.id) || e.type === 'DataRequestDecided'),
    );
    const department = trace(SHERIFF);
    expect(department.decisions.map((d) => d.id)).toEqual([decisionIdOf(R1), decisionIdOf(R2)]);
    expect(ids(department.events)).toEqual(where((e) => inStream('org-sheriff')(e) || e.type === 'DataRequestDecided'));
  });

  it('traces an event: it and what its stream said before it, with the clause version or vote it recorded', () => {
    const amended = recorded.find((e) => e.type === 'ClauseAmended' && data(e).eId === 'sec_2')!;
    const result = trace(amended.eventId.toUpperCase());
    expect(result.subject).toEqual({ kind: 'event', id: amended.eventId });
    expect(ids(result.events)).toEqual(where((e) => inStream(`measure-${LAW}`)(e) && e.sequence <= amended.sequence));
    expect(versionsOf(result)).toEqual([`${LAW}#sec_2 v2`]);
    expect(result.votes).toEqual([]);
    const vote = recorded.find(voteEvent(`vote:${LAW}:3`))!;
    expect(voteIds(trace(vote.eventId))).toEqual([`vote:${LAW}:3`]);
  });

  it('traces a measure whose id is shaped like a uuid: no event has that id, so the measure is the subject', () => {
    const result = trace(LEGACY);
    expect(result.subject).toEqual({ kind: 'measure', id: LEGACY });
    expect(ids(result.events)).toEqual(where(inStream(`measure-${LEGACY}`)));
    expect(versionsOf(result)).toEqual([`${LEGACY}#sec_1 v1`]);
  });

  it('refuses an id shaped like no node, and names the kind of a well-formed id it does not know', () => {
    for (const id of ['', 'not an id', 'person:Robin Kniech', 'vote:CB17-0766:0', 'decision:42', `${LAW}#Section 2`]) {
      expect(() => traces.trace(id, ANONYMOUS)).toThrow(MalformedTraceId);
    }
    const unknown: Array<[string, string]> = [
      ['person:nobody', 'person'],
      ['org:nowhere', 'organization'],
      ['CB99-0001', 'measure'],
      [`${LAW}#sec_9`, 'clause'],
      [`vote:${LAW}:99`, 'vote'],
      [requestIdOf(fixtureUuid(99)), 'data-request'],
      [decisionIdOf(fixtureUuid(99)), 'decision'],
      [fixtureUuid(99), 'event'],
    ];
    for (const [id, kind] of unknown) {
      expect(() => traces.trace(id, ANONYMOUS)).toThrow(TraceSubjectNotFound);
      expect(() => traces.trace(id, ANONYMOUS)).toThrow(`the ledger has no ${kind} with id ${id}`);
    }
  });

  it('hands out the events as its viewer may see them: restricted values to valid oversight only', () => {
    const received = (viewer: Viewer) => {
      const result = traces.trace(requestIdOf(R1), viewer);
      expect(result.viewer).toBe(viewer);
      return result.events.find((e) => e.type === 'DataRequestReceived')!.data as Record<string, unknown>;
    };
    const stored = data(recorded.find(inStream(`data-request-${R1}`, 'DataRequestReceived'))!);
    expect(stored).toMatchObject({ subjectRef: fixtureSubjectRef(R1), personalDetails: DETAILS });

    const oversight: Viewer = { role: 'oversight', restrictedUntil: Date.now() + HOUR };
    expect(received(oversight)).toEqual(stored);
    // Everyone else sees a salted commitment in place of each restricted value, never the value.
    const storedEvent = recorded.find(inStream(`data-request-${R1}`, 'DataRequestReceived'))!;
    const withheld = publicDataOf(stored, storedEvent.commitmentSalts) as Record<string, unknown>;
    expect(withheld.subjectRef).toEqual({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(withheld)).not.toContain(String(fixtureSubjectRef(R1)));
    const others: Viewer[] = [
      ANONYMOUS,
      { role: 'officer', restrictedUntil: Date.now() + HOUR },
      { role: 'admin', restrictedUntil: Date.now() + HOUR },
      { role: 'oversight', restrictedUntil: Date.now() - 1 },
    ];
    for (const viewer of others) {
      expect(received(viewer)).toEqual(withheld);
    }
    // A view strips a copy: oversight still sees everything after the others' views.
    expect(received(oversight)).toEqual(stored);
  });
});
