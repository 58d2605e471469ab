export * from './default-schema-dir';
export * from './event-schema.registry';
export * from './schema-checked-event-store';
export * from './upcasters';
