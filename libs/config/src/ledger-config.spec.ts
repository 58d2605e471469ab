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

describe('operational settings', () => {
  it('have safe defaults', () => {
    expect(loadConfig({})).toMatchObject({
      minFreeDiskBytes: 32 * 1024 * 1024,
      introspection: true,
      rateLimitPerMinute: 600,
      trustedProxies: [],
      logLevel: 'info',
      timeZone: 'America/Denver',
    });
  });

  it('are read from the environment', () => {
    const config = loadConfig({
      LEDGER_MIN_FREE_DISK_MB: '0',
      LEDGER_INTROSPECTION: 'false',
      LEDGER_RATE_LIMIT: '0',
      LEDGER_TRUSTED_PROXY: '10.0.0.1, 10.0.0.2',
      LEDGER_LOG_LEVEL: 'warn',
      LEDGER_TIME_ZONE: 'America/Los_Angeles',
    });
    expect(config).toMatchObject({ minFreeDiskBytes: 0, introspection: false, rateLimitPerMinute: 0, trustedProxies: ['10.0.0.1', '10.0.0.2'], logLevel: 'warn', timeZone: 'America/Los_Angeles' });
  });

  it.each([
    ['LEDGER_RATE_LIMIT', '-1', /LEDGER_RATE_LIMIT must be a whole number/],
    ['LEDGER_RATE_LIMIT', 'lots', /LEDGER_RATE_LIMIT must be a whole number/],
    ['LEDGER_MIN_FREE_DISK_MB', '1.5', /LEDGER_MIN_FREE_DISK_MB must be a whole number/],
    ['LEDGER_INTROSPECTION', 'no', /LEDGER_INTROSPECTION must be true or false/],
    ['LEDGER_LOG_LEVEL', 'loud', /LEDGER_LOG_LEVEL must be one of/],
    ['LEDGER_TIME_ZONE', 'Mountain/Denver', /LEDGER_TIME_ZONE must be an IANA time zone/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
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
