import { SubscriptionCaps, type SocketContext } from './subscription-caps';

/** A socket as graphql-ws's ws adapter describes it: its operations by id, and the upgrade request. */
function socket(address: string, open: number): SocketContext {
  const subscriptions = Object.fromEntries(Array.from({ length: open }, (_, i) => [`op-${i}`, null]));
  return { subscriptions, extra: { request: { socket: { remoteAddress: address } } } } as unknown as SocketContext;
}

describe('SubscriptionCaps', () => {
  const caps = () => new SubscriptionCaps(3, 5);

  it('refuses the operation one over the limit of its socket', () => {
    const limits = caps();
    const within = socket('10.0.0.1', 3);
    const over = socket('10.0.0.2', 4);
    limits.opened(within);
    limits.opened(over);
    expect(limits.refusal(within)).toBeNull();
    expect(limits.refusal(over)?.extensions).toEqual({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'subscriptionsPerSocket', maximum: 3 });
  });

  it('counts every open socket of an address, and forgets closed ones', () => {
    const limits = caps();
    const first = socket('10.0.0.1', 3);
    const second = socket('10.0.0.1', 3);
    const elsewhere = socket('10.0.0.9', 3);
    for (const ctx of [first, second, elsewhere]) limits.opened(ctx);
    expect(limits.refusal(second)?.extensions).toEqual({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'subscriptionsPerAddress', maximum: 5 });
    expect(limits.refusal(elsewhere)).toBeNull();
    limits.closed(first);
    expect(limits.refusal(second)).toBeNull();
  });
});
