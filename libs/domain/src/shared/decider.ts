import type { Actor } from './actor';

/*
 * The shape of every aggregate (docs/ARCHITECTURE.md, "Style" 1): pure functions, no I/O. Time, ids and
 * the acting account arrive in the command's metadata, so a decider is replayable and testable.
 */

export interface CommandMetadata {
  /** who issues the command: the authenticated account */
  actor: Actor;
  /** when the act happened in the world (a 2017 vote recorded today keeps its 2017 date) */
  occurredAt: string;
  /** when the command reached the ledger; deciders compare world dates against it */
  now: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** What a decider emits: the payload only; the application layer wraps it in an envelope. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  /**
   * Set only on stored events being folded (the envelope's occurredAt), never by a decider: it lets
   * evolve keep the date of an aggregate's last act, which payloads do not carry.
   */
  occurredAt?: string;
}

/** A command that needs facts about other aggregates, loaded by the application layer before deciding. */
export interface CommandWithFacts<Type extends string = string, Data = unknown, Facts = unknown> extends Command<Type, Data> {
  facts: Facts;
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  initialState: S;
  evolve(state: S, event: E): S;
  /** the events the command produces, or a thrown DomainError; never both, never a partial list */
  decide(command: C, state: S): E[];
}

/** Folds a stream's events into the decider's state. */
export function fold<E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, events: E[]): S {
  return events.reduce(decider.evolve, decider.initialState);
}

/** Exhaustiveness check at the end of every switch over a union (Style 2). */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
