import { assertPersonId } from '../person/person.ids';
import { actDate } from './date-rules';
import type { CommandMetadata } from './decider';
import { forbidden } from './domain-error';

/*
 * The acts of an office holder (the mayor's signature, an officer's decision, oversight's review)
 * stand on what the record says about the office, and on who records them.
 *
 * In person, the account must have the office's role, and its person must hold the office on the
 * act's date and also on the day the act is recorded: an account outlives the term, and the act's
 * date is the caller's to state, so checking that date alone would let a mayor whose term ended in
 * 2019 revoke an order today by dating the act 2019-07-01.
 *
 * Backfilling, a main use (a city digitizing its past records): a clerk records the act on behalf
 * of whoever held the office on the act's date, named in `onBehalfOf`. That person may have left
 * office since and needs no account. The event names them as the one who acted (signedBy,
 * decidedBy…, or `onBehalfOf` where the payload has no such field); the envelope's recordedBy stays
 * the clerk.
 */

/** Command data of an office holder's act. */
export interface OnBehalfOf {
  /** backfilling: the person, who held the office on the act's date, that a clerk records this act for */
  onBehalfOf?: string | null;
}

export interface OfficeholderAct {
  /** the account role that acts in person: mayor, officer, oversight */
  role: string;
  /** the refusal of any other role, e.g. "only the mayor may sign an ordinance" */
  refusal: string;
  /** the refusal of a person who does not hold the office on a date */
  notHeld(personId: string, date: string): string;
  /** what the record says of the acting person (actingPersonId): office held on the act's date, and on the day it is recorded */
  heldOnActDate: boolean;
  heldWhenRecorded: boolean;
}

/** Whose office the facts must describe: the person a clerk records for, else the account's own. */
export function actingPersonId(onBehalfOf: unknown, actor: { id: string }): string {
  return typeof onBehalfOf === 'string' ? onBehalfOf : actor.id;
}

/** Refuses an act the record does not support (FORBIDDEN); returns whose act it is. */
export function officeholderActing(metadata: CommandMetadata, onBehalfOf: unknown, act: OfficeholderAct): string {
  const { actor } = metadata;
  const date = actDate(metadata);
  if (onBehalfOf !== undefined && onBehalfOf !== null) {
    if (actor.role !== 'clerk') throw forbidden(`only a clerk records an act on behalf of someone else; ${actor.id} acts as ${actor.role}`);
    assertPersonId(onBehalfOf, 'onBehalfOf');
    // Their office on the act's date is what counts: they may well have left it since.
    if (!act.heldOnActDate) throw forbidden(act.notHeld(onBehalfOf, date));
    return onBehalfOf;
  }
  if (actor.role === 'clerk') throw forbidden(`${act.refusal}; ${actor.id} acts as clerk, who records it on behalf of whoever held the office that day (onBehalfOf)`);
  if (actor.role !== act.role) throw forbidden(`${act.refusal}; ${actor.id} acts as ${actor.role}`);
  if (!act.heldOnActDate) throw forbidden(act.notHeld(actor.id, date));
  if (!act.heldWhenRecorded) {
    const today = metadata.now.slice(0, 10);
    throw forbidden(`${act.notHeld(actor.id, today)}, the day this is recorded (a clerk may record an act of a past term on their behalf)`);
  }
  return actor.id;
}

/** The payload field naming whose act it was, for events with no such field of their own: only when a clerk recorded it for them. */
export function recordedFor(personId: string, metadata: CommandMetadata): { onBehalfOf?: string } {
  return personId === metadata.actor.id ? {} : { onBehalfOf: personId };
}

// The payload field that names the office holder whose act an event records, where it has one.
const ACTED_BY_FIELD: Record<string, string> = {
  MeasureSigned: 'signedBy',
  MeasureVetoed: 'vetoedBy',
  ExecutiveOrderDrafted: 'issuerId',
  ExecutiveOrderIssued: 'issuedBy',
  ExecutiveOrderRevoked: 'revokedBy',
  DataRequestDecided: 'decidedBy',
  DecisionReviewed: 'reviewedBy',
};

/**
 * Whose act an event records, as its payload says: the office holder it names (signedBy,
 * decidedBy…, or onBehalfOf when a clerk recorded the act for them); null when the payload names
 * nobody, and then the act is the recording account's (the envelope's recordedBy).
 */
export function actedByOf(event: { type: string; data: unknown }): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const value = data[ACTED_BY_FIELD[event.type] ?? 'onBehalfOf'];
  return typeof value === 'string' ? value : null;
}
