import { Logger, type ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { forbidden } from '@ledger/domain';
import { formatLedgerError } from '@ledger/graphql';
import { LedgerExceptionFilter } from './http-exception.filter';

const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;
const located = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['signMeasure'] });

describe('which GraphQL errors are logged', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());

  it('hands a resolver’s or guard’s error to GraphQL as it is, logging nothing', () => {
    const refusal = new GraphQLError('role officer may not do this', { extensions: { code: 'FORBIDDEN' } });
    expect(new LedgerExceptionFilter().catch(refusal, graphqlHost)).toBe(refusal);
    expect(logged).not.toHaveBeenCalled();
  });

  it('answers a refusal with its code, unlogged, and logs a fault once, answered INTERNAL_SERVER_ERROR without its message', () => {
    const refusal = formatLedgerError({ message: 'x' }, located(forbidden('only the mayor may sign an ordinance')));
    expect(refusal).toMatchObject({ message: 'only the mayor may sign an ordinance', extensions: { code: 'FORBIDDEN' } });
    expect(logged).not.toHaveBeenCalled();
    const fault = formatLedgerError({ message: 'secret detail' }, located(new TypeError('secret detail')));
    expect(fault).toEqual({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
