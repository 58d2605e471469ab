import { namedOrganization } from '../organization/organization.facts';
import { assertOrgId } from '../organization/organization.ids';
import { assertPersonId } from '../person/person.ids';
import { actDate } from '../shared/date-rules';
import { badInput, conflict } from '../shared/domain-error';
import { requiredText } from '../shared/text-rules';
import type { CorrectVote, ExplainVote, RecordQuorumFailure } from './measure.commands';
import type { MeasureEvent, RollCallEntry } from './measure.events';
import { assertInOrder, recordedMeasure } from './measure.guards';
import type { MeasureState } from './measure.state';
import { assertResultOpen, recordedVote } from './measure.vote-history';
import { assertMotionFits, assertVotingBody } from './record-vote.decider';
import { assertQuorum, rollCall, tally, votesNeeded } from './measure.vote-rules';

/*
 * Votes as councils keep them (issue 13): a clerk corrects a mis-recorded roll call, a member puts
 * an explanation of their vote on the record, and a sitting that lacked a quorum is recorded as
 * such. The original vote always stays as recorded; each act is an event of its own.
 */

const REASON_MAX = 1000;

const sameRollCall = (a: readonly RollCallEntry[], b: readonly RollCallEntry[]) =>
  a.length === b.length && a.every((entry, i) => entry.personId === b[i].personId && entry.choice === b[i].choice);
const EXPLANATION_MAX = 5000;

export function correctVote(command: CorrectVote, state: MeasureState): MeasureEvent[] {
  const measure = recordedMeasure(state, command.data.measureId);
  const vote = recordedVote(measure, command.data.voteId);
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  const date = vote.date ?? actDate(command.metadata);
  const body = namedOrganization(command.facts.body, vote.bodyId, 'voteId');
  if (body.rules === null) throw badInput(`${body.orgId} has no voting rules`, 'voteId');
  // The roll call of the vote's day: the members then, whatever the body looks like now.
  const entries = rollCall(body.members, command.data.votes, body.orgId, date);
  if (sameRollCall(entries, vote.rollCall)) throw badInput('the corrected roll call is the one recorded: nothing to correct', 'votes');
  const counts = tally(entries);
  assertQuorum(counts, body.rules);
  // Counted under the threshold the vote was recorded with, from the corrected tally.
  const result = counts.yes >= votesNeeded(vote.threshold, counts) ? 'PASSED' : 'FAILED';
  if (result !== vote.result) assertResultOpen(measure, vote, 'change the result of');
  const corrected: MeasureEvent = {
    type: 'VoteCorrected',
    data: { measureId: measure.measureId, voteId: vote.voteId, motion: vote.motion, rollCall: entries, tally: counts, result, previousResult: vote.result, reason },
  };
  // An adoption that passes once counted right enacts the resolution, as it would have then.
  const nowAdopted = vote.motion === 'adoption' && vote.result === 'FAILED' && result === 'PASSED';
  return nowAdopted ? [corrected, { type: 'MeasureEnacted', data: { measureId: measure.measureId, effectiveFrom: date } }] : [corrected];
}

export function explainVote(command: ExplainVote, state: MeasureState): MeasureEvent[] {
  const measure = recordedMeasure(state, command.data.measureId);
  const vote = recordedVote(measure, command.data.voteId);
  const { personId } = command.data;
  assertPersonId(personId);
  const cast = vote.rollCall.find((entry) => entry.personId === personId);
  if (!cast) throw badInput(`${personId} is not on the roll call of ${vote.voteId}`, 'personId');
  if (cast.choice === 'ABSENT') throw badInput(`${personId} was absent from ${vote.voteId}: there is no vote to explain`, 'personId');
  if (vote.explainedBy.has(personId)) throw conflict(`${personId} has already explained their vote on ${vote.voteId}`, 'personId');
  const explanation = requiredText(command.data.explanation, 'explanation', EXPLANATION_MAX);
  return [{ type: 'VoteExplained', data: { measureId: measure.measureId, voteId: vote.voteId, personId, explanation } }];
}

export function recordQuorumFailure(command: RecordQuorumFailure, state: MeasureState): MeasureEvent[] {
  const measure = recordedMeasure(state, command.data.measureId);
  const { motion, bodyId, present } = command.data;
  assertMotionFits(measure, motion);
  const date = actDate(command.metadata);
  assertInOrder(measure, date);
  assertOrgId(bodyId, 'bodyId');
  assertVotingBody(measure, bodyId, motion);
  const body = namedOrganization(command.facts.body, bodyId, 'bodyId');
  if (body.rules === null) throw badInput(`${body.orgId} has no voting rules`, 'bodyId');
  if (!Array.isArray(present)) throw badInput('present must be a list of person ids', 'present');
  // The same roll-call rules as a vote: members of the body that day, each once.
  const entries = rollCall(body.members, present.map((personId) => ({ personId, choice: 'YES' as const })), body.orgId, date);
  const here = entries.filter((entry) => entry.choice !== 'ABSENT').map((entry) => entry.personId);
  if (here.length >= body.rules.quorum) {
    throw badInput(`${here.length} members present make a quorum (${body.rules.quorum}): record the vote instead`, 'present');
  }
  return [{ type: 'QuorumFailed', data: { measureId: measure.measureId, bodyId: body.orgId, motion, present: here, quorum: body.rules.quorum } }];
}
