import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LedgerCoreModule, RAW_EVENT_STORE } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import type { EventStore } from '@ledger/event-store';
import {
  DataRequestQueries,
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
  MalformedTraceId,
  ProjectionRunner,
  ReadModelsInUse,
  TraceService,
  TraceSubjectNotFound,
  openReadModelDatabase,
} from '@ledger/projections';
import { CheckFailed, UsageError } from '../cli-errors';
import { renderHtml } from '../investigate/html.renderer';
import { buildInvestigationReport } from '../investigate/investigation-report.builder';
import type { InvestigationReport } from '../investigate/investigation.report';
import { renderMarkdown } from '../investigate/markdown.renderer';

export const investigateUsage =
  'investigate ID --format md|json|html [--out FILE] [--include-restricted]\n' +
  '                                             report everything that led to a node (decision, measure, clause, vote, person, org, event);\n' +
  '                                             stop the server first: like rebuild, it needs the read models, which a running server locks';

const RENDERERS: Record<string, (report: InvestigationReport) => string> = {
  md: renderMarkdown,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  html: renderHtml,
};

/**
 * An investigator's report on one node, from the same TraceService as GraphQL's trace(id). Like
 * rebuild it opens the read models, which a running server holds exclusively.
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

async function investigate(id: string, config: LedgerConfig, includeRestricted: boolean): Promise<InvestigationReport> {
  ensureReadModelsFree(config);
  @Module({ imports: [LedgerCoreModule.forRoot(config)] })
  class InvestigateModule {}
  const app = await NestFactory.createApplicationContext(InvestigateModule, { logger: ['error', 'warn'] });
  try {
    // The read models may lag the log (e.g. after a crash): the report is of the whole log.
    await app.get(ProjectionRunner).catchUp();
    const trace = traceOf(app.get(TraceService), id);
    const ledgerSize = (await app.get<EventStore>(RAW_EVENT_STORE).lastSequence()) + 1;
    return buildInvestigationReport(
      trace,
      {
        eventLog: app.get(EventLogQueries),
        directory: app.get(DirectoryQueries),
        legislation: app.get(LegislationQueries),
        dataRequests: app.get(DataRequestQueries),
        schemas: app.get(EventSchemaRegistry),
      },
      { includeRestricted, generatedAt: new Date().toISOString(), ledgerSize },
    );
  } finally {
    await app.close();
  }
}

/**
 * Says plainly that a server holds the read models, before Nest would report it as a failed
 * provider with a stack trace.
 */
function ensureReadModelsFree(config: LedgerConfig): void {
  try {
    openReadModelDatabase(dataPaths(config).readModels).close();
  } catch (error) {
    if (error instanceof ReadModelsInUse) {
      throw new CheckFailed(`${error.message}. investigate, like rebuild, reads the read models, which a running server holds exclusively`);
    }
    throw error;
  }
}

function traceOf(traces: TraceService, id: string) {
  try {
    return traces.trace(id);
  } catch (error) {
    if (error instanceof MalformedTraceId) throw new UsageError(error.message);
    if (error instanceof TraceSubjectNotFound) throw new CheckFailed(error.message);
    throw error;
  }
}
