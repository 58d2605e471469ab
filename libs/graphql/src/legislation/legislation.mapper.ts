import { presentCount, votesNeeded } from '@ledger/domain';
import type { ClauseRow, ClauseVersionRow, MeasureActionRow, MeasureRow, VoteCastRow, VoteRow } from '@ledger/projections';
import { ClauseModel } from './clause.model';
import { ClauseVersionModel } from './clause-version.model';
import { MeasureActionModel } from './measure-action.model';
import { MeasureModel, type MeasureKind, type MeasureStatus } from './measure.model';
import { VoteCastModel } from './vote-cast.model';
import { VoteModel, type VoteChoice, type VoteResult } from './vote.model';

/** Legislation read-model rows -> GraphQL models (the rows never reach GraphQL themselves). */

export function toMeasureModel(row: MeasureRow): MeasureModel {
  return Object.assign(new MeasureModel(), {
    id: row.id,
    kind: row.kind as MeasureKind,
    title: row.title,
    summary: row.summary,
    status: row.status as MeasureStatus,
    introducedAt: row.introducedAt,
    effectiveFrom: row.effectiveFrom,
    effectiveUntil: row.effectiveUntil,
    streamId: row.streamId,
    sequence: row.sequence,
  });
}

export function toClauseModel(row: ClauseRow): ClauseModel {
  return Object.assign(new ClauseModel(), { id: row.id, eId: row.eId, heading: row.heading, measureId: row.measureId });
}

export function toClauseVersionModel(row: ClauseVersionRow): ClauseVersionModel {
  return Object.assign(new ClauseVersionModel(), {
    version: row.version,
    heading: row.heading,
    text: row.text,
    rule: row.rule && { ...row.rule },
    struck: row.struck,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    clauseId: row.clauseId,
    measureId: row.measureId,
    eId: row.eId,
    adoptedByVoteId: row.adoptedByVoteId,
    byMeasureId: row.byMeasureId,
    eventId: row.eventId,
  });
}

export function toVoteModel(row: VoteRow): VoteModel {
  return Object.assign(new VoteModel(), {
    id: row.id,
    motion: row.motion,
    occurredAt: row.occurredAt,
    tally: { ...row.tally },
    threshold: row.threshold,
    result: row.result as VoteResult,
    corrected: row.corrected,
    present: presentCount(row.tally),
    needed: votesNeeded(row.threshold, row.tally),
    measureId: row.measureId,
    bodyId: row.bodyId,
    reconsidersVoteId: row.reconsidersVoteId,
    reconsideredByVoteId: row.reconsideredByVoteId,
  });
}

export function toVoteCastModel(row: VoteCastRow): VoteCastModel {
  return Object.assign(new VoteCastModel(), { choice: row.choice as VoteChoice, explanation: row.explanation, personId: row.personId, voteId: row.voteId, sequence: row.sequence });
}

export function toMeasureActionModel(row: MeasureActionRow): MeasureActionModel {
  return Object.assign(new MeasureActionModel(), {
    occurredAt: row.occurredAt,
    classification: row.classification,
    description: row.description,
    actor: { ...row.actor },
    organizationId: row.organizationId,
    voteId: row.voteId,
    eventId: row.eventId,
  });
}
