import { dataRequestId, decisionIdOf, isDecisionId, isRequestId, requestIdOfDecision } from './data-request.ids';

const UUID = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

describe('data request and decision ids', () => {
  it('leads from a request to its decision and back', () => {
    const requestId = dataRequestId(UUID);
    expect(isRequestId(requestId)).toBe(true);
    expect(isDecisionId(decisionIdOf(requestId))).toBe(true);
    expect(requestIdOfDecision(decisionIdOf(requestId))).toBe(requestId);
  });

  it('refuses other shapes: upper-case uuids, the other kind, a bare uuid', () => {
    expect([`data-request:${UUID.toUpperCase()}`, `decision:${UUID}`, UUID].filter(isRequestId)).toEqual([]);
    expect([`decision:${UUID.toUpperCase()}`, `data-request:${UUID}`, UUID].filter(isDecisionId)).toEqual([]);
  });
});
