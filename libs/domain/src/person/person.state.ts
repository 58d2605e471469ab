import { assertNever } from '../shared/decider';
import type { PersonEvent } from './person.events';

export type PersonState =
  | { registered: false }
  | { registered: true; personId: string; name: string; sortName: string };

export const initialPersonState: PersonState = { registered: false };

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { registered: true, personId: event.data.personId, name: event.data.name, sortName: event.data.sortName };
    case 'PersonRecordCorrected':
      if (!state.registered) return state;
      return { ...state, ...event.data.corrections };
    default:
      return assertNever(event);
  }
}
