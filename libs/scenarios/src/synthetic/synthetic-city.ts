import type { CommandType, DataOf } from '@ledger/application';
import type { ClauseInput, ClauseRuleInput } from '@ledger/domain';
import type { AnyStep, ScenarioStep } from '../scenario-step';
import { Dice } from './dice';
import {
  ACTIONS,
  CHANNELS,
  DATA_CATEGORIES,
  LEGAL_BASES,
  PURPOSES,
  RECIPIENTS,
  SYNTHETIC,
  SYN_COUNCIL,
  SYN_MAYORS_OFFICE,
  synAgencies,
  synClerk,
  synCommitteeRules,
  synCommittees,
  synCouncilRules,
  synDepartments,
} from './synthetic-cast';

/**
 * A synthetic city, year by year: a council of 13 whose seats change every four-year term, its
 * committees, mayors who change every eight years, departments with officers and oversight, and
 * outside agencies; each year, ordinances through committee and council votes (some amended on
 * the floor, some vetoed and overridden, some withdrawn, some amending or repealing earlier law),
 * the mayor's executive orders (some revoked later), and data requests decided under the clauses
 * in force, with disclosures, corrections and reviews. Every step is one a clerk records on behalf
 * of whoever held the office that day, so the deciders check it like any other: the city is
 * rule-abiding or it does not record.
 *
 * The plan is a function of the seed alone. Each phase's lanes are independent of each other (no
 * lane's step reads a stream another lane of the phase writes, nor the facts one changes), so they
 * may be recorded side by side; phases are recorded one after another.
 */
export interface CityPhase {
  label: string;
  lanes: AnyStep[][];
  /** the commands of all its lanes (each records one event) */
  steps: number;
}

export interface SyntheticCityOptions {
  /** how many events to plan, at least (the last year is finished whole) */
  events: number;
  seed: number;
}

const FIRST_YEAR = 1990;
const LAST_YEAR = 2025;
const TERM_YEARS = 4;
const MAYOR_YEARS = 8;
/** events a year the city aims at; fewer years for a smaller ledger, never fewer than MIN_YEARS */
const EVENTS_PER_YEAR = 30_000;
const MIN_YEARS = 5;
/**
 * Few ordinances govern residents' data (the rest name streets, budgets, zoning), and a new one
 * usually supersedes an old one: the rules in force stay about this many measures, as in a real
 * code, rather than growing with every year (each decision is assessed against the rules in force
 * that bear on it, so unbounded law would make every later decision larger).
 */
const DATA_LAW_SHARE = 0.02;
const DATA_LAW_IN_FORCE = 30;

interface ClauseOfLaw {
  clauseId: string;
  categories: readonly string[];
}

interface EnactedMeasure {
  measureId: string;
  /** the year it was enacted or issued */
  year: number;
  clauses: ClauseOfLaw[];
  executiveOrder: boolean;
}

/** The plan's own record of the city: who holds which office, and which law is in force. */
class CityModel {
  people = 0;
  measures = 0;
  requests = 0;
  council: string[] = [];
  committees = new Map<string, string[]>();
  mayor = '';
  officers = new Map<string, string[]>();
  oversight = new Map<string, string>();
  enacted: EnactedMeasure[] = [];
  enactedById = new Map<string, EnactedMeasure>();
  /** ordinances that govern data (their clauses carry rules), in force, oldest first */
  dataLaw: string[] = [];
  /** measures no longer in force (repealed, revoked), from the year it was recorded */
  ended = new Set<string>();

  remember(measure: EnactedMeasure): void {
    this.enacted.push(measure);
    this.enactedById.set(measure.measureId, measure);
  }
}

const at = (date: string) => `${date}T18:00:00Z`;

/** The date `day` days after 1 January of `year` (day 0 is 1 January). */
function dayOf(year: number, day: number): string {
  return new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
}

function step<K extends CommandType>(command: K, date: string, data: DataOf<K>, extra: Partial<ScenarioStep<K>> = {}): AnyStep {
  return { command, actor: synClerk, occurredAt: at(date), data, ...extra } as AnyStep;
}

