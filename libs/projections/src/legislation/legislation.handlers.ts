import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import { measureStatus, stageAfter, type MeasureEvent, type VoteMotion } from '@ledger/domain';
import type * as Payloads from '@ledger/event-types';
import { recomputeClauseValidity } from './clause-validity';
import type { MeasureKindValue } from './legislation.rows';
import { addAction, addClauseVersion, advanceStage, indexText, latestVersion, measureColumn, nameOf, setName } from './legislation.writes';
import { listOfNames, motionName, tallyText, voteClassification, voteDescription } from './measure-action-wording';
import { pluckedStatement, statement } from '../runtime/statement-cache';

/** A measure's own events, with their (newest-version) payloads: each moves its stage (advanceStage). */
interface MeasurePayloads {
  MeasureIntroduced: Payloads.MeasureIntroducedData;
  ExecutiveOrderDrafted: Payloads.ExecutiveOrderDraftedData;
  MeasureReferred: Payloads.MeasureReferredData;
  VoteRecorded: Payloads.VoteRecordedData;
  VoteCorrected: Payloads.VoteCorrectedData;
  VoteExplained: Payloads.VoteExplainedData;
  QuorumFailed: Payloads.QuorumFailedData;
  VoteReconsidered: Payloads.VoteReconsideredData;
  ClauseAmended: Payloads.ClauseAmendedData;
  ClauseAdded: Payloads.ClauseAddedData;
  ClauseStruck: Payloads.ClauseStruckData;
  MeasureSigned: Payloads.MeasureSignedData;
  MeasureVetoed: Payloads.MeasureVetoedData;
  MeasureEnacted: Payloads.MeasureEnactedData;
  MeasureRepealed: Payloads.MeasureRepealedData;
  MeasureWithdrawn: Payloads.MeasureWithdrawnData;
  ExecutiveOrderIssued: Payloads.ExecutiveOrderIssuedData;
  ExecutiveOrderRevoked: Payloads.ExecutiveOrderRevokedData;
}

/** The events the legislation read model reads. */
interface LegislationPayloads extends MeasurePayloads {
  // Directory events, only for the names in action descriptions.
  PersonRegistered: Payloads.PersonRegisteredData;
  PersonRecordCorrected: Payloads.PersonRecordCorrectedData;
  OrganizationRegistered: Payloads.OrganizationRegisteredData;
  OrganizationRecordCorrected: Payloads.OrganizationRecordCorrectedData;
}

export type LegislationEventType = keyof LegislationPayloads;
type Handler<T extends LegislationEventType> = (db: Database.Database, event: RecordedEvent<T, LegislationPayloads[T]>) => void;

interface NewMeasure {
  id: string;
  kind: MeasureKindValue;
  title: string;
  summary: string | null;
  bodyId: string | null;
  officeId: string | null;
  sponsorIds: string[];
  clauses: Payloads.MeasureIntroducedData['clauses'];
}

function addMeasure(db: Database.Database, event: RecordedEvent, measure: NewMeasure): void {
  const stage = stageAfter(undefined, event as unknown as MeasureEvent);
  statement(
    db,
    `INSERT INTO measures (id, kind, title, summary, stage, status, body_id, committee_id, office_id, introduced_at, effective_from,
       effective_until, stream_id, sequence)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, ?, ?)`,
  ).run(
    measure.id,
    measure.kind,
    measure.title,
    measure.summary,
    stage,
    measureStatus(stage, measure.kind),
    measure.bodyId,
    measure.officeId,
    event.occurredAt,
    event.streamId,
    event.sequence,
  );
  const sponsor = statement(db, 'INSERT INTO measure_sponsors (measure_id, person_id, position) VALUES (?, ?, ?)');
  measure.sponsorIds.forEach((personId, position) => sponsor.run(measure.id, personId, position));
  indexText(db, measure.id, measure.title);
  for (const clause of measure.clauses) {
    addClauseVersion(db, event, {
      measureId: measure.id,
      eId: clause.eId,
      version: 1,
      heading: clause.heading,
      text: clause.text,
      rule: clause.rule,
      struck: false,
      adoptedByVoteId: null,
      byMeasureId: null,
      effectiveFrom: null,
    });
  }
}

