import type { LedgerServer } from './ledger-process';

/**
 * That a receipt names the node its command created or changed, and that node(id) reads it back:
 * every mutation of a suite passes through this (legislation and data-request mutations).
 */
export async function expectReceiptNode(server: LedgerServer, mutation: string, receipt: { nodeId: string | null }): Promise<void> {
  expect({ mutation, nodeId: typeof receipt.nodeId }).toEqual({ mutation, nodeId: 'string' });
  const read = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: receipt.nodeId });
  expect({ mutation, node: read.data?.node }).toEqual({ mutation, node: { id: receipt.nodeId } });
}
