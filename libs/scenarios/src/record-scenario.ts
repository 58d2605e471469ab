import { requestIdOfStream } from '@ledger/domain';
import type { RecordReceipt } from '@ledger/application';
import type { AnyStep, CommandExecutor } from './scenario-step';

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
  const saved = new Map<string, string>();
  for (const [i, step] of steps.entries()) {
    let receipt: RecordReceipt;
    try {
      receipt = await ledger.execute(step.command, withSaved(step, saved), { actor: step.actor, occurredAt: step.occurredAt });
    } catch (error) {
      throw new Error(`step ${i} (${step.command} ${JSON.stringify(step.data).slice(0, 120)}): ${(error as Error).message}`, { cause: error });
    }
    if (step.saveAs) saved.set(step.saveAs, savedIdOf(receipt));
    onRecorded?.(i + 1, receipt);
  }
}

/** The id a step's saveAs keeps: the data request it recorded (else its stream). */
export function savedIdOf(receipt: RecordReceipt): string {
  return requestIdOfStream(receipt.streamId) ?? receipt.streamId;
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
