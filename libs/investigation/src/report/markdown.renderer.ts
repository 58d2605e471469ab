import type { DecisionEntry, InvestigationReport, TimelineEntry, VoteEntry } from './investigation.report';
import {
  clauseLookup,
  inForceSteps,
  inclusionText,
  nameText,
  periodText,
  provenanceText,
  refText,
  restrictedText,
  ruleText,
  sequenceRange,
  tallyText,
  type InForceStep,
} from './report-text';

const cell = (value: unknown) => String(value ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (...cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (headers: string[], rows: unknown[][]) => [row(...headers), row(...headers.map(() => '---')), ...rows.map((r) => row(...r))].join('\n');
const quote = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');
const code = (text: string) => `\`${text}\``;

/** The report as readable Markdown: what a person files in a tracker or a wiki. */
export function renderMarkdown(report: InvestigationReport): string {
  const clause = clauseLookup(report);
  const steps = inForceSteps(report.timeline);
  const out: string[] = [];
  out.push(`# Investigation report: ${report.subject.label}`, '');
  out.push(
    table(['', ''], [
      ['Subject', `${code(report.subject.id)} (${report.subject.kind})`],
      ['Generated', report.generatedAt],
      ['Ledger size', `${report.ledgerSize} events`],
      ['Events in this trace', sequenceRange(report)],
      ['Restricted fields', restrictedText(report)],
    ]),
    '',
  );

  if (report.decisions.length) {
    out.push('## Decisions', '');
    for (const d of report.decisions) out.push(...decisionMarkdown(d, clause), '');
  }

  out.push('## Clauses', '');
  if (report.clauses.length === 0) out.push('No clause is part of this trace.', '');
  for (const c of report.clauses) {
    out.push(`### ${refText(c)}${c.heading ? `: ${c.heading}` : ''}${c.struck ? ' (struck)' : ''}`, '', quote(c.text), '');
    out.push(`- ${periodText(c)}`, `- ${provenanceText(c)}`);
    const rule = ruleText(c.rule);
    if (rule) out.push(`- rule: ${rule}`);
    out.push(`- ${c.inTrace ? 'part of the trace' : 'in force at a step of the trace, or judged against by a finding'}`, '');
  }

  out.push('## Votes', '');
  if (report.votes.length === 0) out.push('No vote is part of this trace.', '');
  for (const v of report.votes) out.push(...voteMarkdown(v), '');

  out.push('## Actors', '');
  out.push(
    table(
      ['Person or account', 'Name', 'Roles recorded as', 'Events recorded', 'Own acts', 'Offices held'],
      report.actors.map((a) => [
        code(a.id),
        a.name,
        a.roles.join(', '),
        a.eventsRecorded,
        a.ownActs,
        a.offices.map((o) => `${o.role} of ${nameText(o.organization)} from ${o.startDate}${o.endDate ? ` to ${o.endDate}` : ''}`).join('; ') || '—',
      ]),
    ),
    '',
  );

  out.push('## Timeline', '');
  report.timeline.forEach((step, i) => out.push(...stepMarkdown(step, steps[i], clause), ''));

  out.push('## Events', '');
  out.push(table(['Sequence', 'Type', 'Stream', 'Event id', 'Leaf hash'], report.events.map((e) => [e.sequence, e.type, e.streamId, code(e.eventId), code(e.leafHash)])), '');

  out.push('## Proof of inclusion', '', inclusionText(report), '');
  if (report.signedCheckpoint) out.push('```', report.signedCheckpoint.trimEnd(), '```', '');
  return out.join('\n');
}

function decisionMarkdown(d: DecisionEntry, clause: ReturnType<typeof clauseLookup>): string[] {
  const out = [`### ${d.id}: ${d.outcome}, ${d.compliance.status}`, ''];
  out.push(
    table(['', ''], [
      ['Request', code(d.requestId)],
      ['Requested by', nameText(d.requestingOrganization)],
      ['Received by', nameText(d.receivingOrganization)],
      ['Received at', d.receivedAt],
      ['Asked', `${d.action} ${d.requestedCategories.join(', ')} with ${d.recipientCategories.join(', ')}`],
      ['Purpose', d.purpose],
      ['Legal basis', d.legalBasis],
      ...(d.subjectRef !== null ? [['Subject reference (restricted)', code(d.subjectRef)]] : []),
      ['Decided at', d.decidedAt],
      ['Decided by', `${nameText(d.decidedBy)} for ${nameText(d.decidingOrganization)}`],
      ['Outcome', d.outcome],
      ['Disclosed', d.disclosedCategories.join(', ') || 'nothing'],
      ['Rationale', d.rationale],
      ['Actions taken', d.actionsTaken.join(', ') || 'none'],
      ['Citations', d.citations.map(refText).join(', ')],
      ['Disclosures recorded', d.disclosures.map((x) => `${x.disclosedCategories.join(', ')} by ${x.channel} on ${x.disclosedAt}`).join('; ') || 'none'],
      ['Corrected', d.corrected ? 'yes' : 'no'],
      ['Oversight review', d.review ? `${d.review.finding} (${d.review.reviewedAt}, ${nameText(d.review.reviewedBy)}): ${d.review.reasons}` : 'none'],
    ]),
    '',
    `**Compliance: ${d.compliance.status}**`,
    '',
  );
  if (d.compliance.findings.length) {
    out.push(table(['Clause version', 'Status', 'Explanation'], d.compliance.findings.map((f) => [refText(f), f.status, f.explanation])), '');
    for (const f of d.compliance.findings) {
      const text = clause(f)?.text;
      if (text) out.push(`${refText(f)} reads:`, '', quote(text), '');
    }
  }
  for (const note of d.compliance.notes) out.push(`- note: ${note}`);
  return out;
}

function voteMarkdown(v: VoteEntry): string[] {
  return [
    `### ${v.id}: ${v.motion} on ${v.measure.id}${v.measure.title ? ` (${v.measure.title})` : ''}`,
    '',
    `${nameText(v.body)}, ${v.occurredAt}. **${v.result}** under ${v.threshold}: ${tallyText(v.tally)}. Event at sequence ${v.sequence}, leaf hash ${code(v.leafHash ?? 'not in this trace')}.`,
    '',
    table(['Member', 'Choice'], v.rollCall.map((c) => [nameText(c.person), c.choice])),
  ];
}

function stepMarkdown(step: TimelineEntry, inForce: InForceStep, clause: ReturnType<typeof clauseLookup>): string[] {
  const out = [
    `### ${step.sequence} · ${step.date} · ${step.type}`,
    '',
    step.description,
    '',
    `- occurred ${step.occurredAt}, recorded ${step.recordedAt}`,
    `- stream ${code(step.streamId)}, event ${code(step.eventId)}`,
    `- recorded by ${step.recordedBy.name} (${step.recordedBy.role}, ${code(step.recordedBy.id)})`,
    `- leaf hash ${code(step.leafHash)}`,
  ];
  if (inForce.versions === null) out.push(`- clauses in force on ${step.date}: unchanged`);
  else if (inForce.versions.length === 0) out.push(`- clauses in force on ${step.date}: none of the clauses in this report`);
  else {
    out.push(`- clauses in force on ${step.date}:`);
    for (const { ref, changed } of inForce.versions) {
      const text = clause(ref)?.text ?? '';
      out.push(changed ? `  - ${refText(ref)}: ${text}` : `  - ${refText(ref)} (as before)`);
    }
  }
  return out;
}

