import { Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  LedgerCoreModule,
  LedgerGraphqlServerModule,
  ReplayRefused,
  ReplaySourceChanged,
  checkReplayForServing,
  createLedgerHttpApp,
  describeBound,
  listenLedgerHttpApp,
  type ServableReplay,
} from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { CheckFailed, UsageError } from '../cli-errors';

export const serveUsage = 'serve --read-models DIR                    serve a replay read-only over the same GraphQL API (LEDGER_PORT, LEDGER_HOST)';

/**
 * Serves a replay made by `ledger replay` over the same GraphQL API, read-only. The read models
 * are the replay's, as built: no catch-up and no runner, since following the log would carry them
 * past the bound. The source ledger (from the manifest) still supplies tokens, the subject vault
 * and the store, the latter seen only through the bound.
 */
export async function serveCommand(args: string[], env: LedgerConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { 'read-models': { type: 'string' } } });
  if (!values['read-models']) throw new UsageError('serve needs --read-models DIR (a directory made by ledger replay)');
  const dir = resolve(values['read-models']);

  let replay: ServableReplay;
  try {
    replay = await checkReplayForServing(dir, env);
  } catch (error) {
    if (error instanceof ReplayRefused) throw new UsageError(error.message);
    if (error instanceof ReplaySourceChanged) throw new CheckFailed(error.message);
    throw error;
  }
  const { manifest, config, readModelsFile } = replay;

  @Module({
    imports: [
      LedgerCoreModule.forRoot(config, { replay: { readModelsFile, lastSequence: manifest.lastSequenceApplied } }),
      LedgerGraphqlServerModule.forRoot({ readOnly: { replay: manifest } }),
    ],
  })
  class ServeReplayModule {}

  const app = await createLedgerHttpApp(ServeReplayModule, config);
  const closed = new Promise<void>((done) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(done));
  });
  // The same line as the API's, so scripts and tests find the bound port the same way.
  await listenLedgerHttpApp(app, config, `replay of ${config.dataDir} as of ${describeBound(manifest)}, read-only; read models: ${dir}`);
  await closed;
}
