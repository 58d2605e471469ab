import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { COMMANDS, type CommandType } from '@ledger/application';
import type { Role } from '@ledger/domain';
import type { RequestContext } from './request-context';

const ROLES_KEY = 'ledger:roles';

/** The roles that may run a resolver. Resolvers without it are public. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * The roles of a mutation that records a command: those the command catalogue allows, so the
 * guard (an early answer over GraphQL) and the write path's own check cannot disagree.
 */
export const CommandRoles = (type: CommandType) => Roles(...COMMANDS[type].roles);

/**
 * Applied to every resolver (APP_GUARD): a presented but invalid token is refused everywhere
 * (UNAUTHENTICATED) rather than silently downgraded to anonymous; a resolver marked @Roles needs
 * an authenticated actor (UNAUTHENTICATED) with one of those roles (FORBIDDEN).
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const { actor, authError } = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (authError) throw new GraphQLError(authError, { extensions: { code: 'UNAUTHENTICATED' } });
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    if (!actor) throw new GraphQLError('this operation needs a bearer token (npm run ledger -- token)', { extensions: { code: 'UNAUTHENTICATED' } });
    if (!roles.includes(actor.role)) {
      throw new GraphQLError(`role ${actor.role} may not do this; it needs ${roles.join(' or ')}`, { extensions: { code: 'FORBIDDEN' } });
    }
    return true;
  }
}
