import { GraphQLError } from 'graphql';
import { isDecisionId, isOrgId, isPersonId, isRequestId, parseClauseId } from '@ledger/domain';
import type { DecisionFilter } from '@ledger/projections';
import type { DecisionFilterInput } from './decision-filter.input';

/** Argument checks of the data-request queries: a malformed argument is BAD_USER_INPUT, never a silent empty answer. */

function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function dataRequestIdArg(id: string): string {
  if (!isRequestId(id)) throw badInput(`${JSON.stringify(id)} is not a data request id such as data-request:<uuid>`, 'id');
  return id;
}

export function decisionIdArg(id: string): string {
  if (!isDecisionId(id)) throw badInput(`${JSON.stringify(id)} is not a decision id such as decision:<uuid>`, 'id');
  return id;
}

function checked(value: string | null | undefined, valid: (id: string) => boolean, field: string, example: string): string | null | undefined {
  if (value != null && !valid(value)) throw badInput(`${JSON.stringify(value)} is not ${example}`, `filter.${field}`);
  return value;
}

export function decisionFilterArg(filter: DecisionFilterInput | null): DecisionFilter {
  if (!filter) return {};
  const { from, to } = filter;
  // An empty window is surely a mistake (swapped bounds), not a question whose answer is "none".
  if (from != null && to != null && Date.parse(from) >= Date.parse(to)) throw badInput('from must be before to', 'filter.from');
  return {
    decidingOrganizationId: checked(filter.decidingOrganizationId, isOrgId, 'decidingOrganizationId', 'an organization id such as org:denver-sheriff-department'),
    decidedById: checked(filter.decidedById, isPersonId, 'decidedById', 'a person id such as person:robin-kniech'),
    requestingOrganizationId: checked(filter.requestingOrganizationId, isOrgId, 'requestingOrganizationId', 'an organization id such as org:ice'),
    outcome: filter.outcome,
    complianceStatus: filter.complianceStatus,
    everFoundInViolation: filter.everFoundInViolation,
    awaitingReview: filter.awaitingReview,
    clauseId: checked(filter.clauseId, (id) => parseClauseId(id) !== null, 'clauseId', 'a clause id such as CB17-0766#sec_2__subsec_b'),
    // An explicit null is the default, as leaving it out is.
    clauseRelation: filter.clauseRelation ?? 'CITED',
    from,
    to,
  };
}
