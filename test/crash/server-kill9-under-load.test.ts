/**
 * The whole server killed with kill -9 under a mutation load, twenty times over on one data dir
 * (issue 10, "Scale"). The built API server (test/support/ledger-process.ts) serves the seeded
 * Denver demo; six clients send valid mutations over real HTTP GraphQL, each with an
 * Idempotency-Key, until the server is killed after a random delay. After each restart:
 *
 * - the log holds every acknowledged command exactly as its receipt said, and none half-written;
 * - the log is dense, every leaf hash is its envelope's, revisions are dense (checkLedgerLog);
 * - the restarted server's read models equal a full `ledger rebuild` of the same log.
 *
 * Then the clients carry on where they were: a command whose answer the kill cut off is sent again
 * with its key, and must be answered with the first attempt's events if it was recorded.
 *
 * At the end, after a clean stop, `ledger verify` recomputes the whole log, the transparency log's
 * tiles and every checkpoint signed across the kills, and must find that everything holds.
 *
 * The kill delays and each client's commands come from seeded random sequences (one for the
 * kills, one per client, so that how the clients interleave does not change either); a failure
 * names its seed, and LEDGER_CRASH_SEED=<seed> runs the same delays and commands again (not the
 * same interleaving, which the scheduler decides).
 */
import { cpSync, rmSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { COUNCIL, ICE, SHERIFF, seat, sheriffOfficer } from '@ledger/scenarios';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { NO_LOG_PROBLEMS, acknowledgedCommandsMissing, checkLedgerLog, runLedgerVerify, type AcknowledgedCommand } from '../support/ledger-log';
import { readModelDigest } from '../support/read-model-digest';
import { seededRandom } from '../support/seeded-random';

const ROUNDS = 20;
const CLIENTS = 6;
/**
 * When the kill comes, in ms after the round's first acknowledged command (so that it always lands
 * on a server that is taking commands, however slowly the machine starts it): up to a second and
 * a half, dozens of commands, short enough for 20 rounds within the CI budget.
 */
const KILL_AFTER_MS = { min: 0, max: 1500 };

const SEED = process.env.LEDGER_CRASH_SEED ? Number(process.env.LEDGER_CRASH_SEED) : randomInt(2 ** 31);


const RECEIPT = '{ replayed events { id sequence leafHash correlationId type data } }';
const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) ${RECEIPT} }`;

interface Receipt {
  replayed: boolean;
  events: Array<{ id: string; sequence: number; leafHash: string; correlationId: string | null; type: string; data: any }>;
}

/** One command as a client sends it; `events` is how many events it records (its decider's answer). */
interface Command {
  label: string;
  name: string;
  inputType: string;
  input: Record<string, unknown>;
  token: 'clerk' | 'officer';
  events: number;
}

const yes = (letters: string) => letters.split('').map((letter) => ({ personId: seat(letter), choice: 'YES' }));

/**
 * The commands a client sends, one story after another, each valid in the demo's ledger: a person
 * registered (1 event); a resolution introduced (1) and adopted by the council (2: the vote and the
 * enactment it causes, one append, so a half-written one is visible); a request for a release date
 * received by the Sheriff Department (1) and denied citing the clause then in force (1).
 */
function* stories(client: number, random: () => number): Generator<Command, never, Receipt> {
  for (let n = 0; ; n++) {
    const id = `${client}-${n}`;
    const pick = random();
    if (pick < 0.3) {
      yield { label: `registerPerson ${id}`, name: 'registerPerson', inputType: 'RegisterPersonInput', token: 'clerk', events: 1,
        input: { id: `person:crash-load-${id}`, name: `Crash Load Resident ${id}` } };
    } else if (pick < 0.65) {
      const measureId = `CRASH-${id}`;
      yield { label: `introduceMeasure ${measureId}`, name: 'introduceMeasure', inputType: 'IntroduceMeasureInput', token: 'clerk', events: 1,
        input: { id: measureId, kind: 'RESOLUTION', title: `Crash load resolution ${id}`, bodyId: COUNCIL, sponsorIds: [seat('A')],
          clauses: [{ eId: 'sec_1', text: `Resolved, for the crash test, number ${id}.` }], occurredAt: '2017-09-04T18:00:00Z' } };
      yield { label: `recordVote adoption ${measureId}`, name: 'recordVote', inputType: 'RecordVoteInput', token: 'clerk', events: 2,
        input: { measureId, bodyId: COUNCIL, motion: 'adoption', votes: yes('ABCDEFGHIJ'), occurredAt: '2017-09-11T18:00:00Z' } };
    } else {
      const received = yield { label: `receiveDataRequest ${id}`, name: 'receiveDataRequest', inputType: 'ReceiveDataRequestInput', token: 'officer', events: 1,
        input: { requestingOrganizationId: ICE, receivingOrganizationId: SHERIFF, dataCategories: ['release-date-time'], action: 'share',
          recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', legalBasis: 'none',
          channel: 'email', subjectIdentifier: `CRASH-BOOKING-${id}`, occurredAt: '2017-12-01T18:00:00Z' } };
      const requestId = received.events[0].data.requestId as string;
      yield { label: `decideDataRequest ${id}`, name: 'decideDataRequest', inputType: 'DecideDataRequestInput', token: 'officer', events: 1,
        input: { requestId, outcome: 'DENIED', citations: [{ clauseId: 'CB17-0766#sec_2__subsec_b' }], rationale: 'No judicial warrant was presented.',
          occurredAt: '2017-12-02T18:00:00Z' } };
    }
  }
}

/** What one client saw in one round. */
interface ClientRound {
  acknowledged: number;
  /** a command sent again after the kill that the ledger had recorded before it (the answer was lost) */
  answerLost: number;
  /** anything but a receipt or a dropped connection: a refusal of a valid command is a bug here */
  unexpected: string[];
}

/**
 * A client with its own story and Idempotency-Keys. A command the kill cut off stays pending and is
 * sent first, with the same key, once the server is back.
 */
class LoadClient {
  private readonly story: Generator<Command, never, Receipt>;
  private next: IteratorResult<Command, never>;
  private attempts = 0;
  /** set when the command went out at least once without an answer */
  private unanswered = false;
  readonly acknowledged: AcknowledgedCommand[] = [];

  constructor(
    private readonly client: number,
    random: () => number,
    private readonly tokens: Record<Command['token'], string>,
  ) {
    this.story = stories(client, random);
    this.next = this.story.next();
  }

  /** Whether a command went out without an answer and waits to be sent again. */
  get pending(): boolean {
    return this.unanswered;
  }

  /** Sends commands until `stopped()` or the connection fails (the server was killed); tells `onAcknowledged` of each receipt. */
  async run(server: LedgerServer, stopped: () => boolean, onAcknowledged: () => void = () => undefined): Promise<ClientRound> {
    const round: ClientRound = { acknowledged: 0, answerLost: 0, unexpected: [] };
    while (!stopped()) {
      const command = this.next.value;
      const key = `crash-${this.client}-${this.attempts}`;
      let status: number;
      let body: { data?: Record<string, Receipt>; errors?: unknown[] };
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.tokens[command.token]}`, 'idempotency-key': key },
          body: JSON.stringify({ query: mutation(command.name, command.inputType), variables: { input: command.input } }),
        });
        status = response.status;
        body = (await response.json()) as typeof body;
      } catch {
        // Killed before it answered (or before it was asked): recorded or not, the client cannot
        // tell, so it will send the command again with the same key.
        this.unanswered = true;
        return round;
      }
      const receipt = body.data?.[command.name];
      if (status !== 200 || body.errors || !receipt) {
        round.unexpected.push(`${command.label} (key ${key}): HTTP ${status} ${JSON.stringify(body.errors ?? body)}`);
        return round;
      }
      if (this.unanswered && receipt.replayed) round.answerLost++;
      if (receipt.events.length !== command.events) round.unexpected.push(`${command.label}: ${receipt.events.length} events in the receipt, ${command.events} expected`);
      this.acknowledged.push({ label: `${command.label} (key ${key}${receipt.replayed ? ', replayed' : ''})`, events: receipt.events });
      round.acknowledged++;
      onAcknowledged();
      this.attempts++;
      this.unanswered = false;
      this.next = this.story.next(receipt);
    }
    return round;
  }
}

