export * from './roles';
export * from './token-secret';
export * from './token.service';
