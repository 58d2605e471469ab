import { assertNever, type Decider } from '../shared/decider';
import { badInput, conflict, notFound } from '../shared/domain-error';
import { requiredText } from '../shared/text-rules';
import type { CorrectPersonRecord, PersonCommand, RegisterPerson } from './person.commands';
import type { PersonEvent } from './person.events';
import { assertPersonId } from './person.ids';
import { evolvePerson, initialPersonState, type PersonState } from './person.state';

const NAME_MAX = 200;
const REASON_MAX = 1000;

function register(command: RegisterPerson, state: PersonState): PersonEvent[] {
  const { personId } = command.data;
  assertPersonId(personId);
  if (state.registered) throw conflict(`${personId} is already registered as ${state.name}`, 'personId');
  const name = requiredText(command.data.name, 'name', NAME_MAX);
  const sortName = command.data.sortName === undefined ? name : requiredText(command.data.sortName, 'sortName', NAME_MAX);
  return [{ type: 'PersonRegistered', data: { personId, name, sortName } }];
}

function correct(command: CorrectPersonRecord, state: PersonState): PersonEvent[] {
  const { personId } = command.data;
  assertPersonId(personId);
  if (!state.registered) throw notFound(`${personId} is not registered`, 'personId');
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  const corrections: { name?: string; sortName?: string } = {};
  if (command.data.name !== undefined) {
    const name = requiredText(command.data.name, 'name', NAME_MAX);
    if (name !== state.name) corrections.name = name;
  }
  if (command.data.sortName !== undefined) {
    const sortName = requiredText(command.data.sortName, 'sortName', NAME_MAX);
    if (sortName !== state.sortName) corrections.sortName = sortName;
  }
  if (Object.keys(corrections).length === 0) throw badInput('the correction changes nothing in the record');
  return [{ type: 'PersonRecordCorrected', data: { personId, corrections, reason } }];
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide(command, state) {
    switch (command.type) {
      case 'RegisterPerson':
        return register(command, state);
      case 'CorrectPersonRecord':
        return correct(command, state);
      default:
        return assertNever(command);
    }
  },
};
