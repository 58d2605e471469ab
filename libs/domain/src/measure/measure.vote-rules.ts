import { abstentionRule, type VotingRules } from '../organization/organization.events';
import { badInput } from '../shared/domain-error';
import type { CastVote } from './measure.commands';
import type { RollCallEntry, VoteChoice, VoteMotion, VoteResult, VoteTally } from './measure.events';

/*
 * How a vote is counted (docs/ARCHITECTURE.md "Domain rules"): the roll call is every member of the
 * body on the vote's date, quorum and threshold come from the body's rules, the result is computed.
 */

const CHOICES: readonly VoteChoice[] = ['YES', 'NO', 'ABSTAIN', 'ABSENT', 'RECUSED'];

function byPersonId(a: { personId: string }, b: { personId: string }): number {
  return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
}

function assertCastVotes(votes: CastVote[], memberIds: ReadonlySet<string>, bodyId: string, date: string): void {
  const seen = new Set<string>();
  for (const { personId, choice } of votes) {
    if (!memberIds.has(personId)) throw badInput(`${personId} is not a member of ${bodyId} on ${date}`, 'votes');
    if (seen.has(personId)) throw badInput(`${personId} is listed twice`, 'votes');
    if (!CHOICES.includes(choice)) throw badInput(`the choice of ${personId} must be one of ${CHOICES.join(', ')}, got ${JSON.stringify(choice)}`, 'votes');
    seen.add(personId);
  }
}

/** Every member once (a member holding two roles is one seat), sorted by personId; unlisted members ABSENT. */
export function rollCall(members: Array<{ personId: string }>, votes: CastVote[], bodyId: string, date: string): RollCallEntry[] {
  if (!Array.isArray(votes)) throw badInput('votes must be a list', 'votes');
  const memberIds = new Set(members.map((member) => member.personId));
  assertCastVotes(votes, memberIds, bodyId, date);
  const cast = new Map(votes.map((vote) => [vote.personId, vote.choice]));
  return [...memberIds].map((personId) => ({ personId, choice: cast.get(personId) ?? 'ABSENT' })).sort(byPersonId);
}

export function tally(entries: RollCallEntry[]): VoteTally {
  const count = (choice: VoteChoice) => entries.filter((entry) => entry.choice === choice).length;
  return { yes: count('YES'), no: count('NO'), abstain: count('ABSTAIN'), absent: count('ABSENT'), recused: count('RECUSED') };
}

/** Recused members are in the room: present for quorum, though not counted in the base of a majority. */
export function presentCount(counts: VoteTally): number {
  return counts.yes + counts.no + counts.abstain + counts.recused;
}

export function assertQuorum(counts: VoteTally, rules: VotingRules): void {
  const present = presentCount(counts);
  if (present < rules.quorum) throw badInput(`no quorum: ${present} present, ${rules.quorum} needed`, 'votes');
}

function overrideVotes(rules: VotingRules, bodyId: string): number {
  if (rules.overrideVotes === null) throw badInput(`${bodyId} has no rule for overriding a veto`, 'bodyId');
  return rules.overrideVotes;
}

/**
 * The threshold's name as the vote records it: at-least-9-of-13-members for a veto override;
 * majority-of-present, or majority-of-votes-cast where the body does not count abstentions in the
 * base (abstentionRule), for every other motion.
 */
export function thresholdOf(motion: VoteMotion, rules: VotingRules, bodyId: string): string {
  if (motion === 'veto-override') return `at-least-${overrideVotes(rules, bodyId)}-of-${rules.seats}-members`;
  return abstentionRule(rules) === 'not-voting' ? MAJORITY_OF_VOTES_CAST : rules.passage;
}

const MAJORITY_OF_VOTES_CAST = 'majority-of-votes-cast';

export function resultOf(motion: VoteMotion, rules: VotingRules, bodyId: string, counts: VoteTally): VoteResult {
  return counts.yes >= votesNeeded(thresholdOf(motion, rules, bodyId), counts) ? 'PASSED' : 'FAILED';
}

/**
 * How many YES votes a motion needed, from the threshold it was counted under (as the vote
 * records it) and its tally: the fixed number of a veto override (at-least-9-of-13-members), a
 * majority of those who voted yes, no or abstained (majority-of-present; recused members are
 * present but not in its base), or of those who voted yes or no (majority-of-votes-cast).
 */
export function votesNeeded(threshold: string, counts: VoteTally): number {
  const fixed = /^at-least-(\d+)-of-\d+-members$/.exec(threshold);
  if (fixed) return Number(fixed[1]);
  const base = threshold === MAJORITY_OF_VOTES_CAST ? counts.yes + counts.no : counts.yes + counts.no + counts.abstain;
  return Math.floor(base / 2) + 1;
}
