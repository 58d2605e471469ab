import { COMMAND_TYPES } from '@ledger/application';
import type { AnyStep } from '../scenario-step';
import { CLERK_OFFICE, COMMITTEE, COUNCIL, HUMAN_SERVICES, ICE, ILLUSTRATIVE, MAYORS_OFFICE, MICHAEL_HANCOCK, PAUL_LOPEZ, ROBIN_KNIECH, SHERIFF } from './denver.cast';
import { denver2017Steps } from './denver-2017.steps';
import { denverEveryCommandSteps } from './every-command.steps';

const REAL_PEOPLE = [PAUL_LOPEZ, ROBIN_KNIECH, MICHAEL_HANCOCK].map((person) => person.personId);
const stepsOf = <K extends AnyStep['command']>(steps: AnyStep[], command: K) => steps.filter((step): step is Extract<AnyStep, { command: K }> => step.command === command);

describe.each([
  ['the Denver 2017 demo', denver2017Steps()],
  ['the every-command story', denverEveryCommandSteps()],
])('%s', (_, steps) => {
  it('attributes no vote to a real person: every voter is an illustrative seat holder', () => {
    const registered = new Map(stepsOf(steps, 'RegisterPerson').map((step) => [step.data.personId, step.data.name]));
    const voters = stepsOf(steps, 'RecordVote').flatMap((step) => step.data.votes.map((vote) => vote.personId));
    expect(voters.length).toBeGreaterThan(0);
    for (const voter of new Set(voters)) {
      expect(REAL_PEOPLE).not.toContain(voter);
      expect(registered.get(voter)).toContain(ILLUSTRATIVE);
    }
  });

  it('labels everyone the reports do not name as illustrative', () => {
    for (const step of stepsOf(steps, 'RegisterPerson')) {
      if (!REAL_PEOPLE.includes(step.data.personId)) expect(step.data.name).toContain(ILLUSTRATIVE);
    }
  });

  it("registers each of the cast's organizations once, under its one id", () => {
    const orgIds = stepsOf(steps, 'RegisterOrganization').map((step) => step.data.orgId);
    expect(orgIds.sort()).toEqual([CLERK_OFFICE, COUNCIL, COMMITTEE, MAYORS_OFFICE, SHERIFF, HUMAN_SERVICES, ICE].sort());
  });
});

it('the every-command story uses every command of the catalogue', () => {
  expect(new Set(denverEveryCommandSteps().map((step) => step.command))).toEqual(new Set(COMMAND_TYPES));
});
