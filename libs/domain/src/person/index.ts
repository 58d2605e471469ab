export * from './person.commands';
export * from './person.decider';
export * from './person.events';
export * from './person.ids';
export * from './person.state';
