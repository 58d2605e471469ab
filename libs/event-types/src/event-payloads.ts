// generated from event-schemas/ by npm run generate:event-types; do not edit.
// <Type>Data is the latest version of each event payload, <Type>V<N>Data an older one
// (kept for upcasters and imports).

// event-schemas/legislation/ClauseAdded.v1.schema.json
/**
 * A new clause (its version 1).
 */
export interface ClauseAddedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The new clause.
   */
  eId: string;
  /**
   * The clause version this creates (1 is the text as introduced).
   */
  version: number;
  /**
   * Heading.
   */
  heading: string | null;
  /**
   * Text.
   */
  text: string;
  /**
   * A machine-readable statement of what the clause prohibits, permits or requires.
   */
  rule: {
    /**
     * prohibit | permit | require
     */
    effect: 'prohibit' | 'permit' | 'require';
    /**
     * e.g. collect, share, notify, allow-access, advise-of-rights
     */
    action: string;
    /**
     * e.g. immigration-status, release-date-time
     *
     * @maxItems 100
     */
    dataCategories: string[];
    /**
     * e.g. federal-immigration-enforcement
     *
     * @maxItems 100
     */
    recipients: string[];
    /**
     * legal bases that lift the rule, e.g. judicial-warrant
     *
     * @maxItems 100
     */
    unless: string[];
  } | null;
  /**
   * The vote that adopted it, when adopted on the floor.
   */
  adoptedByVoteId: string | null;
  /**
   * The enacted measure that made this change, when made by another measure.
   */
  byMeasureId: string | null;
  /**
   * First day in force for a change by another measure; null when it takes effect with this measure's enactment.
   */
  effectiveFrom: string | null;
}

// event-schemas/legislation/ClauseAmended.v1.schema.json
/**
 * A new version of an existing clause.
 */
export interface ClauseAmendedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The clause.
   */
  eId: string;
  /**
   * The clause version this creates (1 is the text as introduced).
   */
  version: number;
  /**
   * Heading.
   */
  heading: string | null;
  /**
   * New text.
   */
  text: string;
  /**
   * A machine-readable statement of what the clause prohibits, permits or requires.
   */
  rule: {
    /**
     * prohibit | permit | require
     */
    effect: 'prohibit' | 'permit' | 'require';
    /**
     * e.g. collect, share, notify, allow-access, advise-of-rights
     */
    action: string;
    /**
     * e.g. immigration-status, release-date-time
     *
     * @maxItems 100
     */
    dataCategories: string[];
    /**
     * e.g. federal-immigration-enforcement
     *
     * @maxItems 100
     */
    recipients: string[];
    /**
     * legal bases that lift the rule, e.g. judicial-warrant
     *
     * @maxItems 100
     */
    unless: string[];
  } | null;
  /**
   * The vote that adopted it, when adopted on the floor.
   */
  adoptedByVoteId: string | null;
  /**
   * The enacted measure that made this change, when made by another measure.
   */
  byMeasureId: string | null;
  /**
   * First day in force for a change by another measure; null when it takes effect with this measure's enactment.
   */
  effectiveFrom: string | null;
}

// event-schemas/legislation/ClauseStruck.v1.schema.json
/**
 * A clause was struck: this version ends it.
 */
export interface ClauseStruckData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The clause.
   */
  eId: string;
  /**
   * The clause version this creates (1 is the text as introduced).
   */
  version: number;
  /**
   * The vote that adopted it, when adopted on the floor.
   */
  adoptedByVoteId: string | null;
  /**
   * The enacted measure that made this change, when made by another measure.
   */
  byMeasureId: string | null;
  /**
   * First day in force for a change by another measure; null when it takes effect with this measure's enactment.
   */
  effectiveFrom: string | null;
}

// event-schemas/data-requests/DataRequestDecided.v1.schema.json
/**
 * An officer of the receiving department decided the request, citing the clause versions in force that day.
 */
