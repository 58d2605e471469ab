import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  actingPersonId,
  badInput,
  checkedCitationInputs,
  dataRequestDecider,
  dataRequestId,
  dataRequestStreamId,
  notFound,
  type DepartmentRoleFacts,
  type OnBehalfOf,
} from '@ledger/domain';
import { isWellFormedText, newEventId } from '@ledger/event-store';
import { SUBJECT_VAULT, type SubjectVault } from '@ledger/privacy';
import { CommandGate } from '../command-gate';
import { deciderHandler, type FactsContext } from '../decider-handler.factory';
import { DeciderRunner } from '../decider-runner';
import { FactsService } from '../facts/facts.service';
import type { RecordReceipt } from '../record-receipt';
import {
  CorrectDecisionCommand,
  DecideDataRequestCommand,
  ReceiveDataRequestCommand,
  RecordDisclosureCommand,
  ReviewDecisionCommand,
} from './data-request.commands';

const IDENTIFIER_MAX = 200;
const DETAILS_MAX = 5000;

/**
 * Receiving a request is the one command that touches a resident's identity: the identifier the
 * officer typed becomes a keyed HMAC reference, and the personal details are encrypted under the
 * subject's own key, before the decider or the log see anything.
 */
@CommandHandler(ReceiveDataRequestCommand)
export class ReceiveDataRequestHandler implements ICommandHandler<ReceiveDataRequestCommand, RecordReceipt> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly gate: CommandGate,
    private readonly facts: FactsService,
    @Inject(SUBJECT_VAULT) private readonly vault: SubjectVault,
  ) {}

  execute({ data, context }: ReceiveDataRequestCommand): Promise<RecordReceipt> {
    return this.gate.run(async () => {
      const { subjectIdentifier, personalDetails, ...request } = data;
      // Neither reaches the log as text (the event store refuses lone surrogates there), but both
      // become UTF-8 bytes here, where a lone surrogate would silently turn into U+FFFD: two
      // different identifiers would share one reference, and the details would decrypt altered.
      if (typeof subjectIdentifier !== 'string' || !subjectIdentifier.trim() || subjectIdentifier.length > IDENTIFIER_MAX || !isWellFormedText(subjectIdentifier)) {
        throw badInput(`subjectIdentifier must be 1 to ${IDENTIFIER_MAX} characters of well-formed Unicode text`, 'subjectIdentifier');
      }
      if (personalDetails != null && (typeof personalDetails !== 'string' || personalDetails.length > DETAILS_MAX || !isWellFormedText(personalDetails))) {
        throw badInput(`personalDetails must be at most ${DETAILS_MAX} characters of well-formed Unicode text`, 'personalDetails');
      }
      const today = new Date().toISOString().slice(0, 10);
      const date = context.occurredAt?.slice(0, 10) ?? today;
      // The receiving department is read once: its kind and the officer's roles in it, that day and today.
      const [requesting, tenure] = await Promise.all([
        this.facts.organization(request.requestingOrgId, date),
        this.facts.tenure(actingPersonId(request.onBehalfOf, context.actor), request.receivingOrgId, { date, today }),
      ]);
      const requestingOrg = requesting && { orgId: requesting.orgId, kind: requesting.kind };
      const requestId = dataRequestId(newEventId());
      const subjectRef = this.vault.subjectRefOf(subjectIdentifier);
      const command = {
        type: 'ReceiveDataRequest' as const,
        data: { ...request, requestId, subjectRef, personalDetails: personalDetails ? this.vault.encrypt(subjectRef, personalDetails) : null },
        facts: { requestingOrg, receivingOrg: tenure.org, actorRoles: tenure.onActDate, actorRolesNow: tenure.now },
      };
      return this.runner.run(dataRequestDecider, dataRequestStreamId(requestId), command, context);
    });
  }
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

export const DATA_REQUEST_HANDLERS = [
  ReceiveDataRequestHandler,
  deciderHandler(DecideDataRequestCommand, dataRequestDecider, { type: 'DecideDataRequest', streamIdOf: streamOfRequest, facts: citationFacts }),
  deciderHandler(RecordDisclosureCommand, dataRequestDecider, { type: 'RecordDisclosure', streamIdOf: streamOfRequest, facts: departmentRoleFacts }),
  deciderHandler(ReviewDecisionCommand, dataRequestDecider, { type: 'ReviewDecision', streamIdOf: streamOfRequest, facts: departmentRoleFacts }),
  deciderHandler(CorrectDecisionCommand, dataRequestDecider, { type: 'CorrectDecision', streamIdOf: streamOfRequest, facts: citationFacts }),
];
