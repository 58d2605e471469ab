import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, ROLES } from '@ledger/domain';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { EVENT_STORE } from '@ledger/event-store';
import { SUBJECT_VAULT } from '@ledger/privacy';
import { FileSubjectVault } from '@ledger/subject-vault-file';
import { denverEveryCommandSteps, savedIdOf, withSaved } from '@ledger/scenarios';
import { ApplicationModule } from '../application.module';
import { CLERK_OFFICE_ID, COMMAND_AVAILABILITY, EVENT_TYPE_VERSIONS, READ_MODEL_SYNC } from '../application.ports';
import { LedgerCommands } from '../ledger-commands';
import { COMMAND_MESSAGES } from './command-bus';
import { COMMAND_TYPES, COMMANDS } from './command-catalogue';
import type { CommandType } from './command-entry';

/*
 * Roles are checked once, in the write path, for every entry point. This walks the catalogue: a
 * story in which every command appears, each step valid at its point (recorded by the demo's clerk,
 * office holders' acts on their behalf). Before each step is recorded, it is sent under every role
 * the catalogue does not allow, and must be refused FORBIDDEN having read and written nothing.
 */
describe('the command catalogue, walked: roles are checked in the write path', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let store: SchemaCheckedEventStore;
  let vault: FileSubjectVault;
  let app: INestApplicationContext;
  let commands: LedgerCommands;
  let bus: CommandBus;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-catalogue-'));
    const registry = EventSchemaRegistry.fromDirectory();
    raw = new SqliteEventStore({ file: join(dir, 'events.db') });
    store = new SchemaCheckedEventStore(raw, registry);
    vault = new FileSubjectVault({ keysFile: join(dir, 'subject-keys.db'), refKeyFile: join(dir, 'subject-ref-key') });
    // The write side as Nest wires it (bus, derived handlers), over a real store. No read models
    // here: nothing waits for them, and the ledger always takes commands.
    @Global()
    @Module({
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: READ_MODEL_SYNC, useValue: { waitFor: async () => undefined } },
        { provide: EVENT_TYPE_VERSIONS, useValue: registry },
        { provide: COMMAND_AVAILABILITY, useValue: { refusal: () => null } },
        { provide: SUBJECT_VAULT, useValue: vault },
        { provide: CLERK_OFFICE_ID, useValue: 'org:clerk-and-recorder' },
      ],
      exports: [EVENT_STORE, READ_MODEL_SYNC, EVENT_TYPE_VERSIONS, COMMAND_AVAILABILITY, SUBJECT_VAULT, CLERK_OFFICE_ID],
    })
    class Ports {}
    @Module({ imports: [Ports, ApplicationModule] })
    class WriteSide {}
    app = await NestFactory.createApplicationContext(WriteSide, { logger: false });
    commands = app.get(LedgerCommands);
    bus = app.get(CommandBus);
  });

  afterAll(async () => {
    await app.close();
    vault.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every command from every role the catalogue does not allow, before reading or writing anything, and records it from one it allows', async () => {
    const reads = jest.spyOn(store, 'readStream');
    const appends = jest.spyOn(store, 'append');
    const subjects = jest.spyOn(vault, 'subjectRefOf');
    const refused = new Map<CommandType, Set<string>>();
    const saved = new Map<string, string>();

    for (const step of denverEveryCommandSteps()) {
      const data = withSaved(step, saved);
      const { roles } = COMMANDS[step.command];
      for (const role of ROLES.filter((r) => !roles.includes(r))) {
        const context = { actor: { ...step.actor, role }, occurredAt: step.occurredAt };
        // Through execute, and straight on the CQRS bus: the same refusal either way.
        const Message = COMMAND_MESSAGES[step.command] as new (data: unknown, context: unknown) => InstanceType<(typeof COMMAND_MESSAGES)[CommandType]>;
        for (const send of [() => commands.execute(step.command, data, context), () => bus.execute(new Message(data, context))]) {
          [reads, appends, subjects].forEach((spy) => spy.mockClear());
          const attempt = send();
          await expect(attempt).rejects.toThrow(DomainError);
          await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN', message: `role ${role} may not ${step.command}; it needs ${roles.join(' or ')}` });
          expect([reads.mock.calls.length, appends.mock.calls.length, subjects.mock.calls.length]).toEqual([0, 0, 0]);
        }
        refused.set(step.command, (refused.get(step.command) ?? new Set()).add(role));
      }
      const before = await raw.lastSequence();
      const receipt = await commands.execute(step.command, data, { actor: step.actor, occurredAt: step.occurredAt });
      expect(receipt.events.length).toBeGreaterThan(0);
      expect(receipt.events[0]).toMatchObject({ sequence: before + 1, recordedBy: step.actor, occurredAt: step.occurredAt });
      if (step.saveAs) saved.set(step.saveAs, savedIdOf(receipt));
    }

    // Every command was walked, each refused for exactly the roles it does not list.
    expect([...refused.keys()].sort()).toEqual([...COMMAND_TYPES].sort());
    for (const type of COMMAND_TYPES) expect([...refused.get(type)!].sort()).toEqual(ROLES.filter((r) => !COMMANDS[type].roles.includes(r)).sort());
  });

  it('lets a clerk record clerk acts only, office holders their own acts (or a clerk on their behalf), and an admin tokens only', () => {
    const rolesOf = Object.fromEntries(COMMAND_TYPES.map((type) => [type, [...COMMANDS[type].roles].sort().join(' ')]));
    const officeholders = { mayor: ['SignMeasure', 'VetoMeasure', 'DraftExecutiveOrder', 'IssueExecutiveOrder', 'RevokeExecutiveOrder'], officer: ['ReceiveDataRequest', 'DecideDataRequest', 'RecordDisclosure', 'CorrectDecision'], oversight: ['ReviewDecision'] };
    const expected = Object.fromEntries(COMMAND_TYPES.map((type) => {
      const office = Object.entries(officeholders).find(([, types]) => types.includes(type))?.[0];
      if (type === 'IssueToken' || type === 'RevokeToken') return [type, 'admin'];
      return [type, office ? ['clerk', office].sort().join(' ') : 'clerk'];
    }));
    expect(rolesOf).toEqual(expected);
  });

  it('refuses a command the catalogue does not know, from untyped callers (scripts), before anything else', async () => {
    const clerk = { id: 'person:clerk', name: 'Clerk', role: 'clerk' as const };
    await expect(commands.execute('DeleteEverything' as CommandType, {} as never, { actor: clerk })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'unknown command "DeleteEverything"' });
  });
});
