export * from './subject-vault.port';
