import { namedOrganization } from '../organization/organization.facts';
import { assertOrgId } from '../organization/organization.ids';
import { actDate } from '../shared/date-rules';
import { badInput, conflict } from '../shared/domain-error';
import { clauseEvent, recordedChange, validClauseChange, type ValidClauseChange } from './measure.clause-rules';
import type { RecordVote } from './measure.commands';
import type { MeasureEvent, VoteMotion, VoteReconsidered, VoteRecorded } from './measure.events';
import { assertInOrder, assertKind, assertStage, recordedMeasure } from './measure.guards';
import { voteId } from './measure.ids';
import { reconsideredVote, type RecordedVoteOf } from './measure.vote-history';
import { MOTIONS } from './measure.motions';
import type { MeasureState, RecordedMeasure } from './measure.state';
import { assertQuorum, resultOf, rollCall, tally, thresholdOf } from './measure.vote-rules';

export function assertMotionFits(measure: RecordedMeasure, motion: VoteMotion): void {
  if (!Object.hasOwn(MOTIONS, motion)) throw badInput(`motion must be one of ${Object.keys(MOTIONS).join(', ')}, got ${JSON.stringify(motion)}`, 'motion');
  const action = `take the ${motion} vote on`;
  if (measure.kind === 'EXECUTIVE_ORDER') throw conflict(`votes do not apply to executive orders; cannot ${action} ${measure.measureId}`);
  assertKind(measure, MOTIONS[motion].kinds, action);
  if (motion === 'amendment' && measure.stage === 'enacted') {
    throw conflict(`${measure.measureId} is enacted: it changes only by another enacted measure (AmendByMeasure), not by an amendment vote`);
  }
  assertStage(measure, MOTIONS[motion].stages, action);
}

// A referred measure is voted on by its committee until reported; every other vote is the body's.
export function assertVotingBody(measure: RecordedMeasure, bodyId: string, motion: VoteMotion): void {
  const expected = measure.stage === 'in-committee' ? measure.committeeId : measure.bodyId;
  if (bodyId !== expected) {
    throw badInput(`the ${motion} vote on ${measure.measureId} while it is ${measure.stage} is taken by ${expected}, not ${bodyId}`, 'bodyId');
  }
}

function proposedAmendment(command: RecordVote, measure: RecordedMeasure): ValidClauseChange | null {
  const { motion, amendment } = command.data;
  const given = amendment !== undefined && amendment !== null;
  if (motion !== 'amendment') {
    if (given) throw badInput(`only an amendment motion carries an amendment, not ${motion}`, 'amendment');
    return null;
  }
  if (!given) throw badInput('an amendment motion needs the amendment it votes on', 'amendment');
  return validClauseChange(amendment, measure.clauses, measure.measureId, 'amendment.');
}

/** What a passed vote sets in motion besides itself. */
function consequences(measure: RecordedMeasure, vote: VoteRecorded['data'], amendment: ValidClauseChange | null, date: string, reconsidered: RecordedVoteOf | null): MeasureEvent[] {
  if (vote.result !== 'PASSED') return [];
  if (reconsidered !== null) {
    // The measure goes back to where it stood before the reconsidered vote, for the body to vote again.
    const stage = reconsidered.stageBefore as VoteReconsidered['data']['stage'];
    return [{ type: 'VoteReconsidered', data: { measureId: measure.measureId, voteId: reconsidered.voteId, byVoteId: vote.voteId, stage } }];
  }
  if (amendment !== null) {
    return [clauseEvent(measure.measureId, amendment, measure.clauses, { adoptedByVoteId: vote.voteId, byMeasureId: null, effectiveFrom: null })];
  }
  if (vote.motion === 'adoption') return [{ type: 'MeasureEnacted', data: { measureId: measure.measureId, effectiveFrom: date } }];
  return [];
}

export function recordVote(command: RecordVote, state: MeasureState): MeasureEvent[] {
  const measure = recordedMeasure(state, command.data.measureId);
  const { motion, votes } = command.data;
  assertMotionFits(measure, motion);
  const date = actDate(command.metadata);
  assertInOrder(measure, date);
  const { bodyId } = command.data;
  assertOrgId(bodyId, 'bodyId');
  const reconsidered = reconsideredVote(measure, motion, command.data.reconsidersVoteId);
  // A motion to reconsider is the body's that took the vote; every other vote is the stage's body.
  if (reconsidered && bodyId !== reconsidered.bodyId) throw badInput(`${reconsidered.voteId} was taken by ${reconsidered.bodyId}, which alone reconsiders it, not ${bodyId}`, 'bodyId');
  if (!reconsidered) assertVotingBody(measure, bodyId, motion);
  const body = namedOrganization(command.facts.body, bodyId, 'bodyId');
  if (body.rules === null) throw badInput(`${body.orgId} has no voting rules`, 'bodyId');
  const amendment = proposedAmendment(command, measure);
  const entries = rollCall(body.members, votes, body.orgId, date);
  const counts = tally(entries);
  assertQuorum(counts, body.rules);
  const vote: VoteRecorded['data'] = {
    measureId: measure.measureId,
    voteId: voteId(measure.measureId, measure.voteCount + 1),
    bodyId: body.orgId,
    motion,
    rollCall: entries,
    tally: counts,
    threshold: thresholdOf(motion, body.rules, body.orgId),
    result: resultOf(motion, body.rules, body.orgId, counts),
    amendment: amendment && recordedChange(amendment),
    reconsidersVoteId: reconsidered?.voteId ?? null,
  };
  return [{ type: 'VoteRecorded', data: vote }, ...consequences(measure, vote, amendment, date, reconsidered)];
}
