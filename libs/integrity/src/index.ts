export * from './merkle-hash';
