import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDamageError } from '@ledger/projections';
import type { LedgerHealth } from './ledger-health';

/** Tells the health check when a query found the read-model file damaged, so /healthz stops saying ok. */
export function readModelDamagePlugin(health: LedgerHealth): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          const damage = errors.map((error) => unwrapResolverError(error)).find(isDamageError);
          if (damage) health.readModelsDamaged((damage as Error).message);
        },
      };
    },
  };
}
