/**
 * `ledger export --format ocd` on the seeded Denver demo, as real processes: every object written
 * validates against our transcription of the Open Civic Data schemas (test/ocd-schemas/README.md),
 * and the export says what the ledger says, checked against the ledger over GraphQL.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const TYPES = ['organization', 'person', 'membership', 'bill', 'vote_event'] as const;
type OcdType = (typeof TYPES)[number];
const SCHEMAS = join(__dirname, '..', 'ocd-schemas');
const NAMESPACE = 'caf46c53-e280-58c3-9af4-fceea1f01194';

function ocdValidators(): Record<OcdType, ValidateFunction> {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, 'common.schema.json'), 'utf8')));
  return Object.fromEntries(
    TYPES.map((type) => [type, ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${type}.schema.json`), 'utf8')))]),
  ) as Record<OcdType, ValidateFunction>;
}

const MEASURES = `{ measures(first: 100) { edges { node {
  id kind title status sponsors { id name }
  actions { classification description }
  votes { id motion result tally { yes no abstain absent recused } rollCall { person { id } choice } }
} } } }`;

describe('export --format ocd (seeded demo, real CLI)', () => {
  let dataDir: string;
  let outDir: string;
  let server: LedgerServer;
  const exported = {} as Record<OcdType, any[]>;
  let stdoutDocument: any;
  let measures: any[];

  const ocdId = (kind: string, ledgerId: string) => `ocd-${kind}/${uuidv5(`${kind}/${ledgerId}`, NAMESPACE)}`;
  const count = async (type: string) =>
    (await server.gql(`query($type: String) { events(filter: { type: $type }, first: 0) { totalCount } }`, { type })).data.events.totalCount as number;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-ocd-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    server = await LedgerServer.start(dataDir);
    outDir = join(dataDir, 'ocd');
    // beside the running server, which owns the read models: the export reads them as it keeps them
    const [toDir, toStdout] = await Promise.all([
      runCli(['export', '--format', 'ocd', '--out', outDir], { LEDGER_DATA_DIR: dataDir }),
      runCli(['export', '--format', 'ocd'], { LEDGER_DATA_DIR: dataDir }),
    ]);
    if (toDir.code !== 0) throw new Error(toDir.stderr);
    if (toStdout.code !== 0) throw new Error(toStdout.stderr);
    expect(toDir.stdout).toMatch(/exported .* as Open Civic Data to /);
    stdoutDocument = JSON.parse(toStdout.stdout);
    for (const type of TYPES) {
      exported[type] = readdirSync(join(outDir, type)).map((file) => JSON.parse(readFileSync(join(outDir, type, file), 'utf8')));
    }
    measures = (await server.gql(MEASURES)).data.measures.edges.map((e: any) => e.node);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('writes objects that each validate against the transcribed OCD schema of their type', () => {
    const validators = ocdValidators();
    for (const type of TYPES) {
      expect(exported[type].length).toBeGreaterThan(0);
      for (const object of exported[type]) {
        const valid = validators[type](object);
        if (!valid) throw new Error(`${type} ${object.id}: ${JSON.stringify(validators[type].errors, null, 2)}`);
      }
    }
    // and the schemas have teeth: what OCD does not define is refused
    const bill = exported.bill[0];
    expect(validators.bill({ ...bill, classification: ['executive order'] })).toBe(false);
    expect(validators.bill({ ...bill, sponsor: 'misspelt field' })).toBe(false);
    expect(validators.vote_event({ ...exported.vote_event[0], counts: [{ option: 'recused', value: 1 }] })).toBe(false);
    expect(validators.person({ ...exported.person[0], sources: [] })).toBe(false);
  });

  it('names each file after its id, and gives the same objects on stdout as one document', () => {
    for (const type of TYPES) {
      for (const file of readdirSync(join(outDir, type))) {
        const object = JSON.parse(readFileSync(join(outDir, type, file), 'utf8'));
        expect(file).toBe(`${object.id.split('/')[1]}.json`);
      }
      const byId = (objects: any[]) => [...objects].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(stdoutDocument[type])).toEqual(byId(exported[type]));
    }
    const manifest = JSON.parse(readFileSync(join(outDir, 'ocd-export.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'ocd', through_sequence: stdoutDocument.through_sequence, counts: stdoutDocument.counts });
  });

  it('derives ids deterministically: UUIDv5 of "<type>/<ledger id>" in the fixed namespace', () => {
    const kniech = exported.person.find((p) => p.name === 'Robin Kniech');
    expect(kniech.id).toBe(ocdId('person', 'person:robin-kniech'));
    expect(kniech.identifiers).toEqual([{ identifier: 'person:robin-kniech', scheme: 'ordinance-ledger' }]);
    expect(exported.bill.map((b) => b.id)).toContain(ocdId('bill', 'CB17-0766'));
  });

  it('has every person and organization of the ledger, the council and its committee among them', async () => {
    expect(exported.person.length).toBeGreaterThanOrEqual(13);
    expect(exported.person).toHaveLength(await count('PersonRegistered'));
    expect(exported.organization).toHaveLength(await count('OrganizationRegistered'));
    const council = exported.organization.find((o) => o.name === 'Denver City Council');
    const committee = exported.organization.find((o) => o.classification === 'committee');
    expect(council).toMatchObject({ id: ocdId('organization', 'org:denver-city-council'), classification: 'legislature', parent_id: null });
    expect(committee).toMatchObject({ name: 'Safety, Housing, Education & Homelessness Committee', parent_id: council.id });
    for (const person of exported.person) expect(person.sort_name).toBeTruthy();
  });

  it('has the memberships the ledger has, with roles and dates', async () => {
    const onDay = '2017-08-28';
    const { data } = await server.gql(`{ organization(id: "org:denver-city-council") { members(on: "${onDay}") { person { id } role } } }`);
    const councilId = ocdId('organization', 'org:denver-city-council');
    const exportedMembers = exported.membership.filter(
      (m) => m.organization_id === councilId && m.start_date <= onDay && (m.end_date === '' || onDay <= m.end_date),
    );
    expect(exportedMembers.map((m) => m.person_id).sort()).toEqual(data.organization.members.map((m: any) => ocdId('person', m.person.id)).sort());
    expect(exportedMembers).toHaveLength(13);
    for (const m of exported.membership) expect(m.role).toBeTruthy();
  });

  it('has every measure as a bill, with its sponsorships, actions and clause versions', () => {
    expect(exported.bill.map((b) => b.identifier).sort()).toEqual(measures.map((m) => m.id).sort());
    for (const measure of measures) {
      const bill = exported.bill.find((b) => b.identifier === measure.id);
      expect(bill.title).toBe(measure.title);
      expect(bill.classification).toEqual([{ ORDINANCE: 'ordinance', RESOLUTION: 'resolution', EXECUTIVE_ORDER: 'order' }[measure.kind as string]]);
      expect(bill.extras).toMatchObject({ kind: measure.kind, status: measure.status });
      expect(bill.sponsorships.map((s: any) => [s.name, s.person_id, s.primary])).toEqual(measure.sponsors.map((p: any) => [p.name, ocdId('person', p.id), true]));
      expect(bill.actions.map((a: any) => a.description)).toEqual(measure.actions.map((a: any) => a.description));
      expect(bill.versions.length).toBeGreaterThan(0);
    }
    const ordinance = exported.bill.find((b) => b.identifier === 'CB17-0766');
    expect(ordinance.sponsorships.map((s: any) => s.name).sort()).toEqual(['Paul Lopez', 'Robin Kniech']);
    expect(ordinance.from_organization).toBe(ocdId('organization', 'org:denver-city-council'));
    expect(ordinance.actions.flatMap((a: any) => a.classification)).toEqual(
      expect.arrayContaining(['introduction', 'referral-committee', 'committee-passage', 'reading-1', 'passage', 'executive-signature', 'became-law']),
    );
    // sec_4 as amended by CB18-0101: both versions, each with the date it was recorded
    expect(ordinance.versions.filter((v: any) => /^sec_4 version/.test(v.note)).map((v: any) => v.note)).toEqual([
      expect.stringMatching(/^sec_4 version 1 .*in force from 2017-09-01 until 2018-03-01$/),
      expect.stringMatching(/^sec_4 version 2 .*by CB18-0101, in force from 2018-03-01$/),
    ]);
  });

  it('has every vote as a vote event, its counts equal to the tally and its roll call complete', () => {
    const votes = measures.flatMap((m) => m.votes.map((v: any) => ({ ...v, measureId: m.id })));
    expect(exported.vote_event).toHaveLength(votes.length);
    for (const vote of votes) {
      const event = exported.vote_event.find((e) => e.identifier === vote.id);
      expect(event).toMatchObject({ id: ocdId('vote', vote.id), bill: ocdId('bill', vote.measureId), result: vote.result === 'PASSED' ? 'pass' : 'fail' });
      const { yes, no, abstain, absent, recused } = vote.tally;
      expect(Object.fromEntries(event.counts.map((c: any) => [c.option, c.value]))).toEqual({ yes, no, abstain, absent, 'not voting': recused });
      expect(event.votes.map((v: any) => [v.voter_id, v.option])).toEqual(
        vote.rollCall.map((c: any) => [ocdId('person', c.person.id), c.choice === 'RECUSED' ? 'not voting' : c.choice.toLowerCase()]),
      );
    }
    const finalPassage = exported.vote_event.find((e) => e.identifier.startsWith('vote:CB17-0766') && e.motion_classification.includes('bill-passage'));
    expect(finalPassage.start_date.slice(0, 10)).toBe('2017-08-28');
    expect(finalPassage.counts.find((c: any) => c.option === 'yes').value).toBe(10);
  });

  it('carries no data request and nothing about a data subject', () => {
    const text = JSON.stringify(stdoutDocument);
    expect(text).not.toMatch(/subj_[0-9a-f]{32}|data-request|DataRequest|personalDetails/);
  });

  it('refuses a non-empty destination and a data dir without a ledger (exit 2), writing nothing', async () => {
    const busy = join(dataDir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    const refused = await runCli(['export', '--format', 'ocd', '--out', busy], { LEDGER_DATA_DIR: dataDir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not empty/);
    expect(readdirSync(busy)).toEqual(['keep.txt']);
    const empty = tempDataDir('ledger-ocd-none-');
    try {
      const none = await runCli(['export', '--format', 'ocd'], { LEDGER_DATA_DIR: empty });
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/no ledger/);
    } finally {
      removeDir(empty);
    }
  });
});
