import { Logger } from '@nestjs/common';
import { statfsSync } from 'node:fs';
import type { CommandAvailability } from '@ledger/application';
import type { AppendOutcomes } from './storage-watching-event-store';
import type { ProjectionRunner } from '@ledger/projections';

/** Something that keeps the ledger from taking commands, as /healthz and the refusal name it. */
export interface HealthProblem {
  component: 'read-models' | 'disk' | 'event-store';
  reason: string;
  since?: string;
}

export interface LedgerHealthOptions {
  runner: Pick<ProjectionRunner, 'unavailable'>;
  /** the data dir: its file system holds the log and the read models */
  dataDir: string;
  minFreeDiskBytes: number;
  /** free bytes of the file system holding a path (statfs); replaceable in tests */
  freeBytes?: (path: string) => number;
}

const MiB = 1024 * 1024;
// More room than this since an append failed means someone freed space, not that a file shrank.
const SPACE_FREED_MARGIN = MiB;
// statfs costs a system call; a command storm need not make one each.
const DISK_CHECK_INTERVAL_MS = 500;

const statfsFreeBytes = (path: string) => {
  const stats = statfsSync(path);
  return stats.bavail * stats.bsize;
};

/**
 * Whether the ledger can take commands, in one place: the write path asks it before appending
 * (CommandAvailability) and /healthz reports it. Each condition clears by itself when its cause
 * goes: the runner retries the read models, and the disk is measured again.
 */
export class LedgerHealth implements CommandAvailability, AppendOutcomes {
  private disk: { checkedAt: number; problem: HealthProblem | null } = { checkedAt: 0, problem: null };
  private damage: HealthProblem | null = null;
  private storage: (HealthProblem & { freeAtFailure: number | null }) | null = null;
  private readonly logger = new Logger('Storage');

  /**
   * An append failed in storage. Commands are not refused for it: each append is atomic and is its
   * own probe. But /healthz reports it until an append succeeds, or until the disk has more room
   * than it had when the append failed (space was freed, and nobody has written since).
   */
  storageFailed(reason: string): void {
    if (this.storage?.reason.includes(reason)) return;
    this.logger.error(`the log could not be written: ${reason}; each command is answered UNAVAILABLE until it can`);
    this.storage = { component: 'event-store', reason: `the log could not be written (${reason})`, since: new Date().toISOString(), freeAtFailure: this.freeBytesOrNull() };
  }

  appended(): void {
    if (!this.storage) return;
    this.logger.log('the log is written again');
    this.storage = null;
  }

  /**
   * A query found the read-model file damaged. That does not heal by itself: the server recreates
   * the file at its next start (or `ledger rebuild` does), from the log, which is intact.
   */
  readModelsDamaged(reason: string): void {
    if (this.damage) return;
    new Logger('ReadModels').error(`queries found the read-model file damaged: ${reason}`);
    this.damage = {
      component: 'read-models',
      reason: `the read-model file is damaged (${reason}): restart the server, which recreates it from the log, or stop it and run ledger rebuild`,
      since: new Date().toISOString(),
    };
  }

  constructor(private readonly options: LedgerHealthOptions) {}

  problems(): HealthProblem[] {
    const problems: HealthProblem[] = [];
    const failure = this.options.runner.unavailable;
    if (failure) problems.push({ component: 'read-models', reason: `the read models cannot follow the log: ${failure.reason}`, since: failure.since });
    if (this.damage) problems.push(this.damage);
    const disk = this.diskProblem();
    if (disk) problems.push(disk);
    const storage = this.storageProblem();
    if (storage) problems.push(storage);
    return problems;
  }

  /** Why the write path refuses commands before appending: every problem but the log's own (see storageFailed). */
  refusal(): string | null {
    const problems = this.problems().filter((problem) => problem.component !== 'event-store');
    return problems.length ? problems.map((p) => p.reason).join('; ') : null;
  }

  private storageProblem(): HealthProblem | null {
    if (!this.storage) return null;
    const { freeAtFailure, ...problem } = this.storage;
    const free = this.freeBytesOrNull();
    if (freeAtFailure !== null && free !== null && free > freeAtFailure + SPACE_FREED_MARGIN) {
      this.logger.log(`${((free - freeAtFailure) / MiB).toFixed(1)} MiB were freed since the log could not be written`);
      this.storage = null;
      return null;
    }
    return problem;
  }

  private freeBytesOrNull(): number | null {
    try {
      return (this.options.freeBytes ?? statfsFreeBytes)(this.options.dataDir);
    } catch {
      return null;
    }
  }

  private diskProblem(): HealthProblem | null {
    const { minFreeDiskBytes, dataDir } = this.options;
    if (minFreeDiskBytes <= 0) return null;
    const now = Date.now();
    if (now - this.disk.checkedAt < DISK_CHECK_INTERVAL_MS) return this.disk.problem;
    let problem: HealthProblem | null = null;
    try {
      const free = (this.options.freeBytes ?? statfsFreeBytes)(dataDir);
      if (free < minFreeDiskBytes) {
        problem = {
          component: 'disk',
          reason: `the disk holding ${dataDir} is nearly full: ${(free / MiB).toFixed(1)} MiB free, commands need ${(minFreeDiskBytes / MiB).toFixed(0)} MiB (LEDGER_MIN_FREE_DISK_MB)`,
          since: this.disk.problem?.since ?? new Date(now).toISOString(),
        };
      }
    } catch (error) {
      problem = { component: 'disk', reason: `cannot measure free space under ${dataDir}: ${(error as Error).message}` };
    }
    this.disk = { checkedAt: now, problem };
    return problem;
  }
}
