import { randomUUID } from 'node:crypto';
import { InvalidEvent } from './event-store.errors';
import { assertAppendable, firstIllFormedString, isWellFormedText } from './new-event-checks';
import type { NewEvent } from './event-envelope';

const event = (data: unknown): NewEvent => ({
  eventId: randomUUID(),
  type: 'PersonRegistered',
  schemaVersion: 2,
  occurredAt: '2017-08-28T23:40:00Z',
  recordedBy: { id: 'person:clerk', name: 'Clerk', role: 'clerk' },
  data,
});

describe('well-formed Unicode text', () => {
  it('tells a lone surrogate from a surrogate pair', () => {
    expect(isWellFormedText('Kniech 😀 ‏ñ\u0000')).toBe(true);
    for (const bad of ['\uD800', 'a\uD800', '\uDC00b', '\uDC00\uD800', '😀\uD83D']) expect(isWellFormedText(bad)).toBe(false);
  });

  it('names the first ill-formed string or key by its JSON Pointer, however deep', () => {
    expect(firstIllFormedString({ a: ['ok', { b: 'x\uD800' }], c: '\uD800' })).toBe('/a/1/b');
    expect(firstIllFormedString({ ok: 1, ['k/\uDC00']: 'v' })).toBe('/k~1\uDC00');
    expect(firstIllFormedString('\uD800')).toBe('');
    expect(firstIllFormedString({ name: 'Robin Kniech', n: 1, list: [null, true] })).toBeNull();
    let deep: unknown = 'x\uDFFF';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(firstIllFormedString(deep)).toBe('/0'.repeat(100_000));
  });

  it('refuses an append whose payload holds a lone surrogate, naming where', () => {
    expect(() => assertAppendable('person-x', [event({ personId: 'person:x', name: 'A\uD800B' })], 'no-stream')).toThrow(
      new InvalidEvent('event 0 (PersonRegistered): data/name is not well-formed Unicode text (it holds a lone UTF-16 surrogate)'),
    );
    expect(() => assertAppendable('person-x', [event({ personId: 'person:x', name: 'Ann 😀' })], 'no-stream')).not.toThrow();
  });
});