export function* syntheticCity({ events, seed }: SyntheticCityOptions): Generator<CityPhase> {
  const dice = new Dice(seed);
  const city = new CityModel();
  const years = Math.min(LAST_YEAR - FIRST_YEAR + 1, Math.max(MIN_YEARS, Math.round(events / EVENTS_PER_YEAR)));
  const perYear = Math.ceil(events / years);
  let planned = 0;
  const phase = (label: string, lanes: AnyStep[][]): CityPhase => {
    const steps = lanes.reduce((n, lane) => n + lane.length, 0);
    planned += steps;
    return { label, lanes, steps };
  };

  for (let index = 0; index < years && planned < events; index++) {
    const year = LAST_YEAR - years + 1 + index;
    const target = Math.min(events, perYear * (index + 1));
    if (index === 0) yield* foundCity(city, dice, year).map(([label, lanes]) => phase(label, lanes));
    else if (index % TERM_YEARS === 0) yield* newTerm(city, dice, year, index % MAYOR_YEARS === 0).map(([label, lanes]) => phase(label, lanes));

    // Law first (its own phase: the requests below cite it as it stands after this year's changes).
    const lawShare = index === 0 ? 1 : 0.4;
    const lawTarget = planned + Math.max(0, Math.ceil((target - planned) * lawShare));
    const law: AnyStep[][] = [];
    const targeted = new Set<string>();
    for (let size = 0; planned + size < lawTarget; ) {
      const lane = dice.chance(0.03) ? executiveOrderLane(city, dice, year, targeted) : measureLane(city, dice, year, targeted);
      law.push(lane);
      size += lane.length;
    }
    yield phase(`${year} legislation`, law);

    const citable = citableClauses(city, year);
    if (citable.all.length === 0) continue;
    const requests: AnyStep[][] = [];
    for (let size = 0; planned + size < target; ) {
      const lane = requestLane(city, dice, year, seed, citable);
      requests.push(lane);
      size += lane.length;
    }
    yield phase(`${year} data requests`, requests);
  }
}

function newPerson(city: CityModel, what: string, date: string): [string, AnyStep] {
  const n = ++city.people;
  const personId = `person:syn-${n}`;
  return [personId, step('RegisterPerson', date, { personId, name: `Synthetic ${what} ${n} ${SYNTHETIC}` })];
}

/** The first year: every organization and its first office holders. */
function foundCity(city: CityModel, dice: Dice, year: number): Array<[string, AnyStep[][]]> {
  const date = dayOf(year, 1);
  const orgs: AnyStep[][] = [
    [
      step('RegisterOrganization', date, { orgId: SYN_COUNCIL, name: `Synthetic City Council ${SYNTHETIC}`, kind: 'LEGISLATURE', parentId: null, rules: synCouncilRules }),
      ...synCommittees.map(({ orgId, name }) => step('RegisterOrganization', date, { orgId, name, kind: 'COMMITTEE', parentId: SYN_COUNCIL, rules: synCommitteeRules })),
    ],
    [step('RegisterOrganization', date, { orgId: SYN_MAYORS_OFFICE, name: `Synthetic Office of the Mayor ${SYNTHETIC}`, kind: 'EXECUTIVE', parentId: null, rules: null })],
    ...synDepartments.map(({ orgId, name }) => [step('RegisterOrganization', date, { orgId, name, kind: 'DEPARTMENT', parentId: null, rules: null })]),
    ...synAgencies.map(({ orgId, name }) => [step('RegisterOrganization', date, { orgId, name, kind: 'EXTERNAL_AGENCY', parentId: null, rules: null })]),
  ];
  const people: AnyStep[][] = [];
  const register = (what: string) => {
    const [personId, registration] = newPerson(city, what, date);
    people.push([registration]);
    return personId;
  };
  city.council = Array.from({ length: synCouncilRules.seats }, () => register('Council Member'));
  for (const { orgId } of synCommittees) city.committees.set(orgId, dice.sample(city.council, synCommitteeRules.seats));
  city.mayor = register('Mayor');
  for (const { orgId } of synDepartments) {
    city.officers.set(orgId, [register('Records Officer'), register('Records Officer')]);
    city.oversight.set(orgId, register('Oversight Reviewer'));
  }
  const start = (orgId: string, personIds: string[], role: string) =>
    personIds.map((personId) => step('StartMembership', date, { orgId, personId, role, startDate: date }));
  const seats: AnyStep[][] = [
    start(SYN_COUNCIL, city.council, 'member'),
    ...[...city.committees].map(([orgId, members]) => start(orgId, members, 'member')),
    start(SYN_MAYORS_OFFICE, [city.mayor], 'mayor'),
    ...synDepartments.map(({ orgId }) => [...start(orgId, city.officers.get(orgId)!, 'officer'), ...start(orgId, [city.oversight.get(orgId)!], 'oversight')]),
  ];
  return [
    [`${year} organizations`, [...orgs, ...people]],
    [`${year} office holders`, seats],
  ];
}

