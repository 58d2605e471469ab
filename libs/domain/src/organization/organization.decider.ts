import { assertPersonId } from '../person/person.ids';
import { assertNever, type Decider } from '../shared/decider';
import { calendarDate } from '../shared/date-rules';
import { badInput, conflict, notFound } from '../shared/domain-error';
import { LIST_LIMITS } from '../shared/list-limits';
import { requiredSlug, requiredText } from '../shared/text-rules';
import type {
  CorrectMembership,
  CorrectOrganizationRecord,
  EndMembership,
  OrganizationCommand,
  RegisterOrganization,
  StartMembership,
  VotingRulesInput,
} from './organization.commands';
import { abstentionRule, type AbstentionRule, type OrganizationEvent, type OrganizationKind, type VotingRules } from './organization.events';
import type { ParentOrganizationFacts } from './organization.facts';
import { assertOrgId } from './organization.ids';
import {
  evolveOrganization,
  heldOn,
  initialOrganizationState,
  type MembershipPeriod,
  type OrganizationState,
  type RegisteredOrganization,
} from './organization.state';

const NAME_MAX = 200;
const REASON_MAX = 1000;
// The schemas bound every count on a body's rules to this (and so every roll call).
const RULES_MAX = LIST_LIMITS.seats;
// Compares as later than every YYYY-MM-DD date: an open membership runs to it.
const OPEN_END = '9999-12-31';

const KINDS: readonly OrganizationKind[] = ['LEGISLATURE', 'COMMITTEE', 'EXECUTIVE', 'DEPARTMENT', 'EXTERNAL_AGENCY'];
const VOTING_KINDS: readonly OrganizationKind[] = ['LEGISLATURE', 'COMMITTEE'];

function organizationKind(kind: unknown): OrganizationKind {
  if (!KINDS.includes(kind as OrganizationKind)) throw badInput(`kind must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}`, 'kind');
  return kind as OrganizationKind;
}

function boundedCount(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw badInput(`rules.${field} must be a whole number from 1 to ${max}, got ${JSON.stringify(value)}`, `rules.${field}`);
  }
  return value;
}

function votingRules(input: VotingRulesInput | null): VotingRules | null {
  if (input === null) return null;
  const seats = boundedCount(input.seats, 'seats', RULES_MAX);
  const quorum = boundedCount(input.quorum, 'quorum', seats);
  const passage = input.passage ?? 'majority-of-present';
  if (passage !== 'majority-of-present') throw badInput(`rules.passage must be majority-of-present, got ${JSON.stringify(passage)}`, 'rules.passage');
  const overrideVotes = input.overrideVotes === undefined || input.overrideVotes === null ? null : boundedCount(input.overrideVotes, 'overrideVotes', seats);
  const abstentions = input.abstentions ?? 'present';
  if (!ABSTENTION_RULES.includes(abstentions)) throw badInput(`rules.abstentions must be one of ${ABSTENTION_RULES.join(', ')}, got ${JSON.stringify(abstentions)}`, 'rules.abstentions');
  return { seats, quorum, passage, overrideVotes, abstentions };
}

const ABSTENTION_RULES: readonly AbstentionRule[] = ['present', 'not-voting'];

// Only bodies that vote have rules, and every body that votes needs them to count a vote.
function assertRulesFitKind(kind: OrganizationKind, rules: VotingRules | null): void {
  const votes = VOTING_KINDS.includes(kind);
  if (votes && rules === null) throw badInput(`a ${kind} needs voting rules (seats, quorum)`, 'rules');
  if (!votes && rules !== null) throw badInput(`a ${kind} does not vote and takes no voting rules`, 'rules');
}

function sameRules(a: VotingRules | null, b: VotingRules | null): boolean {
  if (a === null || b === null) return a === b;
  return a.seats === b.seats && a.quorum === b.quorum && a.passage === b.passage && a.overrideVotes === b.overrideVotes && abstentionRule(a) === abstentionRule(b);
}

