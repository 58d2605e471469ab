import type { OrganizationRef } from '../organization/organization.facts';
import type { CommandWithFacts } from '../shared/decider';
import type { OnBehalfOf } from '../shared/officeholder';
import type { DataRequestAction, DecisionOutcome, EncryptedDetails, LegalBasis, ReviewFinding } from './data-request.events';

/*
 * Facts: what a data-request command needs to know about other aggregates, loaded by the
 * application layer before deciding (README "Conventions"). A null fact means "not registered".
 */

/**
 * The acting person's roles (the account's person, or whoever a clerk records for: onBehalfOf) in
 * the receiving department: on the act's date, and on the day it is recorded (organization's
 * membersOn). Officers hold `officer` there; the oversight of a department, `oversight`.
 */
export interface DepartmentRoleFacts {
  actorRoles: string[];
  actorRolesNow: string[];
}

export interface ReceiveFacts extends DepartmentRoleFacts {
  requestingOrg: OrganizationRef | null;
  receivingOrg: OrganizationRef | null;
}

/** One version of a cited clause and the days it was law (clauseHistoryOf gives them). */
export interface CitedClauseVersion {
  version: number;
  validFrom: string | null;
  /** first day no longer in force; null while still in force */
  validUntil: string | null;
}

export interface CitationFacts extends DepartmentRoleFacts {
  /** clauseId -> its versions, for every clause the command cites; null: no such clause */
  citedClauses: Record<string, readonly CitedClauseVersion[] | null>;
}

/** A clause the officer relies on; without a version, the one in force on the decision's date. */
export interface CitationInput {
  clauseId: string;
  version?: number | null;
}

export type ReceiveDataRequest = CommandWithFacts<
  'ReceiveDataRequest',
  {
    requestId: string;
    requestingOrgId: string;
    receivingOrgId: string;
    dataCategories: string[];
    action: DataRequestAction;
    recipientCategories: string[];
    purpose: string;
    legalBasis: LegalBasis;
    channel: string;
    /** already computed by the application layer (keyed HMAC); the identifier never reaches the domain */
    subjectRef: string;
    personalDetails: EncryptedDetails | null;
  } & OnBehalfOf,
  ReceiveFacts
>;

export type DecideDataRequest = CommandWithFacts<
  'DecideDataRequest',
  { requestId: string; outcome: DecisionOutcome; disclosedCategories: string[]; citations: CitationInput[]; rationale: string; actionsTaken: string[] } & OnBehalfOf,
  CitationFacts
>;

/** What was actually handed over, which may exceed the grant: the ledger records what happened. */
export type RecordDisclosure = CommandWithFacts<
  'RecordDisclosure',
  { requestId: string; disclosedCategories: string[]; channel: string } & OnBehalfOf,
  DepartmentRoleFacts
>;

/** Oversight's finding on a decision, by the oversight of the department that decided. */
export type ReviewDecision = CommandWithFacts<'ReviewDecision', { requestId: string; finding: ReviewFinding; reasons: string } & OnBehalfOf, DepartmentRoleFacts>;

/** The fields to change; citations given here are checked on the original decision's date. */
export type CorrectDecision = CommandWithFacts<
  'CorrectDecision',
  {
    requestId: string;
    outcome?: DecisionOutcome;
    disclosedCategories?: string[];
    citations?: CitationInput[];
    rationale?: string;
    actionsTaken?: string[];
    reason: string;
  } & OnBehalfOf,
  CitationFacts
>;

export type DataRequestCommand = ReceiveDataRequest | DecideDataRequest | RecordDisclosure | ReviewDecision | CorrectDecision;
