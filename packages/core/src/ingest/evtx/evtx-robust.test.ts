/**
 * Robustness of the EVTX reader: the 277 attack-sample logs, a seeded fuzz of mutated samples
 * (no crash, no hang, bounded output), and the parallel and streaming paths giving exactly the
 * single-threaded result.
 */
import assert from 'node:assert/strict';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import type { RecordProblem } from '../types.js';
import { CHUNK_SIZE, FILE_HEADER_SIZE } from './chunk.js';
import { probeEvtxFile, readEvtxBuffer, streamEvtx } from './file.js';
import { recordToJsonLine } from './output.js';
import { readEvtxParallel } from './parallel.js';
import { evtxReader } from './reader.js';
import { toEvtxJson, toXml } from './render.js';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.toLowerCase().endsWith('.evtx')) out.push(p);
  }
  return out.sort();
}

test('all attack samples read without a fatal error', { skip: skipUnlessData('evtx/attack-samples') }, () => {
  const files = walk(sharedData('evtx/attack-samples'));
  let records = 0;
  let errors = 0;
  let warnings = 0;
  let events = 0;
  for (const f of files) {
    const recs = readEvtxBuffer(readFileSync(f), f, {
      onProblem: (p) => {
        if (p.level === 'error') errors++;
        else warnings++;
      },
    });
    records += recs.length;
    for (const r of recs) {
      // every record renders both ways and has the System fields rules route on
      const j = toEvtxJson(r.nodes) as { Event?: { System?: { EventID?: unknown; Channel?: unknown } } };
      assert.ok(j.Event?.System?.EventID !== undefined, `${f}: record ${r.id} has no EventID`);
      assert.ok(toXml(r.nodes).startsWith('<Event'));
      events++;
    }
  }
  console.log(
    `attack samples: ${files.length} files, ${records} records, ${errors} errors, ${warnings} warnings`,
  );
  assert.equal(files.length, 277);
  assert.equal(events, records);
  assert.ok(records > 5000);
});

/** mulberry32: a small seeded PRNG so the fuzz run is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('fuzz: mutated samples never crash, hang or blow up', { skip: skipUnlessData('evtx/samples') }, () => {
  const dir = sharedData('evtx/samples');
  const bases = [
    'evtxrs__security.evtx',
    'evtxrs__CAPI2_binxml_subst_pi_userdata.evtx',
    'evtxrs__system.evtx',
    'pyevtx__dns_log_malformed_ansi.evtx',
  ].map((f) => readFileSync(join(dir, f)));
  const rand = rng(20261128);
  const deadline = Date.now() + 8000;
  let runs = 0;
  let records = 0;
  while (Date.now() < deadline) {
    const base = bases[runs % bases.length];
    // one or two chunks of the file (keeps each run small), then mutations inside them
    const chunks = Math.max(1, Math.floor((base.length - FILE_HEADER_SIZE) / CHUNK_SIZE));
    const c = Math.floor(rand() * chunks);
    const buf = Buffer.concat([
      base.subarray(0, FILE_HEADER_SIZE),
      base.subarray(FILE_HEADER_SIZE + c * CHUNK_SIZE, FILE_HEADER_SIZE + (c + 1) * CHUNK_SIZE),
    ]);
    const n = 1 + Math.floor(rand() * 40);
    for (let i = 0; i < n; i++) {
      const at = FILE_HEADER_SIZE + 512 + Math.floor(rand() * (buf.length - FILE_HEADER_SIZE - 512));
      const kind = rand();
      if (kind < 0.6) buf[at] = Math.floor(rand() * 256);
      else if (kind < 0.8) buf.writeUInt32LE(Math.floor(rand() * 0xffffffff), Math.min(at, buf.length - 4));
      else buf.fill(0, at, Math.min(buf.length, at + Math.floor(rand() * 64)));
    }
    const problems: RecordProblem[] = [];
    const recs = readEvtxBuffer(buf, 'fuzz', { carve: rand() < 0.5, onProblem: (p) => problems.push(p) });
    let out = 0;
    for (const r of recs) {
      out += recordToJsonLine(r).length + toXml(r.nodes).length;
    }
    // bounded output: a 64 KiB chunk cannot expand without limit
    assert.ok(out < 64 * 1024 * 1024, `run ${runs}: ${out} bytes of output`);
    records += recs.length;
    runs++;
  }
  console.log(`fuzz: ${runs} mutated files, ${records} records read`);
  assert.ok(runs > 20);
});

test('parallel and streaming reads give exactly the single-thread result', {
  skip: skipUnlessData('evtx/samples'),
}, async () => {
  const file = sharedData('evtx/samples', 'mitre_cc0__Security_4688_5447_4950_firewall_3MB.evtx');
  const single = readEvtxBuffer(readFileSync(file), file).map(recordToJsonLine);
  const { header, chunks } = probeEvtxFile(file);
  const par: string[] = [];
  const problems: RecordProblem[] = [];
  for await (const c of readEvtxParallel(file, file, header, chunks, {
    threads: 3,
    kind: 'jsonl',
    onProblem: (p) => problems.push(p),
  })) {
    par.push(...(c.items as string[]));
  }
  assert.equal(par.length, single.length);
  assert.deepEqual(par, single);
  const streamed: string[] = [];
  for await (const recs of streamEvtx(createReadStream(file, { highWaterMark: 10000 }), file))
    streamed.push(...recs.map(recordToJsonLine));
  assert.deepEqual(streamed, single);
  // the FormatReader gives one Event per record, in the same order, from both input kinds
  const head = readFileSync(file).subarray(0, 4096);
  assert.equal(evtxReader.sniff('x.bin', head), 1);
  const ids: number[] = [];
  for await (const batch of evtxReader.read(
    { uri: file, path: file, head, open: () => createReadStream(file) },
    { settings: { threads: 2 } },
  )) {
    for (const e of batch) ids.push(e.source.record as number);
  }
  const ids2: number[] = [];
  for await (const batch of evtxReader.read({ uri: file, head, open: () => createReadStream(file) }, {})) {
    for (const e of batch) ids2.push(e.source.record as number);
  }
  assert.equal(ids.length, single.length);
  assert.deepEqual(ids2, ids);
});

test('not an EVTX file: a clear input error; a truncated file: read what is there', () => {
  assert.throws(() => readEvtxBuffer(Buffer.from('hello world'), 'x.evtx'), /not an EVTX file/);
  const file = sharedData('evtx/samples', 'evtxrs__security.evtx');
  if (skipUnlessData('evtx/samples')) return;
  const buf = readFileSync(file);
  const problems: RecordProblem[] = [];
  const recs = readEvtxBuffer(buf.subarray(0, FILE_HEADER_SIZE + CHUNK_SIZE * 2 + 1000), 'cut.evtx', {
    onProblem: (p) => problems.push(p),
  });
  assert.ok(recs.length > 0);
  assert.ok(problems.some((p) => /partial chunk/.test(p.reason)));
  // a wiped file header in front of intact chunks: reported, and the chunks are still read
  const wiped = Buffer.from(buf);
  wiped.fill(0, 0, 128);
  const wp: RecordProblem[] = [];
  const all = readEvtxBuffer(buf, 'ok.evtx');
  assert.equal(readEvtxBuffer(wiped, 'wiped.evtx', { onProblem: (p) => wp.push(p) }).length, all.length);
  assert.ok(wp.some((p) => p.level === 'error' && /damaged file header/.test(p.reason)));
  assert.equal(evtxReader.sniff('wiped.evtx', wiped.subarray(0, 65536)), 0.9);
});