/**
 * A new term on 2 January: about four seats in ten change hands, committees lose those who left
 * the council and are filled again, one officer per department changes, and every second term a
 * new mayor and new oversight reviewers take office.
 */
function newTerm(city: CityModel, dice: Dice, year: number, newMayor: boolean): Array<[string, AnyStep[][]]> {
  const lastDay = dayOf(year, 0);
  const firstDay = dayOf(year, 1);
  const people: AnyStep[][] = [];
  const byOrg = new Map<string, AnyStep[]>();
  const change = (orgId: string, role: string, leaving: string, joining: string) => {
    const lane = byOrg.get(orgId) ?? [];
    lane.push(
      step('EndMembership', lastDay, { orgId, personId: leaving, role, endDate: lastDay }),
      step('StartMembership', firstDay, { orgId, personId: joining, role, startDate: firstDay }),
    );
    byOrg.set(orgId, lane);
  };
  const replace = (what: string) => {
    const [personId, registration] = newPerson(city, what, lastDay);
    people.push([registration]);
    return personId;
  };

  city.council = city.council.map((member) => {
    if (!dice.chance(0.4)) return member;
    const successor = replace('Council Member');
    change(SYN_COUNCIL, 'member', member, successor);
    return successor;
  });
  for (const [orgId, members] of city.committees) {
    const staying = members.filter((member) => city.council.includes(member));
    const candidates = city.council.filter((member) => !staying.includes(member));
    const joining = dice.sample(candidates, members.length - staying.length);
    members.filter((member) => !staying.includes(member)).forEach((leaving, i) => change(orgId, 'member', leaving, joining[i]));
    city.committees.set(orgId, [...staying, ...joining]);
  }
  if (newMayor) {
    const successor = replace('Mayor');
    change(SYN_MAYORS_OFFICE, 'mayor', city.mayor, successor);
    city.mayor = successor;
  }
  for (const { orgId } of synDepartments) {
    const officers = city.officers.get(orgId)!;
    const i = dice.int(0, officers.length - 1);
    const successor = replace('Records Officer');
    change(orgId, 'officer', officers[i], successor);
    officers[i] = successor;
    if (newMayor) {
      const reviewer = replace('Oversight Reviewer');
      change(orgId, 'oversight', city.oversight.get(orgId)!, reviewer);
      city.oversight.set(orgId, reviewer);
    }
  }
  // A clerk's correction of the record: some sort names were entered in the wrong order.
  if (people.length > 0) {
    const [registration] = people[0];
    const { personId } = registration.data as DataOf<'RegisterPerson'>;
    people[0].push(step('CorrectPersonRecord', firstDay, { personId, sortName: `Synthetic, ${personId}`, reason: `the council's listing sorts by surname ${SYNTHETIC}` }));
  }
  return [
    [`${year} new people`, people],
    [`${year} new term`, [...byOrg.values()]],
  ];
}

function ruleFor(dice: Dice): ClauseRuleInput {
  const effect = dice.pick(['prohibit', 'permit', 'require'] as const);
  return {
    effect,
    action: effect === 'require' ? 'advise-of-rights' : dice.pick(ACTIONS),
    dataCategories: dice.sample(DATA_CATEGORIES, dice.int(1, 3)),
    recipients: dice.sample(RECIPIENTS, dice.int(1, 2)),
    unless: dice.chance(0.5) ? [dice.pick(['judicial-warrant', 'court-order'])] : [],
  };
}

