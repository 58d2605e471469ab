/** Another process (a running server, a rebuild) owns the read models: only one may write them. */
export class ReadModelsInUse extends Error {
  constructor(file: string) {
    super(`the read models in ${file} are in use by another process (a running server?): stop it first`);
    this.name = 'ReadModelsInUse';
  }
}

/** The read-model file cannot be read as a database (truncated, overwritten, a bad disk block). */
export class ReadModelsDamaged extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is damaged (${reason}); the read models are built from the log, so it is safe to delete: ledger rebuild recreates it`);
    this.name = 'ReadModelsDamaged';
  }
}

/** The read models in a file cannot be read as one point of the ledger by this version of the code (yet). */
export class ReadModelsNotReady extends Error {
  constructor(
    message: string,
    /** whether the owner may get past it by itself (building, rebuilding), so waiting can help */
    readonly transient = true,
  ) {
    super(message);
    this.name = 'ReadModelsNotReady';
  }
}

// SQLite's result codes for a file that is not (or no longer) a sound database.
const DAMAGE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE.has(code);
}

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
