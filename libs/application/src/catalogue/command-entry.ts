import type {
  DataRequestCommand,
  Decider,
  DomainEvent,
  MeasureCommand,
  OrganizationCommand,
  PersonCommand,
  Role,
  SignMeasure,
  TokenCommand,
  VetoMeasure,
} from '@ledger/domain';
import type { SubjectVault } from '@ledger/privacy';
import type { ReceiveDataRequestInput } from '../data-requests/data-requests.commands';
import type { FactsService } from '../facts/facts.service';
import type { InOffice } from '../legislation/legislation.commands';
import type { IssueTokenInput } from '../tokens/tokens.commands';

/** Every command the ledger takes, as the domain's deciders know them. */
export type DomainCommand = PersonCommand | OrganizationCommand | MeasureCommand | DataRequestCommand | TokenCommand;

/** A command's name: the domain command's `type`, e.g. RecordVote. */
export type CommandType = DomainCommand['type'];

export type DomainCommandOf<K extends CommandType> = Extract<DomainCommand, { type: K }>;

/** The data the decider sees. */
export type DomainDataOf<K extends CommandType> = DomainCommandOf<K>['data'];

/** What the decider must know about other aggregates (never: the command needs none). */
export type FactsOf<K extends CommandType> = DomainCommandOf<K> extends { facts: infer F } ? F : never;

/**
 * The commands whose caller sends something other than what the decider sees: the mayor's acts
 * name the office they are done for (the facts are read from it), and a data request names its
 * subject by the identifier the officer typed (the vault turns it into a reference), and a new
 * token's id is the ledger's.
 */
interface InputsThatDiffer {
  SignMeasure: SignMeasure['data'] & InOffice;
  VetoMeasure: VetoMeasure['data'] & InOffice;
  ReceiveDataRequest: ReceiveDataRequestInput;
  IssueToken: IssueTokenInput;
}

/** What a caller sends for command K (GraphQL, the seed, a scenario, the generator). */
export type DataOf<K extends CommandType> = K extends keyof InputsThatDiffer ? InputsThatDiffer[K] : DomainDataOf<K>;

/** When the act happened and who does it, for loading facts. */
export interface FactsContext {
  /** the act's calendar date (UTC), YYYY-MM-DD */
  date: string;
  /** the day the command is recorded (UTC), YYYY-MM-DD: an office holder's own act needs the office then too */
  today: string;
  actorId: string;
}

/** What `prepare` may use to turn a caller's data into the decider's. */
export interface PrepareTools {
  vault: SubjectVault;
  /**
   * A new UUID for what the command creates (a data request's id). Derived from the
   * Idempotency-Key when the caller sent one, so a retry creates the same record, finds the first
   * attempt's events in its stream and records nothing twice.
   */
  newId(): string;
}

interface EntryBase<K extends CommandType> {
  /** the decider of the aggregate the command writes; its command union must include K */
  decider: Decider<DomainCommandOf<K>, DomainEvent, unknown>;
  /**
   * The account roles that may send the command. Any other role is refused (FORBIDDEN) before
   * anything is read or written, whatever the entry point. Who acted, for an office holder's act a
   * clerk records, is the domain's rule (onBehalfOf), not this list's.
   */
  roles: readonly Role[];
  /** the stream the command writes, from the data the decider sees */
  streamIdOf(data: DomainDataOf<K>): string;
}

/** Required exactly when the domain command has facts. */
type FactsHook<K extends CommandType> = [FactsOf<K>] extends [never]
  ? { facts?: never }
  : {
      /** what the decider must know about other aggregates, read from their streams just before deciding */
      facts(facts: FactsService, data: DataOf<K>, context: FactsContext): Promise<FactsOf<K>>;
    };

type Prepare<K extends CommandType> = (data: DataOf<K>, tools: PrepareTools) => DomainDataOf<K>;

/** Required exactly when what the caller sends is not what the decider sees. */
type PrepareHook<K extends CommandType> = [DataOf<K>] extends [DomainDataOf<K>]
  ? {
      /** the data the decider sees, when the caller's carries more (e.g. the mayor's office) */
      prepare?: Prepare<K>;
    }
  : {
      /** the data the decider sees, made from the caller's (e.g. a new request's id and subject reference) */
      prepare: Prepare<K>;
    };

/** How the ledger records one command. */
export type CommandEntry<K extends CommandType> = EntryBase<K> & FactsHook<K> & PrepareHook<K>;

/** The entries of some commands (one bounded context's), keyed by type. */
export type CatalogueOf<C extends DomainCommand> = { [K in C['type']]: CommandEntry<K> };
