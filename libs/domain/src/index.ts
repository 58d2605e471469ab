export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/date-rules';
export * from './person';
export * from './organization';
export * from './measure';
export * from './data-request';
export * from './compliance';
