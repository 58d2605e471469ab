import { assertNever } from '../shared/decider';
import type { TokenEvent } from './token.events';

export type TokenState = { issued: false } | { issued: true; tokenId: string; expiresAt: string; revoked: boolean };

export const initialTokenState: TokenState = { issued: false };

export function evolveToken(state: TokenState, event: TokenEvent): TokenState {
  switch (event.type) {
    case 'TokenIssued':
      return { issued: true, tokenId: event.data.tokenId, expiresAt: event.data.expiresAt, revoked: false };
    case 'TokenRevoked':
      return state.issued ? { ...state, revoked: true } : state;
    default:
      return assertNever(event);
  }
}
