import type DataLoader from 'dataloader';
import type { DirectoryQueries, MembershipRow, OrganizationRow, PersonRow } from '@ledger/projections';
import { groupByKeys, pickByKeys, type RequestLoaders } from '../dataloader/request-loaders';

/**
 * The directory's per-request loaders. Any resolver that reaches a person or an organization
 * (Measure.sponsors, Vote.body, ...) should load it here, so all of them share one batch per
 * request.
 */
export function peopleLoader(loaders: RequestLoaders, directory: DirectoryQueries): DataLoader<string, PersonRow | null> {
  return loaders.get<string, PersonRow | null>('directory.people', (ids) => pickByKeys(ids, directory.peopleByIds(ids), (row) => row.id));
}

export function organizationsLoader(loaders: RequestLoaders, directory: DirectoryQueries): DataLoader<string, OrganizationRow | null> {
  return loaders.get<string, OrganizationRow | null>('directory.organizations', (ids) =>
    pickByKeys(ids, directory.organizationsByIds(ids), (row) => row.id),
  );
}

export function membershipsOfPeopleLoader(loaders: RequestLoaders, directory: DirectoryQueries): DataLoader<string, MembershipRow[]> {
  return loaders.get<string, MembershipRow[]>('directory.memberships-of-people', (ids) =>
    groupByKeys(ids, directory.membershipsOfPeople(ids), (row) => row.personId),
  );
}

/** One loader per date: organizations asked about the same day are batched together. */
export function membersOnLoader(loaders: RequestLoaders, directory: DirectoryQueries, date: string): DataLoader<string, MembershipRow[]> {
  return loaders.get<string, MembershipRow[]>(`directory.members-on:${date}`, (ids) =>
    groupByKeys(ids, directory.membersOfOrganizationsOn(ids, date), (row) => row.orgId),
  );
}
