import { deciderSpec, metadata } from '@ledger/decider-testing';
import { fold } from '../shared/decider';
import type { CorrectOrganizationRecord, OrganizationCommand, RegisterOrganization } from './organization.commands';
import { organizationDecider } from './organization.decider';
import type { OrganizationEvent } from './organization.events';
import type { ParentOrganizationFacts } from './organization.facts';
import { orgStreamId } from './organization.ids';
import { membersOn } from './organization.state';
import { COMMITTEE, COUNCIL, COUNCIL_MEMBERS, councilRegistered, councilRules, councilSeated, MAYOR, MAYORS_OFFICE } from './testing/denver.fixtures';

const spec = deciderSpec(organizationDecider);
const noParent: ParentOrganizationFacts = { parent: null };
const councilAsParent: ParentOrganizationFacts = { parent: { orgId: COUNCIL, kind: 'LEGISLATURE', ancestorIds: [] } };

const COMMITTEE_NAME = 'Safety, Housing, Education & Homelessness Committee';
const committeeRegistered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: {
    orgId: COMMITTEE,
    name: COMMITTEE_NAME,
    kind: 'COMMITTEE',
    parentId: COUNCIL,
    rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: null, abstentions: 'present' },
  },
};
const officeRegistered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { orgId: MAYORS_OFFICE, name: "Mayor's Office", kind: 'EXECUTIVE', parentId: null, rules: null },
};

function started(personId: string, startDate: string, role = 'member', orgId = COUNCIL): OrganizationEvent {
  return { type: 'MembershipStarted', data: { orgId, personId, role, startDate } };
}
function ended(personId: string, endDate: string, role = 'member'): OrganizationEvent {
  return { type: 'MembershipEnded', data: { orgId: COUNCIL, personId, role, endDate } };
}
function register(data: Partial<RegisterOrganization['data']>, facts = noParent): OrganizationCommand {
  return {
    type: 'RegisterOrganization',
    data: { orgId: COUNCIL, name: 'Denver City Council', kind: 'LEGISLATURE', rules: councilRules, ...data },
    facts,
    metadata: metadata(),
  };
}
function start(personId: string, startDate = '2017-08-28', personRegistered = true, role = 'member'): OrganizationCommand {
  return { type: 'StartMembership', data: { orgId: COUNCIL, personId, role, startDate }, facts: { personRegistered }, metadata: metadata() };
}
function correctMembership(data: {
  personId?: string;
  startDate?: string;
  newStartDate?: string;
  newEndDate?: string | null;
  reason?: string;
}): OrganizationCommand {
  return {
    type: 'CorrectMembership',
    data: { orgId: COUNCIL, personId: 'person:illustrative-council-member-m', role: 'member', startDate: '2015-07-20', reason: 'minutes say otherwise', ...data },
    metadata: metadata(),
  };
}