export interface DataRequestDecidedData {
  /**
   * The request.
   */
  requestId: string;
  /**
   * decision:<uuid of the request>
   */
  decisionId: string;
  /**
   * GRANTED, PARTIALLY_GRANTED or DENIED.
   */
  outcome: 'GRANTED' | 'PARTIALLY_GRANTED' | 'DENIED';
  /**
   * The categories granted (empty when denied).
   *
   * @maxItems 100
   */
  disclosedCategories: string[];
  /**
   * The officer.
   */
  decidedBy: string;
  /**
   * The officer's department.
   */
  decidingOrgId: string;
  /**
   * The clause versions the decision relied on; each was in force on the decision's date.
   *
   * @maxItems 100
   */
  citations: {
    /**
     * <measure id>#<eId>
     */
    clauseId: string;
    version: number;
  }[];
  /**
   * Why, in the officer's words.
   */
  rationale: string;
  /**
   * Conditions the officer states were met before disclosure, e.g. advise-of-rights.
   *
   * @maxItems 100
   */
  actionsTaken: string[];
}

// event-schemas/data-requests/DataRequestReceived.v1.schema.json
/**
 * An outside agency asked a city department for data about a resident. The resident is named only by a pseudonymous reference.
 */
export interface DataRequestReceivedData {
  /**
   * data-request:<uuid>
   */
  requestId: string;
  /**
   * The agency asking.
   */
  requestingOrgId: string;
  /**
   * The department asked.
   */
  receivingOrgId: string;
  /**
   * What is asked for, e.g. release-date-time, immigration-status, address.
   *
   * @minItems 1
   * @maxItems 100
   */
  dataCategories: string[];
  /**
   * What granting it would do: share the data, notify the agency of an event, or allow access to a person or place.
   */
  action: 'share' | 'notify' | 'allow-access';
  /**
   * What kind of recipient the agency is, as policy rules name them, e.g. federal-immigration-enforcement.
   *
   * @minItems 1
   * @maxItems 100
   */
  recipientCategories: string[];
  /**
   * e.g. civil-immigration-enforcement, criminal-investigation
   */
  purpose: string;
  /**
   * The legal instrument presented.
   */
  legalBasis: 'none' | 'detainer' | 'administrative-warrant' | 'judicial-warrant' | 'court-order';
  /**
   * How it arrived, e.g. email, fax, phone, in-person.
   */
  channel: string;
  /**
   * Restricted: keyed HMAC of the identifier the officer entered; the key is not in the log.
   */
  subjectRef: string;
  /**
   * Personal details of the resident, encrypted with AES-256-GCM under a per-subject key kept outside the log (restricted; unreadable once the key is erased); null when none were recorded.
   */
  personalDetails: {
    algorithm: 'AES-256-GCM';
    /**
     * Which subject key encrypts it (the subject reference).
     */
    keyId: string;
    iv: string;
    ciphertext: string;
    tag: string;
  } | null;
  /**
   * The officer whose act this was, when a clerk recorded it on their behalf (backfilling); absent when the officer recorded it (the envelope's recordedBy).
   */
  onBehalfOf?: string;
}

// event-schemas/data-requests/DecisionCorrected.v1.schema.json
/**
 * A recorded decision was wrong and is corrected, saying why; the original event stays.
 */
export interface DecisionCorrectedData {
  /**
   * The request.
   */
  requestId: string;
  /**
   * The decision.
   */
  decisionId: string;
  /**
   * The new values, only for the fields that change.
   */
  corrections: {
    /**
     * GRANTED, PARTIALLY_GRANTED or DENIED.
     */
    outcome?: 'GRANTED' | 'PARTIALLY_GRANTED' | 'DENIED';
    /**
     * Corrected granted categories.
     *
     * @maxItems 100
     */
    disclosedCategories?: string[];
    /**
     * The clause versions the decision relied on; each was in force on the decision's date.
     *
     * @maxItems 100
     */
    citations?: {
      /**
       * <measure id>#<eId>
       */
      clauseId: string;
      version: number;
    }[];
    /**
     * Corrected rationale.
     */
    rationale?: string;
    /**
     * Corrected conditions met.
     *
     * @maxItems 100
     */
    actionsTaken?: string[];
  };
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
  /**
   * The officer whose act this was, when a clerk recorded it on their behalf (backfilling); absent when the officer recorded it (the envelope's recordedBy).
   */
  onBehalfOf?: string;
}