describe('the API server killed with kill -9 under a mutation load (built server, real files)', () => {
  let dataDir: string;
  /** Two, used in turn: a round's rebuild runs on while the next round copies into the other. */
  let rebuildDirs: string[];
  let server: LedgerServer | undefined;

  beforeAll(() => {
    dataDir = tempDataDir('ledger-server-kill9-');
    rebuildDirs = [tempDataDir('ledger-server-kill9-rebuild-'), tempDataDir('ledger-server-kill9-rebuild-')];
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    removeDir(dataDir);
    rebuildDirs.forEach(removeDir);
  });

  it(`keeps every acknowledged command, whole, in a dense and verifiable log, and read models equal to a rebuild, over ${ROUNDS} kills (seed ${SEED})`, async () => {
    const killDelays = seededRandom(SEED);
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    expect(seeded).toMatchObject({ code: 0 });
    const tokens = {
      clerk: await mintToken(dataDir, 'clerk'),
      officer: await mintToken(dataDir, 'officer', sheriffOfficer.id, sheriffOfficer.name),
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) => new LoadClient(c, seededRandom(SEED + 1 + c), tokens));
    const acknowledged = () => clients.flatMap((client) => client.acknowledged);
    const summary: Array<{ round: number; killAfterMs: number; acknowledged: number; answerLost: number; events: number }> = [];

    server = await LedgerServer.start(dataDir);
    // A round's `ledger rebuild` (seconds of CLI start-up alone) runs during the next round's load
    // and restart, on the other core; it is awaited then, and its failure fails the test.
    let previousRebuild: Promise<void> = Promise.resolve();
    for (let round = 1; round <= ROUNDS; round++) {
      const where = { seed: SEED, round };
      const killAfterMs = KILL_AFTER_MS.min + Math.floor(killDelays() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));

      // The load, then the kill at a random point of it, once the server has taken a command.
      let stopped = false;
      let firstAcknowledged!: () => void;
      const acknowledging = new Promise<void>((done) => (firstAcknowledged = done));
      const running = Promise.all(clients.map((client) => client.run(server!, () => stopped, firstAcknowledged)));
      // (If every client gave up first, the checks below say why.)
      await Promise.race([acknowledging, running]);
      await new Promise((done) => setTimeout(done, killAfterMs));
      stopped = true;
      const exit = await server.stop('SIGKILL');
      const rounds = await running;
      expect({ ...where, exit, signal: server.process.signalCode }).toEqual({ ...where, exit: null, signal: 'SIGKILL' });
      expect({ ...where, unexpected: rounds.flatMap((r) => r.unexpected) }).toEqual({ ...where, unexpected: [] });
      // The kill landed on a server under load, not on one that had stopped taking commands.
      expect({ ...where, acknowledgedBeforeKill: rounds.some((r) => r.acknowledged > 0) }).toEqual({ ...where, acknowledgedBeforeKill: true });

      // The data dir as the kill left it, to be rebuilt from nothing; the restart is on the original.
      const rebuildDir = rebuildDirs[round % 2];
      rmSync(rebuildDir, { recursive: true, force: true });
      cpSync(dataDir, rebuildDir, { recursive: true });
      server = await LedgerServer.start(dataDir);
      await previousRebuild;
      const rebuilding = runCli(['rebuild'], { LEDGER_DATA_DIR: rebuildDir });

      // The log after the restart: sound, and holding every command acknowledged so far, whole.
      const { events, problems } = checkLedgerLog(dataDir);
      expect({ ...where, ...problems }).toEqual({ ...where, ...NO_LOG_PROBLEMS });
      expect({ ...where, missing: acknowledgedCommandsMissing(events, acknowledged()) }).toEqual({ ...where, missing: [] });

      // The restarted server caught up with the log before it listened, and no command has come in
      // since: its read models must be what a rebuild of that same log makes.
      const afterRestart = readModelDigest(dataDir);
      previousRebuild = rebuilding.then((rebuilt) => {
        expect({ ...where, rebuild: rebuilt.code, output: rebuilt.stdout + rebuilt.stderr }).toMatchObject({ ...where, rebuild: 0 });
        expect({ ...where, readModels: readModelDigest(rebuildDir) }).toEqual({ ...where, readModels: afterRestart });
      });
      // Not left unhandled while the next round runs: it is awaited after that round's restart.
      previousRebuild.catch(() => undefined);

      summary.push({ round, killAfterMs, acknowledged: rounds.reduce((n, r) => n + r.acknowledged, 0), answerLost: rounds.reduce((n, r) => n + r.answerLost, 0), events: events.length });
    }
    await previousRebuild;

    // The commands the last kill cut off, sent again; then a clean stop, and the log checked once more.
    const finishing = clients.map((client) => client.run(server!, () => !client.pending));
    const last = await Promise.all(finishing);
    expect({ seed: SEED, unexpected: last.flatMap((r) => r.unexpected) }).toEqual({ seed: SEED, unexpected: [] });
    await server.stop('SIGTERM');
    expect(server.output).toMatch(/event store and read models closed cleanly/);
    const { events, problems } = checkLedgerLog(dataDir);
    expect({ seed: SEED, ...problems }).toEqual({ seed: SEED, ...NO_LOG_PROBLEMS });
    expect({ seed: SEED, missing: acknowledgedCommandsMissing(events, acknowledged()) }).toEqual({ seed: SEED, missing: [] });
    // And the transparency log the twenty kills left: its tiles and every checkpoint signed across
    // them, recomputed from the events by `ledger verify` (once: a CLI process, not one per round).
    const verified = await runLedgerVerify(dataDir);
    expect({ seed: SEED, verify: verified.code, output: verified.stdout + verified.stderr }).toMatchObject({ seed: SEED, verify: 0 });

    console.log(`server-kill9-under-load (seed ${SEED}): ${events.length} events; ${verified.stdout.trim()}; per round [kill after ms, acknowledged, answers lost]: ${summary.map((r) => `[${r.killAfterMs}, ${r.acknowledged}, ${r.answerLost}]`).join(' ')}`);
  }, 420_000);
});
