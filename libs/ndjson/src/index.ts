export * from './ndjson-event.line';
export * from './ndjson-ledger.validator';
export * from './ndjson-lines.reader';
