import { badInput } from '../shared/domain-error';

// The uuid is the application's (randomUUID, lowercase as the event schemas require). The token's
// id is its JWT `jti`, so a presented token names the stream that says whether it was revoked.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN_ID = new RegExp(`^token:${UUID}$`);
const STREAM_ID = new RegExp(`^token-(${UUID})$`);

export function isTokenId(id: unknown): id is string {
  return typeof id === 'string' && TOKEN_ID.test(id);
}

export function assertTokenId(tokenId: unknown, field = 'tokenId'): asserts tokenId is string {
  if (!isTokenId(tokenId)) throw badInput(`${field} must look like token:<lowercase uuid>, got ${JSON.stringify(tokenId)}`, field);
}

/** uuid -> token:<uuid> */
export function tokenIdOf(uuid: string): string {
  const tokenId = `token:${uuid}`;
  assertTokenId(tokenId);
  return tokenId;
}

/** token:<uuid> -> token-<uuid> (docs/ARCHITECTURE.md, "Streams"). */
export function tokenStreamId(tokenId: string): string {
  assertTokenId(tokenId);
  return tokenId.replace(':', '-');
}

/** token-<uuid> -> token:<uuid>; null for any other stream. */
export function tokenIdOfStream(streamId: string): string | null {
  const match = STREAM_ID.exec(streamId);
  return match ? `token:${match[1]}` : null;
}
