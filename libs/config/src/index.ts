export * from './ledger-config';
export * from './secret-file';
