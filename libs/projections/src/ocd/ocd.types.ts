/**
 * Open Civic Data objects as the export writes them: the field names of OCD's published schemas
 * (pupa/scrape/schemas, OCDEP 5, 6 and 7), only the fields the ledger can fill. Optional OCD
 * fields the ledger knows nothing about (contact details, images, links) are left out.
 */

export interface OcdSource {
  url: string;
  note: string;
}

export interface OcdIdentifier {
  identifier: string;
  scheme: string;
}

export interface OcdOrganization {
  id: string;
  name: string;
  classification: 'legislature' | 'executive' | 'committee' | 'department' | 'agency';
  parent_id: string | null;
  identifiers: OcdIdentifier[];
  sources: OcdSource[];
  extras: Record<string, unknown>;
}

export interface OcdPerson {
  id: string;
  name: string;
  sort_name: string;
  identifiers: OcdIdentifier[];
  sources: OcdSource[];
  extras: Record<string, unknown>;
}

export interface OcdMembership {
  id: string;
  person_id: string;
  person_name: string;
  organization_id: string;
  role: string;
  label: string;
  /** YYYY-MM-DD */
  start_date: string;
  /** YYYY-MM-DD, or '' while the membership lasts (OCD's blank date) */
  end_date: string;
  extras: Record<string, unknown>;
}

export interface OcdBillAction {
  organization: string | null;
  description: string;
  date: string;
  classification: string[];
  related_entities: Array<{ name: string; entity_type: 'organization' | 'person'; person_id: string | null; organization_id: string | null }>;
}

export interface OcdSponsorship {
  name: string;
  entity_type: 'person';
  person_id: string;
  organization_id: null;
  primary: boolean;
  classification: string;
}

export interface OcdBillVersion {
  note: string;
  date: string;
  links: Array<{ url: string; media_type: string }>;
}

export interface OcdBill {
  id: string;
  legislative_session: string;
  identifier: string;
  title: string;
  classification: string[];
  from_organization: string | null;
  subject: string[];
  abstracts: Array<{ abstract: string; note: string }>;
  other_titles: Array<{ title: string; note: string }>;
  other_identifiers: Array<{ identifier: string; note: string; scheme: string }>;
  actions: OcdBillAction[];
  sponsorships: OcdSponsorship[];
  related_bills: Array<{ identifier: string; legislative_session: string; relation_type: string }>;
  versions: OcdBillVersion[];
  documents: OcdBillVersion[];
  sources: OcdSource[];
  extras: Record<string, unknown>;
}

export type OcdVoteOption = 'yes' | 'no' | 'abstain' | 'absent' | 'not voting';

export interface OcdVoteEvent {
  id: string;
  identifier: string;
  motion_text: string;
  motion_classification: string[];
  start_date: string;
  result: 'pass' | 'fail';
  organization: string;
  legislative_session: string;
  bill: string;
  bill_action: string | null;
  counts: Array<{ option: OcdVoteOption; value: number }>;
  votes: Array<{ option: OcdVoteOption; voter_name: string; voter_id: string; note?: string }>;
  sources: OcdSource[];
  extras: Record<string, unknown>;
}

/** The five OCD types the export writes, each under its directory name (DIR/<type>/). */
export interface OcdExport {
  organization: OcdOrganization[];
  person: OcdPerson[];
  membership: OcdMembership[];
  bill: OcdBill[];
  vote_event: OcdVoteEvent[];
}

export type OcdType = keyof OcdExport;
export const OCD_TYPES: readonly OcdType[] = ['organization', 'person', 'membership', 'bill', 'vote_event'];
