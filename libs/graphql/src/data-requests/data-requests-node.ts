import { isDecisionId, isRequestId } from '@ledger/domain';
import type { DataRequestQueries } from '@ledger/projections';
import type { NodeInterface } from '../relay/node.interface';
import { toDataRequestModel, toDecisionModel } from './data-requests.mapper';

/** node(id) for the data-request read side: requests ("data-request:") and decisions ("decision:"); null for any other id. */
export function dataRequestNode(id: string, queries: DataRequestQueries): NodeInterface | null {
  if (isRequestId(id)) {
    const request = queries.request(id);
    return request && toDataRequestModel(request);
  }
  if (isDecisionId(id)) {
    const decision = queries.decision(id);
    return decision && toDecisionModel(decision);
  }
  return null;
}
