import { resultOf, tally, thresholdOf, type Actor, type VoteChoice, type VoteMotion, type VotingRules } from '@ledger/domain';

/**
 * Builds schema-valid directory and legislation events for read-side tests, the way the deciders
 * would emit them (tallies, thresholds and results computed by the domain's vote rules from the
 * roll call, clause versions numbered), so a test states a legislative history in a few lines and
 * asserts on what the read side derives.
 */

/** Who records a fixture event: the domain's Actor (the name stays for the read-side specs that use it). */
export type FixtureActor = Actor;

export interface HistoryEvent {
  streamId: string;
  type: string;
  data: unknown;
  occurredAt: string;
  recordedBy?: FixtureActor;
}

export interface PolicyRuleFixture {
  effect: 'prohibit' | 'permit' | 'require';
  action: string;
  dataCategories: string[];
  recipients: string[];
  unless: string[];
}

export interface ClauseFixture {
  eId: string;
  heading: string | null;
  text: string;
  rule: PolicyRuleFixture | null;
}

export type Choice = VoteChoice;
export type Motion = VoteMotion;

export interface AmendmentFixture {
  change: 'amend' | 'add' | 'strike';
  eId: string;
  heading?: string | null;
  text?: string | null;
  rule?: PolicyRuleFixture | null;
}

export type VotingRulesFixture = VotingRules;

const slug = (id: string) => id.slice(id.indexOf(':') + 1);
export const measureStream = (measureId: string) => `measure-${measureId}`;

// A body registered without voting rules still passes motions by a majority of those present.
const NO_RULES: VotingRules = { seats: 0, quorum: 0, passage: 'majority-of-present', overrideVotes: null };

export class LegislationHistory {
  readonly events: HistoryEvent[] = [];
  private readonly voteCounts = new Map<string, number>();
  private readonly versions = new Map<string, number>();
  private readonly rules = new Map<string, VotingRulesFixture>();

  constructor(private readonly clerk?: FixtureActor) {}

  private push(streamId: string, type: string, data: unknown, occurredAt: string, recordedBy = this.clerk): this {
    this.events.push({ streamId, type, data, occurredAt, ...(recordedBy && { recordedBy }) });
    return this;
  }

  person(personId: string, name: string, at = '2017-01-01T12:00:00Z'): this {
    return this.push(`person-${slug(personId)}`, 'PersonRegistered', { personId, name, sortName: name }, at);
  }

  organization(
    orgId: string,
    name: string,
    kind: 'LEGISLATURE' | 'COMMITTEE' | 'EXECUTIVE' | 'DEPARTMENT' | 'EXTERNAL_AGENCY',
    options: { parentId?: string; rules?: VotingRulesFixture } = {},
    at = '2017-01-01T12:00:00Z',
  ): this {
    if (options.rules) this.rules.set(orgId, options.rules);
    return this.push(`org-${slug(orgId)}`, 'OrganizationRegistered', { orgId, name, kind, parentId: options.parentId ?? null, rules: options.rules ?? null }, at);
  }

  membership(orgId: string, personId: string, role: string, startDate: string): this {
    return this.push(`org-${slug(orgId)}`, 'MembershipStarted', { orgId, personId, role, startDate }, `${startDate}T12:00:00Z`);
  }

  introduce(
    measureId: string,
    measure: { kind?: 'ORDINANCE' | 'RESOLUTION'; title: string; summary?: string | null; bodyId: string; sponsorIds: string[]; clauses: ClauseFixture[] },
    at: string,
  ): this {
    for (const clause of measure.clauses) this.versions.set(`${measureId}#${clause.eId}`, 1);
    return this.push(measureStream(measureId), 'MeasureIntroduced', {
      measureId,
      kind: measure.kind ?? 'ORDINANCE',
      title: measure.title,
      summary: measure.summary ?? null,
      bodyId: measure.bodyId,
      sponsorIds: measure.sponsorIds,
      clauses: measure.clauses,
    }, at);
  }

  draftExecutiveOrder(
    measureId: string,
    order: { title: string; summary?: string | null; officeId: string; issuer: FixtureActor; clauses: ClauseFixture[] },
    at: string,
  ): this {
    for (const clause of order.clauses) this.versions.set(`${measureId}#${clause.eId}`, 1);
    return this.push(measureStream(measureId), 'ExecutiveOrderDrafted', {
      measureId,
      title: order.title,
      summary: order.summary ?? null,
      officeId: order.officeId,
      issuerId: order.issuer.id,
      clauses: order.clauses,
    }, at, order.issuer);
  }

