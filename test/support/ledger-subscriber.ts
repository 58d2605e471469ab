/**
 * A graphql-ws client over `ws`, as an outside subscriber would connect to the built server: it
 * records each payload with the time it arrived, and how the connection ended.
 */
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received<T = any> {
  at: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export class LedgerSubscriber<T = any> {
  readonly received: Array<Received<T>> = [];
  /** the close code once the socket closed (4403: refused at connection; 1001: server going away) */
  closeCode: number | null = null;
  completed = false;
  error: unknown = null;
  private readonly client: Client;
  private readonly listeners = new Set<() => void>();
  readonly connected: Promise<void>;

  constructor(graphqlUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
    let onConnected!: () => void;
    let onFailed!: (reason: unknown) => void;
    this.connected = new Promise((resolve, reject) => ((onConnected = resolve), (onFailed = reject)));
    this.client = createClient({
      url: graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      // closeCode records how the connection ended; the default would print the close event
      onNonLazyError: () => undefined,
      on: {
        connected: () => onConnected(),
        closed: (event) => {
          this.closeCode = (event as { code?: number }).code ?? null;
          onFailed(new Error(`closed before connecting: ${this.closeCode}`));
          this.notify();
        },
      },
    });
    this.client.subscribe<T>(
      { query, variables },
      {
        next: (value) => (this.received.push({ at: performance.now(), ...(value as Omit<Received<T>, 'at'>) }), this.notify()),
        error: (error) => ((this.error = error), this.notify()),
        complete: () => ((this.completed = true), this.notify()),
      },
    );
    this.connected.catch(() => undefined);
  }

  /** Resolves when `predicate` holds, or with false after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs = 3000): Promise<boolean> {
    if (predicate()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!predicate()) return;
        done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(value);
      };
      this.listeners.add(check);
    });
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
