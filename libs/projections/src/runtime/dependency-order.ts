/** Something that may read another's state, by name. */
export interface Dependent {
  readonly name: string;
  readonly dependsOn?: readonly string[];
}

/** The consumers or projections cannot be ordered: a duplicate name, an unknown dependency or a cycle. */
export class DependencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DependencyError';
  }
}

/**
 * The items ordered so that each comes after everything it depends on, and otherwise in the order
 * given (a stable topological sort). Refuses duplicate names, dependencies on names not among the
 * items and cycles, naming them, so a wrong wiring fails at construction rather than as a read of
 * tables that are not there yet. `what` names the items in messages ("projection", "consumer").
 */
export function dependencyOrder<T extends Dependent>(items: readonly T[], what: string): T[] {
  const byName = new Map<string, T>();
  for (const item of items) {
    if (byName.has(item.name)) throw new DependencyError(`two ${what}s are named ${item.name}`);
    byName.set(item.name, item);
  }
  for (const item of items) {
    for (const dependency of item.dependsOn ?? []) {
      if (!byName.has(dependency)) throw new DependencyError(`${what} ${item.name} depends on ${dependency}, which is not among them`);
    }
  }
  const ordered: T[] = [];
  const placed = new Set<string>();
  while (ordered.length < items.length) {
    // The first item, in the order given, whose dependencies are all placed.
    const next = items.find((item) => !placed.has(item.name) && (item.dependsOn ?? []).every((d) => placed.has(d)));
    if (!next) {
      const left = items.filter((item) => !placed.has(item.name));
      throw new DependencyError(`${what}s depend on each other in a cycle: ${describeCycle(left, byName)}`);
    }
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

/** "a -> b -> a": follows unplaced dependencies from the first unplaced item until one repeats. */
function describeCycle<T extends Dependent>(left: readonly T[], byName: ReadonlyMap<string, T>): string {
  const unplaced = new Set(left.map((item) => item.name));
  const path: string[] = [];
  let current: string | undefined = left[0].name;
  while (current !== undefined && !path.includes(current)) {
    path.push(current);
    current = (byName.get(current)?.dependsOn ?? []).find((d) => unplaced.has(d));
  }
  return current === undefined ? path.join(' -> ') : [...path.slice(path.indexOf(current)), current].join(' -> ');
}
