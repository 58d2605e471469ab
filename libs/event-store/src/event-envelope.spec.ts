import canonicalize from 'canonicalize';
import { randomUUID } from 'node:crypto';
import {
  commitmentOf,
  dataHashOf,
  drawCommitmentSalts,
  envelopeOf,
  isIsoInstant,
  canonicalJsonOf,
  leafHashOf,
  leafHashOfCanonicalData,
  leafHashOfPublic,
  logEntryOf,
  newEventId,
  publicDataOf,
  type EventEnvelope,
} from './event-envelope';

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

const sha256 = (...parts: Buffer[]) => require('node:crypto').createHash('sha256').update(Buffer.concat(parts)).digest('hex');

/** The entry as the issue defines it, built the slow, obvious way. */
function entryByTheBook(event: EventEnvelope, dataHash: string): string {
  const { data: _data, ...rest } = envelopeOf(event);
  return canonicalize({ ...rest, dataHash })!;
}

describe('log entry (RFC 8785 canonical JSON of the envelope with the hash of its public data)', () => {
  it.each([
    ['a typical envelope', envelope()],
    ['unicode and control characters everywhere', envelope({ streamId: 's-ü', recordedBy: { id: 'ü\u2028', name: '\u0000\t"\\', role: 'clerk' }, data: { '\ud83d\ude00': '\u001f', 'a\u0000': [] } })],
    ['an empty payload and ids set', envelope({ data: {}, correlationId: randomUUID(), causationId: null })],
    ['payloads that are not objects', envelope({ data: [3, 2, 1] })],
    ['numbers RFC 8785 formats specially', envelope({ data: { n: [0.1, 1e-7, -0, 123456789012345680000, 5e-324] } })],
  ])('equals canonicalizing the whole entry, and its leaf is SHA-256(0x00 || entry): %s', (_, event) => {
    const dataHash = sha256(Buffer.from(canonicalize(event.data)!, 'utf8'));
    expect(dataHashOf(event.data)).toBe(dataHash);
    expect(logEntryOf(event, dataHash)).toBe(entryByTheBook(event, dataHash));
    expect(leafHashOf(event)).toBe(sha256(Buffer.from([0]), Buffer.from(entryByTheBook(event, dataHash), 'utf8')));
  });

  it('is the same leaf from the payload\'s canonical text, hashed unparsed; any other text of the same data gives another', () => {
    const event = envelope();
    expect(leafHashOfCanonicalData(event, canonicalJsonOf(event.data))).toBe(leafHashOf(event));
    expect(leafHashOfCanonicalData(event, JSON.stringify(event.data))).not.toBe(leafHashOf(event));
  });

  it('ignores properties that are not part of the envelope', () => {
    const event = envelope();
    expect(leafHashOf({ ...event, leafHash: 'x', extra: 1 } as EventEnvelope)).toBe(leafHashOf(event));
  });

  it('commits to each restricted value with a salt, so the public data gives the same leaf and never the value', () => {
    const data = { requestId: 'r-1', subjectRef: 'sref-1', personalDetails: { name: 'A Resident' }, purpose: 'x' };
    const salts = drawCommitmentSalts(data, ['subjectRef', 'personalDetails', 'absentField'], () => randomUUID().replace(/-/g, '').repeat(2));
    expect(Object.keys(salts!)).toEqual(['subjectRef', 'personalDetails']);
    const event = { ...envelope({ data }), commitmentSalts: salts };
    const published = publicDataOf(data, salts) as Record<string, unknown>;
    expect(published).toEqual({
      requestId: 'r-1',
      purpose: 'x',
      subjectRef: { commitment: sha256(Buffer.from(salts!.subjectRef, 'hex'), Buffer.from('"sref-1"')) },
      personalDetails: { commitment: commitmentOf(salts!.personalDetails, { name: 'A Resident' }) },
    });
    expect(JSON.stringify(published)).not.toContain('A Resident');
    expect(leafHashOfPublic(event, published)).toBe(leafHashOf(event));
    // Another salt, another commitment: the value cannot be checked (nor guessed) without it.
    expect(commitmentOf('00'.repeat(32), 'sref-1')).not.toBe(commitmentOf(salts!.subjectRef, 'sref-1'));
    // A changed restricted value changes the leaf, though the public never saw it.
    expect(leafHashOf({ ...event, data: { ...data, subjectRef: 'sref-2' } })).not.toBe(leafHashOf(event));
    expect(drawCommitmentSalts({ purpose: 'x' }, ['subjectRef'], () => 'ab')).toBeNull();
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