// event-schemas/data-requests/DecisionReviewed.v1.schema.json
/**
 * Oversight reviewed a decision: upheld, or found in violation, with reasons.
 */
export interface DecisionReviewedData {
  /**
   * The request.
   */
  requestId: string;
  /**
   * The decision.
   */
  decisionId: string;
  /**
   * upheld or violation
   */
  finding: 'upheld' | 'violation';
  /**
   * The reviewer's reasons.
   */
  reasons: string;
  /**
   * The oversight account's person.
   */
  reviewedBy: string;
}

// event-schemas/data-requests/DisclosureRecorded.v1.schema.json
/**
 * What was actually disclosed under a decision (which may differ from what was granted).
 */
export interface DisclosureRecordedData {
  /**
   * The request.
   */
  requestId: string;
  /**
   * The decision.
   */
  decisionId: string;
  /**
   * What was disclosed.
   *
   * @minItems 1
   * @maxItems 100
   */
  disclosedCategories: string[];
  /**
   * How, e.g. email, phone.
   */
  channel: string;
  /**
   * The officer whose act this was, when a clerk recorded it on their behalf (backfilling); absent when the officer recorded it (the envelope's recordedBy).
   */
  onBehalfOf?: string;
}

// event-schemas/legislation/ExecutiveOrderDrafted.v1.schema.json
/**
 * The mayor drafted an executive order.
 */
export interface ExecutiveOrderDraftedData {
  /**
   * Stable id, e.g. EO-2017-142
   */
  measureId: string;
  /**
   * Title.
   */
  title: string;
  /**
   * Summary.
   */
  summary: string | null;
  /**
   * The executive office issuing it.
   */
  officeId: string;
  /**
   * The office holder who drafted it.
   */
  issuerId: string;
  /**
   * The clauses as introduced (version 1 of each).
   *
   * @minItems 1
   * @maxItems 500
   */
  clauses: {
    /**
     * Akoma Ntoso eId, e.g. sec_2__subsec_b
     */
    eId: string;
    /**
     * Clause heading, if any.
     */
    heading: string | null;
    /**
     * The clause text.
     */
    text: string;
    /**
     * A machine-readable statement of what the clause prohibits, permits or requires.
     */
    rule: {
      /**
       * prohibit | permit | require
       */
      effect: 'prohibit' | 'permit' | 'require';
      /**
       * e.g. collect, share, notify, allow-access, advise-of-rights
       */
      action: string;
      /**
       * e.g. immigration-status, release-date-time
       *
       * @maxItems 100
       */
      dataCategories: string[];
      /**
       * e.g. federal-immigration-enforcement
       *
       * @maxItems 100
       */
      recipients: string[];
      /**
       * legal bases that lift the rule, e.g. judicial-warrant
       *
       * @maxItems 100
       */
      unless: string[];
    } | null;
  }[];
}

// event-schemas/legislation/ExecutiveOrderIssued.v1.schema.json
/**
 * The mayor issued the executive order, in force from effectiveFrom.
 */
export interface ExecutiveOrderIssuedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The mayor.
   */
  issuedBy: string;
  /**
   * First day in force.
   */
  effectiveFrom: string;
}

// event-schemas/legislation/ExecutiveOrderRevoked.v1.schema.json
/**
 * The mayor revoked the executive order; effectiveUntil is its first day no longer in force.
 */
export interface ExecutiveOrderRevokedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The mayor.
   */
  revokedBy: string;
  /**
   * First day no longer in force.
   */
  effectiveUntil: string;
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
}

// event-schemas/legislation/MeasureEnacted.v1.schema.json
/**
 * The measure became law, in force from effectiveFrom.
 */
