import type { RecordedEvent } from '@ledger/event-store';

export interface DescriptionContext {
  /** a person's or organization's name, or the id itself when the directory does not know it */
  nameOf(id: string): string;
  /** the legislation read model's sentence for this event, when it wrote one */
  actionOf(eventId: string): string | undefined;
}

type Payload = Record<string, unknown>;
const list = (value: unknown) => (Array.isArray(value) && value.length ? value.join(', ') : 'nothing');
const fields = (value: unknown) => (value && typeof value === 'object' ? Object.keys(value).join(', ') : '');
const cited = (value: unknown) =>
  Array.isArray(value) ? value.map((c: { clauseId?: string; version?: number }) => `${c.clauseId}${c.version != null ? ` v${c.version}` : ''}`).join(', ') : '';

/**
 * One sentence about an event for the report. It is given the payload with the restricted fields
 * already removed, so nothing said here can leak them whatever a template reads.
 */
export function describeEvent(event: RecordedEvent, publicData: unknown, context: DescriptionContext): string {
  const action = context.actionOf(event.eventId);
  if (action) return action;
  const d = (publicData ?? {}) as Payload;
  const name = (id: unknown) => (typeof id === 'string' ? context.nameOf(id) : 'someone');
  switch (event.type) {
    case 'PersonRegistered':
      return `Registered ${d.name} (${d.personId}).`;
    case 'PersonRecordCorrected':
      return `Corrected the record of ${name(d.personId)} (${fields(d.corrections)}): ${d.reason}`;
    case 'OrganizationRegistered':
      return `Registered ${d.name} (${d.orgId}), ${String(d.kind).toLowerCase().replace('_', ' ')}.`;
    case 'OrganizationRecordCorrected':
      return `Corrected the record of ${name(d.orgId)} (${fields(d.corrections)}): ${d.reason}`;
    case 'MembershipStarted':
      return `${name(d.personId)} became ${d.role} of ${name(d.orgId)} from ${d.startDate}.`;
    case 'MembershipEnded':
      return `${name(d.personId)} ceased to be ${d.role} of ${name(d.orgId)} after ${d.endDate}.`;
    case 'MembershipCorrected':
      return `Corrected the membership of ${name(d.personId)} as ${d.role} of ${name(d.orgId)} (${fields(d.corrections)}): ${d.reason}`;
    case 'ClauseAmended':
    case 'ClauseAdded':
    case 'ClauseStruck': {
      const verb = { ClauseAmended: 'amended', ClauseAdded: 'added', ClauseStruck: 'struck' }[event.type];
      const by = d.adoptedByVoteId ? `, adopted by ${d.adoptedByVoteId}` : d.byMeasureId ? ` by ${d.byMeasureId}` : '';
      return `Clause ${d.measureId}#${d.eId} ${verb} (version ${d.version})${by}.`;
    }
    case 'DataRequestReceived':
      return (
        `${name(d.requestingOrgId)} asked ${name(d.receivingOrgId)} to ${d.action} ${list(d.dataCategories)} ` +
        `with ${list(d.recipientCategories)} for ${d.purpose}; legal basis: ${d.legalBasis}; by ${d.channel}.`
      );
    case 'DataRequestDecided':
      return `${d.outcome} by ${name(d.decidedBy)} for ${name(d.decidingOrgId)}: disclosed ${list(d.disclosedCategories)}, citing ${cited(d.citations)}. Rationale: ${d.rationale}`;
    case 'DisclosureRecorded':
      return `Disclosed ${list(d.disclosedCategories)} by ${d.channel}.`;
    case 'DecisionCorrected':
      return `Decision corrected (${fields(d.corrections)}): ${d.reason}`;
    case 'DecisionReviewed':
      return `Oversight review by ${name(d.reviewedBy)}: ${d.finding}. ${d.reasons}`;
    default:
      return `${event.type} on ${event.streamId}.`;
  }
}
