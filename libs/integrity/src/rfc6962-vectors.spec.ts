/**
 * The RFC 6962 / RFC 9162 proof vectors of transparency-dev/merkle (Apache-2.0), kept outside the
 * repository in ../shared/vectors/rfc6962 and read at test time: every case marked wantErr must be
 * rejected, every other case accepted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromBase64 } from './bytes';
import { verifyConsistency } from './consistency-proof';
import { verifyInclusion } from './inclusion-proof';
import { nodeIntegrityCrypto } from './node-integrity-crypto';
import { treeHasher } from './tree-hasher';

const REPO_ROOT = join(__dirname, '../../..');
const VECTORS = join(REPO_ROOT, '../shared/vectors/rfc6962');
const hasher = treeHasher(nodeIntegrityCrypto);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

function vectorFiles(kind: 'inclusion' | 'consistency'): string[] {
  const dir = join(VECTORS, kind);
  if (!existsSync(dir)) throw new Error(`the RFC 6962 vectors are missing: expected them in ${dir} (the shared folder beside the repository)`);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function bytes(text: string, file: string): Uint8Array {
  const decoded = fromBase64(text);
  if (!decoded) throw new Error(`${file}: not base64: ${JSON.stringify(text)}`);
  return decoded;
}

// JSON numbers beyond 2^53 (the vectors' uint64 "index - 1" wraps to 2^64 - 1) arrive rounded: the
// verifier refuses any index that is not a safe integer, which is what those cases expect.
function load<T>(file: string): [string, T] {
  return [relative(VECTORS, file), JSON.parse(readFileSync(file, 'utf8')) as T];
}

describe('RFC 6962 vectors (../shared/vectors/rfc6962)', () => {
  const inclusion = vectorFiles('inclusion').map((file) => load<InclusionVector>(file));
  const consistency = vectorFiles('consistency').map((file) => load<ConsistencyVector>(file));

  it('are all found, with both outcomes represented', () => {
    expect(inclusion.length).toBe(98);
    expect(consistency.length).toBe(98);
    expect(inclusion.some(([, v]) => !v.wantErr) && inclusion.some(([, v]) => v.wantErr)).toBe(true);
    expect(consistency.some(([, v]) => !v.wantErr) && consistency.some(([, v]) => v.wantErr)).toBe(true);
  });

  it.each(inclusion)('inclusion %s', (file, v) => {
    const verdict = verifyInclusion(hasher, {
      index: v.leafIdx,
      size: v.treeSize,
      leafHash: bytes(v.leafHash, file),
      proof: (v.proof ?? []).map((hash) => bytes(hash, file)),
      root: bytes(v.root, file),
    });
    expect({ desc: v.desc, rejected: !verdict.ok }).toEqual({ desc: v.desc, rejected: v.wantErr });
  });

  it.each(consistency)('consistency %s', (file, v) => {
    const verdict = verifyConsistency(hasher, {
      size1: v.size1,
      size2: v.size2,
      root1: bytes(v.root1, file),
      root2: bytes(v.root2, file),
      proof: (v.proof ?? []).map((hash) => bytes(hash, file)),
    });
    expect({ desc: v.desc, rejected: !verdict.ok }).toEqual({ desc: v.desc, rejected: v.wantErr });
  });
});
