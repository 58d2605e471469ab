import { join } from 'node:path';
import { formatDuration, parseDuration } from './duration';
import { ConfigError, dataPaths, loadConfig } from './ledger-config';

describe('LEDGER_SUBJECT_KEY', () => {
  it('is optional: without it the vault generates a key in the data dir', () => {
    const config = loadConfig({ LEDGER_DATA_DIR: '/tmp/ledger' });
    expect(config.subjectKey).toBeUndefined();
    expect(dataPaths(config)).toMatchObject({
      subjectRefKey: join('/tmp/ledger', 'secrets', 'subject-ref-key'),
      subjectKeys: join('/tmp/ledger', 'secrets', 'subject-keys.db'),
    });
  });

  it('is taken when at least 32 bytes and refused otherwise, without echoing it', () => {
    const key = 'k'.repeat(32);
    expect(loadConfig({ LEDGER_SUBJECT_KEY: key }).subjectKey).toBe(key);
    expect(() => loadConfig({ LEDGER_SUBJECT_KEY: 'k'.repeat(31) })).toThrow(ConfigError);
    expect(() => loadConfig({ LEDGER_SUBJECT_KEY: 'secret-but-short' })).toThrow(/^LEDGER_SUBJECT_KEY must be at least 32 bytes$/);
  });
});

describe('LEDGER_TOKEN_MAX_TTL', () => {
  it('defaults to 12 hours and reads durations as ledger token --ttl does', () => {
    expect(loadConfig({}).tokenMaxTtlSeconds).toBe(12 * 3600);
    expect(loadConfig({ LEDGER_TOKEN_MAX_TTL: '30m' }).tokenMaxTtlSeconds).toBe(1800);
    expect(loadConfig({ LEDGER_TOKEN_MAX_TTL: '7d' }).tokenMaxTtlSeconds).toBe(7 * 86_400);
  });

  it.each(['forever', '0h', '-1h', '12', '1.5h'])('refuses %j', (value) => {
    expect(() => loadConfig({ LEDGER_TOKEN_MAX_TTL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ LEDGER_TOKEN_MAX_TTL: value })).toThrow(/^LEDGER_TOKEN_MAX_TTL must be a duration such as 30m, 12h or 7d/);
  });
});

describe('durations', () => {
  it('formats seconds in the largest whole unit', () => {
    expect([43200, 1800, 90, 604800, 86400 * 3].map(formatDuration)).toEqual(['12h', '30m', '90s', '1w', '3d']);
    expect(parseDuration(formatDuration(5400))).toBe(5400);
  });
});
