import { Field, ID } from '@nestjs/graphql';

/**
 * The input field of every office holder's mutation (the mayor's, an officer's, oversight's) by
 * which a clerk records a past act for whoever held the office then (libs/domain/README.md,
 * "Office holders' acts"). The domain checks it; GraphQL only carries it.
 */
export const OnBehalfOfField = () =>
  Field(() => ID, {
    nullable: true,
    description:
      "clerk only, to record a past act (backfilling): the person who held the office on the act's date (occurredAt), whose act this is; the event names them and recordedBy stays the clerk",
  });
