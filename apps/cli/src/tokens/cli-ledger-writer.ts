import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { userInfo } from 'node:os';
import { ApplicationModule, LedgerCommands } from '@ledger/application';
import { LedgerWriteModule } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { DomainError, type Actor } from '@ledger/domain';
import { InvalidEvent, SchemaViolation } from '@ledger/event-store';
import { UsageError } from '../cli-errors';

/**
 * Who the CLI records as: the operator, by their login on this host, as an admin. Whoever can run
 * it against the data dir holds the token secret and could mint any token anyway; recording it
 * keeps such tokens in the record and says they came from the command line.
 */
export function cliOperator(): Actor {
  const login = safeLogin();
  return { id: `cli:${login}`, name: `${login} (ledger CLI)`, role: 'admin' };
}

function safeLogin(): string {
  try {
    const name = userInfo().username.trim();
    return name && /^[\w.@-]{1,64}$/.test(name) ? name : 'operator';
  } catch {
    return 'operator';
  }
}

/**
 * Runs `work` with the write side of the data dir's ledger, without its read models (a server may
 * own them): the catalogue's role check, the deciders and the schema checks, as over GraphQL. A
 * refusal is bad input (exit 2), naming its code as GraphQL would.
 */
export async function withLedgerWriter<T>(config: LedgerConfig, work: (commands: LedgerCommands) => Promise<T>): Promise<T> {
  @Module({ imports: [LedgerWriteModule.forRoot(config), ApplicationModule] })
  class CliWriteModule {}
  const app = await NestFactory.createApplicationContext(CliWriteModule, { logger: ['error', 'warn'] });
  try {
    return await work(app.get(LedgerCommands));
  } catch (error) {
    if (error instanceof DomainError) throw new UsageError(`${error.code}: ${error.message}`);
    // What the store refuses before writing (a lone surrogate in a name, a payload off its schema) is bad input too.
    if (error instanceof SchemaViolation || error instanceof InvalidEvent) throw new UsageError(`BAD_USER_INPUT: ${error.message}`);
    throw error;
  } finally {
    await app.close();
  }
}