describe('organization decider', () => {
  describe('RegisterOrganization', () => {
    it('registers a legislature with its voting rules, trimming the name', () => {
      spec
        .given([])
        .when(register({ name: '  Denver City Council ', rules: { seats: 13, quorum: 7, overrideVotes: 9 } }))
        .then([councilRegistered]);
    });

    it('registers a committee under its legislature', () => {
      spec
        .given([])
        .when(register({ orgId: COMMITTEE, name: COMMITTEE_NAME, kind: 'COMMITTEE', parentId: COUNCIL, rules: { seats: 5, quorum: 3 } }, councilAsParent))
        .then([committeeRegistered]);
    });

    it("records the body's abstention rule, and refuses one it does not know", () => {
      const notVoting = register({ orgId: COMMITTEE, name: COMMITTEE_NAME, kind: 'COMMITTEE', parentId: COUNCIL, rules: { seats: 5, quorum: 3, abstentions: 'not-voting' } }, councilAsParent);
      spec.given([]).when(notVoting).then([{ ...committeeRegistered, data: { ...committeeRegistered.data, rules: { seats: 5, quorum: 3, passage: 'majority-of-present', overrideVotes: null, abstentions: 'not-voting' } } } as OrganizationEvent]);
      const unknown = register({ orgId: COMMITTEE, name: COMMITTEE_NAME, kind: 'COMMITTEE', parentId: COUNCIL, rules: { seats: 5, quorum: 3, abstentions: 'abstain' as never } }, councilAsParent);
      spec.given([]).when(unknown).thenRefuses('BAD_USER_INPUT', /rules.abstentions must be one of present, not-voting/);
    });

    it('registers an executive office, which takes no rules and no parent', () => {
      spec
        .given([])
        .when(register({ orgId: MAYORS_OFFICE, name: "Mayor's Office", kind: 'EXECUTIVE', rules: undefined }))
        .then([officeRegistered]);
    });

    it('refuses to register the same organization twice', () => {
      spec
        .given([councilRegistered])
        .when(register({}))
        .thenRefuses('CONFLICT', /already registered/);
    });

    it.each([
      ['a legislature without rules', { rules: null }, /LEGISLATURE needs voting rules/],
      ['a department with rules', { kind: 'DEPARTMENT' as const }, /DEPARTMENT does not vote/],
      ['a quorum above the seats', { rules: { seats: 13, quorum: 14 } }, /quorum must be a whole number from 1 to 13/],
      ['override votes above the seats', { rules: { seats: 13, quorum: 7, overrideVotes: 14 } }, /overrideVotes must be a whole number from 1 to 13/],
      ['no seats', { rules: { seats: 0, quorum: 0 } }, /seats must be a whole number/],
      ['a committee without a parent', { kind: 'COMMITTEE' as const, rules: { seats: 5, quorum: 3 } }, /COMMITTEE needs a parentId/],
      ['an empty name', { name: '  ' }, /name must not be empty/],
      ['an id that is not an org slug', { orgId: 'Denver City Council' }, /orgId must look like org:/],
      ['an unknown kind', { kind: 'CLUB' as never }, /kind must be one of/],
      ['itself as parent', { parentId: COUNCIL }, /cannot be its own parent/],
    ])('refuses %s', (_, data, message) => {
      spec.given([]).when(register(data)).thenRefuses('BAD_USER_INPUT', message);
    });

    it('refuses a committee whose parent is not registered', () => {
      spec
        .given([])
        .when(register({ orgId: COMMITTEE, kind: 'COMMITTEE', parentId: COUNCIL, rules: { seats: 5, quorum: 3 } }, noParent))
        .thenRefuses('NOT_FOUND', /parent org:denver-city-council is not registered/);
    });

    it('refuses a committee whose parent is not a legislature', () => {
      spec
        .given([])
        .when(
          register(
            { orgId: COMMITTEE, kind: 'COMMITTEE', parentId: MAYORS_OFFICE, rules: { seats: 5, quorum: 3 } },
            { parent: { orgId: MAYORS_OFFICE, kind: 'EXECUTIVE', ancestorIds: [] } },
          ),
        )
        .thenRefuses('BAD_USER_INPUT', /parent must be a LEGISLATURE; org:denver-mayors-office is a EXECUTIVE/);
    });
  });

  describe('CorrectOrganizationRecord', () => {
    const correct = (data: Partial<CorrectOrganizationRecord['data']>, facts = noParent): OrganizationCommand => ({
      type: 'CorrectOrganizationRecord',
      data: { orgId: COUNCIL, reason: 'charter says so', ...data },
      facts,
      metadata: metadata(),
    });

    it('records only what changes, with the reason', () => {
      spec
        .given([councilRegistered])
        .when(correct({ name: 'Denver City Council', rules: { seats: 13, quorum: 7, overrideVotes: 10 } }))
        .then([
          {
            type: 'OrganizationRecordCorrected',
            data: { orgId: COUNCIL, corrections: { rules: { ...councilRules, overrideVotes: 10 } }, reason: 'charter says so' },
          },
        ]);
    });

    it('moves a committee to another legislature', () => {
      const other: ParentOrganizationFacts = { parent: { orgId: 'org:other-council', kind: 'LEGISLATURE', ancestorIds: [] } };
      spec
        .given([committeeRegistered])
        .when(correct({ orgId: COMMITTEE, parentId: 'org:other-council', reason: 'r' }, other))
        .then([{ type: 'OrganizationRecordCorrected', data: { orgId: COMMITTEE, corrections: { parentId: 'org:other-council' }, reason: 'r' } }]);
    });

    it('refuses a parent that is one of its own descendants, naming the cycle', () => {
      // The council under its own committee, or under a body that sits (two levels down) under it.
      const committeeAsParent: ParentOrganizationFacts = { parent: { orgId: COMMITTEE, kind: 'COMMITTEE', ancestorIds: [COUNCIL] } };
      spec
        .given([councilRegistered])
        .when(correct({ parentId: COMMITTEE }, committeeAsParent))
        .thenRefuses('BAD_USER_INPUT', `${COUNCIL} cannot be placed under ${COMMITTEE}, which is itself under ${COUNCIL} (${COMMITTEE} → ${COUNCIL}): that would make a cycle`);
      const grandchild: ParentOrganizationFacts = { parent: { orgId: 'org:sub-panel', kind: 'DEPARTMENT', ancestorIds: ['org:panel', COUNCIL, 'org:state'] } };
      spec
        .given([councilRegistered])
        .when(correct({ parentId: 'org:sub-panel' }, grandchild))
        .thenRefuses('BAD_USER_INPUT', /\(org:sub-panel → org:panel → org:denver-city-council\)/);
    });

    it('accepts a parent whose ancestors do not include the organization', () => {
      const elsewhere: ParentOrganizationFacts = { parent: { orgId: 'org:state', kind: 'EXECUTIVE', ancestorIds: ['org:federal'] } };
      spec
        .given([councilRegistered])
        .when(correct({ parentId: 'org:state' }, elsewhere))
        .then([{ type: 'OrganizationRecordCorrected', data: { orgId: COUNCIL, corrections: { parentId: 'org:state' }, reason: 'charter says so' } }]);
    });

    it('refuses a correction that changes nothing', () => {
      spec
        .given([councilRegistered])
        .when(correct({ name: ' Denver City Council ' }))
        .thenRefuses('BAD_USER_INPUT', /changes nothing/);
    });

    it('refuses to take the rules away from a legislature', () => {
      spec
        .given([councilRegistered])
        .when(correct({ rules: null }))
        .thenRefuses('BAD_USER_INPUT', /LEGISLATURE needs voting rules/);
    });

    it('refuses to detach a committee from its legislature', () => {
      spec
        .given([committeeRegistered])
        .when(correct({ orgId: COMMITTEE, parentId: null }))
        .thenRefuses('BAD_USER_INPUT', /COMMITTEE needs a parentId/);
    });

    it('refuses a correction without a reason', () => {
      spec
        .given([councilRegistered])
        .when(correct({ name: 'Council', reason: '' }))
        .thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });

    it('refuses a correction of an organization never registered', () => {
      spec
        .given([])
        .when(correct({ name: 'Council' }))
        .thenRefuses('NOT_FOUND', /org:denver-city-council is not registered/);
    });
  });

  describe('StartMembership', () => {
    it('starts a membership on a day a seat is free', () => {
      spec
        .given([councilRegistered, ...councilSeated().slice(1)])
        .when(start('person:illustrative-council-member-a'))
        .then([started('person:illustrative-council-member-a', '2017-08-28')]);
    });

    it('lets a person hold a second role, which takes no second seat', () => {
      spec
        .given([councilRegistered, ...councilSeated()])
        .when(start('person:illustrative-council-member-f', '2017-08-28', true, 'president'))
        .then([started('person:illustrative-council-member-f', '2017-08-28', 'president')]);
    });

    it('starts a new term after the previous one ended', () => {
      spec
        .given([councilRegistered, started('person:illustrative-council-member-m', '2011-07-18'), ended('person:illustrative-council-member-m', '2015-07-19')])
        .when(start('person:illustrative-council-member-m', '2015-07-20'))
        .then([started('person:illustrative-council-member-m', '2015-07-20')]);
    });

    it('refuses a person the directory does not have', () => {
      spec
        .given([councilRegistered])
        .when(start('person:nobody', '2017-08-28', false))
        .thenRefuses('NOT_FOUND', /person:nobody is not registered/);
    });

    it('refuses a membership in an organization never registered', () => {
      spec
        .given([])
        .when(start('person:illustrative-council-member-m'))
        .thenRefuses('NOT_FOUND', /org:denver-city-council is not registered/);
    });

    it('refuses a second overlapping term in the same role', () => {
      spec
        .given([councilRegistered, started('person:illustrative-council-member-m', '2015-07-20')])
        .when(start('person:illustrative-council-member-m', '2017-08-28'))
        .thenRefuses('CONFLICT', /already holds the role member in org:denver-city-council from 2015-07-20 \(still serving\)/);
    });

    it('refuses a term starting before an existing later one', () => {
      spec
        .given([councilRegistered, started('person:illustrative-council-member-m', '2015-07-20'), ended('person:illustrative-council-member-m', '2019-07-14')])
        .when(start('person:illustrative-council-member-m', '2011-07-18'))
        .thenRefuses('CONFLICT', /already holds the role member .* to 2019-07-14/);
    });

    it('refuses a membership when all seats are held on the start date', () => {
      spec
        .given([councilRegistered, ...councilSeated()])
        .when(start('person:someone-new'))
        .thenRefuses('CONFLICT', /all 13 seats of org:denver-city-council are held on 2017-08-28/);
    });

    it('refuses a membership that would overfill the body on a later day', () => {
      spec
        .given([councilRegistered, ...councilSeated().slice(1), started('person:illustrative-council-member-a', '2018-01-01')])
        .when(start('person:someone-new'))
        .thenRefuses('CONFLICT', /all 13 seats .* held on 2018-01-01/);
    });

    it('counts a seat as free the day after its holder left', () => {
      spec
        .given([councilRegistered, ...councilSeated(), ended('person:illustrative-council-member-m', '2017-08-27')])
        .when(start('person:someone-new', '2017-08-28'))
        .then([started('person:someone-new', '2017-08-28')]);
    });

    it.each([
      ['a date that does not exist', start('person:illustrative-council-member-m', '2017-02-30'), /startDate must be a calendar date/],
      ['a role that is not a slug', start('person:illustrative-council-member-m', '2017-08-28', true, 'Council Member'), /role must be lowercase words/],
      ['a malformed person id', start('Wayne New'), /person id must look like/],
    ])('refuses %s', (_, command, message) => {
      spec.given([councilRegistered]).when(command).thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('EndMembership', () => {
    const end = (endDate: string, personId = 'person:illustrative-council-member-m'): OrganizationCommand => ({
      type: 'EndMembership',
      data: { orgId: COUNCIL, personId, role: 'member', endDate },
      metadata: metadata(),
    });

    it('ends the open membership on its last day', () => {
      spec
        .given([councilRegistered, started('person:illustrative-council-member-m', '2015-07-20')])
        .when(end('2019-07-14'))
        .then([ended('person:illustrative-council-member-m', '2019-07-14')]);
    });

    it('allows a one-day membership', () => {
      spec
        .given([councilRegistered, started('person:illustrative-council-member-m', '2015-07-20')])
        .when(end('2015-07-20'))
        .then([ended('person:illustrative-council-member-m', '2015-07-20')]);
    });

    it('refuses an end before the start', () => {
      spec
        .given([councilRegistered, started('person:illustrative-council-member-m', '2015-07-20')])
        .when(end('2015-07-19'))
        .thenRefuses('BAD_USER_INPUT', /endDate 2015-07-19 is before the membership's startDate 2015-07-20/);
    });

    it('refuses when no membership is open', () => {
      spec
        .given([councilRegistered, started('person:illustrative-council-member-m', '2015-07-20'), ended('person:illustrative-council-member-m', '2019-07-14')])
        .when(end('2020-01-01'))
        .thenRefuses('NOT_FOUND', /holds no open member membership/);
    });
  });

  describe('CorrectMembership', () => {
    const given = [councilRegistered, started('person:illustrative-council-member-m', '2015-07-20')];

    it('corrects the start date, naming the membership by its recorded start', () => {
      spec
        .given(given)
        .when(correctMembership({ newStartDate: '2015-07-21' }))
        .then([
          {
            type: 'MembershipCorrected',
            data: {
              orgId: COUNCIL,
              personId: 'person:illustrative-council-member-m',
              role: 'member',
              startDate: '2015-07-20',
              corrections: { startDate: '2015-07-21' },
              reason: 'minutes say otherwise',
            },
          },
        ]);
    });

    it('reopens an ended membership', () => {
      spec
        .given([...given, ended('person:illustrative-council-member-m', '2017-01-01')])
        .when(correctMembership({ newEndDate: null }))
        .then([
          {
            type: 'MembershipCorrected',
            data: {
              orgId: COUNCIL,
              personId: 'person:illustrative-council-member-m',
              role: 'member',
              startDate: '2015-07-20',
              corrections: { endDate: null },
              reason: 'minutes say otherwise',
            },
          },
        ]);
    });

    it('refuses a correction that changes nothing', () => {
      spec
        .given(given)
        .when(correctMembership({ newStartDate: '2015-07-20', newEndDate: null }))
        .thenRefuses('BAD_USER_INPUT', /changes nothing/);
    });

    it('refuses a membership that is not recorded', () => {
      spec
        .given(given)
        .when(correctMembership({ startDate: '2015-07-21', newEndDate: '2016-01-01' }))
        .thenRefuses('NOT_FOUND', /no member membership .* starting 2015-07-21/);
    });

    it('refuses a period that would end before it starts', () => {
      spec
        .given(given)
        .when(correctMembership({ newEndDate: '2015-01-01' }))
        .thenRefuses('BAD_USER_INPUT', /would end \(2015-01-01\) before it starts/);
    });

    it('refuses a period that would overlap another term in the same role', () => {
      spec
        .given([
          councilRegistered,
          started('person:illustrative-council-member-m', '2011-07-18'),
          ended('person:illustrative-council-member-m', '2015-07-19'),
          started('person:illustrative-council-member-m', '2015-07-20'),
        ])
        .when(correctMembership({ startDate: '2011-07-18', newEndDate: '2015-07-20' }))
        .thenRefuses('CONFLICT', /already holds the role member/);
    });

    it('refuses to lengthen a membership into days when every seat is held', () => {
      spec
        .given([
          councilRegistered,
          ...councilSeated('2015-07-20').slice(0, 12),
          started('person:illustrative-council-member-m', '2016-01-01'),
          started('person:someone-new', '2015-07-20'),
          ended('person:someone-new', '2015-12-31'),
        ])
        .when(correctMembership({ startDate: '2016-01-01', newStartDate: '2015-07-20' }))
        .thenRefuses('CONFLICT', /all 13 seats .* held on 2015-07-20/);
    });

    it('refuses a correction without a reason', () => {
      spec
        .given(given)
        .when(correctMembership({ newStartDate: '2015-07-21', reason: ' ' }))
        .thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });
  });

  describe('membersOn', () => {
    const state = fold(organizationDecider, [
      councilRegistered,
      started('person:illustrative-council-member-m', '2015-07-20'),
      ended('person:illustrative-council-member-m', '2019-07-14'),
      started('person:illustrative-council-member-g', '2011-07-18'),
      started(MAYOR, '2019-07-15'),
    ]);
    const ids = (date: string) => membersOn(state, date).map((m) => m.personId);

    it('includes the first and the last day of a membership', () => {
      expect(ids('2015-07-20')).toEqual(['person:illustrative-council-member-m', 'person:illustrative-council-member-g']);
      expect(ids('2019-07-14')).toEqual(['person:illustrative-council-member-m', 'person:illustrative-council-member-g']);
      expect(ids('2019-07-15')).toEqual(['person:illustrative-council-member-g', MAYOR]);
      expect(ids('2011-07-17')).toEqual([]);
    });

    it('is empty for an organization never registered', () => {
      expect(membersOn(organizationDecider.initialState, '2017-08-28')).toEqual([]);
    });

    it('follows corrections of a membership', () => {
      const corrected = fold(organizationDecider, [
        councilRegistered,
        started('person:illustrative-council-member-m', '2015-07-20'),
        {
          type: 'MembershipCorrected',
          data: {
            orgId: COUNCIL,
            personId: 'person:illustrative-council-member-m',
            role: 'member',
            startDate: '2015-07-20',
            corrections: { startDate: '2015-08-01', endDate: '2016-01-01' },
            reason: 'r',
          },
        },
      ]);
      expect(membersOn(corrected, '2015-07-25')).toEqual([]);
      expect(membersOn(corrected, '2015-12-31')).toEqual([{ personId: 'person:illustrative-council-member-m', role: 'member', startDate: '2015-08-01', endDate: '2016-01-01' }]);
    });
  });

  it('names the stream after the organization id', () => {
    expect(orgStreamId(COUNCIL)).toBe('org-denver-city-council');
    expect(() => orgStreamId('denver')).toThrow(/orgId must look like/);
  });

  it('keeps the fixtures honest: 13 distinct council members', () => {
    expect(new Set(COUNCIL_MEMBERS).size).toBe(13);
  });
});
