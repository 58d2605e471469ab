import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { RAW_EVENT_STORE } from '../ledger-core.module';
import type { ReplayManifest } from '../replay/replay-manifest';
import { SERVED_REPLAY } from '../graphql-server/served-replay';
import { TRANSPARENCY_LOG, type TransparencyLog } from '@ledger/transparency-log';
import { LedgerHealth } from './ledger-health';

@Controller()
export class HealthController {
  constructor(
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly health: LedgerHealth,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(SERVED_REPLAY) private readonly replay: ReplayManifest | null,
    @Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog | null,
  ) {}

  /**
   * How far the read models lag the log, and whether the ledger takes commands: 200 when it does,
   * 503 naming each problem (the read models cannot follow, the disk is nearly full) when not.
   * On a replay server, which replay it serves.
   */
  @Get('healthz')
  async healthz(@Res({ passthrough: true }) response: Response) {
    const lastSequence = await this.store.lastSequence();
    const problems = this.replay ? [] : this.health.problems();
    if (problems.length) response.status(503);
    const health = {
      status: problems.length ? 'unavailable' : 'ok',
      store: this.config.store,
      lastSequence,
      readModelsAt: this.runner.appliedThrough,
      ...(this.transparency && { log: this.logHealth(this.transparency) }),
      ...(problems.length && { problems }),
    };
    if (!this.replay) return health;
    const { source, bound, lastSequenceApplied, lastLeafHash, createdAt } = this.replay;
    return { ...health, readOnly: true, replay: { source, bound, lastSequenceApplied, lastLeafHash, createdAt } };
  }

  /** How far the signed log is behind: the tree's size, the latest checkpoint's, and how old that checkpoint is. */
  private logHealth(transparency: TransparencyLog) {
    const head = transparency.treeHead();
    return {
      treeSize: transparency.log.size,
      checkpointSize: head.treeSize,
      checkpointAgeSeconds: Math.max(0, (Date.now() - Date.parse(head.timestamp)) / 1000),
    };
  }
}