export interface MeasureEnactedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * First day in force.
   */
  effectiveFrom: string;
}

// event-schemas/legislation/MeasureIntroduced.v1.schema.json
/**
 * An ordinance or resolution was introduced in a legislature, with its sponsors and its clauses as introduced.
 */
export interface MeasureIntroducedData {
  /**
   * Stable id, e.g. CB17-0766
   */
  measureId: string;
  /**
   * ORDINANCE or RESOLUTION (executive orders are drafted, not introduced).
   */
  kind: 'ORDINANCE' | 'RESOLUTION';
  /**
   * Title.
   */
  title: string;
  /**
   * Summary.
   */
  summary: string | null;
  /**
   * The legislature it was introduced in.
   */
  bodyId: string;
  /**
   * Sponsoring people.
   *
   * @minItems 1
   * @maxItems 1000
   */
  sponsorIds: string[];
  /**
   * The clauses as introduced (version 1 of each).
   *
   * @minItems 1
   * @maxItems 500
   */
  clauses: {
    /**
     * Akoma Ntoso eId, e.g. sec_2__subsec_b
     */
    eId: string;
    /**
     * Clause heading, if any.
     */
    heading: string | null;
    /**
     * The clause text.
     */
    text: string;
    /**
     * A machine-readable statement of what the clause prohibits, permits or requires.
     */
    rule: {
      /**
       * prohibit | permit | require
       */
      effect: 'prohibit' | 'permit' | 'require';
      /**
       * e.g. collect, share, notify, allow-access, advise-of-rights
       */
      action: string;
      /**
       * e.g. immigration-status, release-date-time
       *
       * @maxItems 100
       */
      dataCategories: string[];
      /**
       * e.g. federal-immigration-enforcement
       *
       * @maxItems 100
       */
      recipients: string[];
      /**
       * legal bases that lift the rule, e.g. judicial-warrant
       *
       * @maxItems 100
       */
      unless: string[];
    } | null;
  }[];
}

// event-schemas/legislation/MeasureReferred.v1.schema.json
/**
 * The measure was referred to a committee.
 */
export interface MeasureReferredData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The committee.
   */
  committeeId: string;
}

// event-schemas/legislation/MeasureRepealed.v1.schema.json
/**
 * Another enacted measure repealed this one; effectiveUntil is its first day no longer in force.
 */
export interface MeasureRepealedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The repealing measure.
   */
  byMeasureId: string;
  /**
   * First day no longer in force.
   */
  effectiveUntil: string;
}

// event-schemas/legislation/MeasureSigned.v1.schema.json
/**
 * The mayor signed the passed ordinance.
 */
export interface MeasureSignedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The mayor.
   */
  signedBy: string;
}

// event-schemas/legislation/MeasureVetoed.v1.schema.json
/**
 * The mayor vetoed the passed ordinance.
 */
export interface MeasureVetoedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The mayor.
   */
  vetoedBy: string;
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
}

// event-schemas/legislation/MeasureWithdrawn.v1.schema.json
/**
 * The measure was withdrawn before final action.
 */
export interface MeasureWithdrawnData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
}

// event-schemas/directory/MembershipCorrected.v1.schema.json
/**
 * The dates of a recorded membership were wrong and are corrected; the original events stay.
 */
export interface MembershipCorrectedData {
  /**
   * org:slug
   */
  orgId: string;
  /**
   * person:slug
   */
  personId: string;
  /**
   * The membership's role.
   */
  role: string;
  /**
   * The recorded start date that identifies the membership.
   */
  startDate: string;
  /**
   * The new dates.
   */
  corrections: {
    /**
     * Corrected first day.
     */
    startDate?: string;
    /**
     * Corrected last day, or null if still serving.
     */
    endDate?: string | null;
  };
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
}

// event-schemas/directory/MembershipEnded.v1.schema.json
/**
 * A person left a role; endDate is their last day in it.
 */
