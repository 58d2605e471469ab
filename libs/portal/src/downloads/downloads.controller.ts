import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { PortalQueryFailed, PublicGraphql } from '../public-graphql';

/** The latest signed checkpoint when a file was made: every row of the file says it. */
interface Checkpoint {
  treeSize: number | null;
  rootHash: string | null;
}

const TREE_HEAD = 'query DownloadTreeHead { treeHead { treeSize rootHash } }';

const MEASURES = `query DownloadMeasures($after: String) {
  measures(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id kind title status introducedAt effectiveFrom effectiveUntil sponsors { name }
      votes { id motion occurredAt result threshold body { name } tally { yes no abstain absent recused } rollCall { person { name } choice } } } }
  }
}`;

const DECISIONS = `query DownloadDecisions($after: String) {
  decisions(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id decidedAt outcome disclosedCategories decidedBy { name } decidingOrganization { name }
      request { receivedAt dataCategories legalBasis requestingOrganization { name } }
      citations { version clause { id } } compliance { status } violationFound { foundAt via } correctionAwaitingReview { status } } }
  }
}`;

type Row = Record<string, string | number | null>;
interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: T }>;
}

/**
 * CSV downloads of the public record: /downloads/measures.csv, /downloads/votes.csv (each vote
 * with its roll call) and /downloads/decisions.csv (public fields only, read through the public
 * API). Every row names the latest signed checkpoint (tree size and root) when the file was made,
 * and so does the file's name; rows may include events recorded after it (signed within a second).
 */
@Controller('downloads')
export class DownloadsController {
  private readonly logger = new Logger('Downloads');

  constructor(private readonly api: PublicGraphql) {}

  @Get(':file')
  async download(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const build = { 'measures.csv': () => this.measures(), 'votes.csv': () => this.votes(), 'decisions.csv': () => this.decisions() }[file];
    if (!build) {
      response.status(404).type('text/plain').send('no such download: measures.csv, votes.csv or decisions.csv\n');
      return;
    }
    try {
      const checkpoint = await this.checkpoint();
      const rows = (await build()).map((row) => ({ ...row, checkpoint_tree_size: checkpoint.treeSize, checkpoint_root: checkpoint.rootHash }));
      const name = file.replace('.csv', checkpoint.treeSize === null ? '.csv' : `-checkpoint-${checkpoint.treeSize}.csv`);
      response.status(200).type('text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      response.setHeader('X-Ledger-Checkpoint', `${checkpoint.treeSize ?? 'none'} ${checkpoint.rootHash ?? ''}`.trim());
      response.send(stringify(rows, { header: true, columns: rows.length ? Object.keys(rows[0]) : ['checkpoint_tree_size', 'checkpoint_root'] }));
    } catch (error) {
      this.logger.error(`download failed: ${(error as Error).message}`);
      response.status(503).type('text/plain').send('The record cannot be read right now. Please try again in a minute.\n');
    }
  }

  private async checkpoint(): Promise<Checkpoint> {
    try {
      return (await this.api.query<{ treeHead: Checkpoint }>(TREE_HEAD)).treeHead;
    } catch (error) {
      // A ledger whose log has signed nothing yet: the file says so (empty columns) rather than fail.
      if (error instanceof PortalQueryFailed) return { treeSize: null, rootHash: null };
      throw error;
    }
  }

  private async all<T>(query: string, pick: (data: never) => Connection<T>): Promise<T[]> {
    const nodes: T[] = [];
    let after: string | null = null;
    for (;;) {
      const page = pick(await this.api.query<never>(query, { after }));
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  private measureNodes() {
    return this.all<MeasureNode>(MEASURES, (data: { measures: Connection<MeasureNode> }) => data.measures);
  }

  private async measures(): Promise<Row[]> {
    return (await this.measureNodes()).map((m) => ({
      measure_id: m.id, kind: m.kind, title: m.title, status: m.status, introduced_at: m.introducedAt,
      effective_from: m.effectiveFrom, effective_until: m.effectiveUntil, sponsors: m.sponsors.map((p) => p.name).join('; '),
    }));
  }

  private async votes(): Promise<Row[]> {
    return (await this.measureNodes()).flatMap((m) =>
      m.votes.map((v) => ({
        vote_id: v.id, measure_id: m.id, body: v.body.name, motion: v.motion, occurred_at: v.occurredAt, result: v.result, rule: v.threshold,
        yes: v.tally.yes, no: v.tally.no, abstain: v.tally.abstain, absent: v.tally.absent, recused: v.tally.recused,
        roll_call: v.rollCall.map((c) => `${c.person.name}: ${c.choice}`).join('; '),
      })),
    );
  }

  private async decisions(): Promise<Row[]> {
    return (await this.all<DecisionNode>(DECISIONS, (data: { decisions: Connection<DecisionNode> }) => data.decisions)).map((d) => ({
      decision_id: d.id, decided_at: d.decidedAt, department: d.decidingOrganization.name, decided_by: d.decidedBy.name,
      requesting_agency: d.request.requestingOrganization.name, received_at: d.request.receivedAt, data_requested: d.request.dataCategories.join('; '),
      legal_basis: d.request.legalBasis, outcome: d.outcome, disclosed: d.disclosedCategories.join('; '),
      cited_clauses: d.citations.map((c) => `${c.clause.id} v${c.version}`).join('; '), compliance: d.compliance.status,
      // A decision once found in violation says so whatever followed; a correction oversight has yet to review, what it would give.
      violation_found_at: d.violationFound?.foundAt ?? '', violation_found_by: d.violationFound?.via ?? '',
      correction_awaiting_review: d.correctionAwaitingReview?.status ?? '',
    }));
  }
}

interface MeasureNode {
  id: string;
  kind: string;
  title: string;
  status: string;
  introducedAt: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  sponsors: Array<{ name: string }>;
  votes: Array<{
    id: string; motion: string; occurredAt: string; result: string; threshold: string; body: { name: string };
    tally: { yes: number; no: number; abstain: number; absent: number; recused: number };
    rollCall: Array<{ person: { name: string }; choice: string }>;
  }>;
}

interface DecisionNode {
  id: string;
  decidedAt: string;
  outcome: string;
  disclosedCategories: string[];
  decidedBy: { name: string };
  decidingOrganization: { name: string };
  request: { receivedAt: string; dataCategories: string[]; legalBasis: string; requestingOrganization: { name: string } };
  citations: Array<{ version: number; clause: { id: string } }>;
  compliance: { status: string };
  violationFound: { foundAt: string; via: string } | null;
  correctionAwaitingReview: { status: string } | null;
}
