const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const DURATION = /^(\d+)\s?(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|week|weeks)$/;

/**
 * A duration as people write it ("90s", "30m", "12h", "7d", "2w") in seconds; null when it is not
 * one or is zero. Token lifetimes (`ledger token --ttl`, LEDGER_TOKEN_MAX_TTL) are written so.
 */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2][0]];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : null;
}

/** Seconds as the largest whole unit that fits: 43200 -> "12h", 90 -> "90s". */
export function formatDuration(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0) return `${seconds / UNIT_SECONDS[unit]}${unit}`;
  }
  return `${seconds}s`;
}
