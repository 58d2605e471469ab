// Everything the browser may use (browser.ts), and the Node implementations beside it.
export * from './browser';
export * from './merkle-hash';
export * from './node-integrity-crypto';
