import { badInput, conflict, notFound } from '../shared/domain-error';
import type { VoteMotion } from './measure.events';
import { parseVoteId } from './measure.ids';
import type { RecordedMeasure, VoteTrack } from './measure.state';

/** Acts on an earlier vote (correct it, explain it, reconsider it) find it here, refused by one rule each. */

export type RecordedVoteOf = VoteTrack & { voteId: string };

export function recordedVote(measure: RecordedMeasure, voteId: unknown, field = 'voteId'): RecordedVoteOf {
  if (typeof voteId !== 'string' || parseVoteId(voteId)?.measureId !== measure.measureId) {
    throw badInput(`${field} must be a vote of ${measure.measureId}, such as vote:${measure.measureId}:1`, field);
  }
  const vote = measure.votes.get(voteId);
  if (!vote) throw notFound(`${voteId} is not recorded`, field);
  return { ...vote, voteId };
}

/**
 * Whether a vote's result may still change, by a correction or a reconsideration: only the
 * measure's latest vote (nothing yet rests on it), and not one whose passing already changed the
 * law (an amendment's clause, an adoption's enactment), which neither can undo.
 */
export function assertResultOpen(measure: RecordedMeasure, vote: RecordedVoteOf, act: string): void {
  if (measure.latestVoteId !== vote.voteId) {
    throw conflict(`cannot ${act} ${vote.voteId}: later acts on ${measure.measureId} rest on its result; only its latest vote's result may still change`);
  }
  if (vote.result === 'PASSED' && (vote.motion === 'amendment' || vote.motion === 'adoption')) {
    throw conflict(`cannot ${act} ${vote.voteId}: the ${vote.motion} it passed already changed the law, which only another measure changes`);
  }
  // Its passing moves the measure (VoteReconsidered) as it is recorded: a motion to reconsider stands as recorded.
  if (vote.motion === 'reconsideration') throw conflict(`cannot ${act} ${vote.voteId}: a motion to reconsider stands as recorded`);
}

/**
 * The vote a motion to reconsider is about: the measure's latest, open to change, and not itself a
 * motion to reconsider. Other motions name none. Returns null for them.
 */
export function reconsideredVote(measure: RecordedMeasure, motion: VoteMotion, voteId: unknown): RecordedVoteOf | null {
  const given = voteId !== undefined && voteId !== null;
  if (motion !== 'reconsideration') {
    if (given) throw badInput(`only a reconsideration motion names the vote it reconsiders, not ${motion}`, 'reconsidersVoteId');
    return null;
  }
  if (!given) throw badInput('a reconsideration motion needs the vote it reconsiders (reconsidersVoteId)', 'reconsidersVoteId');
  const vote = recordedVote(measure, voteId, 'reconsidersVoteId');
  if (vote.motion === 'reconsideration') throw conflict(`${vote.voteId} is itself a motion to reconsider; it is not reconsidered again`, 'reconsidersVoteId');
  assertResultOpen(measure, vote, 'reconsider');
  return vote;
}
