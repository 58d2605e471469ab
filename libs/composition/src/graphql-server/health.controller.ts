import { Controller, Get, Inject } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { RAW_EVENT_STORE } from '../ledger-core.module';
import type { ReplayManifest } from '../replay/replay-manifest';
import { SERVED_REPLAY } from './served-replay';

@Controller()
export class HealthController {
  constructor(
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(SERVED_REPLAY) private readonly replay: ReplayManifest | null,
  ) {}

  /** Liveness and how far the read models lag the log; on a replay server, which replay it serves. */
  @Get('healthz')
  async health() {
    const lastSequence = await this.store.lastSequence();
    const health = { status: 'ok', store: this.config.store, lastSequence, readModelsAt: this.runner.appliedThrough };
    if (!this.replay) return health;
    const { source, bound, lastSequenceApplied, lastLeafHash, createdAt } = this.replay;
    return { ...health, readOnly: true, replay: { source, bound, lastSequenceApplied, lastLeafHash, createdAt } };
  }
}
