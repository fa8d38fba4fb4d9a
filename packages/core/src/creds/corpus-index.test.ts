import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildCorpusIndex, hexKey, isCorpusIndex, openCorpusIndex } from './corpus-index.js';
import { ntHash } from './md4.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-corpus-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** deterministic pseudo-random hex hashes */
function hashes(n: number, seed: string, len = 32): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(createHash('sha1').update(`${seed}${i}`).digest('hex').slice(0, len).toUpperCase());
  return out;
}

test('an ordered HIBP NTLM file streams into an index that answers every entry and no other', () => {
  const hs = hashes(20000, 'a').sort();
  const src = join(dir, 'ntlm.txt');
  writeFileSync(src, hs.map((h, i) => `${h}:${i + 1}`).join('\r\n'));
  const out = join(dir, 'ntlm.idx');
  const r = buildCorpusIndex(src, out);
  assert.deepEqual(
    { algorithm: r.algorithm, format: r.format, lines: r.lines, entries: r.entries, sorted: r.sorted },
    { algorithm: 'ntlm', format: 'hash', lines: 20000, entries: 20000, sorted: false },
  );
  assert.ok(isCorpusIndex(out));
  const ix = openCorpusIndex(out);
  try {
    hs.forEach((h, i) => {
      assert.equal(ix.lookupHex(h.toLowerCase()), i + 1);
    });
    for (const h of hashes(2000, 'absent')) assert.equal(ix.lookupHex(h), 0);
    // batched lookups agree with single ones, present and absent mixed
    const qs = [...hashes(3000, 'absent2'), ...hs.filter((_, i) => i % 7 === 0)];
    const his = new Uint32Array(qs.length);
    const los = new Uint32Array(qs.length);
    qs.forEach((h, i) => {
      const k = hexKey(h)!;
      his[i] = k.hi;
      los[i] = k.lo;
    });
    const counts = ix.lookupMany(his, los);
    qs.forEach((h, i) => {
      assert.equal(counts[i], ix.lookupHex(h));
    });
    assert.equal([...counts].filter((c) => c > 0).length, Math.ceil(20000 / 7));
  } finally {
    ix.close();
  }
});

test('an unordered file is detected and sorted; duplicates are merged by adding counts', () => {
  const hs = hashes(5000, 'b');
  const src = join(dir, 'unordered.txt');
  writeFileSync(src, [...hs.map((h) => `${h}:2`), `${hs[10]}:5`].join('\n'));
  const out = join(dir, 'unordered.idx');
  const r = buildCorpusIndex(src, out);
  assert.equal(r.sorted, true);
  assert.equal(r.entries, 5000);
  const ix = openCorpusIndex(out);
  assert.equal(ix.lookupHex(hs[10]), 7);
  assert.equal(ix.lookupHex(hs[11]), 2);
  ix.close();
});

test('a folder of 5-hex prefix files (HIBP downloader layout), SHA-1', () => {
  const folder = join(dir, 'sha1-range');
  mkdirSync(folder);
  const pws = ['password', 'P@ssw0rd', '123456', 'dragon'];
  const sha = pws.map((p) => createHash('sha1').update(p).digest('hex').toUpperCase());
  const byPrefix = new Map<string, string[]>();
  sha.forEach((h, i) => {
    byPrefix.set(h.slice(0, 5), [...(byPrefix.get(h.slice(0, 5)) ?? []), `${h.slice(5)}:${i + 10}`]);
  });
  for (const [p, lines] of byPrefix) writeFileSync(join(folder, `${p}.txt`), lines.sort().join('\r\n'));
  const out = join(dir, 'sha1.idx');
  const r = buildCorpusIndex(folder, out);
  assert.equal(r.algorithm, 'sha1');
  assert.equal(r.entries, 4);
  const ix = openCorpusIndex(out);
  assert.equal(ix.algorithm, 'sha1');
  sha.forEach((h, i) => {
    assert.equal(ix.lookupHex(h), i + 10);
  });
  assert.equal(ix.lookupHex(createHash('sha1').update('not-there').digest('hex')), 0);
  ix.close();
});

test('a plain wordlist is hashed to NT; counts are occurrences', () => {
  const src = join(dir, 'words.txt');
  writeFileSync(src, 'password\r\nletmein\npassword\n\n비밀번호\nSummer2024!');
  const out = join(dir, 'words.idx');
  const r = buildCorpusIndex(src, out);
  assert.equal(r.format, 'wordlist');
  assert.equal(r.entries, 4);
  const ix = openCorpusIndex(out);
  assert.equal(ix.lookupHex(ntHash('password')), 2);
  assert.equal(ix.lookupHex(ntHash('비밀번호')), 1);
  assert.equal(ix.lookupHex(ntHash('Summer2024!')), 1);
  assert.equal(ix.lookupHex(ntHash('Summer2024')), 0);
  ix.close();
});

test('malformed corpus lines are reported and skipped; a truncated index is refused', () => {
  const src = join(dir, 'bad.txt');
  const hs = hashes(3, 'c').sort();
  writeFileSync(src, `${hs[0]}:1\n${hs[1]}:x\nnot-a-hash-line-at-all\n${hs[2]}:3\n`);
  const seen: number[] = [];
  const r = buildCorpusIndex(src, join(dir, 'bad.idx'), {
    format: 'hash',
    onProblem: (p) => seen.push(p.line),
  });
  assert.deepEqual(seen, [2, 3]);
  assert.equal(r.entries, 2);
  const cut = join(dir, 'cut.idx');
  writeFileSync(cut, readFileSync(join(dir, 'bad.idx')).subarray(0, 100));
  assert.throws(() => openCorpusIndex(cut), /truncated or corrupt/);
  writeFileSync(join(dir, 'junk.idx'), 'hello');
  assert.throws(() => openCorpusIndex(join(dir, 'junk.idx')), /not a haechi corpus index/);
});

test('an unordered file with a malformed line reports it once, though it is read twice', () => {
  const hs = hashes(50, 'd');
  const src = join(dir, 'unordered-bad.txt');
  writeFileSync(
    src,
    [...hs.slice(0, 30).map((h) => `${h}:1`), 'oops', ...hs.slice(30).map((h) => `${h}:1`)].join('\n'),
  );
  const seen: number[] = [];
  const r = buildCorpusIndex(src, join(dir, 'unordered-bad.idx'), { onProblem: (p) => seen.push(p.line) });
  assert.equal(r.sorted, true);
  assert.equal(r.entries, 50);
  assert.equal(r.skipped, 1);
  assert.deepEqual(seen, [31]);
});
