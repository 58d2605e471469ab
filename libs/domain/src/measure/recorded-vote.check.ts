import type { OrganizationEvent } from '../organization/organization.events';
import { evolveOrganization, initialOrganizationState, membersOn, type OrganizationState } from '../organization/organization.state';
import { actDate } from '../shared/date-rules';
import { DomainError } from '../shared/domain-error';
import type { RollCallEntry, VoteCorrected, VoteRecorded, VoteTally } from './measure.events';
import { assertQuorum, resultOf, rollCall, tally, thresholdOf, votesNeeded } from './measure.vote-rules';

/*
 * A recorded vote's roll call, tally, threshold and result are the ledger's own computation
 * (recordVote), never what a clerk supplied. A log that comes from outside (an NDJSON import) is
 * held to that: each is recomputed here, with the same functions recordVote uses, from what the
 * log itself holds before the vote (the body's rules and memberships), and the first one that
 * disagrees is named. A forger who alters a tally and recomputes the leaf hash gets past the hash
 * check, not this one.
 */

/** A computed field of a recorded event that its inputs do not give: the payload field, and why (a sentence that follows `<field>: `). */
export interface ComputedFieldMismatch {
  field: string;
  reason: string;
}

/** What the check reads of a recorded event: its type, when it happened, and its payload at the latest schema version. */
export interface LoggedEvent {
  type: string;
  occurredAt: string;
  data: unknown;
}

// A Record over the union, so that an organization event added to the domain must be added here.
const ORGANIZATION_EVENT_TYPES: Record<OrganizationEvent['type'], true> = {
  OrganizationRegistered: true,
  OrganizationRecordCorrected: true,
  MembershipStarted: true,
  MembershipEnded: true,
  MembershipCorrected: true,
};

const isOrganizationEvent = (event: LoggedEvent): event is LoggedEvent & OrganizationEvent => Object.hasOwn(ORGANIZATION_EVENT_TYPES, event.type);

const countsText = (counts: VoteTally) => `yes ${counts.yes}, no ${counts.no}, abstain ${counts.abstain}, absent ${counts.absent}, recused ${counts.recused}`;
const entryText = (entry: RollCallEntry | undefined) => (entry ? `${entry.personId} ${entry.choice}` : 'nothing');

/**
 * Fed every event of a log in sequence order, it follows each organization as recorded (the
 * domain's own fold, evolveOrganization) and checks each VoteRecorded against the body as the log
 * held it at that point: what FactsService read for recordVote just before the vote was appended;
 * and each VoteCorrected likewise. Holds every organization's state, which is small (bodies and
 * their memberships), and of each vote only its body, date and threshold.
 */
export class RecordedVotesCheck {
  private readonly organizations = new Map<string, OrganizationState>();
  /** what a later VoteCorrected is checked against: the vote's body, date and threshold */
  private readonly votes = new Map<string, { bodyId: string; occurredAt: string; threshold: string }>();

  /** null when the event is fine (or not one this check knows); otherwise the first field that disagrees. */
  accept(event: LoggedEvent): ComputedFieldMismatch | null {
    if (isOrganizationEvent(event)) {
      const { orgId } = event.data;
      this.organizations.set(orgId, evolveOrganization(this.organizations.get(orgId) ?? initialOrganizationState, event));
      return null;
    }
    if (event.type === 'VoteCorrected') {
      const correction = event.data as VoteCorrected['data'];
      const vote = this.votes.get(correction.voteId);
      if (!vote) return { field: 'voteId', reason: `${correction.voteId} is not recorded before this correction in the log` };
      // The body's members on the vote's date as the log holds them now, as correctVote read them.
      const body = this.organizations.get(vote.bodyId) ?? initialOrganizationState;
      return correctedVoteMismatch(correction, { ...vote, body });
    }
    if (event.type !== 'VoteRecorded') return null;
    const vote = event.data as VoteRecorded['data'];
    const body = this.organizations.get(vote.bodyId) ?? initialOrganizationState;
    this.votes.set(vote.voteId, { bodyId: vote.bodyId, occurredAt: event.occurredAt, threshold: vote.threshold });
    return recordedVoteMismatch(vote, event.occurredAt, body);
  }
}

/**
 * A corrected roll call is recomputed as correctVote does: the members of the vote's body on the
 * vote's date (as the log held them when the vote was recorded), its tally, and the result under
 * the threshold the vote was counted with.
 */
