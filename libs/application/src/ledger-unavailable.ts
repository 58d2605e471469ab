/**
 * The ledger cannot take commands right now, and this one was not recorded: the client may retry
 * later (or against another node). The API answers UNAVAILABLE with the message.
 */
export class LedgerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerUnavailable';
  }
}
