import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leafHashOf, newEventId, type RecordedEvent } from '@ledger/event-store';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { toNdjsonLine } from './ndjson-event.line';
import { InvalidLedgerLine, validatedNdjsonEvents } from './ndjson-ledger.validator';
import { countNdjsonLines, readNdjsonLines } from './ndjson-lines.reader';

const registry = EventSchemaRegistry.fromDirectory();
const clerk = { id: 'person:clerk-1', name: 'Clerk “One”', role: 'clerk' };

function recorded(sequence: number, streamId: string, streamRevision: number, type: string, schemaVersion: number, data: unknown): RecordedEvent {
  const envelope = {
    eventId: newEventId(), type, schemaVersion, streamId, streamRevision, sequence,
    occurredAt: '2017-08-28T17:40:00-06:00', recordedAt: `2026-11-22T12:00:00.${String(sequence).padStart(3, '0')}Z`,
    recordedBy: clerk, correlationId: null, causationId: sequence > 0 ? 'c-1' : null, data,
  };
  return { ...envelope, leafHash: leafHashOf(envelope) };
}

// A small real history: a v1 and a v2 PersonRegistered (old versions are exported as stored), then a correction.
const history: RecordedEvent[] = [
  recorded(0, 'person-robin-kniech', 0, 'PersonRegistered', 1, { personId: 'person:robin-kniech', name: 'Robin Kniech' }),
  recorded(1, 'person-paul-lopez', 0, 'PersonRegistered', 2, { personId: 'person:paul-lopez', name: 'Paul Lopez', sortName: 'Lopez, Paul' }),
  recorded(2, 'person-robin-kniech', 1, 'PersonRecordCorrected', 1, { personId: 'person:robin-kniech', corrections: { sortName: 'Kniech, Robin' }, reason: 'typo ñ 😀' }),
];
const lines = history.map(toNdjsonLine);

