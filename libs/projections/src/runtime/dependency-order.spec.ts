import { DependencyError, dependencyOrder } from './dependency-order';

const item = (name: string, ...dependsOn: string[]) => ({ name, dependsOn });
const names = (items: Array<{ name: string }>) => items.map((i) => i.name);

describe('dependencyOrder', () => {
  it('keeps the given order where nothing depends on anything', () => {
    expect(names(dependencyOrder([item('c'), item('a'), item('b')], 'projection'))).toEqual(['c', 'a', 'b']);
  });

  it('moves an item after its dependencies, and otherwise keeps the given order (stable)', () => {
    const ordered = dependencyOrder([item('data-requests', 'legislation'), item('event-log'), item('legislation'), item('directory')], 'projection');
    expect(names(ordered)).toEqual(['event-log', 'legislation', 'data-requests', 'directory']);
  });

  it('orders chains and diamonds', () => {
    const ordered = dependencyOrder([item('report', 'left', 'right'), item('left', 'base'), item('right', 'base'), item('base')], 'consumer');
    expect(names(ordered)).toEqual(['base', 'left', 'right', 'report']);
  });

  it('names a cycle, including one of a single item', () => {
    expect(() => dependencyOrder([item('x'), item('a', 'b'), item('b', 'a')], 'projection')).toThrow('projections depend on each other in a cycle: a -> b -> a');
    expect(() => dependencyOrder([item('self', 'self')], 'consumer')).toThrow('consumers depend on each other in a cycle: self -> self');
    expect(() => dependencyOrder([item('a', 'b')], 'projection')).toThrow(DependencyError);
  });
});