export interface MembershipEndedData {
  /**
   * org:slug
   */
  orgId: string;
  /**
   * person:slug
   */
  personId: string;
  /**
   * The role that ends.
   */
  role: string;
  /**
   * Last day in the role (inclusive).
   */
  endDate: string;
}

// event-schemas/directory/MembershipStarted.v1.schema.json
/**
 * A person took a role in an organization (a council seat, the mayor's office, an officer post) from a date.
 */
export interface MembershipStartedData {
  /**
   * org:slug
   */
  orgId: string;
  /**
   * person:slug
   */
  personId: string;
  /**
   * e.g. member, chair, mayor, officer
   */
  role: string;
  /**
   * First day in the role.
   */
  startDate: string;
}

// event-schemas/directory/OrganizationRecordCorrected.v1.schema.json
/**
 * An organization's record was found wrong and corrected; the original event stays.
 */
export interface OrganizationRecordCorrectedV1Data {
  /**
   * org:slug
   */
  orgId: string;
  /**
   * The new values, only for the fields that change.
   */
  corrections: {
    /**
     * Corrected name.
     */
    name?: string;
    /**
     * Corrected parent.
     */
    parentId?: string | null;
    /**
     * Voting rules, for bodies that vote; null for others.
     */
    rules?: {
      /**
       * Seats on the body.
       */
      seats: number;
      /**
       * Members present needed for any vote.
       */
      quorum: number;
      /**
       * How an ordinary motion passes.
       */
      passage: 'majority-of-present';
      /**
       * YES votes needed to override a veto; null where the body cannot override.
       */
      overrideVotes: number | null;
    } | null;
  };
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
}

// event-schemas/directory/OrganizationRecordCorrected.v2.schema.json
/**
 * An organization's record was found wrong and corrected; the original event stays.
 */
export interface OrganizationRecordCorrectedData {
  /**
   * org:slug
   */
  orgId: string;
  /**
   * The new values, only for the fields that change.
   */
  corrections: {
    /**
     * Corrected name.
     */
    name?: string;
    /**
     * Corrected parent.
     */
    parentId?: string | null;
    /**
     * Voting rules, for bodies that vote; null for others.
     */
    rules?: {
      /**
       * Seats on the body.
       */
      seats: number;
      /**
       * Members present needed for any vote.
       */
      quorum: number;
      /**
       * How an ordinary motion passes.
       */
      passage: 'majority-of-present';
      /**
       * YES votes needed to override a veto; null where the body cannot override.
       */
      overrideVotes: number | null;
      /**
       * How an abstention counts: 'present' (the default), an abstaining member is present and in the base of a majority-of-present; 'not-voting', present for the quorum but not in the base, so a motion needs a majority of the YES and NO votes (majority-of-votes-cast).
       */
      abstentions?: 'present' | 'not-voting';
    } | null;
  };
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
}

// event-schemas/directory/OrganizationRegistered.v1.schema.json
/**
 * An organization entered the directory: a legislature, committee, executive office, department or outside agency.
 */
export interface OrganizationRegisteredV1Data {
  /**
   * org:slug
   */
  orgId: string;
  /**
   * Display name.
   */
  name: string;
  /**
   * What sort of organization it is.
   */
  kind: 'LEGISLATURE' | 'COMMITTEE' | 'EXECUTIVE' | 'DEPARTMENT' | 'EXTERNAL_AGENCY';
  /**
   * The parent organization (a committee's legislature), or null.
   */
  parentId: string | null;
  /**
   * Voting rules, for bodies that vote; null for others.
   */
  rules: {
    /**
     * Seats on the body.
     */
    seats: number;
    /**
     * Members present needed for any vote.
     */
    quorum: number;
    /**
     * How an ordinary motion passes.
     */
    passage: 'majority-of-present';
    /**
     * YES votes needed to override a veto; null where the body cannot override.
     */
    overrideVotes: number | null;
  } | null;
}

// event-schemas/directory/OrganizationRegistered.v2.schema.json
/**
 * An organization entered the directory: a legislature, committee, executive office, department or outside agency.
 */