function addVote(db: Database.Database, event: RecordedEvent, data: Payloads.VoteRecordedData): void {
  const { tally } = data;
  statement(
    db,
    `INSERT INTO votes (id, measure_id, body_id, motion, occurred_at, yes, no, abstain, absent, recused, threshold, result, reconsiders_vote_id, event_id, sequence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    data.voteId,
    data.measureId,
    data.bodyId,
    data.motion,
    event.occurredAt,
    tally.yes,
    tally.no,
    tally.abstain,
    tally.absent,
    tally.recused,
    data.threshold,
    data.result,
    data.reconsidersVoteId,
    event.eventId,
    event.sequence,
  );
  writeRollCall(db, data.voteId, data.rollCall, event.sequence);
}

/** A vote's roll call, as recorded or corrected: a member already on it keeps their row (and explanation). */
function writeRollCall(db: Database.Database, voteId: string, rollCall: Payloads.VoteRecordedData['rollCall'], sequence: number): void {
  const cast = statement(
    db,
    `INSERT INTO vote_casts (vote_id, person_id, choice, position, sequence) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (vote_id, person_id) DO UPDATE SET choice = excluded.choice, position = excluded.position`,
  );
  rollCall.forEach((entry, position) => cast.run(voteId, entry.personId, entry.choice, position, sequence));
}

/** The corrected roll call replaces the vote's: the same members keep their explanations. Returns the voting body. */
function correctVote(db: Database.Database, data: Payloads.VoteCorrectedData): string | null {
  const { tally } = data;
  statement(db, 'UPDATE votes SET yes = ?, no = ?, abstain = ?, absent = ?, recused = ?, result = ?, corrected = 1 WHERE id = ?').run(
    tally.yes,
    tally.no,
    tally.abstain,
    tally.absent,
    tally.recused,
    data.result,
    data.voteId,
  );
  const vote = statement(db, 'SELECT sequence, body_id AS bodyId FROM votes WHERE id = ?').get(data.voteId) as { sequence: number; bodyId: string } | undefined;
  if (vote === undefined) return null;
  statement(db, 'DELETE FROM vote_casts WHERE vote_id = ? AND person_id NOT IN (SELECT value ->> \'personId\' FROM json_each(?))').run(data.voteId, JSON.stringify(data.rollCall));
  writeRollCall(db, data.voteId, data.rollCall, vote.sequence);
  return vote.bodyId;
}

type ClauseChange = Payloads.ClauseAmendedData | Payloads.ClauseAddedData | Payloads.ClauseStruckData;
const CHANGE_VERBS = { ClauseAmended: 'amended', ClauseAdded: 'added', ClauseStruck: 'struck' } as const;

function changeClause(db: Database.Database, event: RecordedEvent<keyof typeof CHANGE_VERBS, ClauseChange>): void {
  const data = event.data;
  const struck = !('text' in data);
  // A strike keeps the heading and text it removed, so the version says what stopped being law.
  const carried = struck ? latestVersion(db, data.measureId, data.eId) : null;
  addClauseVersion(db, event, {
    measureId: data.measureId,
    eId: data.eId,
    version: data.version,
    heading: 'heading' in data ? data.heading : (carried?.heading ?? null),
    text: 'text' in data ? data.text : (carried?.text ?? ''),
    rule: 'rule' in data ? data.rule : null,
    struck,
    adoptedByVoteId: data.adoptedByVoteId,
    byMeasureId: data.byMeasureId,
    effectiveFrom: data.effectiveFrom,
  });
  recomputeClauseValidity(db, data.measureId, data.eId);
  // A change adopted on the floor is already in the history as its amendment vote.
  if (data.adoptedByVoteId !== null) return;
  const verb = CHANGE_VERBS[event.type];
  const by = data.byMeasureId !== null ? ` by ${data.byMeasureId}` : '';
  const from = data.effectiveFrom !== null ? `, in force from ${data.effectiveFrom}` : '';
  addAction(db, event, data.measureId, { classification: 'amended', description: `Clause ${data.eId} ${verb}${by}${from}.` });
}

/** "the reason" -> "the reason." without doubling a closing full stop */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const handlers: { [T in LegislationEventType]: Handler<T> } = {
  MeasureIntroduced(db, event) {
    const data = event.data;
    addMeasure(db, event, {
      id: data.measureId,
      kind: data.kind,
      title: data.title,
      summary: data.summary,
      bodyId: data.bodyId,
      officeId: null,
      sponsorIds: data.sponsorIds,
      clauses: data.clauses,
    });
    const sponsors = listOfNames(data.sponsorIds.map((id) => nameOf(db, id)));
    addAction(db, event, data.measureId, {
      classification: 'introduction',
      description: `Introduced in ${nameOf(db, data.bodyId)} by ${sponsors}.`,
      organizationId: data.bodyId,
    });
  },
  ExecutiveOrderDrafted(db, event) {
    const data = event.data;
    // The issuing office holder stands as the order's sponsor, so sponsorId finds orders too.
    addMeasure(db, event, {
      id: data.measureId,
      kind: 'EXECUTIVE_ORDER',
      title: data.title,
      summary: data.summary,
      bodyId: null,
      officeId: data.officeId,
      sponsorIds: [data.issuerId],
      clauses: data.clauses,
    });
    addAction(db, event, data.measureId, {
      classification: 'executive-order-drafted',
      description: `Drafted by ${nameOf(db, data.issuerId)} for ${nameOf(db, data.officeId)}.`,
      organizationId: data.officeId,
    });
  },
  MeasureReferred(db, event) {
    const { measureId, committeeId } = event.data;
    statement(db, 'UPDATE measures SET committee_id = ? WHERE id = ?').run(committeeId, measureId);
    addAction(db, event, measureId, {
      classification: 'referral-committee',
      description: `Referred to ${nameOf(db, committeeId)}.`,
      organizationId: committeeId,
    });
  },
  VoteRecorded(db, event) {
    const data = event.data;
    addVote(db, event, data);
    const reconsidered = data.reconsidersVoteId === null ? null : ((pluckedStatement(db, 'SELECT motion FROM votes WHERE id = ?').get(data.reconsidersVoteId) as VoteMotion | undefined) ?? null);
    addAction(db, event, data.measureId, {
      classification: voteClassification(data.motion, data.result),
      description: voteDescription(data, nameOf(db, data.bodyId), reconsidered),
      organizationId: data.bodyId,
      voteId: data.voteId,
    });
  },
  VoteCorrected(db, event) {
    const data = event.data;
    // The body that took the vote: the committee's, for a committee vote.
    const body = correctVote(db, data);
    const now = data.result === data.previousResult ? `now ${tallyText(data.tally)}` : `now ${tallyText(data.tally)}, ${data.result === 'PASSED' ? 'passed' : 'failed'} (recorded as ${data.previousResult === 'PASSED' ? 'passed' : 'failed'})`;
    addAction(db, event, data.measureId, {
      classification: 'vote-corrected',
      description: sentence(`Roll call of the ${motionName(data.motion)} vote corrected, ${now}: ${data.reason}`),
      organizationId: body,
      voteId: data.voteId,
    });
  },
  VoteExplained(db, event) {
    const { measureId, voteId, personId, explanation } = event.data;
    statement(db, 'UPDATE vote_casts SET explanation = ? WHERE vote_id = ? AND person_id = ?').run(explanation, voteId, personId);
    addAction(db, event, measureId, { classification: 'vote-explanation', description: `${nameOf(db, personId)} explained their vote.`, voteId });
  },
  VoteReconsidered(db, event) {
    // The measure's stage moves back (advanceStage); the reconsidered vote says what undid it.
    statement(db, 'UPDATE votes SET reconsidered_by_vote_id = ? WHERE id = ?').run(event.data.byVoteId, event.data.voteId);
  },
  QuorumFailed(db, event) {
    const { measureId, bodyId, motion, present, quorum } = event.data;
    addAction(db, event, measureId, {
      classification: 'quorum-failure',
      description: `No quorum in ${nameOf(db, bodyId)} for the ${motionName(motion)} vote: ${present.length} present, ${quorum} needed.`,
      organizationId: bodyId,
    });
  },
  ClauseAmended: changeClause,
  ClauseAdded: changeClause,
  ClauseStruck: changeClause,
  MeasureSigned(db, event) {
    const { measureId, signedBy } = event.data;
    addAction(db, event, measureId, { classification: 'executive-signature', description: `Signed by ${nameOf(db, signedBy)}.` });
  },
  MeasureVetoed(db, event) {
    const { measureId, vetoedBy, reason } = event.data;
    addAction(db, event, measureId, { classification: 'executive-veto', description: sentence(`Vetoed by ${nameOf(db, vetoedBy)}: ${reason}`) });
  },
  MeasureEnacted(db, event) {
    const { measureId, effectiveFrom } = event.data;
    statement(db, 'UPDATE measures SET effective_from = ? WHERE id = ?').run(effectiveFrom, measureId);
    recomputeClauseValidity(db, measureId);
    addAction(db, event, measureId, { classification: 'became-law', description: `Became law, in force from ${effectiveFrom}.` });
  },
  MeasureRepealed(db, event) {
    const { measureId, byMeasureId, effectiveUntil } = event.data;
    statement(db, 'UPDATE measures SET effective_until = ? WHERE id = ?').run(effectiveUntil, measureId);
    recomputeClauseValidity(db, measureId);
    addAction(db, event, measureId, { classification: 'repeal', description: `Repealed by ${byMeasureId}, no longer in force from ${effectiveUntil}.` });
  },
  MeasureWithdrawn(db, event) {
    const { measureId, reason } = event.data;
    addAction(db, event, measureId, {
      classification: 'withdrawal',
      description: sentence(`Withdrawn: ${reason}`),
      organizationId: measureColumn(db, measureId, 'body_id'),
    });
  },
  ExecutiveOrderIssued(db, event) {
    const { measureId, issuedBy, effectiveFrom } = event.data;
    statement(db, 'UPDATE measures SET effective_from = ? WHERE id = ?').run(effectiveFrom, measureId);
    recomputeClauseValidity(db, measureId);
    addAction(db, event, measureId, {
      classification: 'executive-order-issued',
      description: `Issued by ${nameOf(db, issuedBy)}, in force from ${effectiveFrom}.`,
      organizationId: measureColumn(db, measureId, 'office_id'),
    });
  },
  ExecutiveOrderRevoked(db, event) {
    const { measureId, revokedBy, effectiveUntil, reason } = event.data;
    statement(db, 'UPDATE measures SET effective_until = ? WHERE id = ?').run(effectiveUntil, measureId);
    recomputeClauseValidity(db, measureId);
    addAction(db, event, measureId, {
      classification: 'executive-order-revoked',
      description: sentence(`Revoked by ${nameOf(db, revokedBy)}, no longer in force from ${effectiveUntil}: ${reason}`),
      organizationId: measureColumn(db, measureId, 'office_id'),
    });
  },
  PersonRegistered(db, event) {
    setName(db, event.data.personId, event.data.name);
  },
  PersonRecordCorrected(db, event) {
    if (event.data.corrections.name !== undefined) setName(db, event.data.personId, event.data.corrections.name);
  },
  OrganizationRegistered(db, event) {
    setName(db, event.data.orgId, event.data.name);
  },
  OrganizationRecordCorrected(db, event) {
    if (event.data.corrections.name !== undefined) setName(db, event.data.orgId, event.data.corrections.name);
  },
};

// Every event of a measure's stream moves its stage (or leaves it where it is), after its own
// handler: see advanceStage. Written out so that a new measure event cannot be forgotten here.
const MEASURE_EVENTS: { readonly [T in keyof MeasurePayloads]: true } = {
  MeasureIntroduced: true,
  ExecutiveOrderDrafted: true,
  MeasureReferred: true,
  VoteRecorded: true,
  VoteCorrected: true,
  VoteExplained: true,
  QuorumFailed: true,
  VoteReconsidered: true,
  ClauseAmended: true,
  ClauseAdded: true,
  ClauseStruck: true,
  MeasureSigned: true,
  MeasureVetoed: true,
  MeasureEnacted: true,
  MeasureRepealed: true,
  MeasureWithdrawn: true,
  ExecutiveOrderIssued: true,
  ExecutiveOrderRevoked: true,
};

/** Applies one event if the legislation read model reads its type; others pass through untouched. */
export function applyLegislationEvent(db: Database.Database, event: RecordedEvent): void {
  if (!Object.hasOwn(handlers, event.type)) return;
  (handlers[event.type as LegislationEventType] as Handler<LegislationEventType>)(db, event as RecordedEvent<LegislationEventType, never>);
  if (Object.hasOwn(MEASURE_EVENTS, event.type)) advanceStage(db, event as RecordedEvent<string, { measureId: string }>);
}
