import { badInput, forbidden, type Actor } from '@ledger/domain';
import { DATA_REQUESTS_COMMANDS } from '../data-requests/data-requests.commands';
import { DIRECTORY_COMMANDS } from '../directory/directory.commands';
import { LEGISLATION_COMMANDS } from '../legislation/legislation.commands';
import { TOKEN_COMMANDS } from '../tokens/tokens.commands';
import type { CatalogueOf, CommandType, DomainCommand } from './command-entry';

export type Catalogue = CatalogueOf<DomainCommand>;

/**
 * Every command the ledger takes, keyed by the domain command's type: its decider, stream, facts
 * and the roles allowed to send it. The write path (LedgerCommands.execute), the GraphQL guards
 * (@CommandRoles) and scripted recording (the seed, scenarios) all read it; a command missing here
 * does not compile.
 */
export const COMMANDS: Catalogue = { ...DIRECTORY_COMMANDS, ...LEGISLATION_COMMANDS, ...DATA_REQUESTS_COMMANDS, ...TOKEN_COMMANDS };

export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

export function isCommandType(value: unknown): value is CommandType {
  return typeof value === 'string' && Object.hasOwn(COMMANDS, value);
}

/** The name a caller gave, checked: scripts and other untyped callers may send any string. */
export function commandType(value: unknown): CommandType {
  if (!isCommandType(value)) throw badInput(`unknown command ${JSON.stringify(value)}`, 'command');
  return value;
}

/** The write path's one role check: an account whose role the catalogue does not list for the command is refused (FORBIDDEN). */
export function assertRoleMaySend(type: CommandType, actor: Actor): void {
  const { roles } = COMMANDS[type];
  if (!roles.includes(actor.role)) throw forbidden(`role ${actor.role} may not ${type}; it needs ${roles.join(' or ')}`);
}
