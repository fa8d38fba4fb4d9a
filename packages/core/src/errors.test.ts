import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exitCodeOf, HaechiError, httpStatusOf } from './errors.js';

test('HaechiError maps codes to exit codes and HTTP statuses and names the place', () => {
  const e = new HaechiError('input', 'bad JSON', { file: 'a.json', line: 7, field: 'EventID' });
  assert.equal(exitCodeOf(e), 3);
  assert.equal(httpStatusOf(e), 422);
  assert.equal(e.describe(), 'a.json:7: bad JSON (field EventID)');
  assert.equal(exitCodeOf(new HaechiError('usage', 'x')), 2);
  assert.equal(exitCodeOf(new Error('x')), 70);
});
