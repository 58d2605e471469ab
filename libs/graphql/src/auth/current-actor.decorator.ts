import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@ledger/domain';
import type { RequestContext } from './request-context';

/** Who sends a command, and the Idempotency-Key that makes a retry of it safe. */
export interface Caller {
  actor: Actor;
  idempotencyKey: string | null;
}

/** The caller of a @Roles resolver (the guard has ensured there is an authenticated actor). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const { actor, idempotencyKey } = GqlExecutionContext.create(context).getContext<RequestContext>();
  return { actor: actor!, idempotencyKey: idempotencyKey ?? null };
});
