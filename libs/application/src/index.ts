export * from './application.module';
export * from './application.ports';
export * from './command-context';
export * from './command-gate';
export * from './decider-runner';
export * from './record-receipt';
export * from './person/register-person.command';
