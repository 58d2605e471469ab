/** Ids of the data-request read side (libs/domain/README.md, "data-request"). */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REQUEST_ID = new RegExp(`^data-request:${UUID}$`);
const DECISION_ID = new RegExp(`^decision:${UUID}$`);
const ORG_ID = /^org:[a-z0-9][a-z0-9-]*$/;
const PERSON_ID = /^person:[a-z0-9][a-z0-9-]*$/;

export const isDataRequestId = (id: string): boolean => REQUEST_ID.test(id);
export const isDecisionId = (id: string): boolean => DECISION_ID.test(id);
export const isOrganizationId = (id: string): boolean => ORG_ID.test(id) && id.length <= 104;
export const isPersonId = (id: string): boolean => PERSON_ID.test(id) && id.length <= 107;
