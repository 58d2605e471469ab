/**
 * `ledger erase-subject` on a real data dir: the subject's key goes, their sealed details stop
 * decrypting, other subjects are untouched, and it works while the API server holds the vault open.
 */
import { existsSync } from 'node:fs';
import { dataPaths, loadConfig } from '@ledger/config';
import type { EncryptedDetails } from '@ledger/privacy';
import { FileSubjectVault } from '@ledger/subject-vault-file';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

describe('ledger erase-subject (built CLI, real data dir)', () => {
  let dataDir: string;
  const openVault = () => {
    const paths = dataPaths(loadConfig({ LEDGER_DATA_DIR: dataDir }));
    return new FileSubjectVault({ keysFile: paths.subjectKeys, refKeyFile: paths.subjectRefKey });
  };
  /** seals details for each identifier as a data-request handler would, then lets go of the file */
  const seal = (...identifiers: string[]): Array<{ ref: string; sealed: EncryptedDetails; plaintext: string }> => {
    const vault = openVault();
    try {
      return identifiers.map((identifier) => {
        const ref = vault.subjectRefOf(identifier);
        const plaintext = JSON.stringify({ identifier, name: `Resident ${identifier}` });
        return { ref, sealed: vault.encrypt(ref, plaintext), plaintext };
      });
    } finally {
      vault.close();
    }
  };
  const decrypt = (sealed: EncryptedDetails) => {
    const vault = openVault();
    try {
      return vault.decrypt(sealed);
    } finally {
      vault.close();
    }
  };
  const erase = (...args: string[]) => runCli(['erase-subject', ...args], { LEDGER_DATA_DIR: dataDir });

  beforeEach(() => (dataDir = tempDataDir('ledger-erase-')));
  afterEach(() => removeDir(dataDir));

  it('refuses anything but one subject reference with exit code 2, without echoing it', async () => {
    const [subject] = seal('DL 1234567');
    for (const args of [[], ['DL 1234567'], ['subj_123'], [subject.ref.toUpperCase()], [`${subject.ref}0`], [subject.ref, subject.ref]]) {
      const result = await erase(...args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(/subject reference \(subj_ \+ 32 lowercase hex chars\)/);
      if (args.length === 1) expect(result.stderr).toContain('ledger subject-ref IDENTIFIER');
      expect(result.stderr + result.stdout).not.toContain('1234567');
    }
    expect(decrypt(subject.sealed)).toBe(subject.plaintext);
  });

  it('erases the key (exit 0), after which the details no longer decrypt; a second erase finds nothing (exit 1)', async () => {
    const [target, bystander] = seal('DL 1234567', 'DL 7654321');
    expect(decrypt(target.sealed)).toBe(target.plaintext);

    const erased = await erase(target.ref);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain(`erased the key of ${target.ref}`);
    expect(erased.stdout + erased.stderr).not.toMatch(/1234567|Resident/);
    expect(decrypt(target.sealed)).toBeNull();
    expect(decrypt(bystander.sealed)).toBe(bystander.plaintext);

    const again = await erase(target.ref);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`no key for ${target.ref}`));
  });

  it('exits 1 on a ledger that never stored a subject key, and does not create the vault', async () => {
    const result = await erase(`subj_${'0'.repeat(32)}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no subject keys/);
    expect(existsSync(dataPaths({ dataDir }).subjectKeys)).toBe(false);
  });

  it('works while the API server has the vault open', async () => {
    const server = await LedgerServer.start(dataDir);
    try {
      const [target] = seal('DL 1234567');
      const erased = await erase(target.ref);
      expect(erased.code).toBe(0);
      expect(decrypt(target.sealed)).toBeNull();
      expect(server.process.exitCode).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
