import { decisionIdOf } from '@ledger/domain';

type Data = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The node a recorded command created or changed, by the type of its first event: what a receipt
 * names (`nodeId`), so a client can read it back with node(id). One table for every command.
 */
const NODE_OF_EVENT: Record<string, (data: Data) => string> = {
  PersonRegistered: (d) => text(d.personId),
  PersonRecordCorrected: (d) => text(d.personId),
  OrganizationRegistered: (d) => text(d.orgId),
  OrganizationRecordCorrected: (d) => text(d.orgId),
  // A membership is no node: the organization whose members it changes is.
  MembershipStarted: (d) => text(d.orgId),
  MembershipEnded: (d) => text(d.orgId),
  MembershipCorrected: (d) => text(d.orgId),
  MeasureIntroduced: (d) => text(d.measureId),
  MeasureReferred: (d) => text(d.measureId),
  MeasureSigned: (d) => text(d.measureId),
  MeasureVetoed: (d) => text(d.measureId),
  MeasureEnacted: (d) => text(d.measureId),
  MeasureWithdrawn: (d) => text(d.measureId),
  MeasureRepealed: (d) => text(d.measureId),
  ExecutiveOrderDrafted: (d) => text(d.measureId),
  ExecutiveOrderIssued: (d) => text(d.measureId),
  ExecutiveOrderRevoked: (d) => text(d.measureId),
  VoteRecorded: (d) => text(d.voteId),
  VoteCorrected: (d) => text(d.voteId),
  VoteExplained: (d) => text(d.voteId),
  // A sitting without a quorum took no vote: the measure it was about is the node.
  QuorumFailed: (d) => text(d.measureId),
  ClauseAdded: (d) => `${text(d.measureId)}#${text(d.eId)}`,
  ClauseAmended: (d) => `${text(d.measureId)}#${text(d.eId)}`,
  ClauseStruck: (d) => `${text(d.measureId)}#${text(d.eId)}`,
  DataRequestReceived: (d) => text(d.requestId),
  DataRequestDecided: (d) => decisionIdOf(text(d.requestId)),
  DecisionCorrected: (d) => decisionIdOf(text(d.requestId)),
  DecisionReviewed: (d) => decisionIdOf(text(d.requestId)),
  DisclosureRecorded: (d) => decisionIdOf(text(d.requestId)),
};

/** The node id of a receipt's events; null for an event type no node stands for (a token's: it is no public record of the city). */
export function nodeIdOf(events: ReadonlyArray<{ type: string; data: unknown }>): string | null {
  const [first] = events;
  const of = first && NODE_OF_EVENT[first.type];
  return of ? of((first.data ?? {}) as Data) : null;
}
