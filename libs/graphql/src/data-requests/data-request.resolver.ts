import { Inject } from '@nestjs/common';
import { ResolveField, Resolver } from '@nestjs/graphql';
import { PublicView } from '@ledger/investigation';
import { DataRequestQueries, DirectoryQueries, EventLogQueries } from '@ledger/projections';
import { SUBJECT_VAULT, type SubjectVault } from '@ledger/privacy';
import { viewerOf, type RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import { decisionsOfRequestsLoader } from './data-requests.loaders';
import { organizationsLoader } from '../directory/directory.loaders';
import { streamsHistoryLoader } from '../event-log/event-log.loaders';
import { DataRequestModel } from './data-request.model';
import { DecisionModel } from './decision.model';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { OrganizationModel } from '../directory/organization.model';
import { toOrganizationModel } from '../directory/directory.mapper';
import { toDecisionModel } from './data-requests.mapper';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';
import { dangling } from '../dangling';

@Resolver(() => DataRequestModel)
export class DataRequestResolver {
  constructor(
    private readonly dataRequests: DataRequestQueries,
    private readonly directory: DirectoryQueries,
    private readonly eventLog: EventLogQueries,
    private readonly view: PublicView,
    @Inject(SUBJECT_VAULT) private readonly vault: SubjectVault,
  ) {}

  @ResolveField(() => OrganizationModel, { description: 'the agency asking' })
  async requestingOrganization(request: DataRequestModel, _args: NoArgs, context: RequestContext): Promise<OrganizationModel> {
    const row = await organizationsLoader(context.loaders, this.directory).load(request.requestingOrgId);
    return toOrganizationModel(row ?? dangling(request.id, request.requestingOrgId));
  }

  @ResolveField(() => OrganizationModel, { description: 'the department asked' })
  async receivingOrganization(request: DataRequestModel, _args: NoArgs, context: RequestContext): Promise<OrganizationModel> {
    const row = await organizationsLoader(context.loaders, this.directory).load(request.receivingOrgId);
    return toOrganizationModel(row ?? dangling(request.id, request.receivingOrgId));
  }

  @ResolveField(() => String, { nullable: true, description: 'restricted: a pseudonymous reference to the resident concerned' })
  subjectRef(request: DataRequestModel, _args: NoArgs, context: RequestContext): string | null {
    return this.view.subjectRef(viewerOf(context), request.restricted);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "restricted: the resident's personal details, decrypted; null when none were recorded or the subject's key was erased",
  })
  personalDetails(request: DataRequestModel, _args: NoArgs, context: RequestContext): string | null {
    return this.view.personalDetails(viewerOf(context), request.restricted, this.vault);
  }

  @ResolveField(() => DecisionModel, { nullable: true, description: 'null while undecided' })
  async decision(request: DataRequestModel, _args: NoArgs, context: RequestContext): Promise<DecisionModel | null> {
    const row = await decisionsOfRequestsLoader(context.loaders, this.dataRequests).load(request.id);
    return row && toDecisionModel(row);
  }

  @ResolveField(() => [LedgerEventModel], { description: "every event of the request's stream (its decision's included), oldest first" })
  async history(request: DataRequestModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel[]> {
    return (await streamsHistoryLoader(context.loaders, this.eventLog).load(request.streamId)).map(toLedgerEventModel);
  }
}
