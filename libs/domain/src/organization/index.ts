export * from './organization.commands';
export * from './organization.decider';
export * from './organization.events';
export * from './organization.facts';
export * from './organization.ids';
export * from './organization.state';
