import { ResolveField, Resolver } from '@nestjs/graphql';
import { DataRequestQueries, DirectoryQueries, EventLogQueries, LegislationQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import { citationsOfDecisionsLoader, disclosuresOfDecisionsLoader, loadClauseVersion, requestsLoader } from './data-requests.loaders';
import { organizationsLoader, peopleLoader } from '../directory/directory.loaders';
import { streamsHistoryLoader } from '../event-log/event-log.loaders';
import { ClauseVersionModel } from '../legislation/clause-version.model';
import { ComplianceFindingModel } from './compliance.model';
import { DataRequestModel } from './data-request.model';
import { DecisionModel, DisclosureModel, ViolationFoundModel } from './decision.model';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { OrganizationModel } from '../directory/organization.model';
import { PersonModel } from '../directory/person.model';
import { toDataRequestModel, toDisclosureModel } from './data-requests.mapper';
import { toOrganizationModel, toPersonModel } from '../directory/directory.mapper';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';
import { dangling } from '../dangling';
import { toClauseVersionModel } from '../legislation/legislation.mapper';

@Resolver(() => DecisionModel)
export class DataRequestDecisionResolver {
  constructor(
    private readonly dataRequests: DataRequestQueries,
    private readonly directory: DirectoryQueries,
    private readonly legislation: LegislationQueries,
    private readonly eventLog: EventLogQueries,
  ) {}

  @ResolveField(() => DataRequestModel)
  async request(decision: DecisionModel, _args: NoArgs, context: RequestContext): Promise<DataRequestModel> {
    const row = await requestsLoader(context.loaders, this.dataRequests).load(decision.requestId);
    return toDataRequestModel(row ?? dangling(decision.id, decision.requestId));
  }

  @ResolveField(() => PersonModel, { description: 'the officer' })
  async decidedBy(decision: DecisionModel, _args: NoArgs, context: RequestContext): Promise<PersonModel> {
    const row = await peopleLoader(context.loaders, this.directory).load(decision.decidedById);
    return toPersonModel(row ?? dangling(decision.id, decision.decidedById));
  }

  @ResolveField(() => OrganizationModel, { description: "the officer's department" })
  async decidingOrganization(decision: DecisionModel, _args: NoArgs, context: RequestContext): Promise<OrganizationModel> {
    const row = await organizationsLoader(context.loaders, this.directory).load(decision.decidingOrgId);
    return toOrganizationModel(row ?? dangling(decision.id, decision.decidingOrgId));
  }

  @ResolveField(() => [ClauseVersionModel], { description: 'the clause versions the decision relied on, each the one in force at decidedAt' })
  async citations(decision: DecisionModel, _args: NoArgs, context: RequestContext): Promise<ClauseVersionModel[]> {
    const citations = await citationsOfDecisionsLoader(context.loaders, this.dataRequests).load(decision.id);
    const versions = await Promise.all(citations.map((citation) => loadClauseVersion(context.loaders, this.legislation, citation)));
    return versions.map((version, i) => toClauseVersionModel(version ?? dangling(decision.id, `${citations[i].clauseId} v${citations[i].version}`)));
  }

  @ResolveField(() => [DisclosureModel], { description: 'what was actually disclosed under it, oldest first' })
  async disclosures(decision: DecisionModel, _args: NoArgs, context: RequestContext): Promise<DisclosureModel[]> {
    return (await disclosuresOfDecisionsLoader(context.loaders, this.dataRequests).load(decision.id)).map(toDisclosureModel);
  }

  @ResolveField(() => [LedgerEventModel], { description: "every event of the request's stream, oldest first: the request, decision, corrections, disclosures and reviews" })
  async history(decision: DecisionModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel[]> {
    return (await streamsHistoryLoader(context.loaders, this.eventLog).load(decision.streamId)).map(toLedgerEventModel);
  }
}

@Resolver(() => ComplianceFindingModel)
export class ComplianceFindingResolver {
  constructor(private readonly legislation: LegislationQueries) {}

  @ResolveField(() => ClauseVersionModel, { description: 'the clause version the decision was held against' })
  async clause(finding: ComplianceFindingModel, _args: NoArgs, context: RequestContext): Promise<ClauseVersionModel> {
    const version = await loadClauseVersion(context.loaders, this.legislation, finding);
    return toClauseVersionModel(version ?? dangling('a compliance finding', `${finding.clauseId} v${finding.version}`));
  }
}

@Resolver(() => ViolationFoundModel)
export class ViolationFoundResolver {
  constructor(private readonly directory: DirectoryQueries) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'the reviewer, when oversight found it; null when the assessment did' })
  async foundBy(found: ViolationFoundModel, _args: NoArgs, context: RequestContext): Promise<PersonModel | null> {
    if (found.foundById === null) return null;
    const row = await peopleLoader(context.loaders, this.directory).load(found.foundById);
    return toPersonModel(row ?? dangling('a violation finding', found.foundById));
  }
}
