import { Controller, Get, Inject } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/config';
import { RAW_EVENT_STORE } from '@ledger/composition';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';

@Controller()
export class HealthController {
  constructor(
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** Liveness and how far the read models lag the log. */
  @Get('healthz')
  async health() {
    const lastSequence = await this.store.lastSequence();
    return { status: 'ok', store: this.config.store, lastSequence, readModelsAt: this.runner.appliedThrough };
  }
}
