/**
 * The deciders refuse references to things that do not exist, so a non-null reference the read
 * models cannot resolve means they are broken: say so (logged server-side, INTERNAL_SERVER_ERROR
 * to the client) rather than serve half an answer.
 */
export function dangling(holder: string, missing: string): never {
  throw new Error(`${holder} names ${missing}, which the read models lack`);
}
