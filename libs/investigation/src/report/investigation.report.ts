/**
 * The investigation report: the JSON that `ledger investigate ID --format json` prints, and the
 * model the Markdown and HTML renderings are made from. A stable structure: fields are added,
 * never renamed or removed, within one `formatVersion`.
 *
 * No event payload is copied in. Every text comes from public fields (the event schemas'
 * "x-restricted" fields are removed before an event is described); a data request's subject
 * reference appears only in a report for a viewer the public view lets see it (the CLI's
 * --include-restricted), and personal details never do.
 */

export const REPORT_FORMAT = 'ledger-investigation';
export const REPORT_FORMAT_VERSION = 1;

export interface InvestigationReport {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  /** when the report was made (ISO instant) */
  generatedAt: string;
  /** how many events the ledger held when the report was made */
  ledgerSize: number;
  /** true only when the report's viewer may see restricted values (--include-restricted): then decisions[].subjectRef is filled */
  restrictedIncluded: boolean;
  subject: ReportSubject;
  /** every event of the trace, oldest first, with the law in force on its date */
  timeline: TimelineEntry[];
  actors: ActorEntry[];
  /** every clause version the report names: the trace's, those in force at a step, those a finding cites */
  clauses: ClauseEntry[];
  votes: VoteEntry[];
  decisions: DecisionEntry[];
  /** the events of the trace, for checking against the log: sequence (the Merkle leaf index) and leaf hash */
  events: EventEntry[];
  /**
   * The log's latest signed checkpoint (c2sp.org/tlog-checkpoint, a signed note) when the report was
   * made, which each event's inclusionProof leads to; null when the ledger has no signed log yet.
   */
  signedCheckpoint: string | null;
}

export interface ReportSubject {
  /** as the ledger spells it */
  id: string;
  /** event | person | organization | measure | clause | vote | data-request | decision */
  kind: string;
  /** a one-line description for people */
  label: string;
}

export interface Named {
  id: string;
  /** null when the directory does not know the id */
  name: string | null;
}

export interface TimelineEntry {
  sequence: number;
  eventId: string;
  /** when it happened in the world */
  occurredAt: string;
  /** when the ledger recorded it */
  recordedAt: string;
  type: string;
  streamId: string;
  recordedBy: { id: string; name: string; role: string };
  leafHash: string;
  /** one sentence, from public fields only */
  description: string;
  /** the day the law is read on: occurredAt's date */
  date: string;
  /** for each clause the report is about, the version in force on `date` (absent when none was) */
  clausesInForce: ClauseRef[];
}

export interface ClauseRef {
  clauseId: string;
  version: number;
}

/**
 * Everyone who recorded an event of the trace, and every office holder whose act one records (a
 * signature, a decision, a review…): in a history a clerk backfilled, the clerk recorded the
 * mayor's signature and the mayor signed.
 */
export interface ActorEntry {
  id: string;
  name: string;
  /** the roles the account recorded these events with (empty for a person who recorded none) */
  roles: string[];
  eventsRecorded: number;
  /** events recording this person's own act as an office holder, whoever recorded them */
  ownActs: number;
  /** offices the person held, as the directory records them (empty for accounts that are no registered person) */
  offices: Array<{ organization: Named; role: string; startDate: string; endDate: string | null }>;
}

export interface ClauseEntry extends ClauseRef {
  measureId: string;
  eId: string;
  heading: string | null;
  text: string;
  struck: boolean;
  rule: { effect: string; action: string; dataCategories: string[]; recipients: string[]; unless: string[] } | null;
  /** first day in force (null: never in force) */
  validFrom: string | null;
  /** first day no longer in force (null: still in force) */
  validUntil: string | null;
  adoptedByVoteId: string | null;
  /** the other measure that made this version, if any */
  byMeasureId: string | null;
  /** the event that recorded this version */
  eventId: string;
  sequence: number;
  /** part of the trace itself (not only in force at one of its steps or named by a finding) */
  inTrace: boolean;
}

export interface VoteEntry {
  id: string;
  measure: { id: string; title: string | null };
  body: Named;
  motion: string;
  occurredAt: string;
  threshold: string;
  result: string;
  tally: { yes: number; no: number; abstain: number; absent: number; recused: number };
  /** every member of the body that day, as recorded */
  rollCall: Array<{ person: Named; choice: string }>;
  sequence: number;
  eventId: string;
  leafHash: string | null;
}

export interface DecisionEntry {
  id: string;
  requestId: string;
  requestingOrganization: Named;
  receivingOrganization: Named;
  receivedAt: string;
  requestedCategories: string[];
  action: string;
  recipientCategories: string[];
  purpose: string;
  legalBasis: string;
  /** restricted: only for a viewer who may see it (--include-restricted), else null */
  subjectRef: string | null;
  outcome: string;
  disclosedCategories: string[];
  decidedAt: string;
  decidedBy: Named;
  decidingOrganization: Named;
  rationale: string;
  actionsTaken: string[];
  citations: ClauseRef[];
  disclosures: Array<{ disclosedCategories: string[]; channel: string; disclosedAt: string; sequence: number }>;
  compliance: {
    status: string;
    findings: Array<ClauseRef & { status: string; explanation: string }>;
    notes: string[];
  };
  review: { finding: string; reasons: string; reviewedBy: Named; reviewedAt: string } | null;
  corrected: boolean;
}

export interface EventEntry {
  sequence: number;
  eventId: string;
  type: string;
  streamId: string;
  leafHash: string;
  /**
   * RFC 9162 audit path (lowercase hex, leaf to root) from this leaf to the root of signedCheckpoint:
   * with the log's public key, proof that the event is in the log the city signed. null when the
   * event is not in that checkpoint (recorded after it) or there is none.
   */
  inclusionProof: string[] | null;
}
