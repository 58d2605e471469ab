import { Args, Field, ID, InputType, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DirectoryQueries } from '@ledger/projections';
import { Connection, toConnection } from '../relay/connection';
import { keyCursor, keysetArgs, keysetFlags } from '../relay/pagination';
import { DateScalar, todayUtc } from '../scalars';
import { toOrganizationModel, toPersonModel } from './directory.mapper';
import { OrganizationKind, OrganizationModel } from './organization.model';
import { PersonModel } from './person.model';
import { PageArgs } from '../relay/page-args';

@ObjectType('PersonConnection')
export class PersonConnectionModel extends Connection(PersonModel, 'Person') {}

@ObjectType('OrganizationConnection')
export class OrganizationConnectionModel extends Connection(OrganizationModel, 'Organization') {}

@InputType('PersonFilter')
export class PersonFilterInput {
  @Field(() => String, { nullable: true, description: 'search over names' }) text?: string | null;
  @Field(() => ID, { nullable: true, description: 'members of this organization on the date given by on (default: today)' }) memberOf?: string | null;
  @Field(() => DateScalar, { nullable: true }) on?: string | null;
}

@InputType('OrganizationFilter')
export class OrganizationFilterInput {
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind | null;
}

const MAX_SEARCH_LENGTH = 200;

function searchText(text: string | null | undefined): string | undefined {
  if (text == null || text.trim() === '') return undefined;
  if (text.length > MAX_SEARCH_LENGTH) throw new GraphQLError(`text must be at most ${MAX_SEARCH_LENGTH} characters`, { extensions: { code: 'BAD_USER_INPUT', field: 'filter.text' } });
  return text.trim();
}

/**
 * The directory as lists: people (by sort name) and organizations (by name), searched and
 * filtered, paged either way (first/after or last/before), each page one keyset query.
 */
@Resolver()
export class DirectoryListsResolver {
  constructor(private readonly directory: DirectoryQueries) {}

  @Query(() => PersonConnectionModel, { description: 'people of the directory by sort name' })
  people(
    @Args('filter', { type: () => PersonFilterInput, nullable: true }) filter: PersonFilterInput | null,
    @Args() pageArgs: PageArgs,
  ): PersonConnectionModel {
    const page = keysetArgs(pageArgs);
    // DateScalar has refused anything that is not a real calendar day.
    const on = filter?.on ?? todayUtc();
    const result = this.directory.peoplePage({ text: searchText(filter?.text), memberOf: filter?.memberOf ?? undefined, on }, page);
    return toConnection(result.rows, { ...keysetFlags(page, result.hasMore), totalCount: result.totalCount }, (row) => keyCursor(row.sortKey, row.id), toPersonModel);
  }

  @Query(() => OrganizationConnectionModel, { description: 'organizations of the directory by name' })
  organizations(
    @Args('filter', { type: () => OrganizationFilterInput, nullable: true }) filter: OrganizationFilterInput | null,
    @Args() pageArgs: PageArgs,
  ): OrganizationConnectionModel {
    const page = keysetArgs(pageArgs);
    const result = this.directory.organizationsPage({ text: searchText(filter?.text), kind: filter?.kind ?? undefined }, page);
    return toConnection(result.rows, { ...keysetFlags(page, result.hasMore), totalCount: result.totalCount }, (row) => keyCursor(row.sortKey, row.id), toOrganizationModel);
  }
}
