import type { Actor, Command, CommandMetadata, Decider, DomainEvent } from '@ledger/domain';
import { DomainError } from '@ledger/domain';

/**
 * given(events) / when(command) / then(events | error), as the decider specs beside each aggregate
 * read (docs/ARCHITECTURE.md, "Style" 3). The decider runs for real; nothing is stubbed.
 */
export function deciderSpec<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(history: E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState));
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenRefuses(code: DomainError['code'], message?: string | RegExp) {
              let error: unknown;
              try {
                run();
              } catch (caught) {
                error = caught;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
              if (message !== undefined) expect((error as DomainError).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}

export const clerkActor: Actor = { id: 'person:test-clerk', name: 'Test Clerk', role: 'clerk' };

export function metadata(occurredAt = '2017-08-28T23:40:00Z'): CommandMetadata {
  return { actor: clerkActor, occurredAt, now: '2026-11-22T12:00:00Z' };
}
