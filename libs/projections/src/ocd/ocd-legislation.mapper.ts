import type { RecordedEvent } from '@ledger/event-store';
import type { ClauseVersionRow, MeasureActionRow, MeasureRow, SponsorRow, VoteCastRow, VoteRow } from '../legislation/legislation.rows';
import { BILL_CLASSIFICATION, VOTE_OPTION, VOTE_RESULT, billActionClassification, motionClassification, motionText } from './ocd-classifications';
import { ocdId } from './ocd-ids';
import { ocdDate, ocdDateTime, ocdSources } from './ocd-values';
import type { OcdBill, OcdBillVersion, OcdVoteEvent } from './ocd.types';

/** What a bill is made of besides its row, each list in the order the ledger keeps it. */
export interface OcdBillParts {
  sponsors: readonly SponsorRow[];
  actions: readonly MeasureActionRow[];
  /** every version of every clause */
  versions: readonly ClauseVersionRow[];
  /** occurredAt of the event behind each clause version, by eventId */
  versionDates: ReadonlyMap<string, string>;
  /** the measure stream's events */
  events: readonly RecordedEvent[];
  nameOf: (personId: string) => string;
}

/**
 * The ledger has no legislative sessions; a city council sits continuously. The calendar year of
 * introduction stands in, as several municipal OCD scrapers do.
 */
export function legislativeSessionOf(measure: MeasureRow): string {
  return measure.introducedAt.slice(0, 4);
}

function versionNote(v: ClauseVersionRow): string {
  const what = `${v.eId} version ${v.version}${v.heading ? ` (${v.heading})` : ''}${v.struck ? ', struck' : ''}`;
  const by = v.byMeasureId ? `, by ${v.byMeasureId}` : '';
  const when = v.validFrom ? `, in force from ${v.validFrom}${v.validUntil ? ` until ${v.validUntil}` : ''}` : ', never in force';
  return `${what}${by}${when}`;
}

function toVersion(v: ClauseVersionRow, versionDates: ReadonlyMap<string, string>): OcdBillVersion {
  const recorded = versionDates.get(v.eventId);
  return { note: versionNote(v), date: recorded ? ocdDate(recorded) : '', links: [] };
}

export function toOcdBill(measure: MeasureRow, parts: OcdBillParts): OcdBill {
  const isOrder = measure.kind === 'EXECUTIVE_ORDER';
  const origin = measure.bodyId ?? measure.officeId;
  return {
    id: ocdId('bill', measure.id),
    legislative_session: legislativeSessionOf(measure),
    identifier: measure.id,
    title: measure.title,
    classification: [BILL_CLASSIFICATION[measure.kind]],
    from_organization: origin ? ocdId('organization', origin) : null,
    subject: [],
    abstracts: measure.summary ? [{ abstract: measure.summary, note: 'summary' }] : [],
    other_titles: [],
    other_identifiers: [],
    actions: parts.actions.map((action) => ({
      organization: action.organizationId ? ocdId('organization', action.organizationId) : null,
      description: action.description,
      date: ocdDateTime(action.occurredAt),
      classification: billActionClassification(action.classification),
      related_entities: [],
    })),
    sponsorships: parts.sponsors.map((sponsor) => ({
      name: parts.nameOf(sponsor.personId),
      entity_type: 'person',
      person_id: ocdId('person', sponsor.personId),
      organization_id: null,
      // The ledger records sponsors (or an order's issuer) without co-sponsors: each named one leads.
      primary: true,
      classification: isOrder ? 'issuer' : 'sponsor',
    })),
    related_bills: [],
    versions: parts.versions.map((v) => toVersion(v, parts.versionDates)),
    documents: [],
    sources: ocdSources(parts.events),
    extras: {
      ledger_id: measure.id,
      kind: measure.kind,
      status: measure.status,
      effective_from: measure.effectiveFrom,
      effective_until: measure.effectiveUntil,
      ...(measure.committeeId && { committee: ocdId('organization', measure.committeeId) }),
      clause_versions: parts.versions.map((v) => ({
        clause_id: v.clauseId,
        version: v.version,
        heading: v.heading,
        text: v.text,
        struck: v.struck,
        rule: v.rule,
        by_measure: v.byMeasureId,
        in_force_from: v.validFrom,
        in_force_until: v.validUntil,
      })),
    },
  };
}

export interface OcdVoteParts {
  measure: MeasureRow;
  casts: readonly VoteCastRow[];
  /** the bill action this vote produced, if any */
  action: MeasureActionRow | undefined;
  event: RecordedEvent | undefined;
  nameOf: (personId: string) => string;
}

export function toOcdVoteEvent(vote: VoteRow, parts: OcdVoteParts): OcdVoteEvent {
  const { measure } = parts;
  const { yes, no, abstain, absent, recused } = vote.tally;
  return {
    id: ocdId('vote', vote.id),
    identifier: vote.id,
    motion_text: motionText(vote.motion, measure.id, measure.title),
    motion_classification: motionClassification(vote.motion),
    start_date: ocdDateTime(vote.occurredAt),
    result: VOTE_RESULT[vote.result],
    organization: ocdId('organization', vote.bodyId),
    legislative_session: legislativeSessionOf(measure),
    bill: ocdId('bill', measure.id),
    bill_action: parts.action?.description ?? null,
    counts: [
      { option: 'yes', value: yes },
      { option: 'no', value: no },
      { option: 'abstain', value: abstain },
      { option: 'absent', value: absent },
      { option: 'not voting', value: recused },
    ],
    votes: parts.casts.map((cast) => ({
      option: VOTE_OPTION[cast.choice],
      voter_name: parts.nameOf(cast.personId),
      voter_id: ocdId('person', cast.personId),
      ...(cast.choice === 'RECUSED' && { note: 'recused' }),
    })),
    sources: ocdSources(parts.event ? [parts.event] : []),
    extras: { ledger_id: vote.id, motion: vote.motion, threshold: vote.threshold },
  };
}
