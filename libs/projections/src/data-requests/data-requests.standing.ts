import type Database from 'better-sqlite3';
import { storeFindings, type StoredAssessment } from './data-requests.compliance';
import type { ViolationFoundVia } from './data-requests.rows';
import { statement } from '../runtime/statement-cache';

/**
 * Which assessment of a decision counts, the one place for the rule that a correction cannot
 * whitewash a decision (issue 13): the register's status, `decisions(filter: {complianceStatus})`
 * and the portal read the counted assessment.
 *
 * - Once oversight has looked at a decision (reviewed it) or it was found in violation (by the
 *   ledger's assessment or by oversight), a correction's assessment waits (pending_*) until
 *   oversight reviews again; the counted one stays as it was. A review makes the pending one count.
 * - Only an improvement waits: a pending assessment that finds a violation counts at once.
 * - The first time a decision is found in violation is kept (when, how, by whom) and never cleared,
 *   so "ever found in violation" survives every correction and review.
 */

interface Standing {
  complianceStatus: string;
  compliance: string;
  pendingStatus: string | null;
  pendingCompliance: string | null;
  violationFoundAt: string | null;
  reviewedAt: string | null;
}

/** An assessment as its columns hold it: its findings are in its JSON, read only when they are stored again. */
type Assessment = Pick<StoredAssessment, 'status' | 'compliance'> & Partial<Pick<StoredAssessment, 'findings'>>;

const same = (a: Assessment | null, b: Assessment | null) => a?.status === b?.status && a?.compliance === b?.compliance;

const stored = (status: string, compliance: string): Assessment => ({ status: status as Assessment['status'], compliance });
const findingsOf = (assessment: Assessment) => assessment.findings ?? (JSON.parse(assessment.compliance) as Pick<StoredAssessment, 'findings'>).findings;

function standingOf(db: Database.Database, decisionId: string): Standing | undefined {
  return statement(
    db,
    `SELECT compliance_status AS complianceStatus, compliance, pending_status AS pendingStatus, pending_compliance AS pendingCompliance,
            violation_found_at AS violationFoundAt, reviewed_at AS reviewedAt
       FROM decisions WHERE id = ?`,
  ).get(decisionId) as Standing | undefined;
}

function write(db: Database.Database, decisionId: string, counted: Assessment, pending: Assessment | null, countedChanged: boolean): void {
  if (countedChanged) storeFindings(db, decisionId, findingsOf(counted));
  statement(db, 'UPDATE decisions SET compliance_status = ?, compliance = ?, pending_status = ?, pending_compliance = ? WHERE id = ?').run(
    counted.status,
    counted.compliance,
    pending?.status ?? null,
    pending?.compliance ?? null,
    decisionId,
  );
}

/** Keeps the first finding of a violation; a later one changes nothing. */
export function noteViolationFound(db: Database.Database, decisionId: string, at: string, via: ViolationFoundVia, by: string | null): void {
  statement(
    db,
    'UPDATE decisions SET violation_found_at = ?, violation_found_via = ?, violation_found_by = ? WHERE id = ? AND violation_found_at IS NULL',
  ).run(at, via, by, decisionId);
}

/**
 * A new assessment of a recorded decision, after a correction (`byCorrection`) or a disclosure:
 * counted at once, or held for oversight's review as the rule above says.
 */
export function assessmentChanged(db: Database.Database, decisionId: string, assessed: StoredAssessment, at: string, byCorrection: boolean): void {
  const standing = standingOf(db, decisionId);
  if (!standing) return;
  const counted = stored(standing.complianceStatus, standing.compliance);
  const pending = standing.pendingStatus === null ? null : stored(standing.pendingStatus, standing.pendingCompliance!);
  const underOversight = standing.reviewedAt !== null || standing.violationFoundAt !== null;
  const awaitsReview = pending !== null || (byCorrection && underOversight);
  const next: { counted: Assessment; pending: Assessment | null } = !awaitsReview
    ? { counted: assessed, pending: null }
    : { counted: assessed.status === 'VIOLATION' ? assessed : counted, pending: assessed };
  // Most disclosures change nothing: the row (a few KB with its findings) is then left as it is.
  const countedChanged = !same(next.counted, counted);
  if (countedChanged || !same(next.pending, pending)) write(db, decisionId, next.counted, next.pending, countedChanged);
  if (next.counted.status === 'VIOLATION') noteViolationFound(db, decisionId, at, 'ASSESSMENT', null);
}

/** Oversight reviewed the decision: a correction's assessment awaiting that review now counts. */
export function reviewRecorded(db: Database.Database, decisionId: string): void {
  const standing = standingOf(db, decisionId);
  if (!standing || standing.pendingStatus === null) return;
  const pending = stored(standing.pendingStatus, standing.pendingCompliance!);
  write(db, decisionId, pending, null, !same(pending, stored(standing.complianceStatus, standing.compliance)));
}
