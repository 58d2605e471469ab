import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Feed } from 'feed';
import { MESSAGES, isLang, named, type Messages } from '../i18n/messages';
import { hrefTo } from '../layout';
import { anchorOf, decisionPath, measurePath } from '../pages/links';
import { PublicGraphql } from '../public-graphql';
import { recentEvents, type FeedEvent, type FeedFilter } from './recent-events';

/** What each feed follows, and how an event of it reads as an item. */
interface FeedKind {
  filters(id?: string): FeedFilter[];
  title(t: Messages, id?: string): string;
  item(t: Messages, event: FeedEvent): { title: string; path: string };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const tally = (value: unknown) => {
  const t = (value ?? {}) as { yes?: number; no?: number };
  return `${t.yes ?? 0}-${t.no ?? 0}`;
};

const FEEDS: Record<string, FeedKind> = {
  measures: {
    // Ordinances and resolutions are introduced; an executive order is drafted.
    filters: () => [{ type: 'MeasureIntroduced' }, { type: 'ExecutiveOrderDrafted' }],
    title: (t) => t.feeds.measures,
    item: (_t, e) => ({ title: `${text(e.data.measureId)}: ${text(e.data.title)}`, path: measurePath(text(e.data.measureId)) }),
  },
  votes: {
    filters: () => [{ type: 'VoteRecorded' }],
    title: (t) => t.feeds.votes,
    item: (t, e) => ({
      title: `${text(e.data.measureId)}, ${text(e.data.motion)}: ${named(t.resultName, text(e.data.result))} ${tally(e.data.tally)}`,
      path: `${measurePath(text(e.data.measureId))}#${anchorOf(text(e.data.voteId))}`,
    }),
  },
  decisions: {
    filters: () => [{ type: 'DataRequestDecided' }],
    title: (t) => t.feeds.decisions,
    item: (t, e) => ({ title: `${named(t.eventName, e.type)}: ${named(t.outcomeName, text(e.data.outcome))}`, path: decisionPath(text(e.data.decisionId)) }),
  },
  measure: {
    filters: (id) => [{ streamId: `measure-${id}` }],
    title: (t, id) => t.feeds.measure(id ?? ''),
    item: (t, e) => ({ title: named(t.eventName, e.type), path: measurePath(e.streamId.replace(/^measure-/, '')) }),
  },
};

const FORMATS = { atom: { type: 'application/atom+xml', render: (feed: Feed) => feed.atom1() }, rss: { type: 'application/rss+xml', render: (feed: Feed) => feed.rss2() } };

/**
 * RSS and Atom feeds (the `feed` package) of new measures, votes and decisions, and of one
 * measure's activity: /feeds/measures.atom, /feeds/votes.rss, /feeds/measures/CB17-0766.atom, in
 * the language of `?lang=`. Read through the public API, like every page.
 */
@Controller('feeds')
export class FeedsController {
  private readonly logger = new Logger('Feeds');

  constructor(private readonly api: PublicGraphql) {}

  @Get(':name')
  list(@Param('name') name: string, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const [kind, format] = name.split('.');
    return this.send(response, lang, kind === 'measure' ? undefined : FEEDS[kind], undefined, format);
  }

  @Get('measures/:name')
  measure(@Param('name') name: string, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const dot = name.lastIndexOf('.');
    return this.send(response, lang, FEEDS.measure, name.slice(0, dot), name.slice(dot + 1));
  }

  private async send(response: Response, langParam: unknown, kind: FeedKind | undefined, id: string | undefined, formatName: string): Promise<void> {
    const format = FORMATS[formatName as keyof typeof FORMATS];
    if (!kind || !format || (id !== undefined && id === '')) {
      response.status(404).type('text/plain').send('no such feed: try /feeds/measures.atom, /feeds/votes.rss or /feeds/measures/<id>.atom\n');
      return;
    }
    const lang = isLang(langParam) ? langParam : 'en';
    const t = MESSAGES[lang];
    const base = baseUrlOf(response.req);
    try {
      if (id !== undefined) {
        const exists = await this.api.query<{ measure: { id: string } | null }>('query FeedMeasure($id: ID!) { measure(id: $id) { id } }', { id });
        if (!exists.measure) {
          response.status(404).type('text/plain').send(`no measure ${id}\n`);
          return;
        }
      }
      const events = await recentEvents(this.api, kind.filters(id));
      const feed = new Feed({
        title: `${kind.title(t, id)} | ${t.siteName}`,
        id: `${base}${response.req.originalUrl}`,
        link: `${base}${hrefTo(id ? measurePath(id) : '/', lang)}`,
        language: lang,
        copyright: t.feeds.rights,
        updated: events[0] ? new Date(events[0].recordedAt) : new Date(0),
      });
      for (const event of events) {
        const item = kind.item(t, event);
        feed.addItem({ title: item.title, id: `urn:uuid:${event.id}`, link: `${base}${hrefTo(item.path, lang)}`, date: new Date(event.recordedAt), published: new Date(event.occurredAt) });
      }
      response.status(200).type(format.type).setHeader('Cache-Control', 'max-age=60');
      response.send(format.render(feed));
    } catch (error) {
      this.logger.error(`feed failed: ${(error as Error).message}`);
      response.status(503).type('text/plain').send(`${t.error.unavailable}\n`);
    }
  }
}

/** The address readers reached the server at (behind a trusted proxy: what it says). */
export function baseUrlOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
