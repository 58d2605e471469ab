export * from './measure.commands';
export * from './measure.decider';
export * from './measure.events';
export * from './measure.ids';
export * from './measure.state';
export * from './measure.vote-rules';
export * from './clause-history';
export * from './clause-validity';
