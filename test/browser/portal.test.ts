/// <reference lib="dom" />
/**
 * The public portal in a real browser (Debian's Chromium, driven by playwright-core) against the
 * built server seeded with the Denver demo: every page shows the demo's real content, checked
 * against what the public GraphQL API answers; navigation with and without JavaScript; the
 * language switch; axe-core finds no serious or critical violation in either language; and
 * screenshots of the key pages at 375 and 1280 px are written to test/browser/artifacts/.
 */
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ORDINANCE, SHERIFF } from '@ledger/scenarios';
import { LedgerServer, ROOT, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = join(ROOT, 'test', 'browser', 'artifacts');

// CI installs Chromium (.ci/run); a developer without it is told so, and CI never skips.
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`);
if (!hasChromium) console.warn(`portal browser tests: SKIPPED: no ${CHROMIUM} (apt-get install -y chromium)`);
const describeWithChromium = hasChromium ? describe : describe.skip;

const FINAL_PASSAGE = `vote:${ORDINANCE}:4`;

describeWithChromium('the public portal in Chromium (seeded demo, built server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let browser: Browser;
  let decisionId: string;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-portal-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    server = await LedgerServer.start(dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    decisionId = (await server.gql('{ decisions(first: 1) { edges { node { id } } } }')).data.decisions.edges[0].node.id;
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number; bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; status: number }> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 }, bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    const response = await page.goto(`${server.base}${path}`);
    return { context, page, status: response!.status() };
  }

  it('home: the policy in force today, the counts and recent activity, as the API answers them', async () => {
    const { context, page, status } = await open('/');
    try {
      expect(status).toBe(200);
      expect(await page.title()).toBe('What the city has decided | Public record of city decisions');
      const api = (await server.gql('{ measures(first: 1) { totalCount } decisions(first: 1) { totalCount } measure(id: "CB17-0766") { title } }')).data;
      const main = await page.locator('main').innerText();
      expect(main).toContain(api.measure.title);
      expect(main).toContain(`${api.measures.totalCount} measures`);
      expect(main).toContain(`${api.decisions.totalCount} decisions on data requests`);
      expect(await page.locator('#recent ~ ul li').count()).toBeGreaterThan(0);
      expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe('/');
    } finally {
      await context.close();
    }
  });

  it('the home page\'s recent activity updates itself while it is open (scripts on)', async () => {
    const { context, page } = await open('/');
    try {
      const before = (await page.locator('[data-live=counts]').textContent())!;
      const token = await mintToken(dataDir, 'clerk');
      const recorded = await server.gql('mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { events { sequence } } }', { input: { id: 'person:live-update-test', name: 'Live Update Test (illustrative)' } }, token);
      expect(recorded.errors).toBeUndefined();
      await page.waitForFunction((text) => document.querySelector('[data-live=counts]')?.textContent !== text, before, { timeout: 25_000 });
      expect(await page.locator('[data-live=recent] li').first().innerText()).toMatch(/^Person registered, /);
    } finally {
      await context.close();
    }
  }, 40_000);

  it('a measure page: its status in plain words, the 10-0 final passage with its roll call, each clause and its versions', async () => {
    const { context, page, status } = await open(`/measures/${ORDINANCE}`);
    try {
      expect(status).toBe(200);
      const { vote, measure } = (await server.gql(`query($vote: ID!, $id: ID!) {
        vote(id: $vote) { tally { yes no } rollCall { person { name } choice } }
        measure(id: $id) { title status clauses { clause { id versions { text } } } }
      }`, { vote: FINAL_PASSAGE, id: ORDINANCE })).data;
      expect(await page.locator('h1').innerText()).toBe(measure.title);
      expect(measure.status).toBe('ENACTED');
      expect(await page.locator('.usa-summary-box').innerText()).toContain('It is law');
      const finalPassage = page.locator(`#${FINAL_PASSAGE.replace(/[^A-Za-z0-9-]/g, '-')}`);
      expect(await finalPassage.innerText()).toContain(`${vote.tally.yes}-${vote.tally.no}`);
      expect(`${vote.tally.yes}-${vote.tally.no}`).toBe('10-0');
      expect(await finalPassage.innerText()).toContain('10 of 13 members present; 6 yes votes needed');
      // Every member of the roll call, with how they voted.
      const cast = await finalPassage.locator('.roll-call li').allInnerTexts();
      expect(cast.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(
        vote.rollCall.map((c: { person: { name: string }; choice: string }) => `${c.person.name} ${{ YES: 'Yes', NO: 'No', ABSENT: 'Absent', ABSTAIN: 'Abstain', RECUSED: 'Recused' }[c.choice]}`),
      );
      const clauses = await page.locator('#clauses ~ section').allInnerTexts();
      const texts = measure.clauses.flatMap((c: { clause: { versions: Array<{ text: string }> } }) => c.clause.versions.map((v) => v.text));
      for (const text of texts) expect(clauses.join('\n')).toContain(text);
    } finally {
      await context.close();
    }
  });

  it('a decision page: the request, who decided, the clause as in force that day, the vote that adopted it, the signature, the finding', async () => {
    const { context, page, status } = await open(`/decisions/${decisionId}`);
    try {
      expect(status).toBe(200);
      const { decision } = (await server.gql(`query($id: ID!) { decision(id: $id) {
        decidedBy { name } decidingOrganization { name } request { requestingOrganization { name } }
        citations { text adoptedBy { id } } compliance { status findings { explanation } }
      } }`, { id: decisionId })).data;
      const steps = await page.locator('ol.usa-process-list > li').allInnerTexts();
      expect(steps[0]).toContain(decision.request.requestingOrganization.name);
      expect(steps[1]).toContain(decision.decidedBy.name);
      expect(steps[1]).toContain(decision.decidingOrganization.name);
      const chain = steps.join('\n');
      for (const citation of decision.citations) expect(chain).toContain(citation.text);
      expect(chain).toContain('Signed by Michael Hancock');
      for (const finding of decision.compliance.findings) expect(chain).toContain(finding.explanation);
      // The clause links to its measure page, at the clause.
      const clauseLink = page.locator('ol.usa-process-list > li').nth(2).locator('a').first();
      await clauseLink.click();
      await page.waitForURL(/\/measures\/CB17-0766#/);
      expect(await page.locator('h1').innerText()).toBe('Public Safety Enforcement Priority Act');
    } finally {
      await context.close();
    }
  });

  it('a clause page: the text in force on any date, a word diff between two versions, the decisions that cited it', async () => {
    const clauseId = `${ORDINANCE}#sec_4`;
    const { clause } = (await server.gql(`query($id: ID!) { clause(id: $id) {
      versions { version text } before: inForce(on: "2017-12-01") { version text } none: inForce(on: "2016-01-01") { version }
      citations(first: 100) { edges { node { id } } }
    } }`, { id: clauseId })).data;
    expect(clause.versions.length).toBe(2);
    const { context, page, status } = await open(`/measures/${ORDINANCE}/clauses/sec_4?asOf=2017-12-01`);
    try {
      expect(status).toBe(200);
      expect(await page.locator('#as-of ~ blockquote, section[aria-labelledby=as-of] blockquote').first().innerText()).toBe(clause.before.text);
      // By default the latest version against the one before, word by word.
      const diff = page.locator('[data-diff]');
      const added = (await diff.locator('ins').allInnerTexts()).join(' ');
      const removed = (await diff.locator('del').allInnerTexts()).join(' ');
      expect(added).toMatch(/in writing/);
      expect(`${removed} ${added}`.length).toBeGreaterThan(0);
      for (const { node } of clause.citations.edges) expect(await page.locator(`section[aria-labelledby=citations] a[href^="/decisions/${node.id}"]`).count()).toBe(1);

      // Nothing was in force before the ordinance: the page says so rather than show a text.
      await page.locator('#asOf').fill('2016-01-01');
      await page.locator('section[aria-labelledby=as-of] button').click();
      await page.waitForURL(/asOf=2016-01-01/);
      expect(clause.none).toBeNull();
      expect(await page.locator('section[aria-labelledby=as-of]').innerText()).toContain('No version of this clause was in force on that day.');
    } finally {
      await context.close();
    }
    // The measure page marks the versions in force on the chosen date, as the API's clauses(on:) lists them.
    const { measure } = (await server.gql(`query($id: ID!) { measure(id: $id) { clauses(on: "2017-12-01") { version } } }`, { id: ORDINANCE })).data;
    const measurePage = await open(`/measures/${ORDINANCE}?asOf=2017-12-01`);
    try {
      expect(await measurePage.page.locator('[data-in-force]').count()).toBe(measure.clauses.length);
    } finally {
      await measurePage.context.close();
    }
  });

  it('a clause page lists the decisions judged against it, cited or not, with the finding; the register filters by either relation', async () => {
    // Section 2(b): the demo's violation was judged against it while citing only section 3.
    const clauseId = `${ORDINANCE}#sec_2__subsec_b`;
    const { clause, violations } = (await server.gql(`query($id: ID!) {
      clause(id: $id) { citations(first: 100) { totalCount edges { node { id } } } judgedDecisions(first: 100) { totalCount edges { node { id } } } }
      violations: decisions(filter: { clauseId: $id, clauseRelation: JUDGED_AGAINST, complianceStatus: VIOLATION }) { edges { node { id } } }
    }`, { id: clauseId })).data;
    const cited = clause.citations.edges.map((e: any) => e.node.id);
    const judged = clause.judgedDecisions.edges.map((e: any) => e.node.id);
    const violation = violations.edges.map((e: any) => e.node.id).find((id: string) => !cited.includes(id));
    expect(violation).toBeDefined();
    const { context, page, status } = await open(`/measures/${ORDINANCE}/clauses/sec_2__subsec_b`);
    try {
      expect(status).toBe(200);
      const listed = await page.locator('[data-judged] li a[href^="/decisions/decision:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace('/decisions/', '')));
      expect(listed).toEqual(judged);
      // The finding on this clause beside each, and the violation among them though it is not among the citing decisions.
      expect(await page.locator('[data-judged] li [data-finding]').count()).toBe(judged.length);
      expect(await page.locator(`[data-judged] li:has(a[href="/decisions/${violation}"]) [data-finding]`).innerText()).toBe('on this clause: Violated the law (version 1)');
      expect(await page.locator(`section[aria-labelledby=citations] a[href="/decisions/${violation}"]`).count()).toBe(0);

      // To the register, filtered by the clause and this relation; then by the citing relation instead.
      const rows = () => page.locator('table[data-register] tbody tr').count();
      await page.locator('section[aria-labelledby=judged] a[href^="/decisions?"]').click();
      await page.waitForURL(/relation=JUDGED_AGAINST/);
      expect(await rows()).toBe(clause.judgedDecisions.totalCount);
      expect(await page.locator('#relation').inputValue()).toBe('JUDGED_AGAINST');
      await page.locator('#relation').selectOption('CITED');
      await page.locator('form[role=search] button[type=submit]').click();
      await page.waitForURL(/relation=CITED/);
      expect(await rows()).toBe(clause.citations.totalCount);
      await page.locator('#relation').selectOption('EITHER');
      await page.locator('form[role=search] button[type=submit]').click();
      await page.waitForURL(/relation=EITHER/);
      expect(await rows()).toBe(new Set([...cited, ...judged]).size);
    } finally {
      await context.close();
    }
    // In Spanish too.
    const es = await open(`/measures/${ORDINANCE}/clauses/sec_2__subsec_b?lang=es`);
    try {
      expect(await es.page.locator('#judged').innerText()).toBe('Decisiones evaluadas conforme a esta cláusula');
      expect(await es.page.locator(`[data-judged] li:has(a[href^="/decisions/${violation}"]) [data-finding]`).innerText()).toBe('sobre esta cláusula: Infringió la ley (versión 1)');
    } finally {
      await es.context.close();
    }
  });

  it('a person page (offices, voting record, decisions) and an organization page (members on a date, a department\'s decisions)', async () => {
    const memberId = 'person:illustrative-council-member-a';
    const api = (await server.gql(`query($person: ID!, $council: ID!, $sheriff: ID!) {
      person(id: $person) { name memberships { organization { name } } votes(first: 100) { totalCount } }
      council: organization(id: $council) { name members(on: "2017-08-28") { person { name } } }
      sheriff: decisions(filter: { decidingOrganizationId: $sheriff }, first: 100) { totalCount }
    }`, { person: memberId, council: 'org:denver-city-council', sheriff: SHERIFF })).data;
    const person = await open(`/people/${memberId}`);
    try {
      expect(person.status).toBe(200);
      expect(await person.page.locator('h1').innerText()).toBe(api.person.name);
      expect(await person.page.locator('#votes ~ div table tbody tr').count()).toBe(api.person.votes.totalCount);
      for (const m of api.person.memberships) expect(await person.page.locator('main').innerText()).toContain(m.organization.name);
    } finally {
      await person.context.close();
    }
    const council = await open('/organizations/org:denver-city-council?on=2017-08-28');
    try {
      expect(await council.page.locator('h1').innerText()).toBe(api.council.name);
      const members = await council.page.locator('[data-members] li a').allInnerTexts();
      expect(members.sort()).toEqual(api.council.members.map((m: { person: { name: string } }) => m.person.name).sort());
    } finally {
      await council.context.close();
    }
    const sheriff = await open(`/organizations/${SHERIFF}`);
    try {
      expect(await sheriff.page.locator('#decisions + ul li').count()).toBe(api.sheriff.totalCount);
    } finally {
      await sheriff.context.close();
    }
  });

  it('the verify page checks an event\'s proof in the browser, and refuses a tampered proof file or another key', async () => {
    const { edges } = (await server.gql('{ events(first: 100, filter: { type: "DataRequestReceived" }) { edges { node { id sequence } } } }')).data.events;
    const { id, sequence } = edges[0].node;
    const proofResponse = await fetch(`${server.base}/log/proof/${id}`);
    expect(proofResponse.status).toBe(200);
    const proofText = await proofResponse.text();
    expect(proofText.startsWith('c2sp.org/tlog-proof@v1\n')).toBe(true);
    expect((await fetch(`${server.base}/log/proof/01a243e4-9576-72aa-8300-000000000000`)).status).toBe(404);

    const { context, page } = await open(`/verify?event=${id}`);
    const result = page.locator('#verify-result');
    const check = async () => {
      await page.locator('form[data-verify] button[type=submit]').click();
      await page.waitForSelector('#verify-result[data-result]');
      const outcome = await result.getAttribute('data-result');
      const text = await result.innerText();
      await result.evaluate((node) => node.removeAttribute('data-result'));
      return { outcome, text };
    };
    try {
      await page.waitForFunction(() => (document.querySelector('#vkey') as HTMLInputElement | null)?.value.includes('+'));
      const intact = await check();
      expect(intact.outcome).toBe('verified');
      expect(intact.text).toContain(`DataRequestReceived ${id}: is entry ${sequence} of the signed tree of`);
      expect(intact.text).toContain('The data this ledger serves for the event is the data the signed entry commits to');

      // One byte of the audit path changed, in a file the reader chose: not verified.
      const lines = proofText.split('\n');
      lines[3] = Buffer.from(Buffer.from(lines[3], 'base64').map((byte, i) => (i === 0 ? byte ^ 1 : byte))).toString('base64');
      await page.locator('#proof').setInputFiles({ name: 'tampered.tlog-proof', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
      const tampered = await check();
      expect(tampered.outcome).toBe('not-verified');

      // The intact file, but checked against another log's key: not verified either.
      await page.locator('#proof').setInputFiles({ name: 'intact.tlog-proof', mimeType: 'text/plain', buffer: Buffer.from(proofText) });
      expect((await check()).outcome).toBe('verified');
      const vkey = await page.locator('#vkey').inputValue();
      const [name] = vkey.split('+');
      await page.locator('#vkey').fill(`${name}+00000000+AT3RKdp+dU9Pfwsvvd9p6fgA8Z+FAkmQWr9yRmtG5Qsl`);
      expect((await check()).outcome).toBe('not-verified');
    } finally {
      await context.close();
    }

    const withoutScripts = await open(`/verify?event=${id}`, { javaScriptEnabled: false });
    try {
      expect(await withoutScripts.page.locator('form[data-verify]').isVisible()).toBe(false);
      expect(await withoutScripts.page.locator('main').innerText()).toContain('needs JavaScript');
    } finally {
      await withoutScripts.context.close();
    }
  });

  it('the measures list: search, a sponsor (from the person\'s page) and a date in force, as the API filters them', async () => {
    const sponsor = (await server.gql(`{ measure(id: "${ORDINANCE}") { sponsors { id name } } }`)).data.measure.sponsors[0];
    const count = async (filter: Record<string, string>) => (await server.gql('query($f: MeasureFilter) { measures(filter: $f, first: 1) { totalCount } }', { f: filter })).data.measures.totalCount;
    const items = (page: Page) => page.locator('main ul.usa-collection > li').count();
    const person = await open(`/people/${sponsor.id}`);
    try {
      await person.page.getByRole('link', { name: 'Measures sponsored' }).click();
      await person.page.waitForURL(/\/measures\?sponsor=/);
      expect(await items(person.page)).toBe(await count({ sponsorId: sponsor.id }));
      expect(await person.page.locator('main').innerText()).toContain(`Only measures sponsored by ${sponsor.id}`);
    } finally {
      await person.context.close();
    }
    for (const [query, filter] of [['text=immigration', { text: 'immigration' }], ['inForceOn=2016-01-01', { inForceOn: '2016-01-01' }], ['inForceOn=2018-06-01&kind=ORDINANCE', { inForceOn: '2018-06-01', kind: 'ORDINANCE' }]] as const) {
      const list = await open(`/measures?${query}`);
      try {
        expect({ query, items: await items(list.page) }).toEqual({ query, items: await count(filter) });
      } finally {
        await list.context.close();
      }
    }
  });

  it('the decisions register: a chart by month and outcome, and filters by outcome, month and department, as the API counts them', async () => {
    const all = (await server.gql('{ decisions(first: 100) { totalCount edges { node { decidedAt outcome decidingOrganization { id } } } } }')).data.decisions;
    const denverMonth = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver', year: 'numeric', month: '2-digit' }).format(new Date(iso));
    const rows = (page: Page) => page.locator('table[data-register] tbody tr').count();
    const register = await open('/decisions');
    try {
      expect(await rows(register.page)).toBe(all.totalCount);
      // The chart's counts add up to every decision, month by month as the city's calendar has them.
      const months = new Map<string, number>();
      for (const { node } of all.edges) months.set(denverMonth(node.decidedAt), (months.get(denverMonth(node.decidedAt)) ?? 0) + 1);
      for (const [month, count] of months) {
        const cells = await register.page.locator(`[data-chart] tr[data-month="${month}"] td`).allInnerTexts();
        expect({ month, count: cells.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) }).toEqual({ month, count });
      }
      // A department's name filters the register to its decisions.
      const department = all.edges[0].node.decidingOrganization.id;
      await register.page.locator('table[data-register] tbody tr').first().locator(`a[href*="department="]`).click();
      await register.page.waitForURL(/department=/);
      expect(await rows(register.page)).toBe(all.edges.filter((e: any) => e.node.decidingOrganization.id === department).length);
    } finally {
      await register.context.close();
    }
    for (const [query, expected] of [
      ['outcome=GRANTED', all.edges.filter((e: any) => e.node.outcome === 'GRANTED').length],
      [`month=${denverMonth(all.edges[0].node.decidedAt)}`, all.edges.filter((e: any) => denverMonth(e.node.decidedAt) === denverMonth(all.edges[0].node.decidedAt)).length],
      ['month=2016-01', 0],
    ] as const) {
      const filtered = await open(`/decisions?${query}`);
      try {
        expect({ query, rows: await rows(filtered.page) }).toEqual({ query, rows: expected });
        expect(await filtered.page.locator('[role=status]').innerText()).toBe(`${expected} ${expected === 1 ? 'decision' : 'decisions'}`);
      } finally {
        await filtered.context.close();
      }
    }
  });

  it('navigates from the home page to a decision with JavaScript off, and in Spanish keeps the language on every link', async () => {
    const { context, page } = await open('/?lang=es', { javaScriptEnabled: false });
    try {
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await page.locator('h1').innerText()).toBe('Lo que la ciudad ha decidido');
      await page.getByRole('link', { name: 'Decisiones', exact: true }).click();
      await page.waitForURL(/\/decisions\?lang=es$/);
      expect(await page.locator('h1').innerText()).toBe('Decisiones sobre solicitudes de datos');
      await page.locator('table a').first().click();
      await page.waitForURL(/\/decisions\/decision:.*\?lang=es$/);
      expect(await page.locator('h1').innerText()).toMatch(/^Decisión de /);
      expect(await page.locator('main').innerText()).toContain('¿Se cumplió la ley?');
    } finally {
      await context.close();
    }
  });

  it('switches language and keeps the page, with the lang attribute right', async () => {
    const { context, page } = await open(`/measures/${ORDINANCE}`);
    try {
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.locator('[data-language-switch]').click();
      await page.waitForURL(new RegExp(`/measures/${ORDINANCE}\\?lang=es$`));
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await page.locator('.usa-summary-box').innerText()).toContain('Es ley');
      // The record's own text stays as recorded.
      expect(await page.locator('h1').innerText()).toBe('Public Safety Enforcement Priority Act');
      await page.locator('[data-language-switch]').click();
      await page.waitForURL(new RegExp(`/measures/${ORDINANCE}$`));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('says plainly when there is nothing at an address, in the page\'s language, with a 404', async () => {
    for (const [path, heading] of [['/measures/CB99-0001', 'Not found'], ['/decisions/decision:00000000-0000-4000-8000-000000000099?lang=es', 'No encontrado']]) {
      const { context, page, status } = await open(path);
      try {
        expect({ path, status }).toEqual({ path, status: 404 });
        expect(await page.locator('h1').innerText()).toBe(heading);
      } finally {
        await context.close();
      }
    }
    expect(server.output).not.toMatch(/portal page failed/);
  });

  it('passes axe-core with no serious or critical violation on every page in both languages', async () => {
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const paths = ['/', '/verify', '/measures', `/measures/${ORDINANCE}`, `/measures/${ORDINANCE}/clauses/sec_4`, '/decisions', `/decisions?clause=${ORDINANCE}%23sec_2__subsec_b&relation=JUDGED_AGAINST`, `/decisions/${decisionId}`, '/people/person:illustrative-council-member-a', '/organizations/org:denver-city-council'];
    const problems: string[] = [];
    for (const lang of ['en', 'es']) {
      for (const path of paths) {
        const url = lang === 'en' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=es`;
        // axe is injected by the test, which the page's own Content-Security-Policy would refuse.
        const { context, page } = await open(url, { bypassCSP: true });
        try {
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(async () => {
            const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run();
            return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
          });
          for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) problems.push(`${url}: ${v.id} (${v.impact}, ${v.nodes} nodes)`);
        } finally {
          await context.close();
        }
      }
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it('writes screenshots of the key pages at 375 and 1280 px (test/browser/artifacts/)', async () => {
    const pages = { home: '/', measure: `/measures/${ORDINANCE}`, decision: `/decisions/${decisionId}`, 'measure-es': `/measures/${ORDINANCE}?lang=es` };
    for (const width of [375, 1280]) {
      for (const [name, path] of Object.entries(pages)) {
        const { context, page } = await open(path, { width });
        try {
          const file = join(ARTIFACTS, `${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
          // Usable at 375 px: nothing wider than the screen.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
        } finally {
          await context.close();
        }
      }
    }
  }, 60_000);
});
