export * from './checkpoint-signer';
export * from './log-signing-key';
export * from './log-store';
export * from './tiled-log';
export * from './transparency-log';
export * from './transparency-log.consumer';
export * from './verification/log-verification';
export * from './event-proof';
