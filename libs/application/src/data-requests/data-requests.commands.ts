import {
  actingPersonId,
  badInput,
  checkedCitationInputs,
  dataRequestDecider,
  dataRequestId,
  dataRequestStreamId,
  notFound,
  type DataRequestCommand,
  type DepartmentRoleFacts,
  type OnBehalfOf,
  type ReceiveDataRequest,
} from '@ledger/domain';
import { isWellFormedText } from '@ledger/event-store';
import type { CatalogueOf, FactsContext, PrepareTools } from '../catalogue/command-entry';
import type { FactsService } from '../facts/facts.service';

/**
 * What the officer enters about the resident. The application layer turns the identifier into a
 * pseudonymous reference and encrypts the details before anything reaches the domain or the log.
 */
export interface SubjectInput {
  subjectIdentifier: string;
  personalDetails?: string | null;
}

/** A request as the officer records it: the new request's id is the ledger's, the subject is named by identifier. */
export type ReceiveDataRequestInput = Omit<ReceiveDataRequest['data'], 'requestId' | 'subjectRef' | 'personalDetails'> & SubjectInput;

/** The longest identifier an officer may enter (a booking number, a case number). */
export const SUBJECT_IDENTIFIER_MAX = 200;
const DETAILS_MAX = 5000;

/**
 * What may be turned into a subject reference: 1 to SUBJECT_IDENTIFIER_MAX characters, not blank,
 * of well-formed Unicode. Both become UTF-8 bytes for the HMAC, where a lone surrogate would
 * silently turn into U+FFFD: two different identifiers would share one reference. One rule for the
 * request's receipt and for `ledger subject-ref`, so that the CLI finds every reference recorded.
 */
export function isSubjectIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= SUBJECT_IDENTIFIER_MAX && isWellFormedText(value);
}

/**
 * Receiving a request is the one command that touches a resident's identity: the identifier the
 * officer typed becomes a keyed HMAC reference, and the personal details are encrypted under the
 * subject's own key, before the decider or the log see anything.
 */
function sealedRequest(input: ReceiveDataRequestInput, { vault, newId }: PrepareTools): ReceiveDataRequest['data'] {
  const { subjectIdentifier, personalDetails, ...request } = input;
  // Neither reaches the log as text (the event store refuses lone surrogates there), but both
  // become UTF-8 bytes here, where a lone surrogate would silently turn into U+FFFD: two
  // different identifiers would share one reference, and the details would decrypt altered.
  if (!isSubjectIdentifier(subjectIdentifier)) {
    throw badInput(`subjectIdentifier must be 1 to ${SUBJECT_IDENTIFIER_MAX} characters of well-formed Unicode text`, 'subjectIdentifier');
  }
  if (personalDetails != null && (typeof personalDetails !== 'string' || personalDetails.length > DETAILS_MAX || !isWellFormedText(personalDetails))) {
    throw badInput(`personalDetails must be at most ${DETAILS_MAX} characters of well-formed Unicode text`, 'personalDetails');
  }
  const subjectRef = vault.subjectRefOf(subjectIdentifier);
  return {
    ...request,
    requestId: dataRequestId(newId()),
    subjectRef,
    personalDetails: personalDetails ? vault.encrypt(subjectRef, personalDetails) : null,
  };
}

/** The requesting agency, and the receiving department with the acting person's roles in it, that day and today (read once). */
async function receiveFacts(facts: FactsService, data: ReceiveDataRequestInput, context: FactsContext) {
  const [requesting, tenure] = await Promise.all([
    facts.organization(data.requestingOrgId, context.date),
    facts.tenure(actingPersonId(data.onBehalfOf, { id: context.actorId }), data.receivingOrgId, context),
  ]);
  return {
    requestingOrg: requesting && { orgId: requesting.orgId, kind: requesting.kind },
    receivingOrg: tenure.org,
    actorRoles: tenure.onActDate,
    actorRolesNow: tenure.now,
  };
}

/** The acting person's roles (officer, oversight) in the department the request was made to. */
async function departmentRoleFacts(facts: FactsService, data: { requestId: string } & OnBehalfOf, context: FactsContext): Promise<DepartmentRoleFacts> {
  const department = await facts.receivingDepartmentOf(data.requestId);
  if (!department) throw notFound(`no data request ${data.requestId}`, 'requestId');
  const { onActDate, now } = await facts.tenure(actingPersonId(data.onBehalfOf, { id: context.actorId }), department, context);
  return { actorRoles: onActDate, actorRolesNow: now };
}

/** The acting person's roles, and the history of each cited clause (a correction may cite none: it keeps the old citations). */
async function citationFacts(facts: FactsService, data: { requestId: string; citations?: unknown } & OnBehalfOf, context: FactsContext) {
  // The list is checked before one history is read: each clause costs a read of its measure's stream.
  const clauseIds = data.citations === undefined ? [] : checkedCitationInputs(data.citations).map((c) => c.clauseId);
  return { ...(await departmentRoleFacts(facts, data, context)), citedClauses: await facts.clauseVersions(clauseIds) };
}

const streamOfRequest = (d: { requestId: string }) => dataRequestStreamId(d.requestId);

/** Outside agencies' requests for residents' data: the officers' decisions and disclosures, and oversight's reviews. */
export const DATA_REQUESTS_COMMANDS: CatalogueOf<DataRequestCommand> = {
  ReceiveDataRequest: {
    decider: dataRequestDecider,
    roles: ['officer', 'clerk'],
    prepare: sealedRequest,
    streamIdOf: streamOfRequest,
    facts: receiveFacts,
  },
  DecideDataRequest: { decider: dataRequestDecider, roles: ['officer', 'clerk'], streamIdOf: streamOfRequest, facts: citationFacts },
  RecordDisclosure: { decider: dataRequestDecider, roles: ['officer', 'clerk'], streamIdOf: streamOfRequest, facts: departmentRoleFacts },
  ReviewDecision: { decider: dataRequestDecider, roles: ['oversight', 'clerk'], streamIdOf: streamOfRequest, facts: departmentRoleFacts },
  CorrectDecision: { decider: dataRequestDecider, roles: ['officer', 'clerk'], streamIdOf: streamOfRequest, facts: citationFacts },
};
