/// <reference lib="dom" />
/**
 * The verify page's script, bundled for the browser by esbuild at build time (scripts/build-portal-scripts.js)
 * and served as /assets/portal/verify.js. It checks an event's proof (c2sp.org/tlog-proof: fetched
 * from /log/proof/<id>, or a file the reader chose) with the same integrity library the server
 * uses, and says plainly what was checked and what was not.
 *
 * Cryptography in the browser: Ed25519 by the browser's own WebCrypto (asynchronous, so each
 * signature of the checkpoint is verified first, then the library is answered from those
 * verdicts); SHA-256 by @noble/hashes, synchronously, because the library's tree code is
 * synchronous (WebCrypto's digest is a promise per hash).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import canonicalize from 'canonicalize';
import {
  concatBytes,
  decodeUtf8,
  parseNote,
  parseTlogProof,
  parseVerifierKey,
  toBase64,
  toHex,
  treeHasher,
  utf8,
  verifyTlogProof,
  type IntegrityCrypto,
  type NoteVerifierKey,
} from '@ledger/integrity/browser';

interface Labels {
  verified: string;
  notVerified: string;
  checked: string;
  notChecked: string;
  noEd25519: string;
  dataMatches: string;
  dataDiffers: string;
  failed: string;
}

const SPKI_ED25519_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

/** WebCrypto takes bytes backed by a plain ArrayBuffer: a copy of the view. */
const bufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

/** SHA-256 for the library, and the Ed25519 verdicts WebCrypto gave for the checkpoint's signatures. */
function cryptoWith(verdicts: Map<string, boolean>): IntegrityCrypto {
  return {
    sha256: (...parts) => sha256(concatBytes(...parts)),
    ed25519Verify: (_publicKey, _message, signature) => verdicts.get(toBase64(signature)) ?? false,
    ed25519PublicKey: () => {
      throw new Error('no signing in the browser');
    },
    ed25519Sign: () => {
      throw new Error('no signing in the browser');
    },
    randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
  };
}

/** WebCrypto's verdict on each signature of the note by the key; null when this browser has no Ed25519. */
async function webCryptoVerdicts(noteText: string, key: NoteVerifierKey): Promise<Map<string, boolean> | null> {
  const note = parseNote(noteText);
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('spki', bufferOf(concatBytes(SPKI_ED25519_PREFIX, key.publicKey)), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  const verdicts = new Map<string, boolean>();
  for (const signature of note.signatures) {
    if (signature.name !== key.name || signature.keyId !== key.keyId) continue;
    verdicts.set(toBase64(signature.signature), await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, bufferOf(signature.signature), bufferOf(utf8(note.text))));
  }
  return verdicts;
}

async function publicEvent(eventId: string): Promise<{ data: unknown } | null> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { node(id: $id) { ... on LedgerEvent { data } } }', variables: { id: eventId } }),
  });
  const body = (await response.json()) as { data?: { node: { data: unknown } | null } };
  return body.data?.node ?? null;
}

async function check(form: HTMLFormElement, output: HTMLElement, labels: Labels): Promise<void> {
  const say = (ok: boolean, lines: string[]) => {
    output.replaceChildren();
    output.className = `usa-alert ${ok ? 'usa-alert--success' : 'usa-alert--error'}`;
    output.dataset.result = ok ? 'verified' : 'not-verified';
    const body = document.createElement('div');
    body.className = 'usa-alert__body';
    const heading = document.createElement('h2');
    heading.className = 'usa-alert__heading';
    heading.textContent = ok ? labels.verified : labels.notVerified;
    body.append(heading, ...lines.map((line) => Object.assign(document.createElement('p'), { className: 'usa-alert__text', textContent: line })));
    output.append(body);
  };
  const fields = new FormData(form);
  const eventId = String(fields.get('event') ?? '').trim();
  const upload = fields.get('proof');
  try {
    const crypto0 = cryptoWith(new Map());
    const key = parseVerifierKey(crypto0, String(fields.get('vkey') ?? '').trim());
    let text: string;
    if (upload instanceof File && upload.size > 0) text = await upload.text();
    else {
      const response = await fetch(`/log/proof/${encodeURIComponent(eventId)}`);
      if (!response.ok) throw new Error((await response.text()) || `HTTP ${response.status}`);
      text = await response.text();
    }
    const proof = parseTlogProof(text);
    if (!proof.extra) throw new Error('the proof carries no log entry (its "extra" line)');
    const extra = proof.extra;
    const entryText = decodeUtf8(extra) ?? '';
    const entry = JSON.parse(entryText) as { eventId: string; type: string; sequence: number; dataHash: string };
    const hasher = treeHasher(crypto0);
    const verdicts = await webCryptoVerdicts(proof.signedCheckpoint, key);
    if (!verdicts) {
      say(false, [labels.noEd25519]);
      return;
    }
    const verdict = verifyTlogProof(cryptoWith(verdicts), proof, { leafHash: hasher.hashLeaf(extra), origin: key.name, logKeys: [key] });
    if (!verdict.ok) {
      say(false, [verdict.reason]);
      return;
    }
    const lines = [`${entry.type} ${entry.eventId}: ${labels.checked.replace('{index}', String(proof.index)).replace('{size}', String(verdict.checkpoint.size)).replace('{root}', toHex(verdict.checkpoint.rootHash))}`];
    // The data the ledger serves for this event, against the hash the signed entry commits to.
    const served = await publicEvent(entry.eventId);
    if (served) {
      const dataHash = toHex(sha256(utf8(canonicalize(served.data) ?? '')));
      if (dataHash !== entry.dataHash) {
        say(false, [...lines, labels.dataDiffers]);
        return;
      }
      lines.push(labels.dataMatches);
    }
    lines.push(labels.notChecked);
    say(true, lines);
  } catch (error) {
    say(false, [`${labels.failed} ${(error as Error).message}`]);
  }
}

const form = document.querySelector<HTMLFormElement>('form[data-verify]');
const output = document.querySelector<HTMLElement>('#verify-result');
if (form && output) {
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Labels;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void check(form, output, labels);
  });
  form.hidden = false;
  const vkey = form.querySelector<HTMLInputElement>('#vkey');
  if (vkey && !vkey.value) {
    void fetch('/.well-known/ledger-key.json')
      .then((response) => (response.ok ? response.json() : null))
      .then((key: { vkey?: string } | null) => {
        if (key?.vkey && !vkey.value) vkey.value = key.vkey;
      });
  }
}
