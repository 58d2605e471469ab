/**
 * Something `ledger verify` found not to hold, worded to name the first sequence (or checkpoint)
 * concerned: `sequence 17: the stored leaf hash is not the hash of the event`. Thrown by the checks
 * to stop at the first problem, which is the one worth reading: later ones often follow from it.
 */
export class LogDoesNotHold extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogDoesNotHold';
  }
}
