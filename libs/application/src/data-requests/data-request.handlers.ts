import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { badInput, checkedCitationInputs, dataRequestDecider, dataRequestId, dataRequestStreamId, notFound } from '@ledger/domain';
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
      const date = (context.occurredAt ?? new Date().toISOString()).slice(0, 10);
      // The receiving department is read once: its kind and the officer's roles in it that day.
      const [requesting, receiving] = await Promise.all([
        this.facts.organization(request.requestingOrgId, date),
        this.facts.organization(request.receivingOrgId, date),
      ]);
      const requestingOrg = requesting && { orgId: requesting.orgId, kind: requesting.kind };
      const receivingOrg = receiving && { orgId: receiving.orgId, kind: receiving.kind };
      const actorRoles = FactsService.rolesOf(receiving, context.actor.id);
      const requestId = dataRequestId(newEventId());
      const subjectRef = this.vault.subjectRefOf(subjectIdentifier);
      const command = {
        type: 'ReceiveDataRequest' as const,
        data: { ...request, requestId, subjectRef, personalDetails: personalDetails ? this.vault.encrypt(subjectRef, personalDetails) : null },
        facts: { requestingOrg, receivingOrg, actorRoles },
      };
      return this.runner.run(dataRequestDecider, dataRequestStreamId(requestId), command, context);
    });
  }
}

/** The acting officer's roles in the department the request was made to. */
async function officerFacts(facts: FactsService, data: { requestId: string }, { date, actorId }: FactsContext) {
  const department = await facts.receivingDepartmentOf(data.requestId);
  if (!department) throw notFound(`no data request ${data.requestId}`, 'requestId');
  return { actorRoles: await facts.rolesIn(actorId, department, date) };
}

/** The officer's roles, and the history of each cited clause (a correction may cite none: it keeps the old citations). */
async function citationFacts(facts: FactsService, data: { requestId: string; citations?: unknown }, context: FactsContext) {
  const officer = await officerFacts(facts, data, context);
  // The list is checked before one history is read: each clause costs a read of its measure's stream.
  const clauseIds = data.citations === undefined ? [] : checkedCitationInputs(data.citations).map((c) => c.clauseId);
  return { ...officer, citedClauses: await facts.clauseVersions(clauseIds) };
}

const streamOfRequest = (d: { requestId: string }) => dataRequestStreamId(d.requestId);

export const DATA_REQUEST_HANDLERS = [
  ReceiveDataRequestHandler,
  deciderHandler(DecideDataRequestCommand, dataRequestDecider, { type: 'DecideDataRequest', streamIdOf: streamOfRequest, facts: citationFacts }),
  deciderHandler(RecordDisclosureCommand, dataRequestDecider, { type: 'RecordDisclosure', streamIdOf: streamOfRequest, facts: officerFacts }),
  deciderHandler(ReviewDecisionCommand, dataRequestDecider, { type: 'ReviewDecision', streamIdOf: streamOfRequest }),
  deciderHandler(CorrectDecisionCommand, dataRequestDecider, { type: 'CorrectDecision', streamIdOf: streamOfRequest, facts: citationFacts }),
];
