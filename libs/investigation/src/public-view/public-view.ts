import type { Role } from '@ledger/domain';
import type { EventSchemaRegistry } from '@ledger/event-schemas';
import { publicDataOf, type RecordedEvent } from '@ledger/event-store';
import type { DataRequestRow, EncryptedDetailsRow } from '@ledger/projections';

/**
 * The public-view policy: what one viewer may see of the ledger's restricted values, decided here
 * and nowhere else. The read models hold rows as stored, restricted values included; every path
 * that hands them to a caller (GraphQL's LedgerEvent.data, which events(), node(), histories,
 * receipts, trace(id) and the ledgerEvents subscription all go through; DataRequest.subjectRef and
 * personalDetails; the trace; the investigation report; the portal) asks this module first.
 *
 * Restricted values are those the event schemas mark "x-restricted" (today a data request's
 * subjectRef and personalDetails). Only the oversight role sees them (docs/ARCHITECTURE.md, "Roles"):
 * anonymous callers, clerks, officers and even admins do not.
 */

/** Who is looking. */
export interface Viewer {
  /** the account's role; null for an anonymous caller */
  readonly role: Role | null;
  /**
   * Until when the viewer may see restricted values (ms since the epoch, exclusive): its token's
   * expiry; null when it has no valid token. A viewer can outlive its token (a subscription keeps
   * its context for hours), so this is checked at each view, never once for all.
   */
  readonly restrictedUntil: number | null;
}

/** A caller with no account: sees public fields only. */
export const ANONYMOUS: Viewer = Object.freeze({ role: null, restrictedUntil: null });

/** Whether the viewer may see restricted values now: the oversight role, while its token is valid. */
export function canSeeRestricted(viewer: Viewer, now = Date.now()): boolean {
  return viewer.role === 'oversight' && viewer.restrictedUntil !== null && now < viewer.restrictedUntil;
}

declare const viewed: unique symbol;

/**
 * An event as one viewer may see it. Only PublicView.event makes one, so where a function asks for
 * an EventView, a row as the event log stores it does not compile.
 */
export type EventView = RecordedEvent & { readonly [viewed]: true };

type StoredPayload = Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data' | 'commitmentSalts'>;

/** What decrypts a subject's personal details: the subject vault (libs/privacy), chosen by the composition root. */
export interface DetailsDecrypter {
  /** the plaintext, or null when the subject's key was erased */
  decrypt(details: EncryptedDetailsRow): string | null;
}

/** The viewer's view of an event's payload, a data request's restricted fields, and a trace's events. */
export class PublicView {
  constructor(private readonly schemas: Pick<EventSchemaRegistry, 'publicPayload'>) {}

  /**
   * The payload as this viewer may see it: whole for oversight; for everyone else each restricted
   * value replaced by its salted commitment (publicDataOf), which keeps the event's leaf hash
   * recomputable from what they see (docs/ARCHITECTURE.md, "Integrity").
   */
  payload(viewer: Viewer, event: StoredPayload): unknown {
    return canSeeRestricted(viewer) ? event.data : this.publicPayload(event);
  }

  /** The payload as anyone may see it, whoever asks: for text that is the same for every reader. */
  publicPayload(event: StoredPayload): unknown {
    // The stored version's schema: the event log serves payloads as stored, not upcast.
    const withoutRestricted = this.schemas.publicPayload(event.type, event.schemaVersion, event.data);
    const salts = event.commitmentSalts;
    if (!salts || typeof withoutRestricted !== 'object' || withoutRestricted === null) return withoutRestricted;
    // A restricted value recorded with a salt is shown as its commitment, never silently dropped.
    const committed = publicDataOf(event.data, salts) as Record<string, unknown>;
    return { ...withoutRestricted, ...Object.fromEntries(Object.keys(salts).map((field) => [field, committed[field]])) };
  }

  /** The event with the payload this viewer may see. */
  event(viewer: Viewer, event: RecordedEvent): EventView {
    const data = this.payload(viewer, event);
    return (data === event.data ? event : { ...event, data }) as EventView;
  }

  /**
   * The salts of an event's restricted values, by field, or null: restricted like the values, so
   * oversight (who sees a value) can recompute its commitment and check it against the public data.
   */
  commitmentSalts(viewer: Viewer, event: Pick<RecordedEvent, 'commitmentSalts'>): RecordedEvent['commitmentSalts'] {
    return canSeeRestricted(viewer) ? (event.commitmentSalts ?? null) : null;
  }

  /** A data request's pseudonymous subject reference, or null. */
  subjectRef(viewer: Viewer, request: Pick<DataRequestRow, 'subjectRef'>): string | null {
    return canSeeRestricted(viewer) ? request.subjectRef : null;
  }

  /** A data request's personal details, decrypted, or null (none recorded, the key erased, or not this viewer's to see). */
  personalDetails(viewer: Viewer, request: Pick<DataRequestRow, 'personalDetails'>, vault: DetailsDecrypter): string | null {
    // Checked before decrypting: a viewer who may not see the details never has them decrypted.
    if (!canSeeRestricted(viewer) || request.personalDetails === null) return null;
    return vault.decrypt(request.personalDetails);
  }
}
