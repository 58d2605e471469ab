import canonicalize from 'canonicalize';
import { randomUUID } from 'node:crypto';
import { canonicalEnvelope, envelopeOf, isIsoInstant, leafHashOf, newEventId, type EventEnvelope } from './event-envelope';

function envelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: randomUUID(),
    type: 'MeasureIntroduced',
    schemaVersion: 2,
    streamId: 'measure-CB17-0766',
    streamRevision: 3,
    sequence: 41,
    occurredAt: '2017-08-28T17:40:00-06:00',
    recordedAt: '2026-11-22T12:00:00.123Z',
    recordedBy: { id: 'person:clerk-1', name: 'Clerk “One” ñ', role: 'clerk' },
    correlationId: null,
    causationId: 'c-1',
    data: { title: 'Public Safety Enforcement Priority Act', z: 1, a: [1.5, 'é', { y: null, b: true }], '\u00e9': 'x', '😀': 2, e: 1e21 },
    ...overrides,
  };
}

describe('canonical envelope (RFC 8785)', () => {
  it.each([
    ['a typical envelope', envelope()],
    ['unicode and control characters everywhere', envelope({ streamId: 's-ü', recordedBy: { id: 'ü\u2028', name: '\u0000\t"\\', role: 'clerk' }, data: { '\ud83d\ude00': '\u001f', 'a\u0000': [] } })],
    ['an empty payload and ids set', envelope({ data: {}, correlationId: randomUUID(), causationId: null })],
    ['payloads that are not objects', envelope({ data: [3, 2, 1] })],
    ['numbers RFC 8785 formats specially', envelope({ data: { n: [0.1, 1e-7, -0, 123456789012345680000, 5e-324] } })],
  ])('equals canonicalizing the whole envelope: %s', (_, event) => {
    expect(canonicalEnvelope(event)).toBe(canonicalize(envelopeOf(event)));
  });

  it('ignores properties that are not part of the envelope', () => {
    const event = envelope();
    expect(leafHashOf({ ...event, leafHash: 'x', extra: 1 } as EventEnvelope)).toBe(leafHashOf(event));
  });

  it('matches an independently computed SHA-256(0x00 || leaf)', () => {
    const event = envelope();
    const { createHash } = require('node:crypto');
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(canonicalize(envelopeOf(event))!, 'utf8')])).digest('hex');
    expect(leafHashOf(event)).toBe(expected);
  });
});

describe('newEventId', () => {
  it('makes time-ordered UUIDv7 ids', () => {
    const ids = Array.from({ length: 50 }, () => newEventId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('isIsoInstant', () => {
  it.each(['2017-08-28T23:40:00Z', '2017-08-28T23:40Z', '2017-08-28T17:40:00.123456-06:00', '2016-02-29T00:00:00+00:00'])('accepts %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });
  it.each(['2017-08-28', '2017-02-29T00:00:00Z', '2017-08-28T24:00:00Z', '2017-08-28 23:40:00Z', '2017-08-28T23:40:00', 42, null])('refuses %s', (value) => {
    expect(isIsoInstant(value)).toBe(false);
  });
});
