import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkExposures, forEachVariant } from './exposures.js';
import { ntHash } from './md4.js';

/** does the leaked password reach the work password as a simple variant? */
function reaches(leaked: string, work: string): 'exact' | 'variant' | undefined {
  const r = checkExposures([`me@home.example:${leaked}`], (e) =>
    e === 'me@home.example' ? [{ key: 'me', current: ntHash(work), history: [] }] : undefined,
  );
  return r.matches[0]?.match;
}

test('simple variants: same root with other digits or symbols, case of the first letter', () => {
  assert.equal(reaches('Hanil@2019', 'Hanil@2019'), 'exact');
  assert.equal(reaches('Hanil@2019', 'Hanil@2026!'), 'variant'); // digits changed, symbol added
  assert.equal(reaches('Hanil@2019', 'Hanil#2019'), 'variant'); // symbol swapped
  assert.equal(reaches('hanil2019', 'Hanil2024'), 'variant'); // capitalised, other year
  assert.equal(reaches('Summer!', 'summer12'), 'variant');
  assert.equal(reaches('Password1', 'Password123!'), 'variant');
  assert.equal(reaches('2019@Hanil', 'Hanil@7'), 'variant'); // the leading digits dropped
  // not variants: another root, or a root changed inside
  assert.equal(reaches('Hanil@2019', 'Hanol@2019'), undefined);
  assert.equal(reaches('Hanil@2019', 'Seoul@2019'), undefined);
  assert.equal(reaches('Hanil@2019', 'Hanil@20199'), undefined); // five digits: not in the set
  // a root of fewer than three letters is too weak: exact only
  assert.equal(reaches('ab1234', 'ab1235'), undefined);
  assert.equal(reaches('ab1234', 'ab1234'), 'exact');
});

test('the current password wins over a previous one; history matches are reported as such', () => {
  const r = checkExposures(['me@home.example:Hanil@2019'], () => [
    { key: 'me', current: ntHash('Hanil@2026'), history: [ntHash('Hanil@2019')] },
  ]);
  assert.deepEqual(r.matches, [
    { account: 'me', email: 'me@home.example', match: 'variant', against: 'current' },
  ]);
  const h = checkExposures(['me@home.example:Hanil@2019'], () => [
    { key: 'me', current: ntHash('Unrelated-Pass-1'), history: [ntHash('Hanil@2018')] },
  ]);
  assert.deepEqual(h.matches, [
    { account: 'me', email: 'me@home.example', match: 'variant', against: 'history' },
  ]);
});

test('unlinked lines are not hashed; SHA-1 secrets are counted, not compared', () => {
  let asked = 0;
  const r = checkExposures(
    ['other@x.example:pw', `me@home.example:${'a'.repeat(40)}`, 'bad line', ''],
    (e) => {
      asked++;
      return e === 'me@home.example' ? [{ key: 'me', current: ntHash('x'), history: [] }] : undefined;
    },
  );
  assert.equal(asked, 2);
  assert.deepEqual([r.lines, r.linked, r.sha1Hashes, r.malformed, r.matches.length], [3, 1, 1, 1, 0]);
});

test('the variant set is bounded', () => {
  let n = 0;
  forEachVariant('Hanil@2019', () => {
    n++;
    return false;
  });
  assert.ok(n > 50_000 && n < 200_000, String(n));
});
