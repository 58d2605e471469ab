import type { Actor } from '@ledger/domain';

/*
 * The synthetic city: a made-up city whose every name, person, vote and request is invented
 * (ILLUSTRATIVE, and "Synthetic" in every name), for measuring the ledger at scale. Nothing in it
 * is attributed to a real person. Ids carry "syn" so they can never meet the Denver example's.
 */

export const SYNTHETIC = '(synthetic, illustrative)';

export const SYN_COUNCIL = 'org:syn-city-council';
export const SYN_MAYORS_OFFICE = 'org:syn-mayors-office';

export const synCommittees = ['public-safety', 'finance', 'housing', 'health'].map((topic) => ({
  orgId: `org:syn-committee-${topic}`,
  name: `Synthetic ${topic.replace('-', ' ')} committee ${SYNTHETIC}`,
}));

export const synDepartments = ['sheriff', 'police', 'human-services', 'public-health', 'housing', 'transportation'].map((name) => ({
  orgId: `org:syn-department-${name}`,
  name: `Synthetic ${name.replace('-', ' ')} department ${SYNTHETIC}`,
}));

export const synAgencies = ['immigration-enforcement', 'federal-investigation', 'state-patrol', 'marshals', 'tax-authority'].map((name) => ({
  orgId: `org:syn-agency-${name}`,
  name: `Synthetic ${name.replace('-', ' ')} agency ${SYNTHETIC}`,
}));

/** Council: 13 seats, quorum 7; committees of 5, quorum 3 (all illustrative). */
export const synCouncilRules = { seats: 13, quorum: 7, passage: 'majority-of-present' as const, overrideVotes: 9 };
export const synCommitteeRules = { seats: 5, quorum: 3, passage: 'majority-of-present' as const, overrideVotes: null };

/** The one account that records the whole city, on behalf of each office holder (backfilling). */
export const synClerk: Actor = { id: 'person:syn-clerk', name: `Synthetic City Clerk ${SYNTHETIC}`, role: 'clerk' };

/** What clause rules and data requests speak of. */
export const DATA_CATEGORIES = [
  'immigration-status', 'release-date-time', 'address', 'custody', 'custody-records', 'criminal-history', 'health-records',
  'benefits', 'employment', 'vehicle-records', 'tax-records', 'contact-details',
];
export const RECIPIENTS = ['federal-immigration-enforcement', 'federal-law-enforcement', 'state-law-enforcement', 'courts', 'tax-authorities', 'researchers'];
export const ACTIONS = ['share', 'notify', 'allow-access'] as const;
export const LEGAL_BASES = ['none', 'detainer', 'administrative-warrant', 'judicial-warrant', 'court-order'] as const;
export const PURPOSES = ['civil-immigration-enforcement', 'criminal-investigation', 'tax-collection', 'public-health', 'research'];
export const CHANNELS = ['email', 'portal', 'phone', 'letter'];
