/** A replay cannot be made or served from what was asked (bad bound, wrong directory): exit 2 in the CLI. */
export class ReplayRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayRefused';
  }
}

/** The ledger a replay was built from no longer holds the history it was built from: exit 1 in the CLI. */
export class ReplaySourceChanged extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplaySourceChanged';
  }
}