function clausesFor(dice: Dice, measureId: string, count: number, ruleShare: number): ClauseInput[] {
  return Array.from({ length: count }, (_, i) => ({
    eId: `sec_${i + 1}`,
    heading: `Section ${i + 1}`,
    text: `Section ${i + 1} of ${measureId}. ${SYNTHETIC}`,
    rule: dice.chance(ruleShare) ? ruleFor(dice) : null,
  }));
}

/** Votes of a body's members: at least a quorum present, and a majority of those present (or `needed`) voting yes. */
function passingVotes(dice: Dice, members: readonly string[], quorum: number, needed = 0) {
  const present = dice.sample(members, dice.int(Math.max(quorum, needed), members.length));
  const yes = Math.max(needed, Math.floor(present.length / 2) + 1 + dice.int(0, Math.ceil(present.length / 2) - 1));
  return present.map((personId, i) => ({ personId, choice: i < yes ? ('YES' as const) : dice.pick(['NO', 'ABSTAIN'] as const) }));
}

/**
 * One ordinance from introduction to enactment (or withdrawal), its lane of steps in order; some
 * then amend or repeal an earlier ordinance that no other lane of the year touches.
 */
function measureLane(city: CityModel, dice: Dice, year: number, targeted: Set<string>): AnyStep[] {
  const measureId = `CB${year}-${String(++city.measures).padStart(5, '0')}`;
  const d = dice.int(4, 290);
  const date = (offset: number) => dayOf(year, d + offset);
  const committeeId = dice.pick([...city.committees.keys()]);
  const governsData = dice.chance(DATA_LAW_SHARE);
  const clauses = clausesFor(dice, measureId, dice.int(1, 4), governsData ? 0.8 : 0);
  const council = (motion: 'first-reading' | 'final-passage' | 'amendment', needed = 0) => ({
    measureId, bodyId: SYN_COUNCIL, motion, votes: passingVotes(dice, city.council, synCouncilRules.quorum, needed),
  });
  const lane: AnyStep[] = [
    step('IntroduceMeasure', date(0), {
      measureId, kind: 'ORDINANCE', title: `Synthetic ordinance ${measureId} ${SYNTHETIC}`, summary: null, bodyId: SYN_COUNCIL,
      sponsorIds: dice.sample(city.council, dice.int(1, 2)), clauses,
    }),
    step('ReferMeasure', date(0), { measureId, committeeId }),
  ];
  if (dice.chance(0.05)) {
    lane.push(step('WithdrawMeasure', date(10), { measureId, reason: `the sponsors withdrew it ${SYNTHETIC}` }));
    return lane;
  }
  lane.push(step('RecordVote', date(7), { measureId, bodyId: committeeId, motion: 'committee-passage', votes: passingVotes(dice, city.committees.get(committeeId)!, synCommitteeRules.quorum) }));
  if (dice.chance(0.2)) {
    const rule = governsData ? ruleFor(dice) : null;
    lane.push(step('RecordVote', date(14), { ...council('amendment'), amendment: { change: 'amend', eId: 'sec_1', heading: 'Section 1', text: `Section 1 of ${measureId}, as amended on the floor. ${SYNTHETIC}`, rule } }));
    clauses[0] = { ...clauses[0], rule };
  }
  lane.push(step('RecordVote', date(14), council('first-reading')), step('RecordVote', date(21), council('final-passage')));
  let approved = 24;
  if (dice.chance(0.05)) {
    lane.push(step('VetoMeasure', date(24), { measureId, officeId: SYN_MAYORS_OFFICE, reason: `the mayor's stated objection ${SYNTHETIC}`, onBehalfOf: city.mayor }));
    lane.push(step('RecordVote', date(28), { ...council('final-passage', synCouncilRules.overrideVotes), motion: 'veto-override' }));
    approved = 28;
  } else {
    lane.push(step('SignMeasure', date(24), { measureId, officeId: SYN_MAYORS_OFFICE, onBehalfOf: city.mayor }));
  }
  const effectiveFrom = date(30);
  lane.push(step('EnactMeasure', date(approved), { measureId, effectiveFrom }));

  const superseded = governsData && city.dataLaw.length >= DATA_LAW_IN_FORCE ? oldestDataLaw(city, year, targeted) : undefined;
  const target = superseded ?? (dice.chance(0.2) ? untouchedOrdinance(city, dice, year, targeted) : undefined);
  if (target) {
    targeted.add(target.measureId);
    if (target === superseded || dice.chance(0.25)) {
      lane.push(step('RepealMeasure', date(approved), { measureId: target.measureId, byMeasureId: measureId, effectiveUntil: effectiveFrom }));
      city.ended.add(target.measureId);
      city.dataLaw = city.dataLaw.filter((id) => id !== target.measureId);
    } else {
      const clause = dice.pick(target.clauses);
      const eId = clause.clauseId.split('#')[1];
      lane.push(step('AmendByMeasure', date(approved), {
        measureId: target.measureId, byMeasureId: measureId, change: 'amend', eId, heading: null,
        text: `${eId} of ${target.measureId}, as amended by ${measureId}. ${SYNTHETIC}`, rule: clause.categories.length > 0 ? ruleFor(dice) : null, effectiveFrom,
      }));
    }
  }
  city.remember(enactedOf(measureId, year, clauses, false));
  if (governsData) city.dataLaw.push(measureId);
  return lane;
}

