import { requestIdOfStream, tokenIdOfStream } from '@ledger/domain';
import type { RecordReceipt } from '@ledger/application';
import type { AnyStep, CommandExecutor } from './scenario-step';

export interface RecordOptions {
  /** false: do not wait for the read models after each command (a batch writer that reads nothing back) */
  readYourWrites?: boolean;
  onRecorded?: (receipt: RecordReceipt) => void;
}

/**
 * Records the steps in order through the write side, each as its own account: the same role
 * checks, deciders and schema checks as every other entry point. Stops at the first refusal,
 * naming the step.
 */
export async function recordScenario(
  steps: readonly AnyStep[],
  ledger: CommandExecutor,
  onRecorded?: (done: number, receipt: RecordReceipt) => void,
): Promise<void> {
  let done = 0;
  await recordLane(steps, ledger, { onRecorded: (receipt) => onRecorded?.(++done, receipt) });
}

/**
 * Records lanes side by side, at most `concurrency` at a time: each lane's steps in order, the
 * lanes independent of each other (no step of one reads what a step of another writes), so their
 * appends can share the event store's group commits. The first refusal stops the whole run.
 */
export async function recordLanes(
  lanes: Iterable<readonly AnyStep[]>,
  ledger: CommandExecutor,
  { concurrency, ...options }: RecordOptions & { concurrency: number },
): Promise<void> {
  const pending = lanes[Symbol.iterator]();
  let failure: unknown;
  const worker = async () => {
    for (let next = pending.next(); !next.done && failure === undefined; next = pending.next()) {
      try {
        await recordLane(next.value, ledger, options);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failure !== undefined) throw failure;
}

/** One lane: its steps in order, each "$name" resolved to the id an earlier step of the lane saved. */
async function recordLane(steps: readonly AnyStep[], ledger: CommandExecutor, { readYourWrites, onRecorded }: RecordOptions): Promise<void> {
  const saved = new Map<string, string>();
  for (const [i, step] of steps.entries()) {
    let receipt: RecordReceipt;
    try {
      receipt = await ledger.execute(step.command, withSaved(step, saved), {
        actor: step.actor,
        occurredAt: step.occurredAt,
        idempotencyKey: step.idempotencyKey,
        readYourWrites,
      });
    } catch (error) {
      throw new Error(`step ${i} (${step.command} ${JSON.stringify(step.data).slice(0, 120)}): ${(error as Error).message}`, { cause: error });
    }
    if (step.saveAs) saved.set(step.saveAs, savedIdOf(receipt));
    onRecorded?.(receipt);
  }
}

/** The id a step's saveAs keeps: the data request or token it recorded (else its stream). */
export function savedIdOf(receipt: RecordReceipt): string {
  return requestIdOfStream(receipt.streamId) ?? tokenIdOfStream(receipt.streamId) ?? receipt.streamId;
}

/** The step's data with each "$name" (a top-level string) replaced by the id an earlier step saved as name. */
export function withSaved<S extends AnyStep>(step: S, saved: ReadonlyMap<string, string>): S['data'] {
  return Object.fromEntries(
    Object.entries(step.data).map(([key, value]) => {
      if (typeof value !== 'string' || !value.startsWith('$')) return [key, value];
      const id = saved.get(value.slice(1));
      if (!id) throw new Error(`${value} names no earlier step`);
      return [key, id];
    }),
  ) as S['data'];
}