export interface OrganizationRegisteredData {
  /**
   * org:slug
   */
  orgId: string;
  /**
   * Display name.
   */
  name: string;
  /**
   * What sort of organization it is.
   */
  kind: 'LEGISLATURE' | 'COMMITTEE' | 'EXECUTIVE' | 'DEPARTMENT' | 'EXTERNAL_AGENCY';
  /**
   * The parent organization (a committee's legislature), or null.
   */
  parentId: string | null;
  /**
   * Voting rules, for bodies that vote; null for others.
   */
  rules: {
    /**
     * Seats on the body.
     */
    seats: number;
    /**
     * Members present needed for any vote.
     */
    quorum: number;
    /**
     * How an ordinary motion passes.
     */
    passage: 'majority-of-present';
    /**
     * YES votes needed to override a veto; null where the body cannot override.
     */
    overrideVotes: number | null;
    /**
     * How an abstention counts: 'present' (the default), an abstaining member is present and in the base of a majority-of-present; 'not-voting', present for the quorum but not in the base, so a motion needs a majority of the YES and NO votes (majority-of-votes-cast).
     */
    abstentions?: 'present' | 'not-voting';
  } | null;
}

// event-schemas/directory/PersonRecordCorrected.v1.schema.json
/**
 * A directory record was found wrong and corrected; the original PersonRegistered event stays in the ledger.
 */
export interface PersonRecordCorrectedData {
  /**
   * The person whose record is corrected.
   */
  personId: string;
  /**
   * The new values, only for the fields that change.
   */
  corrections: {
    /**
     * Corrected display name, trimmed.
     */
    name?: string;
    /**
     * Corrected sort name, trimmed.
     */
    sortName?: string;
  };
  /**
   * Why the record was wrong, as the clerk stated it; trimmed.
   */
  reason: string;
}

// event-schemas/directory/PersonRegistered.v1.schema.json
/**
 * A person (council member, officer, clerk) entered the directory. Superseded by v2, which adds sortName; stored v1 events are upcast on read.
 */
export interface PersonRegisteredV1Data {
  /**
   * Readable slug chosen by the clerk, e.g. person:robin-kniech.
   */
  personId: string;
  /**
   * Display name, trimmed.
   */
  name: string;
}

// event-schemas/directory/PersonRegistered.v2.schema.json
/**
 * A person (council member, officer, clerk) entered the directory.
 */
export interface PersonRegisteredData {
  /**
   * Readable slug chosen by the clerk, e.g. person:robin-kniech.
   */
  personId: string;
  /**
   * Display name, trimmed.
   */
  name: string;
  /**
   * Name used for alphabetical ordering, e.g. "Kniech, Robin" (Open Civic Data's sort_name), trimmed.
   */
  sortName: string;
}

// event-schemas/legislation/QuorumFailed.v1.schema.json
/**
 * A body met to vote on a motion about the measure but too few members were present for a quorum: no vote was taken.
 */
export interface QuorumFailedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The voting body.
   */
  bodyId: string;
  /**
   * What was voted on.
   */
  motion:
    | 'committee-passage'
    | 'first-reading'
    | 'final-passage'
    | 'amendment'
    | 'veto-override'
    | 'adoption'
    | 'reconsideration';
  /**
   * The members present, by person id (every one a member of the body that day).
   *
   * @maxItems 1000
   */
  present: string[];
  /**
   * Members present the body's rules require for any vote.
   */
  quorum: number;
}

// event-schemas/tokens/TokenIssued.v1.schema.json
/**
 * The ledger minted a bearer token (its jti is tokenId) for an account: who it speaks for, with which role, until when. Never the token itself, nor any secret: a token id alone authenticates nobody. The admin who minted it is the envelope's recordedBy, and the token's issue time its occurredAt.
 */
