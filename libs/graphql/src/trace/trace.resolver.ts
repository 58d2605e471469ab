import { Args, Context, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { MalformedTraceId, TraceService, TraceSubjectNotFound, type TraceView } from '@ledger/investigation';
import { EventLogQueries, LegislationQueries } from '@ledger/projections';
import { viewerOf, type RequestContext } from '../auth/request-context';
import { eventsByIdLoader, votesLoader } from '../legislation/legislation.loaders';
import { NodeInterface } from '../relay/node.interface';
import { TraceModel } from './trace.model';
import { LedgerEventsResolver } from '../event-log/ledger-events.resolver';
import { dangling } from '../dangling';
import { toClauseVersionModel, toVoteModel } from '../legislation/legislation.mapper';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';
import { toDecisionModel } from '../data-requests/data-requests.mapper';

/**
 * trace(id), served from the TraceService as the caller may see it. Its events become LedgerEvents,
 * whose payloads reach the caller through LedgerEvent.data and the same public view.
 */
@Resolver(() => TraceModel)
export class TraceResolver {
  constructor(
    private readonly traces: TraceService,
    private readonly nodes: LedgerEventsResolver,
    private readonly eventLog: EventLogQueries,
    private readonly legislation: LegislationQueries,
  ) {}

  @Query(() => TraceModel, { description: 'everything that led to a node; NOT_FOUND when there is no such node' })
  trace(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): TraceModel {
    const result = this.traceOf(id, context);
    // The rows are in hand: nested fields (ClauseVersion.event, adoptedBy, ...) then need no query.
    const events = eventsByIdLoader(context.loaders, this.eventLog);
    for (const event of result.events) events.prime(event.eventId, event);
    const votes = votesLoader(context.loaders, this.legislation);
    for (const vote of result.votes) votes.prime(vote.id, vote);
    // A decision's trace holds its row (TraceView.decisions): its subject needs no second read and
    // parse of the decision (its compliance findings are most of a trace's own rows).
    const decision = result.subject.kind === 'decision' ? result.decisions.find((row) => row.id === result.subject.id) : undefined;
    return Object.assign(new TraceModel(), {
      subjectId: result.subject.id,
      subjectNode: decision && toDecisionModel(decision),
      events: result.events.map(toLedgerEventModel),
      actors: result.actors.map((actor) => ({ ...actor })),
      clauses: result.clauses.map(toClauseVersionModel),
      votes: result.votes.map(toVoteModel),
    });
  }

  @ResolveField(() => NodeInterface, { description: 'the node traced' })
  subject(trace: TraceModel): NodeInterface {
    return trace.subjectNode ?? this.nodes.node(trace.subjectId) ?? dangling('a trace', trace.subjectId);
  }

  private traceOf(id: string, context: RequestContext): TraceView {
    try {
      return this.traces.trace(id, viewerOf(context));
    } catch (error) {
      if (error instanceof MalformedTraceId) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
      if (error instanceof TraceSubjectNotFound) throw new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND' } });
      throw error;
    }
  }
}
