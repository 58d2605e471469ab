import { Controller, Get, Inject, Logger, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/config';
import { isCalendarDate } from '@ledger/domain';
import { PortalFormat } from './format';
import { html } from './html';
import { isLang } from './i18n/messages';
import { hrefTo, layout, type Page } from './layout';
import { clausePage } from './pages/clause.page';
import { decisionPage } from './pages/decision.page';
import { decisionsPage } from './pages/decisions.page';
import { organizationPage, personPage } from './pages/directory.pages';
import { homePage } from './pages/home.page';
import { measurePage } from './pages/measure.page';
import { measuresPage } from './pages/measures.page';
import { verifyPage } from './pages/verify.page';
import { PortalNotFound, PublicGraphql } from './public-graphql';

type PageQuery = Record<string, unknown>;
/** One value of a query parameter; a repeated or missing one is none. */
const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** An as-of date from the address: a real calendar day (YYYY-MM-DD, the domain's rule), or none. */
const isoDate = (value: unknown): string | undefined => (isCalendarDate(value) ? value : undefined);

/**
 * The public transparency portal at `/`: server-rendered pages, usable with scripts off, in English
 * or Spanish (`?lang=es`), read through the public GraphQL API only (PublicGraphql).
 */
@Controller()
export class PortalController {
  private readonly logger = new Logger('Portal');

  constructor(
    private readonly api: PublicGraphql,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  home(@Query() query: PageQuery, @Res() response: Response): Promise<void> {
    return this.render(response, query, (f) => homePage(this.api, f, { asOf: isoDate(query.asOf) }));
  }

  @Get('measures')
  measures(@Query() query: PageQuery, @Res() response: Response): Promise<void> {
    const search = { text: one(query.text), kind: one(query.kind), status: one(query.status), sponsor: one(query.sponsor), inForceOn: isoDate(query.inForceOn), after: one(query.after) };
    return this.render(response, query, (f) => measuresPage(this.api, f, search));
  }

  @Get('measures/:id')
  measure(@Param('id') id: string, @Query() query: PageQuery, @Res() response: Response): Promise<void> {
    return this.render(response, query, (f) => measurePage(this.api, f, id, { asOf: isoDate(query.asOf) }));
  }

  @Get('measures/:measureId/clauses/:eId')
  clause(@Param('measureId') measureId: string, @Param('eId') eId: string, @Query() query: PageQuery, @Res() response: Response): Promise<void> {
    const version = (value: unknown) => (typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined);
    return this.render(response, query, (f) => clausePage(this.api, f, measureId, eId, { asOf: isoDate(query.asOf), from: version(query.from), to: version(query.to) }));
  }

  @Get('people/:id')
  person(@Param('id') id: string, @Query() query: PageQuery, @Res() response: Response): Promise<void> {
    return this.render(response, query, (f) => personPage(this.api, f, id));
  }

  @Get('organizations/:id')
  organization(@Param('id') id: string, @Query() query: PageQuery, @Res() response: Response): Promise<void> {
    return this.render(response, query, (f) => organizationPage(this.api, f, id, { on: isoDate(query.on) }));
  }

  @Get('verify')
  verify(@Query() query: PageQuery, @Res() response: Response): Promise<void> {
    return this.render(response, query, async (f) => verifyPage(f, one(query.event)));
  }

  @Get('decisions')
  decisions(@Query() query: PageQuery, @Res() response: Response): Promise<void> {
    const search = { department: one(query.department), agency: one(query.agency), outcome: one(query.outcome), compliance: one(query.compliance), everViolation: one(query.everViolation), clause: one(query.clause), relation: one(query.relation), month: one(query.month), after: one(query.after) };
    return this.render(response, query, (f) => decisionsPage(this.api, f, search));
  }

  @Get('decisions/:id')
  decision(@Param('id') id: string, @Query() query: PageQuery, @Res() response: Response): Promise<void> {
    return this.render(response, query, (f) => decisionPage(this.api, f, id));
  }

  /** The page, or a page that says plainly what went wrong (never a blank page or a stack trace). */
  private async render(response: Response, query: PageQuery, build: (f: PortalFormat) => Promise<Page>): Promise<void> {
    const lang = isLang(query.lang) ? query.lang : 'en';
    const f = new PortalFormat(lang, this.config.timeZone);
    response.setHeader('Cache-Control', 'no-cache');
    try {
      response.status(200).type('html').send(layout(f, await build(f)));
    } catch (error) {
      const notFound = error instanceof PortalNotFound;
      // An unknown id is a reader's typo, not a fault; anything else is, and is logged once here.
      if (!notFound) this.logger.error(`portal page failed: ${(error as Error).message}`);
      const t = f.t.error;
      const [title, text] = notFound ? [t.notFoundTitle, t.notFound] : [t.unavailableTitle, t.unavailable];
      const main = html`<h1>${title}</h1><p>${text}</p><p><a class="usa-link" href="${hrefTo('/', f.lang)}">${t.backHome}</a></p>`;
      response.status(notFound ? 404 : 503).type('html').send(layout(f, { title, path: response.req.path, main }));
    }
  }
}
