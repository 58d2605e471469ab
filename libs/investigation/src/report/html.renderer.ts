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

// Apostrophes stay as they are: text is never put in a single-quoted attribute.
const esc = (value: unknown) => String(value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const code = (text: string) => `<code>${esc(text)}</code>`;

/** `cells` are HTML already (escape what comes from the ledger with esc/code). */
function table(headers: string[], rows: string[][], className = ''): string {
  const head = `<thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>`;
  return `<table${className ? ` class="${className}"` : ''}>${head}${body}</table>`;
}

function facts(rows: Array<[string, string]>): string {
  return `<table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

// Self-contained on purpose: a filed report must print the same in ten years, offline.
const STYLE = `
  :root { color-scheme: light; }
  body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h2 { font-size: 1.3rem; border-bottom: 2px solid #111; padding-bottom: .2rem; margin-top: 2.5rem; }
  h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
  th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
  thead th { background: #eee; }
  table.facts th { width: 14rem; background: #f6f6f6; font-weight: normal; }
  code, .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .8rem; word-break: break-all; }
  blockquote { margin: .4rem 0 .8rem; padding: .3rem .8rem; border-left: 4px solid #555; background: #f7f7f7; }
  .status-VIOLATION { font-weight: bold; text-decoration: underline; }
  .muted { color: #555; }
  ul.inforce { margin: .2rem 0; padding-left: 1.2rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    section.major { break-before: page; page-break-before: always; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    thead { display: table-header-group; }
    tr, blockquote { break-inside: avoid; page-break-inside: avoid; }
    thead th, table.facts th, blockquote { background: none; }
  }
  @page { margin: 18mm 15mm; }
`;

/** The report as one printable, self-contained HTML page: no script, no external resource. */
export function renderHtml(report: InvestigationReport): string {
  const clause = clauseLookup(report);
  const steps = inForceSteps(report.timeline);
  const sections: string[] = [];

  sections.push(`<section>
<h1>Investigation report: ${esc(report.subject.label)}</h1>
${facts([
  ['Subject', `${code(report.subject.id)} (${esc(report.subject.kind)})`],
  ['Generated', esc(report.generatedAt)],
  ['Ledger size', `${report.ledgerSize} events`],
  ['Events in this trace', esc(sequenceRange(report))],
  ['Restricted fields', esc(restrictedText(report))],
])}
</section>`);

  if (report.decisions.length) sections.push(major('Decisions', report.decisions.map((d) => decisionHtml(d, clause)).join('\n')));

  sections.push(
    major(
      'Clauses',
      report.clauses.length === 0
        ? '<p>No clause is part of this trace.</p>'
        : report.clauses
            .map((c) => {
              const rule = ruleText(c.rule);
              return `<h3>${esc(refText(c))}${c.heading ? `: ${esc(c.heading)}` : ''}${c.struck ? ' (struck)' : ''}</h3>
<blockquote>${esc(c.text)}</blockquote>
<ul><li>${esc(periodText(c))}</li><li>${esc(provenanceText(c))}</li>${rule ? `<li>rule: ${esc(rule)}</li>` : ''}<li>${
                c.inTrace ? 'part of the trace' : 'in force at a step of the trace, or judged against by a finding'
              }</li></ul>`;
            })
            .join('\n'),
    ),
  );

  sections.push(major('Votes', report.votes.length === 0 ? '<p>No vote is part of this trace.</p>' : report.votes.map(voteHtml).join('\n')));

  sections.push(
    major(
      'Actors',
      table(
        ['Person or account', 'Name', 'Roles recorded as', 'Events recorded', 'Own acts', 'Offices held'],
        report.actors.map((a) => [
          code(a.id),
          esc(a.name),
          esc(a.roles.join(', ')),
          String(a.eventsRecorded),
          String(a.ownActs),
          esc(a.offices.map((o) => `${o.role} of ${nameText(o.organization)} from ${o.startDate}${o.endDate ? ` to ${o.endDate}` : ''}`).join('; ') || '—'),
        ]),
      ),
    ),
  );

  sections.push(
    major(
      'Timeline',
      table(
        ['Sequence', 'Occurred / recorded', 'Event', 'Recorded by', 'Clauses in force that day'],
        report.timeline.map((step, i) => stepRow(step, steps[i], clause)),
        'timeline',
      ),
    ),
  );

  sections.push(
    major(
      'Events',
      table(
        ['Sequence', 'Type', 'Stream', 'Event id', 'Leaf hash'],
        report.events.map((e) => [String(e.sequence), esc(e.type), code(e.streamId), code(e.eventId), `<span class="hash">${esc(e.leafHash)}</span>`]),
      ),
    ),
  );
  sections.push(
    major('Proof of inclusion', `<p>${esc(inclusionText(report))}</p>${report.signedCheckpoint ? `<pre>${esc(report.signedCheckpoint)}</pre>` : ''}`),
  );

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Investigation report: ${esc(report.subject.label)}</title>
<style>${STYLE}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}

function major(title: string, body: string): string {
  return `<section class="major">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;
}

function decisionHtml(d: DecisionEntry, clause: ReturnType<typeof clauseLookup>): string {
  const findings = d.compliance.findings.length
    ? table(
        ['Clause version', 'Status', 'Explanation', 'Text of that version'],
        d.compliance.findings.map((f) => [esc(refText(f)), `<span class="status-${esc(f.status)}">${esc(f.status)}</span>`, esc(f.explanation), esc(clause(f)?.text ?? '')]),
      )
    : '';
  const notes = d.compliance.notes.length ? `<ul>${d.compliance.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  return `<h3>${esc(d.id)}: ${esc(d.outcome)}, <span class="status-${esc(d.compliance.status)}">${esc(d.compliance.status)}</span></h3>
${facts([
  ['Request', code(d.requestId)],
  ['Requested by', esc(nameText(d.requestingOrganization))],
  ['Received by', esc(nameText(d.receivingOrganization))],
  ['Received at', esc(d.receivedAt)],
  ['Asked', esc(`${d.action} ${d.requestedCategories.join(', ')} with ${d.recipientCategories.join(', ')}`)],
  ['Purpose', esc(d.purpose)],
  ['Legal basis', esc(d.legalBasis)],
  ...(d.subjectRef !== null ? ([['Subject reference (restricted)', code(d.subjectRef)]] as Array<[string, string]>) : []),
  ['Decided at', esc(d.decidedAt)],
  ['Decided by', esc(`${nameText(d.decidedBy)} for ${nameText(d.decidingOrganization)}`)],
  ['Outcome', esc(d.outcome)],
  ['Disclosed', esc(d.disclosedCategories.join(', ') || 'nothing')],
  ['Rationale', esc(d.rationale)],
  ['Actions taken', esc(d.actionsTaken.join(', ') || 'none')],
  ['Citations', esc(d.citations.map(refText).join(', '))],
  ['Disclosures recorded', esc(d.disclosures.map((x) => `${x.disclosedCategories.join(', ')} by ${x.channel} on ${x.disclosedAt}`).join('; ') || 'none')],
  ['Corrected', d.corrected ? 'yes' : 'no'],
  ['Oversight review', esc(d.review ? `${d.review.finding} (${d.review.reviewedAt}, ${nameText(d.review.reviewedBy)}): ${d.review.reasons}` : 'none')],
])}
<p><strong>Compliance: ${esc(d.compliance.status)}</strong></p>
${findings}${notes}`;
}

function voteHtml(v: VoteEntry): string {
  return `<h3>${esc(v.id)}: ${esc(v.motion)} on ${esc(v.measure.id)}${v.measure.title ? ` (${esc(v.measure.title)})` : ''}</h3>
<p>${esc(nameText(v.body))}, ${esc(v.occurredAt)}. <strong>${esc(v.result)}</strong> under ${esc(v.threshold)}: ${esc(tallyText(v.tally))}.
Event at sequence ${v.sequence}, leaf hash <span class="hash">${esc(v.leafHash ?? 'not in this trace')}</span>.</p>
${table(['Member', 'Choice'], v.rollCall.map((c) => [esc(nameText(c.person)), esc(c.choice)]))}`;
}

function stepRow(step: TimelineEntry, inForce: InForceStep, clause: ReturnType<typeof clauseLookup>): string[] {
  let law: string;
  if (inForce.versions === null) law = '<span class="muted">unchanged</span>';
  else if (inForce.versions.length === 0) law = '<span class="muted">none of the clauses in this report</span>';
  else
    law = `<ul class="inforce">${inForce.versions
      .map(({ ref, changed }) => (changed ? `<li><strong>${esc(refText(ref))}</strong>: ${esc(clause(ref)?.text ?? '')}</li>` : `<li>${esc(refText(ref))} (as before)</li>`))
      .join('')}</ul>`;
  return [
    String(step.sequence),
    `${esc(step.occurredAt)}<br><span class="muted">${esc(step.recordedAt)}</span>`,
    `<strong>${esc(step.type)}</strong> on ${code(step.streamId)}<br>${esc(step.description)}<br><span class="hash">leaf ${esc(step.leafHash)}</span>`,
    `${esc(step.recordedBy.name)} (${esc(step.recordedBy.role)})<br>${code(step.recordedBy.id)}`,
    law,
  ];
}
