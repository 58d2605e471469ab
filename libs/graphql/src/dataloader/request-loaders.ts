import DataLoader from 'dataloader';

/**
 * DataLoaders live for one request (created lazily in the GraphQL context), so a list of N nodes
 * resolves each kind of related row in one query instead of N, and no cache outlives the request
 * that filled it.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** The loader for `name` in this request, created on first use from `batch`. */
  get<K, V>(name: string, batch: (keys: readonly K[]) => V[] | Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(async (keys) => batch(keys)) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Groups rows by key in the order of `keys`: the shape a one-to-many batch function returns. */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/** Picks one row per key in the order of `keys` (null where there is none). */
export function pickByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): Array<R | null> {
  const byKey = new Map<K, R>(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}
