export { DateScalar, DateTimeScalar } from './date-time.scalar';
export { default as JSONScalar } from 'graphql-type-json';
