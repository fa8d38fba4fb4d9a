/**
 * `npm run bench -- network [--lines N] [--conns N] [--lookups N]`
 *  1. Zeek conn.log parsing: lines per second on one thread (real stratosphere 008 records repeated
 *     to N lines in a temp file; the same records as Zeek JSON for comparison).
 *  2. All network analytics over N generated connections (a company of 2,000 hosts talking to
 *     20,000 destinations, with one beacon, one relay chain and one upload in it): feed + finish.
 *  3. Enrichment: ASN/country lookups per second on distinct public addresses (no cache hits).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Event } from '@haechi/core';
import { createNetworkAnalytics } from '@haechi/core/analytics/network';
import { createEnricher, sharedGeoDb } from '@haechi/core/enrich';
import { fileInput, zeekJsonReader, zeekTsvReader } from '@haechi/core/ingest/network';
import { sharedData, skipUnlessData } from '@haechi/core/testing';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
}
const LINES = arg('lines', 1_000_000);
const CONNS = arg('conns', 1_000_000);
const LOOKUPS = arg('lookups', 1_000_000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
/** CPU seconds of this process since `c0`: on a shared machine wall time says more about the neighbours */
const cpuSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const load = () =>
  process.platform === 'linux' ? (readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?') : '?';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function parseBench(): Promise<void> {
  const skip = skipUnlessData('network/stratosphere');
  if (skip) {
    console.log(`parse: skipped (${skip})`);
    return;
  }
  const src = readFileSync(
    sharedData('network/stratosphere/008-zeek-mixed/data/conn.log.labeled'),
    'utf8',
  ).split('\n');
  const header = src.filter((l) => l.startsWith('#') && !l.startsWith('#close'));
  const data = src.filter((l) => l && !l.startsWith('#'));
  const dir = mkdtempSync(join(tmpdir(), 'haechi-bench-net-'));
  try {
    const rows: string[] = [];
    for (let i = 0; i < LINES; i++) rows.push(data[i % data.length]!);
    const tsvPath = join(dir, 'conn.log');
    writeFileSync(tsvPath, `${header.join('\n')}\n${rows.join('\n')}\n`);
    const mb = readFileSync(tsvPath).length / 1e6;
    for (const [label, reader, path] of [['TSV', zeekTsvReader, tsvPath]] as const) {
      let best = 0;
      let bestCpu = 0;
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        let n = 0;
        for await (const b of reader.read(fileInput(path), { batchSize: 2000 })) n += b.length;
        const s = (performance.now() - t0) / 1000;
        if (n !== LINES) throw new Error(`read ${n} of ${LINES}`);
        best = Math.max(best, n / s);
        bestCpu = Math.max(bestCpu, n / cpuSince(c0));
      }
      // the floor: only splitting the same file into lines and columns, no values, no events
      const b0 = process.cpuUsage();
      let cols = 0;
      for (const line of readFileSync(path, 'utf8').split('\n')) cols += line.split('\t').length;
      const floor = LINES / cpuSince(b0);
      console.log(
        `parse Zeek ${label} conn.log: ${fmt(best)} lines/s wall, ${fmt(bestCpu)} lines per CPU-second (${((bestCpu * mb) / LINES).toFixed(1)} MB/s; best of 3, ${fmt(LINES)} lines, ${mb.toFixed(0)} MB, one thread, load ${load()}); ` +
          `split-only floor ${fmt(floor)} lines per CPU-second (parse = ${((100 * bestCpu) / floor).toFixed(0)} % of it; ${cols > 0 ? 'columns split' : ''})`,
      );
    }
    // the same records as Zeek JSON
    const fields = header
      .find((l) => l.startsWith('#fields'))!
      .split('\t')
      .slice(1);
    const jsonRows: string[] = [];
    const events: Event[] = [];
    for await (const b of zeekTsvReader.read(fileInput(tsvPath), {})) {
      for (const e of b) {
        if (events.length < 200_000) events.push(e);
      }
      if (events.length >= 200_000) break;
    }
    for (const e of events) jsonRows.push(JSON.stringify({ _path: 'conn', ...e.fields }));
    const jsonPath = join(dir, 'conn.json');
    writeFileSync(jsonPath, `${jsonRows.join('\n')}\n`);
    const c0 = process.cpuUsage();
    let n = 0;
    for await (const b of zeekJsonReader.read(fileInput(jsonPath), { batchSize: 2000 })) n += b.length;
    const rate = n / cpuSince(c0);
    console.log(
      `parse Zeek JSON conn.log (same records): ${fmt(rate)} lines per CPU-second (${fmt(n)} lines, ${fields.length} fields)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function analyticsBench(): Promise<void> {
  const r = rng(42);
  const enricher = createEnricher();
  sharedGeoDb().preload();
  const analytics = createNetworkAnalytics({ enricher });
  const hosts = Array.from({ length: 2000 }, (_, i) => `10.${1 + (i >> 8)}.${i & 255}.${10 + (i % 200)}`);
  const dests = Array.from(
    { length: 20_000 },
    () =>
      `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`,
  );
  const start = Date.UTC(2026, 2, 2);
  const span = 2 * 86_400_000;
  let genMs = 0;
  let feedMs = 0;
  const cpu0 = process.cpuUsage();
  let genCpu = 0;
  let made = 0;
  let record = 0;
  const BATCH = 10_000;
  while (made < CONNS) {
    const g0 = performance.now();
    const gc0 = process.cpuUsage();
    const batch: Event[] = [];
    for (let i = 0; i < BATCH && made < CONNS; i++, made++) {
      let src = hosts[Math.floor(r() * hosts.length)]!;
      let dst = dests[Math.floor(r() ** 3 * dests.length)]!; // a few popular destinations
      let dport = r() < 0.8 ? 443 : r() < 0.5 ? 80 : [22, 3389, 53, 445, 8080][Math.floor(r() * 5)]!;
      let time = start + Math.floor(r() * span);
      let orig = Math.floor(200 + r() * 5000);
      if (made % 500 === 0) {
        // the beacon: one host, every 5 minutes
        src = hosts[7]!;
        dst = '139.180.140.83';
        dport = 443;
        time = start + (made / 500) * 300_000;
        orig = 620;
      }
      if (dport === 3389 || dport === 22) dst = hosts[Math.floor(r() * hosts.length)]!;
      let duration = r() * 60;
      let resp = Math.floor(500 + r() * 50_000);
      const k = made % 333_331;
      if (k < 3 && made > 1000) {
        // a relay chain, three times: from a VPS by RDP to host 11, on to host 12 within 20 s
        const hop = [
          ['45.76.133.21', hosts[11]!],
          [hosts[11]!, hosts[12]!],
          [hosts[12]!, hosts[13]!],
        ][k]!;
        src = hop[0]!;
        dst = hop[1]!;
        dport = 3389;
        time = start + Math.floor(made / 333_331) * 7_200_000 + 3_600_000 + k * 20_000;
        duration = 1800 - k * 30;
        orig = 2_000_000;
        resp = 9_000_000;
      }
      if (made === 777_777) {
        // the upload
        src = hosts[12]!;
        dst = '162.125.5.14';
        dport = 443;
        orig = 380_000_000;
        resp = 60_000;
      }
      batch.push({
        time,
        source: { kind: 'zeek.conn', uri: 'bench/conn.log', record: ++record },
        fields: {
          ts: time / 1000,
          uid: `C${record}`,
          'id.orig_h': src,
          'id.orig_p': 49152 + (record % 16000),
          'id.resp_h': dst,
          'id.resp_p': dport,
          proto: 'tcp',
          duration,
          orig_bytes: orig,
          resp_bytes: resp,
          conn_state: r() < 0.05 ? 'S0' : 'SF',
        },
      });
    }
    const g1 = performance.now();
    genCpu += cpuSince(gc0);
    for (const a of analytics) {
      const wanted = batch.filter((e) => a.wants(e));
      if (wanted.length) a.feed(wanted);
    }
    const g2 = performance.now();
    genMs += g1 - g0;
    feedMs += g2 - g1;
  }
  const f0 = performance.now();
  const counts: Record<string, number> = {};
  for (const a of analytics) for (const f of a.finish()) counts[f.detector] = (counts[f.detector] ?? 0) + 1;
  const finishMs = performance.now() - f0;
  const analyticsCpu = cpuSince(cpu0) - genCpu;
  (globalThis as { gc?: () => void }).gc?.(); // live state only, not garbage awaiting collection
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(
    `analytics over ${fmt(CONNS)} connections (2,000 hosts, 20,000 destinations): feed ${(feedMs / 1000).toFixed(2)} s + finish ${(finishMs / 1000).toFixed(2)} s = ${((feedMs + finishMs) / 1000).toFixed(2)} s (${fmt(CONNS / ((feedMs + finishMs) / 1000))} conns/s wall; ${analyticsCpu.toFixed(1)} CPU-s, ${fmt(CONNS / analyticsCpu)} conns per CPU-second; generating them took ${(genMs / 1000).toFixed(2)} s; heap ${heap.toFixed(0)} MB; load ${load()})`,
  );
  console.log(`  findings: ${JSON.stringify(counts)}`);
}

function enrichBench(): void {
  const r = rng(9);
  const t0 = performance.now();
  const geo = sharedGeoDb();
  geo.preload();
  const loadMs = performance.now() - t0;
  const ips: string[] = [];
  for (let i = 0; i < LOOKUPS; i++)
    ips.push(
      `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`,
    );
  const e = createEnricher();
  const t1 = process.cpuUsage();
  let found = 0;
  for (const ip of ips) if (e.lookup(ip).asn !== undefined) found++;
  const s = cpuSince(t1);
  // the typed-array search alone (addresses as numbers: what the readers' text costs aside)
  const nums = Uint32Array.from(ips, (ip) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0));
  const t3 = process.cpuUsage();
  let hits = 0;
  for (let k = 0; k < 3; k++) for (const n of nums) if (geo.lookupV4(n).asn !== undefined) hits++;
  const sRaw = cpuSince(t3);
  const v6: string[] = [];
  for (let i = 0; i < 200_000; i++)
    v6.push(
      `2${Math.floor(r() * 0x1000)
        .toString(16)
        .padStart(
          3,
          '0',
        )}:${Math.floor(r() * 0x10000).toString(16)}::${Math.floor(r() * 0x10000).toString(16)}`,
    );
  const e6 = createEnricher();
  const t2 = process.cpuUsage();
  for (const ip of v6) e6.lookup(ip);
  const s6 = cpuSince(t2);
  console.log(
    `enrichment: tables loaded in ${(loadMs / 1000).toFixed(2)} s wall; per CPU-second: ${fmt(LOOKUPS / s)} IPv4 lookups by text through the enricher (${fmt(LOOKUPS)} distinct addresses, ${((100 * found) / LOOKUPS).toFixed(0)} % with an ASN), ` +
      `${fmt((3 * nums.length) / sRaw)} ASN+country searches on numeric IPv4 (${hits > 0 ? 'typed arrays' : ''}), ${fmt(v6.length / s6)} IPv6 lookups by text; load ${load()}`,
  );
}

if (process.argv.includes('--parse-only')) {
  await parseBench();
} else {
  await parseBench();
  // V8's default young generation is small for a reader that allocates an object per line; hunt's
  // worker threads can give it more (Worker resourceLimits.maxYoungGenerationSizeMb). Measure that too.
  console.log('with --max-semi-space-size=64 (young generation 64 MB):');
  spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      '--max-semi-space-size=64',
      fileURLToPath(import.meta.url),
      '--parse-only',
      '--lines',
      String(LINES),
    ],
    {
      stdio: 'inherit',
    },
  );
  enrichBench();
  await analyticsBench();
}
