/** `haechi evtx dump`: the native EVTX parser from the command line. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedData, skipUnlessData } from '@haechi/core/testing';
import { runCli } from './run-cli.js';

const SAMPLE = 'evtxrs__HelloForBusiness_incomplete_sid.evtx';

test('evtx dump --jsonl: one evtx_dump-shaped object per record', {
  skip: skipUnlessData('evtx/samples'),
}, () => {
  const r = runCli(['evtx', 'dump', '--jsonl', sharedData('evtx/samples', SAMPLE)]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 6);
  const first = JSON.parse(lines[0]);
  assert.equal(first.Event['#attributes'].xmlns, 'http://schemas.microsoft.com/win/2004/08/events/event');
  assert.equal(typeof first.Event.System.EventID, 'number');
  // the damaged last record is reported with file, chunk and offset, and the totals at the end
  assert.match(r.stderr, /chunk 0 \(file offset 0x1f90\): record 6: size copy does not match/);
  assert.match(r.stderr, /6 records from 1 file/);
});

test('evtx dump (XML) and --carve', { skip: skipUnlessData('evtx/samples') }, () => {
  const file = sharedData('evtx/samples', 'evtxrs__corrupt_bad_chunk_magic.evtx');
  const r = runCli(['evtx', 'dump', '-q', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith('<?xml'));
  assert.equal(r.stdout.match(/<Event xmlns=/g)?.length, 270);
  assert.match(r.stdout, /<\/Events>\n$/);
  const c = runCli(['evtx', 'dump', '-q', '--carve', file]);
  const carved = c.stdout.match(/<!-- recovered from slack space/g)?.length ?? 0;
  assert.ok(carved > 0);
  assert.equal(c.stdout.match(/<Event xmlns=/g)?.length, 270 + carved);
});

test('evtx dump: bad usage and non-EVTX input give exit codes 2 and 3', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haechi-evtx-'));
  const bogus = join(dir, 'bogus.evtx');
  writeFileSync(bogus, 'this is not an event log');
  const r = runCli(['evtx', 'dump', bogus]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /bogus\.evtx.*not an EVTX file/);
  assert.equal(runCli(['evtx', 'dump', '--xml', '--jsonl', bogus]).code, 2);
});
