/** Tells a writer when the read models have applied its events (read-your-writes). */
export interface ReadModelSync {
  waitFor(sequence: number): Promise<void>;
}
export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');

/** The schema version new events are written at: the newest one known for their type (throws for an unknown type). */
export interface EventTypeVersions {
  latestVersion(type: string): number;
}
export const EVENT_TYPE_VERSIONS = Symbol('EVENT_TYPE_VERSIONS');
