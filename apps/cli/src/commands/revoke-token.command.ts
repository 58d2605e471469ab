import { parseArgs } from 'node:util';
import { readLedgerReadModels } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { ReadModelsNotReady } from '@ledger/projections';
import { CheckFailed, UsageError } from '../cli-errors';
import { cliOperator, withLedgerWriter } from '../tokens/cli-ledger-writer';

export const revokeTokenUsage = 'revoke-token TOKEN_ID --reason TEXT         refuse a recorded token from now on (TokenRevoked), e.g. when no admin can sign in';

/**
 * Revokes a token from the command line, as revokeToken does: for an admin locked out (their own
 * token lost, or none left). It then waits until the read models show the revocation (the
 * server's, read beside it, or this process's own when no server runs), so that once it answers
 * the token is refused.
 */
export async function revokeTokenCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { positionals, values } = parseArgs({ args, options: { reason: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('revoke-token needs one token id (token:<uuid>, the jti the token was issued with)');
  if (values.reason === undefined) throw new UsageError('revoke-token needs --reason TEXT (kept in the ledger)');
  const [tokenId] = positionals;
  const sequence = await withLedgerWriter(config, async (commands) => {
    const receipt = await commands.execute('RevokeToken', { tokenId, reason: values.reason! }, { actor: cliOperator(), readYourWrites: false });
    return receipt.events[0].sequence;
  });
  try {
    await readLedgerReadModels(config, ({ through }) => through);
  } catch (error) {
    if (!(error instanceof ReadModelsNotReady)) throw error;
    throw new CheckFailed(`recorded the revocation of ${tokenId} (sequence ${sequence}), but the read models do not show it yet (${error.message}): the token is refused once they do`);
  }
  console.log(`revoked ${tokenId} (sequence ${sequence}): the ledger refuses it from now on`);
}