describe('NDJSON ledger files', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const validate = (text: string) => [...validatedNdjsonEvents(file('ledger.ndjson', text), registry)];
  const refusal = (text: string) => {
    try {
      validate(text);
    } catch (error) {
      if (error instanceof InvalidLedgerLine) return error.message;
      throw error;
    }
    throw new Error('accepted');
  };
  const withLine = (index: number, text: string) => lines.map((line, i) => (i === index ? text : line)).join('\n') + '\n';
  const edited = (index: number, change: (record: any) => void, rehash = false) => {
    const record = JSON.parse(lines[index]);
    change(record);
    if (rehash) record.leafHash = leafHashOf(record);
    return withLine(index, JSON.stringify(record));
  };

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-ndjson-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one line per event, envelope then leaf hash, and reads back exactly what was written', () => {
    expect(Object.keys(JSON.parse(lines[0]))).toEqual([
      'eventId', 'type', 'schemaVersion', 'streamId', 'streamRevision', 'sequence', 'occurredAt', 'recordedAt',
      'recordedBy', 'correlationId', 'causationId', 'data', 'leafHash',
    ]);
    expect(toNdjsonLine({ ...history[0], extra: 1 } as RecordedEvent)).toBe(lines[0]);
    expect(validate(lines.join('\n') + '\n')).toEqual(history);
  });

  it('accepts a last line without a newline when the record is complete', () => {
    expect(validate(lines.join('\n'))).toHaveLength(3);
  });

  it('reads lines across chunk boundaries and multi-byte characters', () => {
    const long = recorded(0, 'person-robin-kniech', 0, 'PersonRegistered', 2, { personId: 'person:robin-kniech', name: `R${'ñ😀'.repeat(300_000)}K`, sortName: 'K' });
    const path = file('long.ndjson', `${toNdjsonLine(long)}\n${toNdjsonLine(long)}`);
    expect([...readNdjsonLines(path)].map((l) => [l.number, l.text?.length, l.terminated])).toEqual([
      [1, toNdjsonLine(long).length, true],
      [2, toNdjsonLine(long).length, false],
    ]);
    expect(countNdjsonLines(path)).toBe(2);
    expect(countNdjsonLines(file('two.ndjson', 'a\nb\n'))).toBe(2);
  });

  it.each<[string, () => string, string]>([
    ['a file cut in the middle of a record', () => lines.join('\n').slice(0, lines[0].length + 1 + lines[1].length + 1 + 40), 'line 3: ends mid-record (truncated?)'],
    ['one character of a payload changed', () => withLine(1, lines[1].replace('Paul Lopez', 'Paul López')), 'line 2: leaf hash does not match the envelope (altered?)'],
    ['a changed recordedAt', () => edited(2, (r) => (r.recordedAt = '2026-11-22T12:00:00.999Z')), 'line 3: leaf hash does not match the envelope (altered?)'],
    ['a missing record', () => [lines[0], lines[2]].join('\n') + '\n', 'line 2: sequence 2 where 1 was expected (a record missing?)'],
    ['records out of order', () => [lines[1], lines[0]].join('\n') + '\n', 'line 1: sequence 1 where 0 was expected (a record missing?)'],
    ['a gap in a stream, rehashed', () => edited(2, (r) => (r.streamRevision = 2), true), 'line 3: streamRevision 2 of stream person-robin-kniech where 1 was expected'],
    ['a reused eventId, rehashed', () => edited(1, (r) => (r.eventId = history[0].eventId), true), `line 2: eventId ${history[0].eventId} was already used at sequence 0`],
    ['a payload its schema refuses, rehashed', () => edited(1, (r) => (r.data.name = ' padded'), true), 'line 2: payload does not match its schema: PersonRegistered v2: /name must match pattern "^\\S(?:[\\s\\S]*\\S)?$"'],
    ['an unknown schema version, rehashed', () => edited(1, (r) => (r.schemaVersion = 9), true), 'line 2: payload does not match its schema: PersonRegistered v9: / unknown schema version (known: 1..2)'],
    ['a malformed envelope field, rehashed', () => edited(0, (r) => (r.occurredAt = '2017-08-28'), true), 'line 1: PersonRegistered: occurredAt must be an ISO-8601 instant'],
    ['a lone surrogate in a payload, rehashed', () => edited(1, (r) => (r.data.name = 'Paul \uD800'), true), 'line 2: PersonRegistered: data/name is not well-formed Unicode text (it holds a lone UTF-16 surrogate)'],
    ['a bad leaf hash format', () => edited(0, (r) => (r.leafHash = 'ABC')), 'line 1: leafHash must be 64 lowercase hex characters'],
    ['a missing field', () => edited(0, (r) => delete r.causationId), 'line 1: field causationId is missing'],
    ['an extra field', () => edited(0, (r) => (r.note = 'x')), 'line 1: field note is not part of an event envelope'],
    ['an extra field in recordedBy', () => edited(0, (r) => (r.recordedBy.email = 'x')), 'line 1: field recordedBy.email is not part of an event envelope'],
    ['a blank line', () => [lines[0], '', lines[1]].join('\n') + '\n', 'line 2: is empty (one event per line, no blank lines)'],
    ['garbage in the middle', () => withLine(1, '{"eventId": nope}'), 'line 2: is not valid JSON'],
    ['a JSON value that is not an object', () => withLine(0, '[1,2]'), 'line 1: is not an event object'],
    ['an empty file', () => '', 'line 1: the file holds no events'],
  ])('refuses %s, naming the line', (_, text, message) => {
    expect(refusal(text())).toBe(message);
  });

  describe('fields the ledger computes', () => {
    // A three-seat body, its members, and a 2-1 vote as recordVote computes it.
    const rules = { seats: 3, quorum: 2, passage: 'majority-of-present', overrideVotes: 2 };
    const members = ['person:a', 'person:b', 'person:c'];
    const vote = {
      measureId: 'CB17-0766', voteId: 'vote:CB17-0766:1', bodyId: 'org:council', motion: 'first-reading',
      rollCall: [{ personId: 'person:a', choice: 'YES' }, { personId: 'person:b', choice: 'YES' }, { personId: 'person:c', choice: 'NO' }],
      tally: { yes: 2, no: 1, abstain: 0, absent: 0, recused: 0 }, threshold: 'majority-of-present', result: 'PASSED', amendment: null,
    };
    const voting = [
      recorded(0, 'org-council', 0, 'OrganizationRegistered', 1, { orgId: 'org:council', name: 'Council', kind: 'LEGISLATURE', parentId: null, rules }),
      ...members.map((personId, i) => recorded(i + 1, 'org-council', i + 1, 'MembershipStarted', 1, { orgId: 'org:council', personId, role: 'member', startDate: '2017-01-01' })),
      recorded(4, 'measure-CB17-0766', 0, 'VoteRecorded', 1, vote),
    ];
    /** the vote's line changed and rehashed, as a forger who knows the hash would */
    const forged = (change: (data: typeof vote) => void) => {
      const record = JSON.parse(toNdjsonLine(voting[4]));
      change(record.data);
      record.leafHash = leafHashOf(record);
      return [...voting.slice(0, 4).map(toNdjsonLine), JSON.stringify(record)].join('\n') + '\n';
    };

    it("accepts a vote whose roll call, tally, threshold and result are what the domain computes from the body's record", () => {
      expect(validate(voting.map(toNdjsonLine).join('\n'))).toHaveLength(5);
    });

    it.each<[string, (data: typeof vote) => void, string]>([
      ['a tally that is not its roll call', (d) => (d.tally = { ...d.tally, yes: 3, no: 0 }), 'line 5: data.tally: yes 3, no 0, abstain 0, absent 0, recused 0 is not the count of its roll call (yes 2, no 1, abstain 0, absent 0, recused 0) (a field the ledger computes, altered?)'],
      ['a result the tally does not give', (d) => (d.result = 'FAILED'), 'line 5: data.result: FAILED does not follow from the tally (yes 2, no 1, abstain 0, absent 0, recused 0) under majority-of-present: the vote PASSED (a field the ledger computes, altered?)'],
      ['a threshold the rules do not give', (d) => (d.threshold = 'at-least-1-of-3-members'), 'line 5: data.threshold: "at-least-1-of-3-members" is not what org:council\'s rules give a first-reading vote ("majority-of-present") (a field the ledger computes, altered?)'],
      ['a member dropped from the roll call', (d) => ((d.rollCall = d.rollCall.slice(0, 2)), (d.tally = { ...d.tally, no: 0 })), "line 5: data.rollCall: not the roll call of org:council's members on 2017-08-28 (every member once, sorted by personId): entry 3 is nothing where the members give person:c ABSENT (a field the ledger computes, altered?)"],
    ])('refuses %s, rehashed, naming the line and the field', (_, change, message) => {
      expect(refusal(forged(change))).toBe(message);
    });

    it('cannot tell a choice changed along with its tally from a true vote: only a signed checkpoint (--checkpoint) can', () => {
      expect(validate(forged((d) => ((d.rollCall[2].choice = 'YES'), (d.tally = { ...d.tally, yes: 3, no: 0 }))))).toHaveLength(5);
    });
  });

  it('says which line holds bytes that are not UTF-8', () => {
    const path = join(dir, 'latin1.ndjson');
    writeFileSync(path, Buffer.concat([Buffer.from(lines[0] + '\n'), Buffer.from([0x7b, 0xe9, 0x7d, 0x0a])]));
    expect(() => [...validatedNdjsonEvents(path, registry)]).toThrow('line 2: is not valid UTF-8');
  });

  it('hands out no event of a line before validating it', () => {
    const seen: number[] = [];
    expect(() => {
      for (const event of validatedNdjsonEvents(file('bad.ndjson', withLine(2, lines[2].replace('typo', 'typ0'))), registry)) seen.push(event.sequence);
    }).toThrow('line 3: leaf hash does not match');
    expect(seen).toEqual([0, 1]);
  });
});
