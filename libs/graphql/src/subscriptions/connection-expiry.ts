/**
 * A graphql-ws connection lives as long as the client keeps it open, but its token does not: when
 * the token the connection authenticated with expires, the socket is closed, which completes every
 * subscription on it. Until the timer fires, the redacting `data` resolver already treats the
 * expired token as anonymous (the public view's canSeeRestricted, libs/investigation), so no
 * restricted field is sent after expiry.
 */

/**
 * 4401 Unauthorized: graphql-ws clients do not retry it (they do retry 4403), since what the client
 * needs is a new token, not another attempt with the old one.
 */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;
export const TOKEN_EXPIRED_REASON = 'token expired';

// Beyond this (about 24.8 days) setTimeout fires at once; a longer wait is re-armed in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What graphql-ws/use/ws puts in a connection's `extra`. */
interface SocketExtra {
  socket: { close(code: number, reason: string): void };
}

/** A graphql-ws connection context; only its `extra` (the ws socket) is used. */
export interface WsConnection {
  extra: unknown;
}

const timers = new WeakMap<WsConnection, NodeJS.Timeout>();

/** Closes the connection's socket when its token expires (`expiresAt`, ms since the epoch); null: an anonymous connection. */
export function closeAtTokenExpiry(connection: WsConnection, expiresAt: number | null): void {
  if (expiresAt === null) return;
  const arm = () => {
    const wait = expiresAt - Date.now();
    if (wait <= 0) {
      timers.delete(connection);
      (connection.extra as SocketExtra).socket.close(TOKEN_EXPIRED_CLOSE_CODE, TOKEN_EXPIRED_REASON);
      return;
    }
    // unref: a connection waiting for its token to expire does not keep a stopping server alive
    timers.set(connection, setTimeout(arm, Math.min(wait, MAX_TIMER_MS)).unref());
  };
  arm();
}

/** The connection closed (for any reason): its expiry timer has nothing left to do. */
export function forgetTokenExpiry(connection: WsConnection): void {
  clearTimeout(timers.get(connection));
  timers.delete(connection);
}
