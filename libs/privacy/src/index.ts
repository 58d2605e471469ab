export * from './subject-vault.port';
export * from './file-subject-vault.adapter';
export * from './subject-key.store';
export * from './subject-ref';
export * from './subject-ref-key';
