import { DataRequestClauseCitationsResolver } from './data-request-clause-citations.resolver';
import { DataRequestPersonDecisionsResolver } from './data-request-person-decisions.resolver';
import { ComplianceFindingResolver, DataRequestDecisionResolver } from './data-request-decision.resolver';
import { DataRequestQueryResolver } from './data-request-query.resolver';
import { DataRequestResolver } from './data-request.resolver';

/** Every resolver of the data-request read side, for the GraphQL module's providers. */
export const DATA_REQUEST_RESOLVERS = [
  DataRequestQueryResolver,
  DataRequestResolver,
  DataRequestDecisionResolver,
  ComplianceFindingResolver,
  DataRequestClauseCitationsResolver,
  DataRequestPersonDecisionsResolver,
];
