import { join } from 'node:path';
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
