import { LedgerCommand } from '../ledger-command';

export class RegisterPersonCommand extends LedgerCommand<{ personId: string; name: string; sortName?: string }> {}

export class CorrectPersonRecordCommand extends LedgerCommand<{ personId: string; name?: string; sortName?: string; reason: string }> {}
