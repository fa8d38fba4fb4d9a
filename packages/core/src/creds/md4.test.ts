import assert from 'node:assert/strict';
import { test } from 'node:test';
import { md4 as wasmMd4 } from 'hash-wasm';
import { EMPTY_NT, md4, ntHash, ntHashConcatWords, wordsToHex } from './md4.js';

test('NT hashes of known passwords match published values', () => {
  // published in MS-NLMP examples, hashcat's example hashes and countless cracking references
  assert.equal(ntHash('password'), '8846f7eaee8fb117ad06bdd830b7586c');
  assert.equal(ntHash(''), EMPTY_NT);
  assert.equal(ntHash(''), '31d6cfe0d16ae931b73c59d7e0c089c0');
  assert.equal(ntHash('Password'), 'a4f49c406510bdcab6824ee7c30fd852');
  assert.equal(ntHash('hashcat'), 'b4b9b02e6f09a9bd760f388b67351e2b');
});

test('MD4 test suite of RFC 1320 appendix A.5', () => {
  const hex = (s: string) => Buffer.from(md4(Buffer.from(s, 'latin1'))).toString('hex');
  assert.equal(hex(''), '31d6cfe0d16ae931b73c59d7e0c089c0');
  assert.equal(hex('a'), 'bde52cb31de33e46245e05fbdbd6fb24');
  assert.equal(hex('abc'), 'a448017aaf21d8525fc10ae87aa6729d');
  assert.equal(hex('message digest'), 'd9130a8164549fe818874806e1c7014b');
  assert.equal(hex('abcdefghijklmnopqrstuvwxyz'), 'd79e1c308aa5bbcdeea8ed63df412da9');
  assert.equal(
    hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890'),
    'e33b4ddc9c38f2199c3e7b164fcc0536',
  );
});

test('the one-block fast path and the general path agree with hash-wasm at every length', async () => {
  for (let n = 0; n < 70; n++) {
    const pw = Array.from({ length: n }, (_, i) =>
      String.fromCharCode(0x41 + ((i * 7) % 26), 0xac00 + i).charAt(i % 2),
    ).join('');
    assert.equal(ntHash(pw), await wasmMd4(Buffer.from(pw, 'utf16le')), `length ${n}`);
  }
  // non-ASCII: UTF-16LE code units, as Windows hashes them
  assert.equal(ntHash('비밀번호'), await wasmMd4(Buffer.from('비밀번호', 'utf16le')));
});

test('hashing a root and an ending without joining them gives the joined hash', () => {
  for (const [h, t] of [
    ['Hanil', '@2026!'],
    ['', ''],
    ['abc', ''],
    ['', 'xyz'],
    ['a'.repeat(20), 'b'.repeat(7)],
    ['a'.repeat(20), 'b'.repeat(8)], // over one block: falls back to the general path
  ]) {
    assert.equal(wordsToHex(ntHashConcatWords(h, t)), ntHash(h + t), `${h}|${t}`);
  }
});