  refer(measureId: string, committeeId: string, at: string): this {
    return this.push(measureStream(measureId), 'MeasureReferred', { measureId, committeeId }, at);
  }

  /** Records a vote (vote:<measure>:<n>) and, when an amendment passes, the clause version it adopts. */
  vote(measureId: string, vote: { bodyId: string; motion: Motion; rollCall: Array<{ personId: string; choice: Choice }>; amendment?: AmendmentFixture }, at: string): this {
    const number = (this.voteCounts.get(measureId) ?? 0) + 1;
    this.voteCounts.set(measureId, number);
    const voteId = `vote:${measureId}:${number}`;
    const rules = this.rules.get(vote.bodyId) ?? NO_RULES;
    const rollCall = [...vote.rollCall].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
    const counts = tally(rollCall);
    const threshold = thresholdOf(vote.motion, rules, vote.bodyId);
    const result = resultOf(vote.motion, rules, vote.bodyId, counts);
    const amendment = vote.amendment
      ? { change: vote.amendment.change, eId: vote.amendment.eId, heading: vote.amendment.heading ?? null, text: vote.amendment.text ?? null, rule: vote.amendment.rule ?? null }
      : null;
    this.push(measureStream(measureId), 'VoteRecorded', { measureId, voteId, bodyId: vote.bodyId, motion: vote.motion, rollCall, tally: counts, threshold, result, amendment, reconsidersVoteId: null }, at);
    if (amendment && result === 'PASSED') this.clauseChange(measureId, amendment, { adoptedByVoteId: voteId, byMeasureId: null, effectiveFrom: null }, at);
    return this;
  }

  amendByMeasure(measureId: string, change: AmendmentFixture & { byMeasureId: string; effectiveFrom: string }, at: string): this {
    const { byMeasureId, effectiveFrom, ...amendment } = change;
    return this.clauseChange(measureId, amendment, { adoptedByVoteId: null, byMeasureId, effectiveFrom }, at);
  }

  private clauseChange(
    measureId: string,
    amendment: AmendmentFixture,
    source: { adoptedByVoteId: string | null; byMeasureId: string | null; effectiveFrom: string | null },
    at: string,
  ): this {
    const key = `${measureId}#${amendment.eId}`;
    const version = amendment.change === 'add' ? 1 : (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, version);
    const base = { measureId, eId: amendment.eId, version };
    if (amendment.change === 'strike') return this.push(measureStream(measureId), 'ClauseStruck', { ...base, ...source }, at);
    const type = amendment.change === 'add' ? 'ClauseAdded' : 'ClauseAmended';
    return this.push(measureStream(measureId), type, { ...base, heading: amendment.heading ?? null, text: amendment.text, rule: amendment.rule ?? null, ...source }, at);
  }

  sign(measureId: string, mayor: FixtureActor, at: string): this {
    return this.push(measureStream(measureId), 'MeasureSigned', { measureId, signedBy: mayor.id }, at, mayor);
  }

  veto(measureId: string, mayor: FixtureActor, reason: string, at: string): this {
    return this.push(measureStream(measureId), 'MeasureVetoed', { measureId, vetoedBy: mayor.id, reason }, at, mayor);
  }

  enact(measureId: string, effectiveFrom: string, at: string): this {
    return this.push(measureStream(measureId), 'MeasureEnacted', { measureId, effectiveFrom }, at);
  }

  repeal(measureId: string, byMeasureId: string, effectiveUntil: string, at: string): this {
    return this.push(measureStream(measureId), 'MeasureRepealed', { measureId, byMeasureId, effectiveUntil }, at);
  }

  withdraw(measureId: string, reason: string, at: string): this {
    return this.push(measureStream(measureId), 'MeasureWithdrawn', { measureId, reason }, at);
  }

  issue(measureId: string, mayor: FixtureActor, effectiveFrom: string, at: string): this {
    return this.push(measureStream(measureId), 'ExecutiveOrderIssued', { measureId, issuedBy: mayor.id, effectiveFrom }, at, mayor);
  }

  revoke(measureId: string, mayor: FixtureActor, effectiveUntil: string, reason: string, at: string): this {
    return this.push(measureStream(measureId), 'ExecutiveOrderRevoked', { measureId, revokedBy: mayor.id, effectiveUntil, reason }, at, mayor);
  }
}
