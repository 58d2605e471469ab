import { parseArgs } from 'node:util';
import { ROLES, isRole } from '@ledger/auth';
import { createTokenService } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { UsageError } from '../cli-errors';

export const tokenUsage = 'token --actor ID --role ROLE [--name NAME] [--ttl 8h]   mint a bearer token (printed as the last line)';

export async function tokenCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { actor: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, ttl: { type: 'string', default: '8h' } },
  });
  if (!values.actor) throw new UsageError('token needs --actor ID (e.g. person:clerk-1)');
  if (!isRole(values.role)) throw new UsageError(`token needs --role, one of ${ROLES.join(', ')}`);
  if (!/^\d+\s?(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|week|weeks)$/.test(values.ttl!)) {
    throw new UsageError(`--ttl must look like 30m, 8h or 7d, got ${values.ttl}`);
  }
  const actor = { id: values.actor, name: values.name ?? values.actor, role: values.role };
  const token = await createTokenService(config).mint(actor, values.ttl);
  console.error(`token for ${actor.name} (${actor.id}, ${actor.role}), valid ${values.ttl}:`);
  console.log(token);
}
