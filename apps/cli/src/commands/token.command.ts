import { parseArgs } from 'node:util';
import { TokenLifetimeRefused, TokenLifetimeTooLong } from '@ledger/auth';
import { ROLES, isRole, type TokenIssued } from '@ledger/domain';
import { createTokenService } from '@ledger/composition';
import { formatDuration, type LedgerConfig } from '@ledger/config';
import { UsageError } from '../cli-errors';
import { cliOperator, withLedgerWriter } from '../tokens/cli-ledger-writer';

export const tokenUsage =
  'token --actor ID --role ROLE [--name NAME] [--ttl 8h] [--no-record]   mint a bearer token (printed as the last line), recorded as TokenIssued unless --no-record; --ttl at most LEDGER_TOKEN_MAX_TTL';

/**
 * Mints a token from the command line: how the first admin gets one before any exists, and how an
 * operator gets one when no admin can. It is recorded (TokenIssued, by the operator's login) like
 * one issueToken mints, beside a running server too, so it can be listed and revoked; `--no-record`
 * mints one the record does not know (valid until it expires, not revocable), for a ledger that
 * must stay empty (before `seed` or `import`) or a store that cannot be reached.
 */
export async function tokenCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { actor: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, ttl: { type: 'string' }, 'no-record': { type: 'boolean' } },
  });
  if (!values.actor) throw new UsageError('token needs --actor ID (e.g. person:clerk-1)');
  if (!isRole(values.role)) throw new UsageError(`token needs --role, one of ${ROLES.join(', ')}`);
  const tokens = createTokenService(config);
  let lifetime: { issuedAt: number; expiresAt: number };
  try {
    lifetime = tokens.lifetimeOf(values.ttl);
  } catch (error) {
    // The server would refuse such a token: say so now rather than hand one out.
    if (error instanceof TokenLifetimeTooLong) throw new UsageError(`--ttl ${values.ttl} is too long: ${error.message}`);
    if (error instanceof TokenLifetimeRefused) throw new UsageError(`--ttl ${error.message}`);
    throw error;
  }
  const actor = { id: values.actor, name: values.name ?? values.actor, role: values.role };
  const valid = formatDuration((lifetime.expiresAt - lifetime.issuedAt) / 1000);

  if (values['no-record']) {
    const token = await tokens.mint(actor, (lifetime.expiresAt - lifetime.issuedAt) / 1000);
    console.error(`token for ${actor.name} (${actor.id}, ${actor.role}), valid ${valid}, not recorded:`);
    console.log(token);
    return;
  }
  const data = { actorId: actor.id, name: actor.name, role: actor.role, expiresAt: new Date(lifetime.expiresAt).toISOString() };
  const { event, token } = await withLedgerWriter(config, async (commands) => {
    const receipt = await commands.execute('IssueToken', data, {
      actor: cliOperator(),
      occurredAt: new Date(lifetime.issuedAt).toISOString(),
      readYourWrites: false,
    });
    const [event] = receipt.events;
    const issued = event.data as TokenIssued['data'];
    // Signed only once recorded, with the recorded id and lifetime.
    return { event, token: await tokens.sign(actor, { tokenId: issued.tokenId, ...lifetime }) };
  });
  const { tokenId } = event.data as TokenIssued['data'];
  console.error(`token ${tokenId} for ${actor.name} (${actor.id}, ${actor.role}), valid ${valid}, recorded as TokenIssued (sequence ${event.sequence}):`);
  console.log(token);
}
