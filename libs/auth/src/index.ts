export * from './token-secret';
export * from './token.service';
export * from './oidc-verifier';
