import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MalformedTilePath } from '@ledger/integrity';
import { TRANSPARENCY_LOG, type LogKeyInfo, type TransparencyLog } from '@ledger/transparency-log';

/**
 * The log as c2sp.org/tlog-tiles serves it, so that any copy of these files (a mirror, a CDN, a
 * journalist's disk) can be checked with the city's server switched off: the latest checkpoint
 * (changes, short cache), the hash tiles (never change once served, long cache), and the key that
 * signs checkpoints. Entry bundles (tile/entries/…) are not served yet: the leaf's entry is still
 * the whole envelope, restricted values included (README, "What is not done yet").
 */
@Controller()
export class LogController {
  constructor(@Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog | null) {}

  @Get('log/checkpoint')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=1')
  checkpoint(): string {
    return this.log().treeHead().checkpoint;
  }

  @Get('log/tile/*path')
  tile(@Param('path') path: string | string[], @Res() response: Response): void {
    const relative = Array.isArray(path) ? path.join('/') : path;
    let bytes: Uint8Array | null;
    try {
      bytes = this.log().tile(relative);
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

  @Get('.well-known/ledger-key.json')
  @Header('Cache-Control', 'public, max-age=300')
  key(): LogKeyInfo {
    return this.log().keyInfo();
  }

  private log(): TransparencyLog {
    if (!this.transparency) throw new NotFoundException('this server does not keep the transparency log (it serves a replay)');
    return this.transparency;
  }
}
