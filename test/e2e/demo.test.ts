/**
 * `npm run demo` as a newcomer meets it: the demo script seeds a fresh ledger with the Denver 2017
 * case and serves it; GraphQL alone answers the questions about it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, removeDir, tempDataDir } from '../support/ledger-process';

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('npm run demo (Denver 2017)', () => {
  let dataDir: string;
  let demo: ChildProcess;
  let url: string;

  beforeAll(async () => {
    dataDir = join(tempDataDir('ledger-demo-'), 'demo-data');
    demo = spawn(process.execPath, [join(ROOT, 'scripts/demo.js')], {
      env: { ...process.env, NO_COLOR: '1', LEDGER_DATA_DIR: dataDir, LEDGER_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    url = await new Promise<string>((found, failed) => {
      const timer = setTimeout(() => failed(new Error(`demo did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk;
        const match = /ledger API on (http:\/\/\S+\/graphql)/.exec(output);
        if (match) (clearTimeout(timer), found(match[1]));
      };
      demo.stdout!.on('data', onData);
      demo.stderr!.on('data', onData);
      demo.once('exit', (code) => (clearTimeout(timer), failed(new Error(`demo exited with ${code}:\n${output}`))));
    });
  }, 90_000);
  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      const exited = new Promise((done) => demo.once('exit', done));
      demo.kill('SIGTERM');
      await exited;
    }
    removeDir(join(dataDir, '..'));
  });

  it('answers who voted how on final passage, without attributing a vote to a real person', async () => {
    const { measure, order, issued, amended } = await gql(url, `{
      measure(id: "CB17-0766") { title status sponsors { name } votes { motion occurredAt result threshold present needed tally { yes no abstain absent recused } rollCall { person { name } choice } } }
      order: measure(id: "EO-2017-142") { kind status }
      amended: clause(id: "CB17-0766#sec_4") { versions { version adoptedBy { motion result measure { id } } } }
      issued: measures(filter: { status: ISSUED }) { edges { node { id } } }
    }`);
    expect(measure.title).toBe('Public Safety Enforcement Priority Act');
    expect(measure.status).toBe('ENACTED');
    // The mayor's order is in force too, but issued, not enacted (no council made it law).
    expect(order).toEqual({ kind: 'EXECUTIVE_ORDER', status: 'ISSUED' });
    expect(issued.edges.map((e: any) => e.node.id)).toEqual(['EO-2017-142']);
    // Section 4's second version was made by the 2018 amending ordinance: the vote that passed it adopted it.
    expect(amended.versions.find((v: any) => v.version === 2).adoptedBy).toEqual({ motion: 'final-passage', result: 'PASSED', measure: { id: 'CB18-0101' } });
    expect(measure.sponsors.map((p: any) => p.name).sort()).toEqual(['Paul Lopez', 'Robin Kniech']);
    const finalPassage = measure.votes.find((v: any) => v.motion === 'final-passage');
    expect(finalPassage).toMatchObject({ result: 'PASSED', threshold: 'majority-of-present', present: 10, needed: 6, tally: { yes: 10, no: 0, abstain: 0, absent: 3, recused: 0 } });
    expect(finalPassage.occurredAt.slice(0, 10)).toBe('2017-08-28');
    expect(finalPassage.rollCall).toHaveLength(13);
    for (const cast of finalPassage.rollCall) expect(cast.person.name).toMatch(/\(illustrative\)$/);
    const firstReading = measure.votes.find((v: any) => v.motion === 'first-reading');
    expect(firstReading.occurredAt.slice(0, 10)).toBe('2017-08-21');
  });

  it('answers what a clause said on a date before and after an amendment', async () => {
    const { clause } = await gql(url, `{ clause(id: "CB17-0766#sec_4") {
      before: inForce(on: "2017-12-01") { version text validFrom validUntil }
      after: inForce(on: "2018-06-01") { version text validFrom validUntil }
      beforeEnactment: inForce(on: "2017-08-29") { version }
      versions { version } } }`);
    expect(clause.before).toMatchObject({ version: 1, validFrom: '2017-09-01', validUntil: '2018-03-01' });
    expect(clause.after).toMatchObject({ version: 2, validFrom: '2018-03-01', validUntil: null });
    expect(clause.before.text).not.toBe(clause.after.text);
    expect(clause.after.text).toMatch(/in writing/);
    expect(clause.beforeEnactment).toBeNull();
  });

  it('answers which clauses were in force on any date', async () => {
    const ids = async (on: string) =>
      (await gql(url, `query($on: Date!) { policyInForce(on: $on) { clause { id } version } }`, { on })).policyInForce.map((v: any) => v.clause.id).sort();
    expect(await ids('2017-08-01')).toEqual([]);
    expect(await ids('2017-08-30')).toEqual(['EO-2017-142#sec_1', 'EO-2017-142#sec_2', 'EO-2017-142#sec_3']);
    const october = await ids('2017-10-01');
    expect(october).toEqual(expect.arrayContaining(['CB17-0766#sec_2__subsec_b', 'CB17-0766#sec_3', 'CB17-0766#sec_4', 'EO-2017-142#sec_1']));
    expect(october).toHaveLength(5 + 3);
  });

  it('lists every action on the measure in order, with who recorded it and whose act it was', async () => {
    const { measure } = await gql(url, `{ measure(id: "CB17-0766") { actions { occurredAt classification description actor { name role } event { sequence } } } }`);
    const classifications = measure.actions.map((a: any) => a.classification);
    expect(classifications.slice(0, 8)).toEqual(['introduction', 'referral-committee', 'committee-passage', 'reading-1', 'amendment-passage', 'passage', 'executive-signature', 'became-law']);
    const sequences = measure.actions.map((a: any) => a.event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(measure.actions[0].actor).toEqual({ name: 'Demo Clerk (illustrative)', role: 'clerk' });
    // The city digitizing its records: the clerk recorded the mayor's signature on his behalf.
    const signature = measure.actions.find((a: any) => a.classification === 'executive-signature');
    expect(signature).toMatchObject({ actor: { name: 'Demo Clerk (illustrative)', role: 'clerk' }, description: 'Signed by Michael Hancock.' });
  });
});
