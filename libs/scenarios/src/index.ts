export * from './denver/denver.cast';
export * from './denver/denver-2017.steps';
export * from './denver/every-command.steps';
export * from './record-scenario';
export * from './scenario-step';
export * from './synthetic/synthetic-cast';
export * from './synthetic/synthetic-city';
