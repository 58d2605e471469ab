export * from './compliance.evaluator';
export * from './compliance.relevance';
export * from './compliance.rules-in-force';
export * from './compliance.types';
