import { canSeeRestricted } from '@ledger/investigation';
import { viewerOf } from '../auth/request-context';
import { closeAtTokenExpiry, forgetTokenExpiry, TOKEN_EXPIRED_CLOSE_CODE } from './connection-expiry';

const connection = () => {
  const close = jest.fn();
  return { close, ctx: { extra: { socket: { close } } } };
};

describe('closing a graphql-ws connection when its token expires', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-22T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('closes the socket with 4401 "token expired" at the instant the token expires, not before', () => {
    const { close, ctx } = connection();
    closeAtTokenExpiry(ctx, Date.now() + 3000);
    jest.advanceTimersByTime(2999);
    expect(close).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledWith(TOKEN_EXPIRED_CLOSE_CODE, 'token expired');
    expect(TOKEN_EXPIRED_CLOSE_CODE).toBe(4401);
  });

  it('waits out a lifetime longer than one timer can (about 24.8 days)', () => {
    const { close, ctx } = connection();
    closeAtTokenExpiry(ctx, Date.now() + 30 * 86_400_000);
    jest.advanceTimersByTime(29 * 86_400_000);
    expect(close).not.toHaveBeenCalled();
    jest.advanceTimersByTime(86_400_000);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('forgets a connection that closed first, and leaves anonymous connections alone', () => {
    const closed = connection();
    closeAtTokenExpiry(closed.ctx, Date.now() + 3000);
    forgetTokenExpiry(closed.ctx);
    const anonymous = connection();
    closeAtTokenExpiry(anonymous.ctx, null);
    jest.advanceTimersByTime(10_000);
    expect(closed.close).not.toHaveBeenCalled();
    expect(anonymous.close).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
  });

  it("sees a connection's caller as the public view's viewer: oversight only while its token is valid", () => {
    const oversight = { id: 'person:o', name: 'O', role: 'oversight' as const };
    const expiresAt = Date.now() + 3000;
    expect(viewerOf({ actor: oversight, tokenExpiresAt: expiresAt })).toEqual({ role: 'oversight', restrictedUntil: expiresAt });
    expect(canSeeRestricted(viewerOf({ actor: oversight, tokenExpiresAt: expiresAt }))).toBe(true);
    expect(canSeeRestricted(viewerOf({ actor: oversight, tokenExpiresAt: expiresAt }), expiresAt)).toBe(false);
    expect(canSeeRestricted(viewerOf({ actor: oversight, tokenExpiresAt: null }))).toBe(false);
    expect(canSeeRestricted(viewerOf({ actor: { ...oversight, role: 'admin' }, tokenExpiresAt: expiresAt }))).toBe(false);
    expect(viewerOf({ actor: null, tokenExpiresAt: null })).toEqual({ role: null, restrictedUntil: null });
  });
});
