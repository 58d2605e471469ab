import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLedgerReadModels } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { ANONYMOUS, buildInvestigationReport, renderHtml, renderMarkdown, type InvestigationReport, type Viewer } from '@ledger/investigation';
import { UsageError } from '../cli-errors';
import { withSignedLog } from './signed-log';
import { traceAtTheConsole, traceQueriesOn } from './trace-of';

export const investigateUsage =
  'investigate ID --format md|json|html [--out FILE] [--include-restricted]\n' +
  '                                             report everything that led to a node (decision, measure, clause, vote, person, org, event);\n' +
  '                                             runs beside a live server, reading its read models';

const RENDERERS: Record<string, (report: InvestigationReport) => string> = {
  md: renderMarkdown,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  html: renderHtml,
};

/**
 * An investigator's report on one node, from the same TraceService as GraphQL's trace(id), read
 * from the ledger's read models at one point (a running server's, or caught up with the log first).
 */
export async function investigateCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, out: { type: 'string' }, 'include-restricted': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('investigate needs exactly one node id, e.g. CB17-0766, vote:CB17-0766:4 or decision:<uuid>');
  const render = RENDERERS[values.format ?? ''];
  if (!render) throw new UsageError(`--format must be one of ${Object.keys(RENDERERS).join(', ')}`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name');

  const report = await investigate(positionals[0], config, values['include-restricted'] ?? false);
  const text = render(report);
  if (values.out === undefined) {
    process.stdout.write(text);
    return;
  }
  const file = resolve(values.out);
  writeFileSync(file, text);
  console.log(file);
}

/**
 * Whom the report is for. The investigator at the console holds the data dir and its secrets: with
 * --include-restricted they see what oversight sees, for as long as the command runs; without it,
 * what anyone may see.
 */
const viewerAtTheConsole = (includeRestricted: boolean): Viewer =>
  includeRestricted ? { role: 'oversight', restrictedUntil: Number.POSITIVE_INFINITY } : ANONYMOUS;

async function investigate(id: string, config: LedgerConfig, includeRestricted: boolean): Promise<InvestigationReport> {
  return readLedgerReadModels(config, ({ db, through }) => {
    const queries = traceQueriesOn(db);
    const trace = traceAtTheConsole(queries, id, viewerAtTheConsole(includeRestricted));
    // The report is of the ledger up to the point the read models show; each event's audit path
    // leads to the log's latest signed checkpoint, when there is one.
    return withSignedLog(config, (signed) =>
      buildInvestigationReport(trace, queries, {
        generatedAt: new Date().toISOString(),
        ledgerSize: through + 1,
        inclusion: signed?.checkpoint ? { signedCheckpoint: signed.checkpoint.note, auditPath: signed.auditPathHex } : null,
      }),
    );
  });
}
