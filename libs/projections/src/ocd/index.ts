export * from './ocd.types';
export * from './ocd-ids';
export { buildOcdExport } from './ocd-export';
