import { LegislationActionResolver } from './legislation-action.resolver';
import { LegislationClauseResolver, LegislationClauseVersionResolver } from './legislation-clause.resolver';
import { LegislationMeasureResolver } from './legislation-measure.resolver';
import { LegislationPersonVotesResolver } from './legislation-person-votes.resolver';
import { LegislationQueryResolver } from './legislation-query.resolver';
import { LegislationVoteCastResolver, LegislationVoteResolver } from './legislation-vote.resolver';

/** Every resolver of the legislation read side, for the GraphQL module's providers. */
export const LEGISLATION_RESOLVERS = [
  LegislationQueryResolver,
  LegislationMeasureResolver,
  LegislationClauseResolver,
  LegislationClauseVersionResolver,
  LegislationVoteResolver,
  LegislationVoteCastResolver,
  LegislationActionResolver,
  LegislationPersonVotesResolver,
];