function enactedOf(measureId: string, year: number, clauses: ClauseInput[], executiveOrder: boolean): EnactedMeasure {
  return {
    measureId,
    year,
    executiveOrder,
    clauses: clauses.map((clause) => ({ clauseId: `${measureId}#${clause.eId}`, categories: clause.rule?.dataCategories ?? [] })),
  };
}

/** The oldest ordinance governing data that an earlier year enacted and no lane of this year has touched. */
function oldestDataLaw(city: CityModel, year: number, targeted: ReadonlySet<string>): EnactedMeasure | undefined {
  return city.dataLaw.map((id) => city.enactedById.get(id)!).find((m) => !targeted.has(m.measureId) && m.year < year);
}

/** An ordinance enacted in an earlier year, still in force, that no lane of this year has touched. */
function untouchedOrdinance(city: CityModel, dice: Dice, year: number, targeted: ReadonlySet<string>): EnactedMeasure | undefined {
  for (let attempt = 0; attempt < 5 && city.enacted.length > 0; attempt++) {
    const candidate = dice.pick(city.enacted);
    if (!candidate.executiveOrder && candidate.year < year && !city.ended.has(candidate.measureId) && !targeted.has(candidate.measureId)) return candidate;
  }
  return undefined;
}

/** The mayor's executive order (drafted, then issued), or the revocation of an earlier one. */
function executiveOrderLane(city: CityModel, dice: Dice, year: number, targeted: Set<string>): AnyStep[] {
  const d = dice.int(4, 300);
  const earlier = city.enacted.filter((m) => m.executiveOrder && m.year < year && !city.ended.has(m.measureId) && !targeted.has(m.measureId));
  if (earlier.length > 0 && dice.chance(0.2)) {
    const order = dice.pick(earlier);
    targeted.add(order.measureId);
    city.ended.add(order.measureId);
    return [step('RevokeExecutiveOrder', dayOf(year, d), { measureId: order.measureId, effectiveUntil: dayOf(year, d), reason: `superseded ${SYNTHETIC}`, onBehalfOf: city.mayor })];
  }
  const measureId = `EO-${year}-${String(++city.measures).padStart(5, '0')}`;
  const clauses = clausesFor(dice, measureId, dice.int(1, 3), 0.05);
  city.remember(enactedOf(measureId, year, clauses, true));
  return [
    step('DraftExecutiveOrder', dayOf(year, d), { measureId, title: `Synthetic executive order ${measureId} ${SYNTHETIC}`, summary: null, officeId: SYN_MAYORS_OFFICE, clauses, onBehalfOf: city.mayor }),
    step('IssueExecutiveOrder', dayOf(year, d + 3), { measureId, effectiveFrom: dayOf(year, d + 3), onBehalfOf: city.mayor }),
  ];
}

interface Citable {
  all: ClauseOfLaw[];
  byCategory: Map<string, ClauseOfLaw[]>;
}

/** Clauses a decision may cite when no rule bears on its request: the most recent law's. */
const RECENT_MEASURES = 200;

