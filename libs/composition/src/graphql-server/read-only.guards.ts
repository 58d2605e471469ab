import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ReplayManifest } from '../replay/replay-manifest';
import { SERVED_REPLAY, readOnlyMessage } from './served-replay';

function refusal(replay: ReplayManifest): GraphQLError {
  return new GraphQLError(readOnlyMessage(replay), { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/**
 * Refuses a whole request that is a mutation before any resolver runs, whoever sends it (no
 * authentication or role check comes first), so the caller learns the one thing that matters:
 * this server does not write.
 */
export function readOnlyPlugin(replay: ReplayManifest): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') throw refusal(replay);
        },
      };
    },
  };
}

/**
 * The same refusal for transports Apollo's plugins never see (operations sent over graphql-ws):
 * applied to every resolver, so no mutation resolver of any transport reaches the write side (LedgerCommands).
 */
@Injectable()
export class ReadOnlyGuard implements CanActivate {
  constructor(@Inject(SERVED_REPLAY) private readonly replay: ReplayManifest) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    if (GqlExecutionContext.create(context).getInfo()?.operation?.operation === 'mutation') {
      throw new GraphQLError(readOnlyMessage(this.replay), { extensions: { code: 'FORBIDDEN' } });
    }
    return true;
  }
}
