// generated from event-schemas/ by npm run generate:event-types; do not edit.
// <Type>Data is the latest version of each event payload, <Type>V<N>Data an older one
// (kept for upcasters and imports).

// event-schemas/directory/PersonRecordCorrected.v1.schema.json
/**
 * A directory record was found wrong and corrected; the original PersonRegistered event stays in the ledger.
 */
export interface PersonRecordCorrectedData {
  /**
   * The person whose record is corrected.
   */
  personId: string;
  /**
   * The new values, only for the fields that change.
   */
  corrections: {
    /**
     * Corrected display name, trimmed.
     */
    name?: string;
    /**
     * Corrected sort name, trimmed.
     */
    sortName?: string;
  };
  /**
   * Why the record was wrong, as the clerk stated it; trimmed.
   */
  reason: string;
}

// event-schemas/directory/PersonRegistered.v1.schema.json
/**
 * A person (council member, officer, clerk) entered the directory. Superseded by v2, which adds sortName; stored v1 events are upcast on read.
 */
export interface PersonRegisteredV1Data {
  /**
   * Readable slug chosen by the clerk, e.g. person:robin-kniech.
   */
  personId: string;
  /**
   * Display name, trimmed.
   */
  name: string;
}

// event-schemas/directory/PersonRegistered.v2.schema.json
/**
 * A person (council member, officer, clerk) entered the directory.
 */
export interface PersonRegisteredData {
  /**
   * Readable slug chosen by the clerk, e.g. person:robin-kniech.
   */
  personId: string;
  /**
   * Display name, trimmed.
   */
  name: string;
  /**
   * Name used for alphabetical ordering, e.g. "Kniech, Robin" (Open Civic Data's sort_name), trimmed.
   */
  sortName: string;
}
