import { ROLES, type Role } from '@ledger/domain';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import type { RecordedEvent } from '@ledger/event-store';
import type { EncryptedDetailsRow } from '@ledger/projections';
import { ANONYMOUS, PublicView, canSeeRestricted, type DetailsDecrypter, type Viewer } from './public-view';

const HOUR = 3_600_000;
const registry = EventSchemaRegistry.fromDirectory();
const view = new PublicView(registry);

const valid = (role: Role): Viewer => ({ role, restrictedUntil: Date.now() + HOUR });
const oversight = valid('oversight');
const expiredOversight: Viewer = { role: 'oversight', restrictedUntil: Date.now() - 1 };
/** Everyone but valid oversight: anonymous, every other role with a valid token, oversight without one or past it. */
const others: Array<[string, Viewer]> = [
  ['anonymous', ANONYMOUS],
  ...ROLES.filter((role) => role !== 'oversight').map((role): [string, Viewer] => [role, valid(role)]),
  ['oversight whose token expired', expiredOversight],
  ['oversight without a valid token', { role: 'oversight', restrictedUntil: null }],
];

const details: EncryptedDetailsRow = { algorithm: 'AES-256-GCM', keyId: 'subj_00000000000000000000000000000001', iv: 'aXY=', ciphertext: 'c2VjcmV0', tag: 'dGFn' };
const request = { subjectRef: 'subj_00000000000000000000000000000001', personalDetails: details };

/** A vault that "decrypts" by naming the ciphertext, and counts how often it was asked. */
function vault(plaintext: string | null = 'plaintext of c2VjcmV0'): DetailsDecrypter & { asked: number } {
  const v = { asked: 0, decrypt: () => (v.asked++, plaintext) };
  return v;
}

function eventOf(type: string, schemaVersion: number, data: unknown): RecordedEvent {
  return {
    eventId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    type,
    schemaVersion,
    streamId: 'data-request-1',
    streamRevision: 0,
    sequence: 7,
    occurredAt: '2017-10-02T18:00:00.000Z',
    recordedAt: '2017-10-02T18:00:01.000Z',
    recordedBy: { id: 'person:officer-ana', name: 'Ana Officer', role: 'officer' },
    correlationId: null,
    causationId: null,
    leafHash: 'a'.repeat(64),
    data,
  };
}

/** Every schema version of every event type with restricted fields, with a payload filling each of them and one public field. */
const restrictedPayloads = registry.knownTypes().flatMap((type) =>
  Array.from({ length: registry.latestVersion(type) }, (_, i) => i + 1).flatMap((version) => {
    const restricted = registry.restrictedFields(type, version);
    if (restricted.length === 0) return [];
    const data = Object.fromEntries([...restricted, 'receivedAt'].map((field) => [field, `value of ${field}`]));
    return [{ type, version, restricted, data }];
  }),
);

describe('the public-view policy', () => {
  it('knows the restricted fields from the event schemas: a data request subject reference and personal details', () => {
    expect([...new Set(restrictedPayloads.flatMap((p) => p.restricted))].sort()).toEqual(['personalDetails', 'subjectRef']);
  });

  describe('who may see restricted values', () => {
    it('is oversight alone, while its token is valid', () => {
      expect(canSeeRestricted(oversight)).toBe(true);
      for (const [, viewer] of others) expect(canSeeRestricted(viewer)).toBe(false);
    });

    it('ends at the instant the token expires, not after', () => {
      const expiresAt = Date.now() + 3000;
      const viewer: Viewer = { role: 'oversight', restrictedUntil: expiresAt };
      expect(canSeeRestricted(viewer, expiresAt - 1)).toBe(true);
      expect(canSeeRestricted(viewer, expiresAt)).toBe(false);
      expect(canSeeRestricted(viewer, expiresAt + HOUR)).toBe(false);
    });
  });

  describe("an event's payload", () => {
    it.each(others)('withholds every restricted field of every schema version from %s, and keeps the public ones', (_, viewer) => {
      for (const { type, version, restricted, data } of restrictedPayloads) {
        const seen = view.payload(viewer, { type, schemaVersion: version, data }) as Record<string, unknown>;
        for (const field of restricted) expect(seen).not.toHaveProperty(field);
        expect(seen.receivedAt).toBe('value of receivedAt');
      }
    });

    it('shows oversight the payload as stored', () => {
      for (const { type, version, data } of restrictedPayloads) expect(view.payload(oversight, { type, schemaVersion: version, data })).toBe(data);
    });

    it('shows nothing of a type the schemas cannot vouch for, to anyone but oversight', () => {
      const unknown = { type: 'NoSuchEvent', schemaVersion: 1, data: { secret: 1 } };
      for (const [, viewer] of others) expect(view.payload(viewer, unknown)).toEqual({});
      expect(view.payload(oversight, unknown)).toEqual({ secret: 1 });
    });

    it('gives the public payload, without restricted fields, whoever asks', () => {
      for (const { type, version, restricted, data } of restrictedPayloads) {
        const seen = view.publicPayload({ type, schemaVersion: version, data }) as Record<string, unknown>;
        for (const field of restricted) expect(seen).not.toHaveProperty(field);
      }
    });
  });

  describe('an event', () => {
    const { type, version, data } = restrictedPayloads[0];
    const stored = eventOf(type, version, data);

    it('keeps its envelope and leaf hash, and changes only the payload it shows', () => {
      const seen = view.event(ANONYMOUS, stored);
      expect({ ...seen, data: undefined }).toEqual({ ...stored, data: undefined });
      expect(seen.data).toEqual(view.payload(ANONYMOUS, stored));
      expect(stored.data).toBe(data);
      expect((stored.data as Record<string, unknown>).subjectRef).toBe('value of subjectRef');
    });

    it('is the stored event itself for oversight, and withheld again once its token expires', () => {
      expect(view.event(oversight, stored)).toBe(stored);
      expect(view.event(expiredOversight, stored).data).not.toHaveProperty('subjectRef');
    });
  });

  describe("a data request's restricted fields", () => {
    it.each(others)('are null for %s, and the details are never decrypted for them', (_, viewer) => {
      const v = vault();
      expect(view.subjectRef(viewer, request)).toBeNull();
      expect(view.personalDetails(viewer, request, v)).toBeNull();
      expect(v.asked).toBe(0);
    });

    it('are shown to oversight: the reference as stored, the details decrypted', () => {
      const v = vault();
      expect(view.subjectRef(oversight, request)).toBe(request.subjectRef);
      expect(view.personalDetails(oversight, request, v)).toBe('plaintext of c2VjcmV0');
      expect(v.asked).toBe(1);
    });

    it('give oversight null details when none were recorded or the subject key was erased', () => {
      const none = vault();
      expect(view.personalDetails(oversight, { personalDetails: null }, none)).toBeNull();
      expect(none.asked).toBe(0);
      expect(view.personalDetails(oversight, request, vault(null))).toBeNull();
    });
  });
});
