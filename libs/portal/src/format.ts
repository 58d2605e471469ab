import type { Lang, Messages } from './i18n/messages';
import { MESSAGES } from './i18n/messages';

/**
 * Dates and times as a reader of the page expects them: instants in the city's time zone (a vote
 * at 17:40 in Denver is shown at 5:40 PM, not in UTC), calendar dates (a clause's first day in
 * force) as the day they name, in the page's language.
 */
export class PortalFormat {
  readonly t: Messages;
  private readonly instantFormat: Intl.DateTimeFormat;
  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly dayInCity: Intl.DateTimeFormat;
  private readonly wallClock: Intl.DateTimeFormat;

  constructor(
    readonly lang: Lang,
    readonly timeZone: string,
  ) {
    this.t = MESSAGES[lang];
    this.instantFormat = new Intl.DateTimeFormat(this.t.locale, { timeZone, dateStyle: 'long', timeStyle: 'short' });
    // A calendar date has no time zone: formatted at UTC midnight, as the day it names.
    this.dayFormat = new Intl.DateTimeFormat(this.t.locale, { timeZone: 'UTC', dateStyle: 'long' });
    this.dayInCity = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.wallClock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  }

  /** The instant a calendar date (YYYY-MM-DD) begins in the city, ISO-8601 in UTC: what "from that day" means. */
  cityMidnight(isoDate: string): string {
    const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
    // The city's offset at that moment, then again at the corrected one (a day that starts a DST change).
    let instant = utcMidnight - this.offsetAt(utcMidnight);
    instant = utcMidnight - this.offsetAt(instant);
    return new Date(instant).toISOString();
  }

  /** How far the city's wall clock is ahead of UTC at an instant, in ms. */
  private offsetAt(instant: number): number {
    const parts = Object.fromEntries(this.wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return wall - Math.floor(instant / 1000) * 1000;
  }

  /** An instant (ISO-8601 with an offset), in the city's time zone. */
  instant(iso: string): string {
    return this.instantFormat.format(new Date(iso));
  }

  /** A calendar date (YYYY-MM-DD). */
  day(isoDate: string): string {
    return this.dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
  }

  /** The calendar date (YYYY-MM-DD) an instant falls on in the city: what "in force that day" means. */
  cityDateOf(instant: Date | string): string {
    return this.dayInCity.format(new Date(instant));
  }

  number(value: number): string {
    return value.toLocaleString(this.t.locale);
  }
}
