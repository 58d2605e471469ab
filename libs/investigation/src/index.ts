// What investigators and the public see of the ledger: the trace of a node, the investigation
// report with its renderings, and the public-view policy. Read from the read models through
// @ledger/projections' query classes; GraphQL, the CLI and the portal call it.
export * from './trace/trace-subject';
export type * from './trace/trace-view';
export { TraceService } from './trace/trace.service';

export * from './report/investigation.report';
export { buildInvestigationReport, type ReportOptions, type ReportSources } from './report/investigation-report.builder';
export { renderMarkdown } from './report/markdown.renderer';
export { renderHtml } from './report/html.renderer';

export * from './public-view/public-view';
