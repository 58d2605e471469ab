import type { OrganizationEvent } from '../organization/organization.events';
import { evolveOrganization, initialOrganizationState, membersOn, type OrganizationState } from '../organization/organization.state';
import { actDate } from '../shared/date-rules';
import { DomainError } from '../shared/domain-error';
import type { RollCallEntry, VoteRecorded, VoteTally } from './measure.events';
import { assertQuorum, resultOf, rollCall, tally, thresholdOf } from './measure.vote-rules';

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
 * held it at that point: what FactsService read for recordVote just before the vote was appended.
 * Holds every organization's state, which is small (bodies and their memberships), never the votes.
 */
export class RecordedVotesCheck {
  private readonly organizations = new Map<string, OrganizationState>();

  /** null when the event is fine (or not one this check knows); otherwise the first field that disagrees. */
  accept(event: LoggedEvent): ComputedFieldMismatch | null {
    if (isOrganizationEvent(event)) {
      const { orgId } = event.data;
      this.organizations.set(orgId, evolveOrganization(this.organizations.get(orgId) ?? initialOrganizationState, event));
      return null;
    }
    if (event.type !== 'VoteRecorded') return null;
    return recordedVoteMismatch(event.data as VoteRecorded['data'], event.occurredAt, this.organizations.get((event.data as VoteRecorded['data']).bodyId) ?? initialOrganizationState);
  }
}

/**
 * The first computed field of a recorded vote that does not follow from its inputs, in the order
 * recordVote computes them: the roll call (every member of the body on the vote's date once,
 * sorted, the unlisted ABSENT), the tally of that roll call, quorum, the threshold the body's rules
 * give the motion, and the result of the tally under them. null when all agree.
 */
export function recordedVoteMismatch(vote: VoteRecorded['data'], occurredAt: string, body: OrganizationState): ComputedFieldMismatch | null {
  try {
    const date = actDate({ occurredAt });
    if (!body.registered) return { field: 'bodyId', reason: `${vote.bodyId} is not registered before this vote in the log, so its roll call cannot have been computed` };
    if (body.rules === null) return { field: 'bodyId', reason: `${vote.bodyId} has no voting rules before this vote in the log, so its threshold and result cannot have been computed` };

    const cast = vote.rollCall.filter((entry) => entry.choice !== 'ABSENT');
    const expected = rollCall(membersOn(body, date), cast, vote.bodyId, date);
    const differs = expected.findIndex((entry, i) => entry.personId !== vote.rollCall[i]?.personId || entry.choice !== vote.rollCall[i]?.choice);
    const at = differs === -1 && vote.rollCall.length > expected.length ? expected.length : differs;
    if (at !== -1) {
      return {
        field: 'rollCall',
        reason: `not the roll call of ${vote.bodyId}'s members on ${date} (every member once, sorted by personId): entry ${at + 1} is ${entryText(vote.rollCall[at])} where the members give ${entryText(expected[at])}`,
      };
    }

    const counts = tally(vote.rollCall);
    const keys = Object.keys(counts) as Array<keyof VoteTally>;
    if (keys.some((key) => vote.tally[key] !== counts[key])) {
      return { field: 'tally', reason: `${countsText(vote.tally)} is not the count of its roll call (${countsText(counts)})` };
    }
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
  } catch (error) {
    // The domain's own refusals (a voter who was not a member that day, no quorum, no override
    // rule): the vote could not have been recorded as it stands.
    // recordVote names the command's field (votes); the event holds the roll call made from it.
    if (error instanceof DomainError) return { field: error.field === undefined || error.field === 'votes' ? 'rollCall' : error.field, reason: error.message };
    throw error;
  }
}
