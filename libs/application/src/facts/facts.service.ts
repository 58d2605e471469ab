import { Injectable } from '@nestjs/common';
import {
  clauseHistoryOfFold,
  clauseHistoryStep,
  dataRequestDecider,
  dataRequestStreamId,
  measureDecider,
  measureFactsOf,
  measureStreamId,
  isPersonId,
  membersOn,
  organizationDecider,
  orgStreamId,
  personDecider,
  personStreamId,
  type CitedClauseVersion,
  type ClauseHistoryFold,
  type MeasureEvent,
  type MeasureFacts,
  type OrganizationFacts,
  type OrganizationKind,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { FactsContext } from '../catalogue/command-entry';
import { StreamFolds, deciderFolder, type StreamFolder } from '../stream-folds';

/** A person's roles in an organization on an act's date and on the day it is recorded; org null when not registered. */
export interface Tenure {
  org: { orgId: string; kind: OrganizationKind } | null;
  onActDate: string[];
  now: string[];
}

/** A measure's clause history, folded one event at a time (the event's revision is its place in the stream). */
const clauseHistoryFolder: StreamFolder<ClauseHistoryFold | null> = {
  initial: null,
  evolve: (fold, event: RecordedEvent) => clauseHistoryStep(fold, event as unknown as MeasureEvent, event.streamRevision),
};

/**
 * What a decider needs to know about other aggregates, read from their streams in the event store
 * (the authoritative record, not a read model) just before deciding. A fact that changes between
 * this read and the append (a membership ended a moment ago) is a race the ledger accepts: the
 * decision stands on the record as it was when it was taken, and the events say so. The streams
 * are folded through StreamFolds, so a fact costs the events recorded since it was last read, not
 * the stream's whole history.
 */
@Injectable()
export class FactsService {
  constructor(private readonly folds: StreamFolds) {}

  private async organizationState(orgId: string) {
    return (await this.folds.fold(orgStreamId(orgId), deciderFolder(organizationDecider))).state;
  }

  async personRegistered(personId: string): Promise<boolean> {
    return (await this.folds.fold(personStreamId(personId), deciderFolder(personDecider))).revision >= 0;
  }

  async unknownPersonIds(personIds: string[]): Promise<string[]> {
    const known = await Promise.all(personIds.map((id) => this.personRegistered(id)));
    return personIds.filter((_, i) => !known[i]);
  }

  /** The organization with its members on `date` (YYYY-MM-DD); null when not registered. */
  async organization(orgId: string, date: string): Promise<OrganizationFacts | null> {
    return (await this.organizationOn(orgId, [date]))[0];
  }

  /** The organization with its members on each of `dates`, from one read of its stream. */
  async organizationOn(orgId: string, dates: string[]): Promise<Array<OrganizationFacts | null>> {
    const state = await this.organizationState(orgId);
    if (!state.registered) return dates.map(() => null);
    return dates.map((date) => ({
      orgId: state.orgId,
      kind: state.kind,
      parentId: state.parentId,
      rules: state.rules,
      members: membersOn(state, date).map(({ personId, role }) => ({ personId, role })),
    }));
  }

  /**
   * The organization's ancestors as recorded, nearest first: its parent, that one's parent, and so
   * on up. Stops at an organization already seen, so even a cycle recorded before cycles were
   * refused cannot make it loop.
   */
  async ancestorsOf(org: Pick<OrganizationFacts, 'orgId' | 'parentId'>): Promise<string[]> {
    const ancestors: string[] = [];
    for (let next = org.parentId; next !== null && next !== org.orgId && !ancestors.includes(next); ) {
      ancestors.push(next);
      const ancestor = await this.organizationState(next);
      next = ancestor.registered ? ancestor.parentId : null;
    }
    return ancestors;
  }

  /**
   * The roles a person holds in an organization on the act's date and on the recording date
   * (libs/domain shared/officeholder.ts: an office holder's own act needs both).
   */
  async tenure(personId: string, orgId: string, { date, today }: Pick<FactsContext, 'date' | 'today'>): Promise<Tenure> {
    const [onActDate, now] = await this.organizationOn(orgId, [date, today]);
    return { org: onActDate && { orgId: onActDate.orgId, kind: onActDate.kind }, onActDate: FactsService.rolesOf(onActDate, personId), now: FactsService.rolesOf(now, personId) };
  }

  /** The registered name of a person; null when the record does not know them. */
  async personName(personId: string): Promise<string | null> {
    // Accounts need not name a person (an identity provider's subject, the CLI operator).
    if (!isPersonId(personId)) return null;
    const { state } = await this.folds.fold(personStreamId(personId), deciderFolder(personDecider));
    return state.registered ? state.name : null;
  }

  /** Who holds a role in an organization on a date, and how many ever held it there. */
  async roleHolders(orgId: string, role: string): Promise<{ everHeld: number; on(date: string): string[] }> {
    const state = await this.organizationState(orgId);
    const everHeld = state.registered ? state.memberships.filter((membership) => membership.role === role).length : 0;
    return { everHeld, on: (date) => membersOn(state, date).filter((member) => member.role === role).map((member) => member.personId) };
  }

  /** The body and date of a recorded vote (null when the measure or vote is unknown, which the decider refuses). */
  async voteOf(measureId: string, voteId: string): Promise<{ bodyId: string; date: string } | null> {
    if (typeof measureId !== 'string' || typeof voteId !== 'string') return null;
    const state = await this.measureState(measureId);
    const vote = state.exists ? state.votes.get(voteId) : undefined;
    return vote && vote.date !== null ? { bodyId: vote.bodyId, date: vote.date } : null;
  }

  async measure(measureId: string): Promise<MeasureFacts | null> {
    const state = await this.measureState(measureId);
    return state.exists ? measureFactsOf(state) : null;
  }

  /** The roles a person holds among an organization's members of that date. */
  static rolesOf(org: OrganizationFacts | null, personId: string): string[] {
    return org ? org.members.filter((m) => m.personId === personId).map((m) => m.role) : [];
  }

  /** The department a data request was made to (null when there is no such request). */
  async receivingDepartmentOf(requestId: string): Promise<string | null> {
    const { state } = await this.folds.fold(dataRequestStreamId(requestId), deciderFolder(dataRequestDecider));
    return state.exists ? state.receivingOrgId : null;
  }

  /**
   * Every version of each cited clause with the days it was law, from its measure's stream:
   * clause ids are `<measure id>#<eId>`; null for a clause or measure that does not exist.
   */
  async clauseVersions(clauseIds: string[]): Promise<Record<string, CitedClauseVersion[] | null>> {
    const entries = await Promise.all(
      clauseIds.map(async (clauseId) => {
        const [measureId, eId] = clauseId.split('#');
        if (!measureId || !eId) return [clauseId, null] as const;
        const history = clauseHistoryOfFold((await this.folds.fold(measureStreamId(measureId), clauseHistoryFolder)).state);
        const versions = history?.clauses.get(eId);
        return [clauseId, versions ? versions.map(({ version, validFrom, validUntil }) => ({ version, validFrom, validUntil })) : null] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /** The office that drafted an executive order (null when there is no such order). */
  async officeOfExecutiveOrder(measureId: string): Promise<string | null> {
    const state = await this.measureState(measureId);
    return state.exists ? state.officeId : null;
  }

  private async measureState(measureId: string) {
    return (await this.folds.fold(measureStreamId(measureId), deciderFolder(measureDecider))).state;
  }
}
