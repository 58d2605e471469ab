/**
 * Builds schema-valid data-request events for read-side tests, the way the data-request decider
 * would emit them (ids derived from one uuid, decidedBy and decidingOrgId from the officer and the
 * department), so a test states requests and decisions in a line each.
 */
import { createHash } from 'node:crypto';
import type { FixtureActor, HistoryEvent } from './legislation-history.fixture';

export type OutcomeFixture = 'GRANTED' | 'PARTIALLY_GRANTED' | 'DENIED';
export type LegalBasisFixture = 'none' | 'detainer' | 'administrative-warrant' | 'judicial-warrant' | 'court-order';

export interface RequestFixture {
  requestingOrgId: string;
  receivingOrgId: string;
  dataCategories: string[];
  action?: 'share' | 'notify' | 'allow-access';
  recipientCategories?: string[];
  purpose?: string;
  legalBasis?: LegalBasisFixture;
  channel?: string;
  /** the identifier the officer entered; the fixture derives a pseudonymous reference from it */
  subject?: string;
  /** a reference made elsewhere (a real vault's), used as it is */
  subjectRef?: string;
  personalDetails?: { algorithm: 'AES-256-GCM'; keyId: string; iv: string; ciphertext: string; tag: string } | null;
}

export interface DecisionFixture {
  outcome: OutcomeFixture;
  disclosedCategories: string[];
  citations: Array<{ clauseId: string; version: number }>;
  rationale?: string;
  actionsTaken?: string[];
}

/** A uuid that reads as a counter, so test failures name requests legibly. */
export const fixtureUuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const requestIdOf = (uuid: string): string => `data-request:${uuid}`;
export const decisionIdOf = (uuid: string): string => `decision:${uuid}`;
export const requestStream = (uuid: string): string => `data-request-${uuid}`;
/** stands in for the vault's keyed HMAC: same shape, no key */
export const fixtureSubjectRef = (subject: string): string => `subj_${createHash('sha256').update(subject).digest('hex').slice(0, 32)}`;

export class DataRequestHistory {
  private readonly departments = new Map<string, string>();

  /** `events` may be another history's list, so requests interleave with legislation in log order. */
  constructor(readonly events: HistoryEvent[] = []) {}

  private push(uuid: string, type: string, data: unknown, occurredAt: string, recordedBy: FixtureActor): this {
    this.events.push({ streamId: requestStream(uuid), type, data, occurredAt, recordedBy });
    return this;
  }

  receive(uuid: string, request: RequestFixture, officer: FixtureActor, at: string): this {
    this.departments.set(uuid, request.receivingOrgId);
    return this.push(uuid, 'DataRequestReceived', {
      requestId: requestIdOf(uuid),
      requestingOrgId: request.requestingOrgId,
      receivingOrgId: request.receivingOrgId,
      dataCategories: request.dataCategories,
      action: request.action ?? 'share',
      recipientCategories: request.recipientCategories ?? ['federal-immigration-enforcement'],
      purpose: request.purpose ?? 'civil-immigration-enforcement',
      legalBasis: request.legalBasis ?? 'none',
      channel: request.channel ?? 'email',
      subjectRef: request.subjectRef ?? fixtureSubjectRef(request.subject ?? uuid),
      personalDetails: request.personalDetails ?? null,
    }, at, officer);
  }

  decide(uuid: string, decision: DecisionFixture, officer: FixtureActor, at: string): this {
    return this.push(uuid, 'DataRequestDecided', {
      requestId: requestIdOf(uuid),
      decisionId: decisionIdOf(uuid),
      outcome: decision.outcome,
      disclosedCategories: decision.disclosedCategories,
      decidedBy: officer.id,
      decidingOrgId: this.departments.get(uuid) ?? 'org:unknown-department',
      citations: decision.citations,
      rationale: decision.rationale ?? `Decided under ${decision.citations.map((c) => c.clauseId).join(', ')}.`,
      actionsTaken: decision.actionsTaken ?? [],
    }, at, officer);
  }

  disclose(uuid: string, disclosedCategories: string[], officer: FixtureActor, at: string, channel = 'email'): this {
    return this.push(uuid, 'DisclosureRecorded', { requestId: requestIdOf(uuid), decisionId: decisionIdOf(uuid), disclosedCategories, channel }, at, officer);
  }

  correct(uuid: string, corrections: Partial<DecisionFixture>, reason: string, officer: FixtureActor, at: string): this {
    return this.push(uuid, 'DecisionCorrected', { requestId: requestIdOf(uuid), decisionId: decisionIdOf(uuid), corrections, reason }, at, officer);
  }

  review(uuid: string, finding: 'upheld' | 'violation', reasons: string, reviewer: FixtureActor, at: string): this {
    return this.push(uuid, 'DecisionReviewed', { requestId: requestIdOf(uuid), decisionId: decisionIdOf(uuid), finding, reasons, reviewedBy: reviewer.id }, at, reviewer);
  }
}
