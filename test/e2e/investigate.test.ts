/**
 * `ledger investigate` as an investigator runs it on the seeded Denver demo, with the server
 * stopped: the same facts in Markdown, JSON and a printable HTML page; --out; exit codes; and no
 * subject reference unless asked for, no personal detail ever.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { fromHex, nodeIntegrityCrypto, openCheckpoint, parseVerifierKey, treeHasher, verifyInclusion } from '@ledger/integrity';
import { CLERK_OFFICE, SHERIFF } from '@ledger/scenarios';

const SUBJECT_REF = /subj_[0-9a-f]{32}/;
// What the demo encrypts about residents; no report may contain it, nor the ciphertext's fields.
const PERSONAL = /Resident One|Resident Two|born 19|ILLUSTRATIVE-BOOKING|ciphertext|personalDetails/;

describe('ledger investigate (seeded demo, server stopped)', () => {
  let dataDir: string;
  let decisionId: string;
  let report: any;
  const investigate = (...args: string[]) => runCli(['investigate', ...args], { LEDGER_DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-investigate-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    // The department's report lists its decisions; the first is the release notification citing sections 3 and 4.
    const department = await investigate(SHERIFF, '--format', 'json');
    if (department.code !== 0) throw new Error(department.stderr);
    decisionId = JSON.parse(department.stdout).decisions[0].id;
    const json = await investigate(decisionId, '--format', 'json');
    expect(json.code).toBe(0);
    report = JSON.parse(json.stdout);
  }, 60_000);
  afterAll(() => removeDir(dataDir));

  it('reports a decision as JSON: the law it relied on, the vote that passed it, the signature, the findings and every event', () => {
    expect(report).toMatchObject({ format: 'ledger-investigation', formatVersion: 1, restrictedIncluded: false, subject: { id: decisionId, kind: 'decision' } });
    expect(report.ledgerSize).toBeGreaterThanOrEqual(report.events.length);

    const [decision] = report.decisions;
    expect(decision).toMatchObject({ id: decisionId, outcome: 'GRANTED', subjectRef: null, decidedBy: { name: 'Sheriff Records Officer (illustrative)' } });
    expect(decision.citations).toEqual([{ clauseId: 'CB17-0766#sec_3', version: 2 }, { clauseId: 'CB17-0766#sec_4', version: 1 }]);
    expect(decision.compliance.status).toBe('COMPLIANT');
    expect(decision.compliance.findings.length).toBeGreaterThan(0);
    for (const finding of decision.compliance.findings) expect(finding.explanation).toContain(`${finding.clauseId} v${finding.version}`);

    const sec3 = report.clauses.find((c: any) => c.clauseId === 'CB17-0766#sec_3' && c.version === 2);
    expect(sec3).toMatchObject({ inTrace: true, validFrom: '2017-09-01', adoptedByVoteId: 'vote:CB17-0766:3' });
    expect(sec3.text).toMatch(/after the inmate has been advised of their legal rights/);
    // The law in force on the decision's day, as the timeline gives it at that step.
    const decided = report.timeline.find((s: any) => s.type === 'DataRequestDecided');
    expect(decided.clausesInForce).toEqual(expect.arrayContaining(decision.citations));
    // Before the ordinance took effect, none of it was in force.
    expect(report.timeline.find((s: any) => s.type === 'MeasureSigned').clausesInForce).toEqual([]);

    const finalPassage = report.votes.find((v: any) => v.motion === 'final-passage');
    expect(finalPassage).toMatchObject({
      id: 'vote:CB17-0766:4',
      result: 'PASSED',
      threshold: 'majority-of-present',
      body: { id: 'org:denver-city-council', name: 'Denver City Council' },
      tally: { yes: 10, no: 0, abstain: 0, absent: 3, recused: 0 },
    });
    expect(finalPassage.rollCall).toHaveLength(13);
    expect(finalPassage.rollCall[0]).toEqual({ person: { id: 'person:illustrative-council-member-a', name: 'Council Member A (illustrative)' }, choice: 'YES' });
    expect(finalPassage.leafHash).toBe(report.events.find((e: any) => e.eventId === finalPassage.eventId).leafHash);

    // The demo is a city's digitized record: the clerk recorded the mayor's signature on his behalf.
    const signature = report.timeline.find((s: any) => s.type === 'MeasureSigned');
    expect(signature).toMatchObject({
      streamId: 'measure-CB17-0766',
      recordedBy: { id: 'person:demo-clerk', name: 'Demo Clerk (illustrative)', role: 'clerk' },
      description: 'Signed by Michael Hancock.',
    });
    // Among the actors, whoever recorded and whoever acted: the mayor with his office, though he recorded nothing.
    const hancock = report.actors.find((a: any) => a.id === 'person:michael-hancock');
    expect(hancock).toMatchObject({ name: 'Michael Hancock', roles: [], eventsRecorded: 0, ownActs: 1 });
    expect(hancock.offices).toEqual([
      expect.objectContaining({ organization: { id: 'org:denver-mayors-office', name: 'Office of the Mayor of Denver' }, role: 'mayor' }),
    ]);
    const clerk = report.actors.find((a: any) => a.id === 'person:demo-clerk');
    // the clerk holds the office by which they may record: the demo's clerk's office
    expect(clerk).toMatchObject({ roles: ['clerk'], eventsRecorded: report.events.length, ownActs: 0 });
    expect(clerk.offices).toEqual([expect.objectContaining({ organization: { id: CLERK_OFFICE, name: 'Office of the Clerk and Recorder (illustrative)' }, role: 'clerk' })]);
    // the officer received the request, decided it and disclosed: three acts, none recorded by them
    expect(report.actors.find((a: any) => a.id === 'person:illustrative-sheriff-officer')).toMatchObject({ eventsRecorded: 0, ownActs: 3 });

    const sequences = report.timeline.map((s: any) => s.sequence);
    for (let i = 1; i < sequences.length; i++) expect(sequences[i]).toBeGreaterThan(sequences[i - 1]);
    expect(report.events.map((e: any) => e.sequence)).toEqual(sequences);
    for (const step of report.timeline) {
      expect(step.leafHash).toMatch(/^[0-9a-f]{64}$/);
      expect(step.description.length).toBeGreaterThan(0);
    }
  });

  it('prints the same facts as Markdown', async () => {
    const md = await investigate(decisionId, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Investigation report: /);
    for (const heading of ['## Decisions', '## Clauses', '## Votes', '## Actors', '## Timeline', '## Events']) expect(md.stdout).toContain(heading);
    expect(md.stdout).toContain(report.clauses[0].text);
    expect(md.stdout).toContain('| Council Member A (illustrative) | YES |');
    expect(md.stdout).toContain('Michael Hancock');
    for (const event of report.events) expect(md.stdout).toContain(event.leafHash);
  });

  it('writes one self-contained, printable HTML page with --out, and prints its path', async () => {
    const file = join(dataDir, 'report.html');
    const result = await investigate(decisionId, '--format', 'html', '--out', file);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(file);
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en">/);
    expect(html.trim()).toMatch(/<\/html>$/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*break-before: page[\s\S]*<\/style>/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain('<thead>');
    expect(html).toContain(report.clauses[0].text);
    for (const cast of report.votes.find((v: any) => v.motion === 'final-passage').rollCall) {
      expect(html).toContain(`<td>${cast.person.name}</td><td>${cast.choice}</td>`);
    }
  });

  it('never prints a subject reference unless asked, and never a personal detail', async () => {
    for (const format of ['md', 'json', 'html']) {
      const plain = await investigate(decisionId, '--format', format);
      expect(plain.stdout).not.toMatch(SUBJECT_REF);
      expect(plain.stdout).not.toMatch(PERSONAL);
    }
    const department = await investigate(SHERIFF, '--format', 'md');
    expect(department.stdout).not.toMatch(SUBJECT_REF);

    const restricted = await investigate(decisionId, '--format', 'json', '--include-restricted');
    expect(restricted.code).toBe(0);
    const withRefs = JSON.parse(restricted.stdout);
    expect(withRefs.restrictedIncluded).toBe(true);
    expect(withRefs.decisions[0].subjectRef).toMatch(SUBJECT_REF);
    expect(restricted.stdout).not.toMatch(PERSONAL);
    const md = await investigate(decisionId, '--format', 'md', '--include-restricted');
    expect(md.stdout).toContain(withRefs.decisions[0].subjectRef);
  });

  it('reports measures, votes, clauses and people too', async () => {
    for (const id of ['CB17-0766', 'vote:CB17-0766:4', 'CB17-0766#sec_4', 'person:illustrative-council-member-a']) {
      const result = await investigate(id, '--format', 'json');
      expect({ id, code: result.code, stderr: result.stderr }).toEqual({ id, code: 0, stderr: '' });
      const parsed = JSON.parse(result.stdout);
      expect(parsed.subject.id).toBe(id);
      expect(parsed.timeline.length).toBeGreaterThan(0);
    }
    const clause = JSON.parse((await investigate('CB17-0766#sec_4', '--format', 'json')).stdout);
    // Section 4 before and after the 2018 amendment, each with its text, at the steps where each was in force.
    expect(clause.clauses.map((c: any) => c.version)).toEqual([1, 2]);
    const enacted2018 = clause.timeline.find((s: any) => s.type === 'ClauseAmended');
    expect(enacted2018.clausesInForce).toEqual([{ clauseId: 'CB17-0766#sec_4', version: 1 }]);
  });

  it('exits 2 on bad usage or a malformed id, 1 on an unknown id, beside a running server too', async () => {
    for (const args of [[], [decisionId], [decisionId, '--format', 'pdf'], [decisionId, '--format', 'md', '--bogus'], ['CB17-0766', 'CB18-0101', '--format', 'md'], ['not an id', '--format', 'md']]) {
      const result = await investigate(...args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(/^investigate: /);
    }
    for (const id of ['person:nobody', 'CB99-0001', 'decision:00000000-0000-4000-8000-000000000099']) {
      const result = await investigate(id, '--format', 'md');
      expect({ id, code: result.code }).toEqual({ id, code: 1 });
      expect(result.stderr).toContain(`no `);
      expect(result.stdout).toBe('');
    }
    // The server owns the read models; investigate reads them beside it (read-models-shared.test.ts compares the reports).
    const server = await LedgerServer.start(dataDir);
    try {
      const unknown = await investigate('person:nobody', '--format', 'md');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/^investigate: the ledger has no person with id person:nobody/);
      const beside = await investigate(decisionId, '--format', 'md');
      expect(beside.stderr).toBe('');
      expect(beside.code).toBe(0);
    } finally {
      await server.stop();
    }
    // Eleven CLI runs and a server start: each CLI run builds its own context.
  }, 120_000);

  it('gives each event its audit path to the log\'s latest signed checkpoint, once a server has signed one', async () => {
    // Seeded and never served: no signed log yet, and the report says so rather than prove nothing silently.
    expect(report.signedCheckpoint).toBeNull();
    expect(report.events.every((e: any) => e.inclusionProof === null)).toBe(true);

    const server = await LedgerServer.start(dataDir);
    let vkey: string;
    try {
      vkey = ((await (await fetch(`${server.base}/.well-known/ledger-key.json`)).json()) as { vkey: string }).vkey;
    } finally {
      await server.stop(); // a clean stop signs a checkpoint of everything
    }
    const proven = JSON.parse((await investigate(decisionId, '--format', 'json')).stdout);
    const key = parseVerifierKey(nodeIntegrityCrypto, vkey);
    const { checkpoint } = openCheckpoint(nodeIntegrityCrypto, proven.signedCheckpoint, key.name, [key]);
    const hasher = treeHasher(nodeIntegrityCrypto);
    for (const event of proven.events) {
      const claim = { index: event.sequence, size: checkpoint.size, leafHash: fromHex(event.leafHash)!, root: checkpoint.rootHash, proof: event.inclusionProof.map((h: string) => fromHex(h)!) };
      expect({ sequence: event.sequence, verdict: verifyInclusion(hasher, claim) }).toEqual({ sequence: event.sequence, verdict: { ok: true } });
      // Another leaf at that index does not verify: the path proves this event, not any.
      expect(verifyInclusion(hasher, { ...claim, leafHash: new Uint8Array(32) }).ok).toBe(false);
    }
    const md = (await investigate(decisionId, '--format', 'md')).stdout;
    expect(md).toContain(`## Proof of inclusion\n\n${proven.events.length} of the ${proven.events.length} events are in the log the city signed`);
    expect(md).toContain(proven.signedCheckpoint.trimEnd());
  }, 60_000);
});
