import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AhoCorasick, literalGate } from './aho-corasick.js';

function found(ac: AhoCorasick, text: string): number[] {
  const hits = new Set<number>();
  ac.scan(text, (p) => hits.add(p));
  return [...hits].sort((a, b) => a - b);
}

/** The obvious answer: every pattern that `includes` finds. */
function naive(patterns: string[], text: string, fold: boolean): number[] {
  const t = fold ? text.toLowerCase() : text;
  return patterns.flatMap((p, i) => (t.includes(p) ? [i] : []));
}

test('finds overlapping and nested patterns', () => {
  const patterns = ['he', 'she', 'his', 'hers', 'e'];
  const ac = new AhoCorasick(patterns);
  assert.deepEqual(found(ac, 'ushers'), [0, 1, 3, 4]);
  assert.deepEqual(found(ac, 'xyz'), []);
  assert.equal(ac.test('this'), true);
  assert.equal(ac.test('xyz'), false);
});

test('folding reads the text case-insensitively without copying it', () => {
  const ac = new AhoCorasick(['sekurlsa::', 'İstanbul'.toLowerCase(), 'straße'], true);
  assert.deepEqual(found(ac, 'run SEKURLSA::logonpasswords'), [0]);
  assert.deepEqual(found(ac, 'İSTANBUL'), [1], 'two-unit lower case (İ -> i̇)');
  assert.deepEqual(found(ac, 'STRAßE'), [2]);
  assert.deepEqual(found(new AhoCorasick(['abc']), 'ABC'), [], 'no folding unless asked');
});

test('agrees with includes() on many patterns, dense and sparse states alike', () => {
  // a deterministic pseudo-random set large enough to overflow the dense table
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789\\/.-_ :';
  const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd() % alphabet.length]).join('');
  const patterns = Array.from({ length: 30000 }, () => word(3 + (rnd() % 12)));
  const ac = new AhoCorasick(patterns, true);
  for (let i = 0; i < 200; i++) {
    const text = word(50 + (rnd() % 200)).toUpperCase() + patterns[rnd() % patterns.length];
    assert.deepEqual(found(ac, text), naive(patterns, text, true));
  }
});

test('the regex gate never says no where the folded scan says yes', () => {
  const lits = ['sekurlsa::', 'mimi', 'kerberos::ptt', 'a.b*c'];
  const gate = literalGate(lits)!;
  const ac = new AhoCorasick(lits, true);
  const texts = [
    'SEKURLSA::x',
    'MİMİ',
    'mimİ',
    '\u212Aerberos::PTT',
    'a.b*c',
    'axb*c',
    'nothing',
    'sekurlsa:',
  ];
  for (const t of texts) {
    if (ac.test(t)) assert.ok(gate.test(t), `gate must pass ${JSON.stringify(t)}`);
  }
  assert.equal(gate.test('nothing'), false);
  assert.equal(gate.test('axb*c'), false, 'literal dots are escaped');
  assert.equal(literalGate(['straße']), undefined, 'non-ASCII literals get no gate');
});
