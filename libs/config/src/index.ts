export * from './duration';
export * from './ledger-config';
export * from './secret-file';