export interface TokenIssuedData {
  /**
   * token:<uuid>, the token's jti claim.
   */
  tokenId: string;
  /**
   * The account the token speaks for (its sub claim), e.g. person:city-clerk; trimmed.
   */
  actorId: string;
  /**
   * The account's display name (its name claim); trimmed.
   */
  name: string;
  /**
   * The account's role (its role claim).
   */
  role: 'clerk' | 'mayor' | 'officer' | 'oversight' | 'admin';
  /**
   * When the token expires (its exp claim), an ISO-8601 instant after the event's occurredAt.
   */
  expiresAt: string;
}

// event-schemas/tokens/TokenRevoked.v1.schema.json
/**
 * A token this ledger issued is refused from now on, before it expires. The admin who revoked it is the envelope's recordedBy.
 */
export interface TokenRevokedData {
  /**
   * token:<uuid>, the revoked token's jti claim.
   */
  tokenId: string;
  /**
   * Why, as the admin stated it (a lost laptop, a person who left office); trimmed.
   */
  reason: string;
}

// event-schemas/legislation/VoteCorrected.v1.schema.json
/**
 * A clerk corrected a mis-recorded roll call. The original VoteRecorded stays as recorded; the tally and result were computed again by the ledger from the corrected roll call and the threshold the vote was counted under.
 */
export interface VoteCorrectedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * vote:<measure id>:<n>
   */
  voteId: string;
  /**
   * What was voted on.
   */
  motion:
    | 'committee-passage'
    | 'first-reading'
    | 'final-passage'
    | 'amendment'
    | 'veto-override'
    | 'adoption'
    | 'reconsideration';
  /**
   * The corrected roll call: one entry per member of the body on the vote's date.
   *
   * @minItems 1
   * @maxItems 1000
   */
  rollCall: {
    personId: string;
    choice: 'YES' | 'NO' | 'ABSTAIN' | 'ABSENT' | 'RECUSED';
  }[];
  /**
   * Counts of each choice.
   */
  tally: {
    yes: number;
    no: number;
    abstain: number;
    absent: number;
    recused: number;
  };
  /**
   * The result the corrected roll call gives.
   */
  result: 'PASSED' | 'FAILED';
  /**
   * The result as recorded before this correction.
   */
  previousResult: 'PASSED' | 'FAILED';
  /**
   * Why, as the recorder stated it.
   */
  reason: string;
}

// event-schemas/legislation/VoteExplained.v1.schema.json
/**
 * A member who voted put an explanation of their vote on the record.
 */
export interface VoteExplainedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * vote:<measure id>:<n>
   */
  voteId: string;
  /**
   * The member explaining their vote.
   */
  personId: string;
  /**
   * The member's explanation, in their words.
   */
  explanation: string;
}

// event-schemas/legislation/VoteReconsidered.v1.schema.json
/**
 * A motion to reconsider passed: the reconsidered vote no longer stands, and the measure is back at the stage it was in before that vote, so the body can vote again. The reconsidered vote stays on the record.
 */
export interface VoteReconsideredData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * The vote reconsidered.
   */
  voteId: string;
  /**
   * The motion to reconsider that passed.
   */
  byVoteId: string;
  /**
   * The stage the measure is back in: the one it was in before the reconsidered vote.
   */
  stage: 'introduced' | 'in-committee' | 'reported' | 'first-reading-passed' | 'vetoed';
}

// event-schemas/legislation/VoteRecorded.v1.schema.json
/**
 * A body voted on a motion about the measure. The roll call lists every seat held that day; tally, threshold and result were computed by the ledger from the body's rules, never supplied.
 */
