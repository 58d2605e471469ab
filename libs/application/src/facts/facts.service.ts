import { Inject, Injectable } from '@nestjs/common';
import {
  clauseHistoryOf,
  dataRequestDecider,
  dataRequestStreamId,
  fold,
  measureDecider,
  measureFactsOf,
  measureStreamId,
  membersOn,
  organizationDecider,
  orgStreamId,
  personStreamId,
  type CitedClauseVersion,
  type MeasureFacts,
  type OrganizationFacts,
  type OrganizationKind,
} from '@ledger/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';
import type { FactsContext } from '../catalogue/command-entry';

/** A person's roles in an organization on an act's date and on the day it is recorded; org null when not registered. */
export interface Tenure {
  org: { orgId: string; kind: OrganizationKind } | null;
  onActDate: string[];
  now: string[];
}

/**
 * What a decider needs to know about other aggregates, read from their streams in the event store
 * (the authoritative record, not a read model) just before deciding. A fact that changes between
 * this read and the append (a membership ended a moment ago) is a race the ledger accepts: the
 * decision stands on the record as it was when it was taken, and the events say so.
 */
@Injectable()
export class FactsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async stream(streamId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId);
  }

  /** A stream's events as the deciders see them: type, (upcast) data, and when they happened. */
  private async domainEvents<E>(streamId: string): Promise<E[]> {
    return (await this.stream(streamId)).map(({ type, data, occurredAt }) => ({ type, data, occurredAt }) as E);
  }

  async personRegistered(personId: string): Promise<boolean> {
    return (await this.stream(personStreamId(personId))).length > 0;
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
    const state = fold(organizationDecider, await this.domainEvents(orgStreamId(orgId)));
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
      const ancestor = fold(organizationDecider, await this.domainEvents(orgStreamId(next)));
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
    const state = fold(dataRequestDecider, await this.domainEvents(dataRequestStreamId(requestId)));
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
        const history = clauseHistoryOf(await this.domainEvents(measureStreamId(measureId)));
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
    return fold(measureDecider, await this.domainEvents(measureStreamId(measureId)));
  }
}
