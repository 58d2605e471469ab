import { deciderSpec, metadata } from '@ledger/decider-testing';
import type { TokenEvent } from './token.events';
import { tokenDecider } from './token.decider';
import { tokenStreamId } from './token.ids';

const spec = deciderSpec(tokenDecider);
const TOKEN = 'token:0b6a4f7e-2c1d-4e5f-8a9b-0c1d2e3f4a5b';
const ISSUED_AT = '2026-11-22T11:00:00Z';
const issueData = { tokenId: TOKEN, actorId: ' person:city-clerk ', name: 'City Clerk', role: 'clerk' as const, expiresAt: '2026-11-22T19:00:00Z' };
const issued: TokenEvent = {
  type: 'TokenIssued',
  data: { tokenId: TOKEN, actorId: 'person:city-clerk', name: 'City Clerk', role: 'clerk', expiresAt: '2026-11-22T19:00:00Z' },
};
const revoked: TokenEvent = { type: 'TokenRevoked', data: { tokenId: TOKEN, reason: 'laptop lost' } };

describe('token decider', () => {
  describe('IssueToken', () => {
    it('records who the token speaks for, with which role, until when (never the token itself)', () => {
      spec.given([]).when({ type: 'IssueToken', data: issueData, metadata: metadata(ISSUED_AT) }).then([issued]);
    });

    it('refuses to issue the same token id twice', () => {
      spec.given([issued]).when({ type: 'IssueToken', data: issueData, metadata: metadata(ISSUED_AT) }).thenRefuses('CONFLICT', /already issued/);
    });

    it.each([
      ['a token id that is not token:<uuid>', { tokenId: 'token:1' }, /tokenId must look like token:<lowercase uuid>/],
      ['an empty actor id', { actorId: '  ' }, /actorId must not be empty/],
      ['an empty name', { name: '' }, /name must not be empty/],
      ['an unknown role', { role: 'root' }, /role must be one of clerk, mayor, officer, oversight, admin/],
      ['an expiry that is no instant', { expiresAt: 'tomorrow' }, /expiresAt must be an ISO-8601 instant/],
      ['an expiry not after the issue time', { expiresAt: ISSUED_AT }, /must expire after it is issued/],
    ])('refuses %s', (_, change, message) => {
      spec
        .given([])
        .when({ type: 'IssueToken', data: { ...issueData, ...change } as never, metadata: metadata(ISSUED_AT) })
        .thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('RevokeToken', () => {
    it('revokes an issued token, with the reason, trimmed', () => {
      spec.given([issued]).when({ type: 'RevokeToken', data: { tokenId: TOKEN, reason: ' laptop lost ' }, metadata: metadata() }).then([revoked]);
    });

    it('refuses to revoke a token this ledger never issued', () => {
      spec.given([]).when({ type: 'RevokeToken', data: { tokenId: TOKEN, reason: 'r' }, metadata: metadata() }).thenRefuses('NOT_FOUND', /never issued/);
    });

    it('refuses to revoke a token twice', () => {
      spec.given([issued, revoked]).when({ type: 'RevokeToken', data: { tokenId: TOKEN, reason: 'again' }, metadata: metadata() }).thenRefuses('CONFLICT', /already revoked/);
    });

    it('refuses a revocation without a reason', () => {
      spec.given([issued]).when({ type: 'RevokeToken', data: { tokenId: TOKEN, reason: '  ' }, metadata: metadata() }).thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });
  });

  it('names the stream after the token id', () => {
    expect(tokenStreamId(TOKEN)).toBe('token-0b6a4f7e-2c1d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(() => tokenStreamId('nope')).toThrow(/token:<lowercase uuid>/);
  });
});
