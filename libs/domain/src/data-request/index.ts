export * from './data-request.citations';
export * from './data-request.commands';
export * from './data-request.decider';
export * from './data-request.events';
export * from './data-request.ids';
export * from './data-request.state';
