/** Tells a writer when the read models have applied its events (read-your-writes). */
export interface ReadModelSync {
  waitFor(sequence: number): Promise<void>;
}
export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');

/**
 * Whether the ledger can take a command now. The write path asks before it appends anything, so a
 * command is refused whole (nothing recorded) while, say, the read models cannot follow the log.
 */
export interface CommandAvailability {
  /** why commands are refused right now, or null when they are taken */
  refusal(): string | null;
}
export const COMMAND_AVAILABILITY = Symbol('COMMAND_AVAILABILITY');

/** The schema version new events are written at: the newest one known for their type (throws for an unknown type). */
export interface EventTypeVersions {
  latestVersion(type: string): number;
}
export const EVENT_TYPE_VERSIONS = Symbol('EVENT_TYPE_VERSIONS');

/** The organization whose members with the role clerk are the ledger's clerks (LEDGER_CLERK_OFFICE; accounts/accounts-on-record.ts). */
export const CLERK_OFFICE_ID = Symbol('CLERK_OFFICE_ID');
