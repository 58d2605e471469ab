import { GraphQLError } from 'graphql';
import { isEId, isMeasureId, isVoteId, parseClauseId, requiredSlug } from '@ledger/domain';
import { measureSearchQuery, type MeasureFilter, type PolicyFilter } from '@ledger/projections';
import type { MeasureFilterInput } from './measure-filter.input';
import type { PolicyFilterInput } from './policy-filter.input';

/** Argument checks of the legislation queries: a malformed argument is BAD_USER_INPUT, never a silent null. */

const MAX_SEARCH_LENGTH = 500;

function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function measureIdArg(id: string): string {
  if (!isMeasureId(id)) throw badInput(`${JSON.stringify(id)} is not a measure id such as CB17-0766`, 'id');
  return id;
}

export function clauseIdArg(id: string, field = 'id'): string {
  if (!parseClauseId(id)) throw badInput(`${JSON.stringify(id)} is not a clause id such as CB17-0766#sec_2__subsec_b`, field);
  return id;
}

export function eIdArg(eId: string): string {
  if (!isEId(eId)) throw badInput(`${JSON.stringify(eId)} is not an Akoma Ntoso eId such as sec_2__subsec_b`, 'eId');
  return eId;
}

export function voteIdArg(id: string): string {
  if (!isVoteId(id)) throw badInput(`${JSON.stringify(id)} is not a vote id such as vote:CB17-0766:3`, 'id');
  return id;
}

export function measureFilterArg(filter: MeasureFilterInput | null): MeasureFilter {
  if (!filter) return {};
  if (filter.text != null) {
    if (filter.text.length > MAX_SEARCH_LENGTH) throw badInput(`text must be at most ${MAX_SEARCH_LENGTH} characters`, 'filter.text');
    if (measureSearchQuery(filter.text) === null) throw badInput('text must contain at least one word', 'filter.text');
  }
  return { kind: filter.kind, status: filter.status, sponsorId: filter.sponsorId, text: filter.text, inForceOn: filter.inForceOn };
}

export function policyFilterArg(filter: PolicyFilterInput | null): PolicyFilter {
  if (!filter) return {};
  if (filter.measureId != null && !isMeasureId(filter.measureId)) {
    throw badInput(`${JSON.stringify(filter.measureId)} is not a measure id such as CB17-0766`, 'filter.measureId');
  }
  // A category is a token of the rules' vocabulary (the grammar rules are recorded with):
  // anything else could match nothing, and says so (BAD_USER_INPUT, through the DomainError).
  if (filter.dataCategory != null) requiredSlug(filter.dataCategory, 'filter.dataCategory');
  if (filter.recipient != null) requiredSlug(filter.recipient, 'filter.recipient');
  return { measureId: filter.measureId, dataCategory: filter.dataCategory, recipient: filter.recipient };
}
