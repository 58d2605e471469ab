export * from './token-secret';
export * from './token.service';
