/**
 * A large EVTX file is split into chunk ranges that the hunt's workers read in parallel; the
 * timeline and the input summary must be exactly those of one thread reading the whole file.
 */
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CHUNK_SIZE, FILE_HEADER_SIZE } from '@haechi/core/ingest/evtx';
import { sharedData, skipUnlessData } from '@haechi/core/testing';
import { workUnits } from '../src/hunt/pipeline.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-evtx-split-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A file of the samples' chunks, repeated (chunks are self-contained), behind the first header. */
function bigEvtx(reps: number): { path: string; chunks: number } {
  const files = [
    'evtxrs__security.evtx',
    'evtxrs__sysmon.evtx',
    'mitre_cc0__Security_4688_5447_4950_firewall_3MB.evtx',
    'evtxrs__system.evtx',
  ].map((f) => readFileSync(sharedData('evtx/samples', f)));
  const path = join(dir, 'big.evtx');
  const fd = openSync(path, 'w');
  let chunks = 0;
  writeSync(fd, files[0].subarray(0, FILE_HEADER_SIZE));
  for (let k = 0; k < reps; k++)
    for (const b of files)
      for (let off = FILE_HEADER_SIZE; off + CHUNK_SIZE <= b.length; off += CHUNK_SIZE)
        if (b.subarray(off, off + 8).toString('latin1') === 'ElfChnk\0') {
          writeSync(fd, b.subarray(off, off + CHUNK_SIZE));
          chunks++;
        }
  closeSync(fd);
  return { path, chunks };
}

test('work units: a large EVTX file becomes contiguous chunk ranges; other files stay whole', {
  skip: skipUnlessData('evtx/samples'),
}, () => {
  const { path, chunks } = bigEvtx(1);
  const size = FILE_HEADER_SIZE + chunks * CHUNK_SIZE;
  const units = workUnits([{ path, size }], 2, undefined, 32);
  assert.ok(units.length >= 2 && units.length <= 4, `${units.length} parts`);
  let next = 0;
  for (const u of units) {
    assert.equal(u.path, path);
    assert.equal(u.chunks?.[0], next);
    next = u.chunks?.[1] ?? -1;
  }
  assert.equal(next, chunks);
  // below the size, with one thread, with another --format, or not EVTX: one unit each
  assert.equal(workUnits([{ path, size }], 2).length, 1);
  assert.equal(workUnits([{ path, size }], 1, undefined, 32).length, 1);
  assert.equal(workUnits([{ path, size }], 2, 'json', 32).length, 1);
  const notEvtx = join(dir, 'not.evtx');
  writeFileSync(notEvtx, Buffer.alloc(size, 0x41));
  assert.deepEqual(
    workUnits([{ path: notEvtx, size }], 2, undefined, 32).map((u) => u.chunks),
    [undefined],
  );
});

test('hunt over a split EVTX file gives the timeline and input summary of one thread', {
  skip: skipUnlessData('evtx/samples'),
}, () => {
  const { path, chunks } = bigEvtx(2);
  const env = {
    HAECHI_HUNT__EVTX_SPLIT_CHUNKS: '64',
    HAECHI_HUNT__PARALLEL_MIN_BYTES: '0',
    HAECHI_LOG_LEVEL: 'info',
  };
  const one = runCli(['hunt', path, '--json', '--threads', '1', '--no-progress'], { env });
  const two = runCli(['hunt', path, '--json', '--threads', '2', '--no-progress'], { env });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  // the split happened (and only with more than one thread)
  assert.match(two.stderr, /parts of about \d+ chunks for 2 workers/);
  assert.doesNotMatch(one.stderr, /parts of about/);
  const a = JSON.parse(one.stdout) as { summary: Record<string, unknown>; findings: unknown[] };
  const b = JSON.parse(two.stdout) as typeof a;
  assert.ok(a.findings.length > 0);
  assert.deepEqual(b.findings, a.findings);
  a.summary.durationMs = 0;
  b.summary.durationMs = 0;
  assert.deepEqual(b.summary, a.summary);
  // every record of every chunk was read once
  assert.ok((a.summary.events as number) > chunks * 20, `${a.summary.events} events from ${chunks} chunks`);
});
