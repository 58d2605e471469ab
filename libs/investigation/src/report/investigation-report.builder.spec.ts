import { EventSchemaRegistry } from '@ledger/event-schemas';
import {
  DataRequestQueries,
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
  dataRequestsProjection,
  directoryProjection,
  eventLogProjection,
  legislationProjection,
} from '@ledger/projections';
import { DataRequestHistory, LegislationHistory, ReadModelHarness, decisionIdOf, fixtureSubjectRef, fixtureUuid, type FixtureActor } from '@ledger/read-model-testing';
import { ANONYMOUS, PublicView, type Viewer } from '../public-view/public-view';
import { TraceService } from '../trace/trace.service';
import { renderHtml } from './html.renderer';
import { buildInvestigationReport } from './investigation-report.builder';
import { renderMarkdown } from './markdown.renderer';

const ana: FixtureActor = { id: 'person:officer-ana', name: 'Ana Officer', role: 'officer' };
const R1 = fixtureUuid(1);
const SUBJECT_REF = fixtureSubjectRef(R1);
const DETAILS = { algorithm: 'AES-256-GCM' as const, keyId: SUBJECT_REF, iv: 'aXY=', ciphertext: 'Y2lwaGVydGV4dC1vZi1kZXRhaWxz', tag: 'dGFn' };
const HOUR = 3_600_000;

/** A sheriff's officer denies an agency's request about one resident, whose personal details were recorded. */
function ledger() {
  const history = new LegislationHistory();
  history.person(ana.id, ana.name);
  history.organization('org:sheriff', 'Sheriff', 'DEPARTMENT').organization('org:ice', 'ICE', 'EXTERNAL_AGENCY');
  history.membership('org:sheriff', ana.id, 'officer', '2017-01-01');
  new DataRequestHistory(history.events)
    .receive(R1, { requestingOrgId: 'org:ice', receivingOrgId: 'org:sheriff', dataCategories: ['address'], personalDetails: DETAILS }, ana, '2017-10-02T18:00:00Z')
    .decide(R1, { outcome: 'DENIED', disclosedCategories: [], citations: [] }, ana, '2017-10-03T18:00:00Z');
  return history.events;
}

describe('the investigation report shows its viewer what the public view allows (real read models)', () => {
  let harness: ReadModelHarness;
  let report: (viewer: Viewer) => ReturnType<typeof buildInvestigationReport>;

  beforeAll(async () => {
    harness = ReadModelHarness.create([eventLogProjection, directoryProjection, legislationProjection, dataRequestsProjection], 'ledger-report-');
    await harness.record(ledger());
    const sources = {
      eventLog: new EventLogQueries(harness.db),
      directory: new DirectoryQueries(harness.db),
      legislation: new LegislationQueries(harness.db),
      dataRequests: new DataRequestQueries(harness.db),
      view: new PublicView(EventSchemaRegistry.fromDirectory()),
    };
    const traces = new TraceService(sources.eventLog, sources.directory, sources.legislation, sources.dataRequests, sources.view);
    report = (viewer) => buildInvestigationReport(traces.trace(decisionIdOf(R1), viewer), sources, { generatedAt: '2026-01-01T00:00:00.000Z', ledgerSize: 99 });
  });
  afterAll(() => harness.close());

  /** every rendering of the report, as one text */
  const renderings = (viewer: Viewer) => {
    const r = report(viewer);
    return [JSON.stringify(r), renderMarkdown(r), renderHtml(r)].join('\n');
  };

  it('gives oversight the subject reference, and never a personal detail', () => {
    const r = report({ role: 'oversight', restrictedUntil: Date.now() + HOUR });
    expect(r.restrictedIncluded).toBe(true);
    expect(r.decisions.map((d) => d.subjectRef)).toEqual([SUBJECT_REF]);
    const text = renderings({ role: 'oversight', restrictedUntil: Date.now() + HOUR });
    expect(text).toContain(SUBJECT_REF);
    expect(text).not.toContain(DETAILS.ciphertext);
  });

  it.each<[string, Viewer]>([
    ['anonymous', ANONYMOUS],
    ['an officer', { role: 'officer', restrictedUntil: Date.now() + HOUR }],
    ['oversight whose token expired', { role: 'oversight', restrictedUntil: Date.now() - 1 }],
  ])('withholds the subject reference from %s, in every rendering', (_, viewer) => {
    const r = report(viewer);
    expect(r.restrictedIncluded).toBe(false);
    expect(r.decisions.map((d) => d.subjectRef)).toEqual([null]);
    const text = renderings(viewer);
    expect(text).not.toContain(SUBJECT_REF);
    expect(text).not.toContain(DETAILS.ciphertext);
    expect(text).toContain('DENIED');
  });
});
