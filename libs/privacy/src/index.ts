export * from './subject-vault.port';
export * from './subject-ref';
