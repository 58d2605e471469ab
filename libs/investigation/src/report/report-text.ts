import type { ClauseEntry, ClauseRef, InvestigationReport, Named, TimelineEntry, VoteEntry } from './investigation.report';

/** Wording shared by the Markdown and HTML renderings, so both say the same thing. */

export const refText = (ref: ClauseRef) => `${ref.clauseId} v${ref.version}`;
export const nameText = (named: Named) => named.name ?? named.id;
export const tallyText = (t: VoteEntry['tally']) => `${t.yes} yes, ${t.no} no, ${t.abstain} abstain, ${t.absent} absent, ${t.recused} recused`;
export const periodText = (c: ClauseEntry) => (c.validFrom === null ? 'never in force' : `in force from ${c.validFrom}${c.validUntil ? ` until ${c.validUntil} (exclusive)` : ', still in force'}`);

export function ruleText(rule: ClauseEntry['rule']): string | null {
  if (!rule) return null;
  const categories = rule.dataCategories.length ? rule.dataCategories.join(', ') : 'any data';
  const recipients = rule.recipients.length ? ` with ${rule.recipients.join(', ')}` : '';
  const unless = rule.unless.length ? ` unless ${rule.unless.join(' or ')}` : '';
  return `${rule.effect} ${rule.action} of ${categories}${recipients}${unless}`;
}

export function provenanceText(c: ClauseEntry): string {
  const how = c.adoptedByVoteId ? `adopted by ${c.adoptedByVoteId}` : c.byMeasureId ? `made by ${c.byMeasureId}` : c.version === 1 ? 'as introduced' : 'recorded';
  return `${how}; recorded by the event at sequence ${c.sequence}`;
}

export function restrictedText(report: InvestigationReport): string {
  return report.restrictedIncluded
    ? 'subject references INCLUDED (--include-restricted); personal details are never printed'
    : 'withheld: no subject reference or personal detail is printed';
}

export function clauseLookup(report: InvestigationReport): (ref: ClauseRef) => ClauseEntry | undefined {
  const byRef = new Map(report.clauses.map((c) => [`${c.clauseId} ${c.version}`, c]));
  return (ref) => byRef.get(`${ref.clauseId} ${ref.version}`);
}

export interface InForceStep {
  /** null: the same versions as at the step before */
  versions: Array<{ ref: ClauseRef; changed: boolean }> | null;
}

/**
 * The law in force at each step of the timeline, said once: a step repeats nothing when the
 * versions in force are those of the step before, and gives the text only of versions new to it.
 */
export function inForceSteps(timeline: TimelineEntry[]): InForceStep[] {
  let previous: Set<string> | null = null;
  return timeline.map((step) => {
    const keys = step.clausesInForce.map(refText);
    const current = new Set(keys);
    const same = previous !== null && previous.size === current.size && keys.every((k) => previous!.has(k));
    const result: InForceStep = same ? { versions: null } : { versions: step.clausesInForce.map((ref) => ({ ref, changed: !previous?.has(refText(ref)) })) };
    previous = current;
    return result;
  });
}

export function sequenceRange(report: InvestigationReport): string {
  const { events } = report;
  if (events.length === 0) return 'none';
  return `${events.length} (sequences ${events[0].sequence} to ${events[events.length - 1].sequence})`;
}

/** What the report proves of its events, and how to check it (the same words in every rendering). */
export function inclusionText(report: InvestigationReport): string {
  if (!report.signedCheckpoint) return 'The ledger had no signed checkpoint when this report was made: its events cannot be proven to be in a signed log yet.';
  const proven = report.events.filter((e) => e.inclusionProof !== null).length;
  return (
    `${proven} of the ${report.events.length} events are in the log the city signed with the checkpoint below ` +
    '(c2sp.org/tlog-checkpoint). The JSON report (--format json) gives each event\'s audit path to its root; ' +
    '`ledger proof ID --out DIR` writes them as tlog-proof files that `scripts/verify-proof.mjs` checks with the log\'s public key alone.' +
    (proven < report.events.length ? ' The others were recorded after it.' : '')
  );
}
