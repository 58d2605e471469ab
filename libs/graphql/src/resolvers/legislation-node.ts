// Forwards to the module's new place, for the files the investigation branch edits (resolvers/ledger-events,
// data-request, trace and auth/restricted-access) until they move too; then delete it.
export * from '../legislation/legislation-node';
