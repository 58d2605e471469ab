import { parseArgs } from 'node:util';
import { TokenLifetimeTooLong } from '@ledger/auth';
import { ROLES, isRole } from '@ledger/domain';
import { createTokenService } from '@ledger/composition';
import { formatDuration, parseDuration, type LedgerConfig } from '@ledger/config';
import { UsageError } from '../cli-errors';

export const tokenUsage = 'token --actor ID --role ROLE [--name NAME] [--ttl 8h]   mint a bearer token (printed as the last line); --ttl at most LEDGER_TOKEN_MAX_TTL';

export async function tokenCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { actor: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, ttl: { type: 'string' } },
  });
  if (!values.actor) throw new UsageError('token needs --actor ID (e.g. person:clerk-1)');
  if (!isRole(values.role)) throw new UsageError(`token needs --role, one of ${ROLES.join(', ')}`);
  const tokens = createTokenService(config);
  const ttl = values.ttl === undefined ? tokens.defaultTtlSeconds : parseDuration(values.ttl);
  if (ttl === null) throw new UsageError(`--ttl must look like 30m, 8h or 7d, got ${values.ttl}`);
  const actor = { id: values.actor, name: values.name ?? values.actor, role: values.role };
  let token: string;
  try {
    token = await tokens.mint(actor, ttl);
  } catch (error) {
    // The server would refuse such a token: say so now rather than hand one out.
    if (error instanceof TokenLifetimeTooLong) throw new UsageError(`--ttl ${values.ttl} is too long: ${error.message}`);
    throw error;
  }
  console.error(`token for ${actor.name} (${actor.id}, ${actor.role}), valid ${formatDuration(ttl)}:`);
  console.log(token);
}
