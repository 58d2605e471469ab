import { deciderSpec, metadata } from '@ledger/decider-testing';
import type { PersonEvent } from './person.events';
import { personDecider } from './person.decider';
import { personStreamId } from './person.ids';

const spec = deciderSpec(personDecider);
const registered: PersonEvent = {
  type: 'PersonRegistered',
  data: { personId: 'person:robin-kniech', name: 'Robin Kniech', sortName: 'Kniech, Robin' },
};

describe('person decider', () => {
  describe('RegisterPerson', () => {
    it('registers a new person, trimming the name and defaulting the sort name to it', () => {
      spec
        .given([])
        .when({ type: 'RegisterPerson', data: { personId: 'person:paul-lopez', name: '  Paul Lopez ' }, metadata: metadata() })
        .then([{ type: 'PersonRegistered', data: { personId: 'person:paul-lopez', name: 'Paul Lopez', sortName: 'Paul Lopez' } }]);
    });

    it('keeps an explicit sort name', () => {
      spec
        .given([])
        .when({
          type: 'RegisterPerson',
          data: { personId: 'person:robin-kniech', name: 'Robin Kniech', sortName: 'Kniech, Robin' },
          metadata: metadata(),
        })
        .then([registered]);
    });

    it('refuses to register the same person twice', () => {
      spec
        .given([registered])
        .when({ type: 'RegisterPerson', data: { personId: 'person:robin-kniech', name: 'R. Kniech' }, metadata: metadata() })
        .thenRefuses('CONFLICT', /already registered/);
    });

    it.each([
      ['an empty name', { personId: 'person:x', name: '   ' }, /name must not be empty/],
      ['a name over 200 characters', { personId: 'person:x', name: 'x'.repeat(201) }, /at most 200/],
      ['an id that is not a person slug', { personId: 'Robin Kniech', name: 'Robin Kniech' }, /person id must look like/],
      ['an empty sort name', { personId: 'person:x', name: 'X', sortName: '' }, /sortName must not be empty/],
    ])('refuses %s', (_, data, message) => {
      spec.given([]).when({ type: 'RegisterPerson', data, metadata: metadata() }).thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('CorrectPersonRecord', () => {
    it('records only what actually changes, with the reason', () => {
      spec
        .given([registered])
        .when({
          type: 'CorrectPersonRecord',
          data: { personId: 'person:robin-kniech', name: 'Robin Kniech', sortName: 'Kniech, R.', reason: 'clerk typo' },
          metadata: metadata(),
        })
        .then([
          {
            type: 'PersonRecordCorrected',
            data: { personId: 'person:robin-kniech', corrections: { sortName: 'Kniech, R.' }, reason: 'clerk typo' },
          },
        ]);
    });

    it('applies earlier corrections before judging a new one', () => {
      const corrected: PersonEvent = {
        type: 'PersonRecordCorrected',
        data: { personId: 'person:robin-kniech', corrections: { name: 'Robin K.' }, reason: 'r' },
      };
      spec
        .given([registered, corrected])
        .when({ type: 'CorrectPersonRecord', data: { personId: 'person:robin-kniech', name: 'Robin K.', reason: 'again' }, metadata: metadata() })
        .thenRefuses('BAD_USER_INPUT', /changes nothing/);
    });

    it('refuses a correction of a person never registered', () => {
      spec
        .given([])
        .when({ type: 'CorrectPersonRecord', data: { personId: 'person:nobody', name: 'N', reason: 'r' }, metadata: metadata() })
        .thenRefuses('NOT_FOUND', /not registered/);
    });

    it('refuses a correction without a reason', () => {
      spec
        .given([registered])
        .when({ type: 'CorrectPersonRecord', data: { personId: 'person:robin-kniech', name: 'Robin', reason: ' ' }, metadata: metadata() })
        .thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });
  });

  it('names the stream after the person id', () => {
    expect(personStreamId('person:robin-kniech')).toBe('person-robin-kniech');
    expect(() => personStreamId('nope')).toThrow(/person id/);
  });
});
