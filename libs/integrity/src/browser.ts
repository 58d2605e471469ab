/**
 * The library for the browser (the portal's verify page): every module but the Node ones
 * (node-integrity-crypto, merkle-hash), so a bundler never meets a `node:` import. The caller
 * brings an IntegrityCrypto of its own.
 */
export * from './bytes';
export * from './checkpoint';
export * from './consistency-proof';
export * from './inclusion-proof';
export * from './integrity-crypto';
export * from './merkle-root';
export * from './note-key';
export * from './signed-note';
export * from './subtree-hashes';
export * from './tile-contents';
export * from './tile-layout';
export * from './tile-path';
export * from './tlog-proof';
export * from './tree-hasher';
export * from './tree-size';
export * from './verdict';
