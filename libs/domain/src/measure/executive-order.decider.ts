import { actDate, calendarDate } from '../shared/date-rules';
import { badInput } from '../shared/domain-error';
import { optionalText, requiredText } from '../shared/text-rules';
import { assertOrgId } from '../organization/organization.ids';
import { introducedClauses } from './measure.clause-rules';
import type { DraftExecutiveOrder, IssueExecutiveOrder, RevokeExecutiveOrder } from './measure.commands';
import type { MeasureEvent } from './measure.events';
import { actingMayor, assertInOrder, assertKind, assertNewMeasure, assertStage, recordedMeasure } from './measure.guards';
import type { MeasureState, RecordedMeasure } from './measure.state';

// An executive order is the mayor's alone, from draft to revocation (docs/ARCHITECTURE.md "Domain rules").

const TITLE_MAX = 500;
const SUMMARY_MAX = 5000;
const REASON_MAX = 1000;

/** The order's own office must have been held by the acting mayor (see actingMayor). */
function executiveOrderInOffice(
  command: IssueExecutiveOrder | RevokeExecutiveOrder,
  state: MeasureState,
  action: string,
): { order: RecordedMeasure; date: string; mayorId: string } {
  const order = recordedMeasure(state, command.data.measureId);
  assertKind(order, ['EXECUTIVE_ORDER'], action);
  const date = actDate(command.metadata);
  const mayorId = actingMayor(command, `${action} an executive order`, order.officeId ?? undefined);
  return { order, date, mayorId };
}

export function draftExecutiveOrder(command: DraftExecutiveOrder, state: MeasureState): MeasureEvent[] {
  const { measureId, officeId } = command.data;
  assertOrgId(officeId, 'officeId');
  const issuerId = actingMayor(command, 'draft an executive order', officeId);
  assertNewMeasure(state, measureId);
  const data = {
    measureId,
    title: requiredText(command.data.title, 'title', TITLE_MAX),
    summary: optionalText(command.data.summary, 'summary', SUMMARY_MAX),
    officeId,
    issuerId,
    clauses: introducedClauses(command.data.clauses),
  };
  return [{ type: 'ExecutiveOrderDrafted', data }];
}

export function issueExecutiveOrder(command: IssueExecutiveOrder, state: MeasureState): MeasureEvent[] {
  const { order, date, mayorId } = executiveOrderInOffice(command, state, 'issue');
  assertStage(order, ['draft'], 'issue');
  assertInOrder(order, date);
  const effectiveFrom = calendarDate(command.data.effectiveFrom, 'effectiveFrom');
  // Issuing is the order's signature: like an ordinance, it takes effect no earlier.
  if (effectiveFrom < date) throw badInput(`effectiveFrom ${effectiveFrom} is before the order is issued on ${date}`, 'effectiveFrom');
  return [{ type: 'ExecutiveOrderIssued', data: { measureId: order.measureId, issuedBy: mayorId, effectiveFrom } }];
}

export function revokeExecutiveOrder(command: RevokeExecutiveOrder, state: MeasureState): MeasureEvent[] {
  const { order, date, mayorId } = executiveOrderInOffice(command, state, 'revoke');
  assertStage(order, ['enacted'], 'revoke');
  assertInOrder(order, date);
  const effectiveUntil = calendarDate(command.data.effectiveUntil, 'effectiveUntil');
  if (order.effectiveFrom !== null && effectiveUntil <= order.effectiveFrom) {
    throw badInput(`effectiveUntil ${effectiveUntil} must be after the order's effectiveFrom ${order.effectiveFrom}`, 'effectiveUntil');
  }
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  return [{ type: 'ExecutiveOrderRevoked', data: { measureId: order.measureId, revokedBy: mayorId, effectiveUntil, reason } }];
}
