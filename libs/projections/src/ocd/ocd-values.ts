import type { RecordedEvent } from '@ledger/event-store';
import type { OcdSource } from './ocd.types';

/**
 * OCD's fuzzy datetime (pupa/scrape/schemas/common.py) has no fractional seconds: drop them, keep
 * the offset, so a 2017 vote recorded with Denver's offset still reads as that local time.
 */
export function ocdDateTime(iso: string): string {
  return iso.replace(/(T\d{2}:\d{2}:\d{2})\.\d+/, '$1');
}

/** The calendar date an instant was written with (its own offset), YYYY-MM-DD. */
export function ocdDate(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Each OCD object cites the ledger events it was built from, by eventId as a URN, with the
 * sequence and leaf hash that let anyone check the event against the ledger's Merkle proofs.
 */
export function ocdSources(events: readonly RecordedEvent[]): OcdSource[] {
  return events.map((event) => ({
    url: `urn:uuid:${event.eventId}`,
    note: `ledger event ${event.sequence} (${event.type}), leaf hash ${event.leafHash}`,
  }));
}