function checkedParent(orgId: string, kind: OrganizationKind, parentId: string | null, facts: ParentOrganizationFacts): string | null {
  if (parentId === null) {
    if (kind === 'COMMITTEE') throw badInput('a COMMITTEE needs a parentId: the legislature it belongs to', 'parentId');
    return null;
  }
  assertOrgId(parentId, 'parentId');
  if (parentId === orgId) throw badInput(`${orgId} cannot be its own parent`, 'parentId');
  const { parent } = facts;
  if (parent !== null && parent.orgId !== parentId) throw new Error(`facts.parent describes ${parent.orgId}, not ${parentId}`);
  if (parent === null) throw notFound(`parent ${parentId} is not registered`, 'parentId');
  if (kind === 'COMMITTEE' && parent.kind !== 'LEGISLATURE') {
    throw badInput(`a COMMITTEE's parent must be a LEGISLATURE; ${parentId} is a ${parent.kind}`, 'parentId');
  }
  // Organizations form a tree: an organization cannot sit under one of its own descendants.
  const loop = parent.ancestorIds.indexOf(orgId);
  if (loop >= 0) {
    const chain = [parentId, ...parent.ancestorIds.slice(0, loop + 1)].join(' → ');
    throw badInput(`${orgId} cannot be placed under ${parentId}, which is itself under ${orgId} (${chain}): that would make a cycle`, 'parentId');
  }
  return parentId;
}

function registered(state: OrganizationState, orgId: string): RegisteredOrganization {
  assertOrgId(orgId);
  if (!state.registered) throw notFound(`${orgId} is not registered`, 'orgId');
  return state;
}

function periodLabel(membership: MembershipPeriod): string {
  return `from ${membership.startDate} ${membership.endDate === null ? '(still serving)' : `to ${membership.endDate}`}`;
}

function assertNoOverlap(others: MembershipPeriod[], period: MembershipPeriod, orgId: string): void {
  const clash = others.find(
    (m) =>
      m.personId === period.personId && m.role === period.role && m.startDate <= (period.endDate ?? OPEN_END) && period.startDate <= (m.endDate ?? OPEN_END),
  );
  if (clash) throw conflict(`${period.personId} already holds the role ${period.role} in ${orgId} ${periodLabel(clash)}`);
}

function seatsHeldOn(memberships: MembershipPeriod[], date: string): number {
  return new Set(memberships.filter((m) => heldOn(m, date)).map((m) => m.personId)).size;
}

// Occupancy only rises when a membership starts, so the period's first day and every later start
// inside it are the only days where the seats can be full.
function firstFullDay(memberships: MembershipPeriod[], period: MembershipPeriod, seats: number): string | undefined {
  const others = memberships.filter((m) => m.personId !== period.personId);
  const ends = period.endDate ?? OPEN_END;
  const days = [period.startDate, ...others.map((m) => m.startDate).filter((d) => d > period.startDate && d <= ends)].sort();
  return days.find((day) => seatsHeldOn(others, day) >= seats);
}

function assertSeatFree(org: RegisteredOrganization, period: MembershipPeriod): void {
  if (org.rules === null) return;
  const fullOn = firstFullDay(org.memberships, period, org.rules.seats);
  if (fullOn !== undefined) throw conflict(`all ${org.rules.seats} seats of ${org.orgId} are held on ${fullOn}`, 'startDate');
}

function membershipKey(data: { personId: string; role: string }): { personId: string; role: string } {
  assertPersonId(data.personId);
  return { personId: data.personId, role: requiredSlug(data.role, 'role') };
}

function register(command: RegisterOrganization, state: OrganizationState): OrganizationEvent[] {
  const { orgId } = command.data;
  assertOrgId(orgId);
  if (state.registered) throw conflict(`${orgId} is already registered as ${state.name}`, 'orgId');
  const name = requiredText(command.data.name, 'name', NAME_MAX);
  const kind = organizationKind(command.data.kind);
  const rules = votingRules(command.data.rules ?? null);
  assertRulesFitKind(kind, rules);
  const parentId = checkedParent(orgId, kind, command.data.parentId ?? null, command.facts);
  return [{ type: 'OrganizationRegistered', data: { orgId, name, kind, parentId, rules } }];
}

function correctRecord(command: CorrectOrganizationRecord, state: OrganizationState): OrganizationEvent[] {
  const org = registered(state, command.data.orgId);
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  const corrections: { name?: string; parentId?: string | null; rules?: VotingRules | null } = {};
  if (command.data.name !== undefined) {
    const name = requiredText(command.data.name, 'name', NAME_MAX);
    if (name !== org.name) corrections.name = name;
  }
  if (command.data.parentId !== undefined && command.data.parentId !== org.parentId) {
    corrections.parentId = checkedParent(org.orgId, org.kind, command.data.parentId, command.facts);
  }
  if (command.data.rules !== undefined) {
    const rules = votingRules(command.data.rules);
    assertRulesFitKind(org.kind, rules);
    if (!sameRules(rules, org.rules)) corrections.rules = rules;
  }
  if (Object.keys(corrections).length === 0) throw badInput('the correction changes nothing in the record');
  return [{ type: 'OrganizationRecordCorrected', data: { orgId: org.orgId, corrections, reason } }];
}

