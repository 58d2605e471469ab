export * from './file-subject-vault.adapter';
export * from './subject-key.store';
export * from './subject-ref-key';
