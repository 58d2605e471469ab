/**
 * The public GraphQL contract (../shared/contract/ledger.graphql) and what the served schema still
 * lacks of it. The contract grows ahead of the code: each gap an open issue will close is listed
 * here under that issue, so a test fails on any other gap, and on a listed one that has closed
 * (then delete it from the list).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './ledger-process';

const CHECK = join(ROOT, '..', 'shared', 'contract', 'check-contract.mjs');

/** Gaps owned by open issues, as "KIND Subject" (the checker's line without its wording). */
export const PENDING_GAPS: Record<string, string[]> = {
  // None today: the served schema holds the whole contract (issue 13 closed the last gaps: the
  // people and organizations lists, backward pagination, ISSUED). A gap a new contract brings is
  // listed here under the issue that will close it.
};

export interface ContractGap {
  kind: string;
  /** a type, Type.field, Type.field.arg or Enum.VALUE */
  subject: string;
  line: string;
}

/** Runs the contract's own checker against a schema file or a live /graphql URL. */
export async function contractGaps(target: string): Promise<{ output: string; gaps: ContractGap[] }> {
  if (!existsSync(CHECK)) throw new Error(`the contract checker is missing: ${CHECK}`);
  const output = await new Promise<string>((done) =>
    execFile(process.execPath, [CHECK, target], { cwd: ROOT }, (_error, stdout, stderr) => done(stdout + stderr)),
  );
  const gaps = output
    .split('\n')
    .filter((line) => /^[A-Z_]+: /.test(line))
    .map((line) => ({ kind: line.slice(0, line.indexOf(':')), subject: subjectOf(line), line }));
  return { output, gaps };
}

/** "ARG_REMOVED: Query.events arg last is missing." → Query.events.last; enum values → Enum.VALUE. */
function subjectOf(line: string): string {
  const arg = /^ARG_REMOVED: (\S+) arg (\S+) /.exec(line);
  if (arg) return `${arg[1]}.${arg[2]}`;
  const value = /^VALUE_REMOVED_FROM_ENUM: (\S+) was removed from enum type (\S+)\./.exec(line);
  if (value) return `${value[2]}.${value[1]}`;
  return line.split(' ')[1].replace(/\.$/, '');
}

const pending = new Set(Object.values(PENDING_GAPS).flat());

/** The gaps no open issue accounts for: a test wants this empty. */
export function unexpectedGaps(gaps: ContractGap[]): string[] {
  return gaps.filter((gap) => !pending.has(`${gap.kind} ${gap.subject}`)).map((gap) => gap.line);
}