/**
 * The clauses a decision of this year may cite: those of law enacted in earlier years and still in
 * force that carry a rule (an officer cites the data law), or, while there is none, the most
 * recent law's. Both stay bounded as the city ages, as what an officer actually cites does.
 */
function citableClauses(city: CityModel, year: number): Citable {
  const inForce = city.enacted.filter((m) => m.year < year && !city.ended.has(m.measureId));
  const withRules = inForce.flatMap((m) => m.clauses).filter((clause) => clause.categories.length > 0);
  const all = withRules.length > 0 ? withRules : inForce.slice(-RECENT_MEASURES).flatMap((m) => m.clauses);
  const byCategory = new Map<string, ClauseOfLaw[]>();
  for (const clause of all) {
    for (const category of clause.categories) {
      if (!byCategory.has(category)) byCategory.set(category, []);
      byCategory.get(category)!.push(clause);
    }
  }
  return { all, byCategory };
}

/** A request from an outside agency to a department, its decision citing the law in force, and what followed. */
function requestLane(city: CityModel, dice: Dice, year: number, seed: number, citable: Citable): AnyStep[] {
  const n = ++city.requests;
  const d = dice.int(4, 330);
  const date = (offset: number) => dayOf(year, d + offset);
  const department = dice.pick(synDepartments).orgId;
  const officer = dice.pick(city.officers.get(department)!);
  const categories = dice.sample(DATA_CATEGORIES, dice.int(1, 3));
  const lane: AnyStep[] = [
    step('ReceiveDataRequest', date(0), {
      requestingOrgId: dice.pick(synAgencies).orgId, receivingOrgId: department, dataCategories: categories, action: dice.pick(ACTIONS),
      recipientCategories: [dice.pick(RECIPIENTS)], purpose: dice.pick(PURPOSES), legalBasis: dice.pick(LEGAL_BASES), channel: dice.pick(CHANNELS),
      subjectIdentifier: `SYN-${seed}-${n}`, personalDetails: dice.chance(0.01) ? `Synthetic resident ${n} ${SYNTHETIC}` : null, onBehalfOf: officer,
    }, { saveAs: 'request', idempotencyKey: `synthetic-city-${seed}-request-${n}` }),
  ];
  const drawn = dice.pick(['GRANTED', 'GRANTED', 'PARTIALLY_GRANTED', 'DENIED'] as const);
  // A partial grant withholds at least one of the requested categories, so it needs two.
  const outcome = drawn === 'PARTIALLY_GRANTED' && categories.length < 2 ? 'GRANTED' : drawn;
  const disclosed = outcome === 'GRANTED' ? categories : outcome === 'PARTIALLY_GRANTED' ? categories.slice(0, 1) : [];
  const relevant = citable.byCategory.get(categories[0]) ?? [];
  const cited = dice.sample(relevant.length > 0 ? relevant : citable.all, dice.int(1, 2));
  lane.push(step('DecideDataRequest', date(2), {
    requestId: '$request', outcome, disclosedCategories: disclosed, citations: cited.map(({ clauseId }) => ({ clauseId })),
    actionsTaken: dice.chance(0.3) ? ['advise-of-rights'] : [], rationale: `Decided under ${cited.map((c) => c.clauseId).join(', ')}. ${SYNTHETIC}`, onBehalfOf: officer,
  }));
  if (disclosed.length > 0) lane.push(step('RecordDisclosure', date(3), { requestId: '$request', disclosedCategories: disclosed, channel: dice.pick(CHANNELS), onBehalfOf: officer }));
  if (dice.chance(0.05)) {
    lane.push(step('CorrectDecision', date(5), { requestId: '$request', rationale: `Decided under ${cited.map((c) => c.clauseId).join(', ')}, as corrected. ${SYNTHETIC}`, reason: `the rationale was incomplete ${SYNTHETIC}`, onBehalfOf: officer }));
  }
  if (dice.chance(0.15)) {
    lane.push(step('ReviewDecision', date(10), {
      requestId: '$request', finding: dice.pick(['upheld', 'violation'] as const), reasons: `Reviewed by oversight ${SYNTHETIC}`, onBehalfOf: city.oversight.get(department)!,
    }));
  }
  return lane;
}
