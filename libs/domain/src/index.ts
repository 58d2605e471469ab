export * from './shared/actor';
export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/date-rules';
export * from './shared/list-limits';
// the rule vocabulary's token grammar, for readers that filter by a data category or recipient
export { requiredSlug } from './shared/text-rules';
export * from './shared/officeholder';
export * from './person';
export * from './organization';
export * from './measure';
export * from './data-request';
export * from './compliance';
export * from './token';
