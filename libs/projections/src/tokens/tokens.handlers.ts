import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { TokenIssuedData, TokenRevokedData } from '@ledger/event-types';
import { statement } from '../runtime/statement-cache';

/** Applies one event if the tokens read model reads its type; others pass through untouched. */
export function applyTokenEvent(db: Database.Database, event: RecordedEvent): void {
  switch (event.type) {
    case 'TokenIssued': {
      const d = event.data as TokenIssuedData;
      statement(
        db,
        `INSERT INTO tokens (id, sequence, actor_id, name, role, issued_at, expires_at, issued_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(d.tokenId, event.sequence, d.actorId, d.name, d.role, event.occurredAt, d.expiresAt, event.recordedBy.id);
      return;
    }
    case 'TokenRevoked': {
      const d = event.data as TokenRevokedData;
      // The decider refuses a revocation of a token never issued, so the row exists.
      statement(db, 'UPDATE tokens SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?').run(
        event.occurredAt,
        event.recordedBy.id,
        d.reason,
        d.tokenId,
      );
      return;
    }
    default:
      return;
  }
}