export interface VoteRecordedV1Data {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * vote:<measure id>:<n>
   */
  voteId: string;
  /**
   * The voting body.
   */
  bodyId: string;
  /**
   * What was voted on.
   */
  motion: 'committee-passage' | 'first-reading' | 'final-passage' | 'amendment' | 'veto-override' | 'adoption';
  /**
   * One entry per member of the body on the vote's date.
   *
   * @minItems 1
   * @maxItems 1000
   */
  rollCall: {
    personId: string;
    choice: 'YES' | 'NO' | 'ABSTAIN' | 'ABSENT' | 'RECUSED';
  }[];
  /**
   * Counts of each choice.
   */
  tally: {
    yes: number;
    no: number;
    abstain: number;
    absent: number;
    recused: number;
  };
  /**
   * The rule the result was computed with, e.g. majority-of-present.
   */
  threshold: string;
  /**
   * PASSED or FAILED.
   */
  result: 'PASSED' | 'FAILED';
  /**
   * What an amendment motion proposes: to amend or strike an existing clause or add a new one; null for other motions.
   */
  amendment: {
    /**
     * amend | add | strike
     */
    change: 'amend' | 'add' | 'strike';
    /**
     * The clause.
     */
    eId: string;
    /**
     * New heading.
     */
    heading: string | null;
    /**
     * New text; null when striking.
     */
    text: string | null;
    /**
     * A machine-readable statement of what the clause prohibits, permits or requires.
     */
    rule: {
      /**
       * prohibit | permit | require
       */
      effect: 'prohibit' | 'permit' | 'require';
      /**
       * e.g. collect, share, notify, allow-access, advise-of-rights
       */
      action: string;
      /**
       * e.g. immigration-status, release-date-time
       *
       * @maxItems 100
       */
      dataCategories: string[];
      /**
       * e.g. federal-immigration-enforcement
       *
       * @maxItems 100
       */
      recipients: string[];
      /**
       * legal bases that lift the rule, e.g. judicial-warrant
       *
       * @maxItems 100
       */
      unless: string[];
    } | null;
  } | null;
}

// event-schemas/legislation/VoteRecorded.v2.schema.json
/**
 * A body voted on a motion about the measure. The roll call lists every seat held that day; tally, threshold and result were computed by the ledger from the body's rules, never supplied.
 */
export interface VoteRecordedData {
  /**
   * The measure.
   */
  measureId: string;
  /**
   * vote:<measure id>:<n>
   */
  voteId: string;
  /**
   * The voting body.
   */
  bodyId: string;
  /**
   * What was voted on.
   */
  motion:
    | 'committee-passage'
    | 'first-reading'
    | 'final-passage'
    | 'amendment'
    | 'veto-override'
    | 'adoption'
    | 'reconsideration';
  /**
   * One entry per member of the body on the vote's date.
   *
   * @minItems 1
   * @maxItems 1000
   */
  rollCall: {
    personId: string;
    choice: 'YES' | 'NO' | 'ABSTAIN' | 'ABSENT' | 'RECUSED';
  }[];
  /**
   * Counts of each choice.
   */
  tally: {
    yes: number;
    no: number;
    abstain: number;
    absent: number;
    recused: number;
  };
  /**
   * The rule the result was computed with, e.g. majority-of-present.
   */
  threshold: string;
  /**
   * PASSED or FAILED.
   */
  result: 'PASSED' | 'FAILED';
  /**
   * What an amendment motion proposes: to amend or strike an existing clause or add a new one; null for other motions.
   */
  amendment: {
    /**
     * amend | add | strike
     */
    change: 'amend' | 'add' | 'strike';
    /**
     * The clause.
     */
    eId: string;
    /**
     * New heading.
     */
    heading: string | null;
    /**
     * New text; null when striking.
     */
    text: string | null;
    /**
     * A machine-readable statement of what the clause prohibits, permits or requires.
     */
    rule: {
      /**
       * prohibit | permit | require
       */
      effect: 'prohibit' | 'permit' | 'require';
      /**
       * e.g. collect, share, notify, allow-access, advise-of-rights
       */
      action: string;
      /**
       * e.g. immigration-status, release-date-time
       *
       * @maxItems 100
       */
      dataCategories: string[];
      /**
       * e.g. federal-immigration-enforcement
       *
       * @maxItems 100
       */
      recipients: string[];
      /**
       * legal bases that lift the rule, e.g. judicial-warrant
       *
       * @maxItems 100
       */
      unless: string[];
    } | null;
  } | null;
  /**
   * For a motion to reconsider: the vote it reconsiders (the measure's latest, by the same body); null for other motions.
   */
  reconsidersVoteId: string | null;
}
