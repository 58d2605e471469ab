import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EncryptedDetails } from '@ledger/privacy';
import { FileSubjectVault, type FileSubjectVaultOptions } from './file-subject-vault.adapter';

const ENV_KEY = 'an-operator-chosen-subject-key-of-more-than-32-bytes';

describe('FileSubjectVault (real files)', () => {
  let dir: string;
  let open: FileSubjectVault[];
  const paths = () => ({ keysFile: join(dir, 'secrets', 'subject-keys.db'), refKeyFile: join(dir, 'secrets', 'subject-ref-key') });
  const vault = (options: Partial<FileSubjectVaultOptions> = {}) => {
    const v = new FileSubjectVault({ ...paths(), ...options });
    open.push(v);
    return v;
  };
  /** the raw key bytes as stored, read through a connection of its own */
  const storedKey = (subjectRef: string): Buffer => {
    const db = new Database(paths().keysFile, { readonly: true });
    try {
      return (db.prepare('SELECT key FROM subject_keys WHERE subject_ref = ?').get(subjectRef) as { key: Buffer }).key;
    } finally {
      db.close();
    }
  };
  /** every byte SQLite keeps for the vault: the database and, when present, its WAL */
  const fileBytes = () => [paths().keysFile, `${paths().keysFile}-wal`].filter(existsSync).map((file) => readFileSync(file));
  const modeOf = (file: string) => statSync(file).mode & 0o777;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'subject-vault-'));
    open = [];
  });
  afterEach(() => {
    for (const v of open) v.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('subject references', () => {
    it('are stable across instances sharing the generated key file, and differ under another key', () => {
      const first = vault().subjectRefOf('DL 1234567');
      expect(first).toMatch(/^subj_[0-9a-f]{32}$/);
      expect(existsSync(paths().refKeyFile)).toBe(true);
      expect(vault().subjectRefOf('DL 1234567')).toBe(first);
      expect(vault().subjectRefOf('DL 7654321')).not.toBe(first);

      const withEnv = vault({ refKey: ENV_KEY }).subjectRefOf('DL 1234567');
      expect(withEnv).not.toBe(first);
      expect(vault({ refKey: ENV_KEY }).subjectRefOf('DL 1234567')).toBe(withEnv);
      expect(vault({ refKey: `${ENV_KEY}-rotated` }).subjectRefOf('DL 1234567')).not.toBe(withEnv);
    });

    it('are the first 32 hex chars of HMAC-SHA-256 over the normalized identifier', () => {
      const expected = `subj_${createHmac('sha256', ENV_KEY).update('AB 123 456').digest('hex').slice(0, 32)}`;
      const v = vault({ refKey: ENV_KEY });
      for (const typed of ['AB 123 456', '  ab 123 456 ', 'ab\t123\n\n 456', 'Ab  123   456']) expect(v.subjectRefOf(typed)).toBe(expected);
      expect(v.subjectRefOf('AB123456')).not.toBe(expected);
      expect(() => v.subjectRefOf(' \t ')).toThrow(/must not be empty/);
    });

    it('refuses an environment key shorter than 32 bytes, naming no key', () => {
      expect(() => vault({ refKey: 'short' }).subjectRefOf('x')).toThrow(/^LEDGER_SUBJECT_KEY must be at least 32 bytes$/);
    });

    it('do not create a reference key file when only keys are used (erasing needs none)', () => {
      const v = vault();
      const ref = 'subj_0123456789abcdef0123456789abcdef';
      expect(v.decrypt(v.encrypt(ref, 'x'))).toBe('x');
      expect(v.erase(ref)).toBe(true);
      expect(existsSync(paths().refKeyFile)).toBe(false);
    });
  });

  describe('personal details', () => {
    it('round-trip through AES-256-GCM, also in another instance, with a fresh IV each time', () => {
      const a = vault();
      const ref = a.subjectRefOf('resident-1');
      const details = JSON.stringify({ name: 'Ana María Nuñez', born: '1980-02-03' });
      const sealed = a.encrypt(ref, details);
      expect(sealed).toMatchObject({ algorithm: 'AES-256-GCM', keyId: ref });
      expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
      expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
      expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('Ana');
      expect(a.decrypt(sealed)).toBe(details);
      expect(vault().decrypt(sealed)).toBe(details);

      const again = a.encrypt(ref, details);
      expect(again.iv).not.toBe(sealed.iv);
      expect(again.ciphertext).not.toBe(sealed.ciphertext);
      expect(a.decrypt(again)).toBe(details);
      expect(a.decrypt(a.encrypt(ref, ''))).toBe('');
    });

    it('use one key per subject, created on first use', () => {
      const v = vault();
      const [one, two] = [v.subjectRefOf('resident-1'), v.subjectRefOf('resident-2')];
      v.encrypt(one, 'a');
      const key = storedKey(one);
      expect(key).toHaveLength(32);
      v.encrypt(one, 'b');
      expect(storedKey(one).equals(key)).toBe(true);
      v.encrypt(two, 'c');
      expect(storedKey(two).equals(key)).toBe(false);
    });

    it('do not decrypt when tampered with, relabelled or malformed', () => {
      const v = vault();
      const [one, two] = [v.subjectRefOf('resident-1'), v.subjectRefOf('resident-2')];
      const sealed = v.encrypt(one, 'personal details of resident 1');
      v.encrypt(two, 'personal details of resident 2');
      const flip = (b64: string, at = 0) => {
        const bytes = Buffer.from(b64, 'base64');
        bytes[at] ^= 0x01;
        return bytes.toString('base64');
      };
      const variants: EncryptedDetails[] = [
        { ...sealed, ciphertext: flip(sealed.ciphertext) },
        { ...sealed, ciphertext: flip(sealed.ciphertext, Buffer.from(sealed.ciphertext, 'base64').length - 1) },
        { ...sealed, tag: flip(sealed.tag) },
        { ...sealed, iv: flip(sealed.iv) },
        { ...sealed, keyId: two },
        { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 12).toString('base64') },
        { ...sealed, iv: 'not base64!' },
        { ...sealed, algorithm: 'AES-128-CBC' as never },
        { ...sealed, keyId: 'subj_nothex' },
      ];
      for (const variant of variants) expect(v.decrypt(variant)).toBeNull();
      expect(v.decrypt(null as never)).toBeNull();
      expect(v.decrypt(sealed)).toBe('personal details of resident 1');
    });

    it('refuses to encrypt under something that is not a subject reference', () => {
      expect(() => vault().encrypt('resident-1', 'x')).toThrow(/subject reference/);
    });
  });

  describe('erasure', () => {
    it('makes the details unreadable in every instance and removes the key bytes from the database and its WAL', () => {
      const server = vault();
      const refs = Array.from({ length: 20 }, (_, i) => server.subjectRefOf(`resident-${i}`));
      const sealed = refs.map((ref, i) => server.encrypt(ref, `details ${i}`));
      const [target, bystander] = [refs[7], refs[8]];
      const key = storedKey(target);
      // The search below would prove nothing if the key were not findable there to begin with.
      expect(fileBytes().some((bytes) => bytes.includes(key))).toBe(true);

      // As the CLI does while the API server keeps its own connection open.
      const cli = vault();
      expect(cli.erase(target)).toBe(true);
      expect(cli.decrypt(sealed[7])).toBeNull();
      expect(server.decrypt(sealed[7])).toBeNull();
      expect(server.decrypt(sealed[8])).toBe('details 8');
      expect(storedKey(bystander)).toHaveLength(32);
      for (const bytes of fileBytes()) expect(bytes.includes(key)).toBe(false);

      expect(cli.erase(target)).toBe(false);
      expect(cli.erase(cli.subjectRefOf('never-seen'))).toBe(false);
      // A new key may be created afterwards, but the old details stay unreadable under it.
      server.encrypt(target, 'new details');
      expect(server.decrypt(sealed[7])).toBeNull();
    });

    it('also scrubs a key that had already been checkpointed into the main database file', () => {
      const first = vault();
      const ref = first.subjectRefOf('resident-1');
      const sealed = first.encrypt(ref, 'details');
      first.encrypt(first.subjectRefOf('resident-2'), 'other details');
      first.close();
      // The last connection's close checkpoints the WAL into the database and removes it.
      const key = storedKey(ref);
      expect(readFileSync(paths().keysFile).includes(key)).toBe(true);

      const second = vault();
      expect(second.erase(ref)).toBe(true);
      expect(second.decrypt(sealed)).toBeNull();
      for (const bytes of fileBytes()) expect(bytes.includes(key)).toBe(false);
    });
  });

  it('keeps its files readable by the owner only', () => {
    const v = vault();
    v.subjectRefOf('resident-1');
    v.encrypt(v.subjectRefOf('resident-1'), 'details');
    const { keysFile, refKeyFile } = paths();
    expect(modeOf(join(dir, 'secrets'))).toBe(0o700);
    expect(modeOf(refKeyFile)).toBe(0o600);
    expect(modeOf(keysFile)).toBe(0o600);
    expect(existsSync(`${keysFile}-wal`)).toBe(true);
    expect(modeOf(`${keysFile}-wal`)).toBe(0o600);
    expect(modeOf(`${keysFile}-shm`)).toBe(0o600);
    expect(readFileSync(refKeyFile, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
  });
});
