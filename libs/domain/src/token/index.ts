export * from './token.commands';
export * from './token.decider';
export * from './token.events';
export * from './token.ids';
export * from './token.state';