export function correctedVoteMismatch(
  correction: VoteCorrected['data'],
  vote: { bodyId: string; occurredAt: string; threshold: string; body: OrganizationState },
): ComputedFieldMismatch | null {
  const { threshold } = vote;
  return refusalsAsMismatch(() => {
    const date = actDate({ occurredAt: vote.occurredAt });
    const mismatch = rollCallMismatch(correction.rollCall, correction.tally, vote.body, vote.bodyId, date);
    if (mismatch) return mismatch;
    const counts = tally(correction.rollCall);
    const result = counts.yes >= votesNeeded(threshold, counts) ? 'PASSED' : 'FAILED';
    if (correction.result !== result) {
      return { field: 'result', reason: `${correction.result} does not follow from the corrected tally (${countsText(counts)}) under ${threshold}: the vote ${result}` };
    }
    return null;
  });
}

/** The roll call must be the body's members on the date, each once, sorted; the tally its count. */
function rollCallMismatch(entries: RollCallEntry[], recordedTally: VoteTally, body: OrganizationState, bodyId: string, date: string): ComputedFieldMismatch | null {
  const cast = entries.filter((entry) => entry.choice !== 'ABSENT');
  const expected = rollCall(membersOn(body, date), cast, bodyId, date);
  const differs = expected.findIndex((entry, i) => entry.personId !== entries[i]?.personId || entry.choice !== entries[i]?.choice);
  const at = differs === -1 && entries.length > expected.length ? expected.length : differs;
  if (at !== -1) {
    return {
      field: 'rollCall',
      reason: `not the roll call of ${bodyId}'s members on ${date} (every member once, sorted by personId): entry ${at + 1} is ${entryText(entries[at])} where the members give ${entryText(expected[at])}`,
    };
  }
  const counts = tally(entries);
  const keys = Object.keys(counts) as Array<keyof VoteTally>;
  if (keys.some((key) => recordedTally[key] !== counts[key])) {
    return { field: 'tally', reason: `${countsText(recordedTally)} is not the count of its roll call (${countsText(counts)})` };
  }
  return null;
}

/** The domain's own refusals (a voter who was not a member that day, no quorum, no override rule): the vote could not have been recorded as it stands. */
function refusalsAsMismatch(check: () => ComputedFieldMismatch | null): ComputedFieldMismatch | null {
  try {
    return check();
  } catch (error) {
    // recordVote names the command's field (votes); the event holds the roll call made from it.
    if (error instanceof DomainError) return { field: error.field === undefined || error.field === 'votes' ? 'rollCall' : error.field, reason: error.message };
    throw error;
  }
}

/**
 * The first computed field of a recorded vote that does not follow from its inputs, in the order
 * recordVote computes them: the roll call (every member of the body on the vote's date once,
 * sorted, the unlisted ABSENT), the tally of that roll call, quorum, the threshold the body's rules
 * give the motion, and the result of the tally under them. null when all agree.
 */
export function recordedVoteMismatch(vote: VoteRecorded['data'], occurredAt: string, body: OrganizationState): ComputedFieldMismatch | null {
  return refusalsAsMismatch(() => {
    const date = actDate({ occurredAt });
    if (!body.registered) return { field: 'bodyId', reason: `${vote.bodyId} is not registered before this vote in the log, so its roll call cannot have been computed` };
    if (body.rules === null) return { field: 'bodyId', reason: `${vote.bodyId} has no voting rules before this vote in the log, so its threshold and result cannot have been computed` };
    const mismatch = rollCallMismatch(vote.rollCall, vote.tally, body, vote.bodyId, date);
    if (mismatch) return mismatch;
    const counts = tally(vote.rollCall);
    assertQuorum(counts, body.rules);
    const threshold = thresholdOf(vote.motion, body.rules, vote.bodyId);
    if (vote.threshold !== threshold) {
      return { field: 'threshold', reason: `${JSON.stringify(vote.threshold)} is not what ${vote.bodyId}'s rules give a ${vote.motion} vote (${JSON.stringify(threshold)})` };
    }
    const result = resultOf(vote.motion, body.rules, vote.bodyId, counts);
    if (vote.result !== result) {
      return { field: 'result', reason: `${vote.result} does not follow from the tally (${countsText(counts)}) under ${threshold}: the vote ${result}` };
    }
    return null;
  });
}
