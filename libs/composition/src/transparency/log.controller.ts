import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { storedLogEntry, type EventStore } from '@ledger/event-store';
import { FULL_TILE_WIDTH, MalformedTilePath, encodeEntryBundle, parseTilePath, utf8 } from '@ledger/integrity';
import { RAW_EVENT_STORE } from '../ledger-core.module';
import { EventLogQueries } from '@ledger/projections';
import { TRANSPARENCY_LOG, type LogKeyInfo, type TransparencyLog } from '@ledger/transparency-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The log as c2sp.org/tlog-tiles serves it, so that any copy of these files (a mirror, a CDN, a
 * journalist's disk) can be checked with the city's server switched off: the latest checkpoint
 * (changes, short cache), the hash tiles (never change once served, long cache), and the key that
 * signs checkpoints. Entry bundles hold each event's log entry (public data only: restricted values
 * are commitments), computed from the stored events.
 */
@Controller()
export class LogController {
  constructor(
    @Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog | null,
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    private readonly eventLog: EventLogQueries,
  ) {}

  @Get('log/checkpoint')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=1')
  checkpoint(): string {
    return this.log().treeHead().checkpoint;
  }

  @Get('log/tile/*path')
  async tile(@Param('path') path: string | string[], @Res() response: Response): Promise<void> {
    const relative = Array.isArray(path) ? path.join('/') : path;
    let bytes: Uint8Array | null;
    try {
      const resource = parseTilePath(`tile/${relative}`);
      bytes = resource.kind === 'hashes' ? this.log().tile(resource.tile) : await this.entryBundle(resource.bundle.index, resource.bundle.width);
    } catch (error) {
      if (error instanceof MalformedTilePath) throw new NotFoundException(error.message);
      throw error;
    }
    if (!bytes) throw new NotFoundException(`the log holds no tile ${relative} (yet)`);
    response
      .status(200)
      .set({ 'Content-Type': 'application/octet-stream', 'Cache-Control': 'public, max-age=31536000, immutable' })
      .end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /**
   * An event's c2sp.org/tlog-proof file against the latest signed checkpoint (not a tlog-tiles
   * path: a convenience for a reader with one event in hand, e.g. the portal's verify page; the
   * same as `ledger proof ID`). Changes with each checkpoint: short cache.
   */
  @Get('log/proof/:eventId')
  proof(@Param('eventId') eventId: string, @Res() response: Response): void {
    const event = UUID.test(eventId) ? this.eventLog.byEventId(eventId.toLowerCase()) : null;
    if (!event) throw new NotFoundException(`no event ${eventId}`);
    const file = this.log().proofOf(event);
    if (!file) throw new NotFoundException(`event ${eventId} (sequence ${event.sequence}) is not in a signed checkpoint yet: try again in a second`);
    response.status(200).set({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=1' }).send(file);
  }

  @Get('.well-known/ledger-key.json')
  @Header('Cache-Control', 'public, max-age=300')
  key(): LogKeyInfo {
    return this.log().keyInfo();
  }

  /** The entries of leaves [256·index, 256·index + width), once the tree holds them all. */
  private async entryBundle(index: number, width: number): Promise<Uint8Array | null> {
    const first = index * FULL_TILE_WIDTH;
    if (first + width > this.log().log.size) return null;
    const events = await this.store.readAll(first, width);
    if (events.length !== width) return null;
    return encodeEntryBundle(events.map((event) => utf8(storedLogEntry(event))));
  }

  private log(): TransparencyLog {
    if (!this.transparency) throw new NotFoundException('this server does not keep the transparency log (it serves a replay)');
    return this.transparency;
  }
}
