export { DateScalar, DateTimeScalar, todayUtc } from './date-time.scalar';
export { default as JSONScalar } from 'graphql-type-json';
