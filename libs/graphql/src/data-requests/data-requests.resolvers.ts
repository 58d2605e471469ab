import { DataRequestClauseDecisionsResolver } from './data-requests-clause-decisions.resolver';
import { DataRequestPersonDecisionsResolver } from './data-requests-person-decisions.resolver';
import { ComplianceFindingResolver, DataRequestDecisionResolver, ViolationFoundResolver } from './data-requests-decision.resolver';
import { DataRequestQueryResolver } from './data-requests-query.resolver';
import { DataRequestResolver } from './data-request.resolver';

/** Every resolver of the data-request read side, for the GraphQL module's providers. */
export const DATA_REQUEST_RESOLVERS = [
  DataRequestQueryResolver,
  DataRequestResolver,
  DataRequestDecisionResolver,
  ComplianceFindingResolver,
  ViolationFoundResolver,
  DataRequestClauseDecisionsResolver,
  DataRequestPersonDecisionsResolver,
];
