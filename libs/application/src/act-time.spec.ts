import { DomainError } from '@ledger/domain';
import { actTimeOf } from './act-time';

describe('actTimeOf: the act\'s time, worked out once per command', () => {
  const clock = new Date('2026-11-22T12:00:00.000Z');

  it('dates an act without occurredAt now', () => {
    expect(actTimeOf(undefined, clock)).toEqual({ occurredAt: '2026-11-22T12:00:00.000Z', now: '2026-11-22T12:00:00.000Z', date: '2026-11-22', today: '2026-11-22' });
  });

  it("keeps the caller's occurredAt byte for byte, and tells the act's date from the recording date", () => {
    expect(actTimeOf('2017-08-28T17:40:00-06:00', clock)).toEqual({ occurredAt: '2017-08-28T17:40:00-06:00', now: '2026-11-22T12:00:00.000Z', date: '2017-08-28', today: '2026-11-22' });
  });

  it('allows a clock a few minutes fast', () => {
    expect(actTimeOf('2026-11-22T12:04:00Z', clock).date).toBe('2026-11-22');
  });

  it.each([
    ['not an instant', '2017-08-28', 'occurredAt must be an ISO-8601 instant, got "2017-08-28"'],
    ['a day that does not exist', '2017-02-30T12:00:00Z', 'occurredAt must be an ISO-8601 instant, got "2017-02-30T12:00:00Z"'],
    ['in the future', '2026-11-22T12:06:00Z', 'occurredAt is in the future'],
  ])('refuses an occurredAt %s (BAD_USER_INPUT), before any fact is read', (_, occurredAt, message) => {
    let error: unknown;
    try {
      actTimeOf(occurredAt, clock);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurredAt', message });
  });
});
