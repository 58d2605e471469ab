import type { LedgerServer } from './ledger-process';
import { expectReceiptNode } from './receipt-node';

const RECEIPT = '{ streamId revision nodeId events { type sequence data } }';
const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) ${RECEIPT} }`;

/**
 * A mutation suite's two checks against a real server: `ok` records and checks that the receipt
 * names its node (node(id) reads it back); `refused` checks that the refusal wrote nothing and
 * answers its code and message. The server and the default token are read when called, since a
 * suite starts them in beforeAll.
 */
export function mutationChecks(server: () => LedgerServer, defaultToken: () => string) {
  const eventCount = async () => (await server().gql('{ events(first: 0) { totalCount } }')).data.events.totalCount as number;
  async function ok(name: string, inputType: string, input: Record<string, unknown>, token = defaultToken()) {
    const result = await server().gql(mutation(name, inputType), { input }, token);
    if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
    await expectReceiptNode(server(), name, result.data[name]);
    return result.data[name];
  }
  async function refused(name: string, inputType: string, input: Record<string, unknown>, token = defaultToken()) {
    const before = await eventCount();
    const result = await server().gql(mutation(name, inputType), { input }, token);
    expect(await eventCount()).toBe(before);
    expect(result.errors).toBeDefined();
    return { code: result.errors![0].extensions?.code, message: result.errors![0].message };
  }
  return { ok, refused, eventCount };
}