function startMembership(command: StartMembership, state: OrganizationState): OrganizationEvent[] {
  const org = registered(state, command.data.orgId);
  const { personId, role } = membershipKey(command.data);
  const startDate = calendarDate(command.data.startDate, 'startDate');
  if (!command.facts.personRegistered) throw notFound(`${personId} is not registered`, 'personId');
  const period: MembershipPeriod = { personId, role, startDate, endDate: null };
  assertNoOverlap(org.memberships, period, org.orgId);
  assertSeatFree(org, period);
  return [{ type: 'MembershipStarted', data: { orgId: org.orgId, personId, role, startDate } }];
}

function endMembership(command: EndMembership, state: OrganizationState): OrganizationEvent[] {
  const org = registered(state, command.data.orgId);
  const { personId, role } = membershipKey(command.data);
  const endDate = calendarDate(command.data.endDate, 'endDate');
  const open = org.memberships.find((m) => m.personId === personId && m.role === role && m.endDate === null);
  if (!open) throw notFound(`${personId} holds no open ${role} membership in ${org.orgId}`, 'personId');
  if (endDate < open.startDate) throw badInput(`endDate ${endDate} is before the membership's startDate ${open.startDate}`, 'endDate');
  return [{ type: 'MembershipEnded', data: { orgId: org.orgId, personId, role, endDate } }];
}

function membershipCorrections(command: CorrectMembership, membership: MembershipPeriod): { startDate?: string; endDate?: string | null } {
  const corrections: { startDate?: string; endDate?: string | null } = {};
  const { newStartDate, newEndDate } = command.data;
  if (newStartDate !== undefined && calendarDate(newStartDate, 'newStartDate') !== membership.startDate) corrections.startDate = newStartDate;
  if (newEndDate !== undefined) {
    const endDate = newEndDate === null ? null : calendarDate(newEndDate, 'newEndDate');
    if (endDate !== membership.endDate) corrections.endDate = endDate;
  }
  return corrections;
}

function lengthens(before: MembershipPeriod, after: MembershipPeriod): boolean {
  return after.startDate < before.startDate || (after.endDate ?? OPEN_END) > (before.endDate ?? OPEN_END);
}

function correctMembership(command: CorrectMembership, state: OrganizationState): OrganizationEvent[] {
  const org = registered(state, command.data.orgId);
  const { personId, role } = membershipKey(command.data);
  const startDate = calendarDate(command.data.startDate, 'startDate');
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  const membership = org.memberships.find((m) => m.personId === personId && m.role === role && m.startDate === startDate);
  if (!membership) throw notFound(`${personId} has no ${role} membership in ${org.orgId} starting ${startDate}`, 'startDate');
  const corrections = membershipCorrections(command, membership);
  if (Object.keys(corrections).length === 0) throw badInput('the correction changes nothing in the record');
  const corrected = { ...membership, ...corrections };
  if (corrected.endDate !== null && corrected.endDate < corrected.startDate) {
    throw badInput(`the corrected membership would end (${corrected.endDate}) before it starts (${corrected.startDate})`);
  }
  assertNoOverlap(
    org.memberships.filter((m) => m !== membership),
    corrected,
    org.orgId,
  );
  // A shorter period frees seats; only a longer one can overfill the body.
  if (lengthens(membership, corrected)) assertSeatFree(org, corrected);
  return [{ type: 'MembershipCorrected', data: { orgId: org.orgId, personId, role, startDate, corrections, reason } }];
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: initialOrganizationState,
  evolve: evolveOrganization,
  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganization':
        return register(command, state);
      case 'CorrectOrganizationRecord':
        return correctRecord(command, state);
      case 'StartMembership':
        return startMembership(command, state);
      case 'EndMembership':
        return endMembership(command, state);
      case 'CorrectMembership':
        return correctMembership(command, state);
      default:
        return assertNever(command);
    }
  },
};
