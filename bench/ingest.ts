/**
 * `npm run bench -- ingest [--mb N] [--big-mb N]` (--mb 0: the big file only): throughput of the Windows JSON readers against
 * bare JSON.parse of the same bytes, measured in the same run.
 *  1. evtx_dump pretty objects concatenated (the SigmaHQ regression twins, repeated to N MB):
 *     bare = one JSON.parse of the same objects as one array text (decode included);
 *     split = the streaming splitter + JSON.parse per object; read = the whole reader (normalised
 *     Events, in batches).
 *  2. NXLog JSON lines (Security-Datasets, decompressed in memory to N MB): bare = JSON.parse per
 *     line after a native split; read = the whole reader.
 *  3. With --big-mb N (e.g. 1024): writes an N MB JSON lines file to a temp folder, reads it through
 *     readPaths and prints the peak RSS, to show memory stays flat whatever the input size.
 */
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  discoverInputs,
  type InputSource,
  JsonRecordSplitter,
  readPaths,
  readWindowsJson,
} from '@haechi/core/ingest';
import { fmt, needData, row } from './_util.js';

/**
 * Best of `repeat` runs by process CPU time (user + system): the machines these run on are shared,
 * and CPU time is far less disturbed by other processes than wall time. Wall time is kept too.
 */
async function best(repeat: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    global.gc?.();
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  return bestCpu;
}

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const targetMb = opt('--mb', 64);
const bigMb = opt('--big-mb', 0);
const CHUNK = 256 * 1024;

function walk(dir: string, suffix: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, suffix, out);
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

function memInput(buf: Buffer, uri: string): InputSource {
  return {
    uri,
    name: uri,
    head: buf.subarray(0, 65536),
    open: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, i + CHUNK);
        })(),
        { objectMode: false },
      ),
  };
}

async function readAll(input: InputSource): Promise<number> {
  let n = 0;
  let problems = 0;
  for await (const b of readWindowsJson(input, {
    onProblem: (p) => void (p.level === 'error' && problems++),
  }))
    n += b.length;
  if (problems) throw new Error(`${problems} problems`);
  return n;
}

function report(label: string, bytes: number, events: number, ms: number, baseMs?: number) {
  row(
    label,
    `${fmt(bytes / 1e6 / (ms / 1000), 0)} MB/s`,
    `${fmt(events / (ms / 1000), 0)} ev/s`,
    baseMs === undefined ? '' : `x${fmt(baseMs / ms, 2)} of bare`,
  );
}

console.log(`node ${process.version}; best of 3 runs by CPU time; ${targetMb} MB per case`);
row('case', 'throughput', 'events', 'ratio');

// 1. evtx_dump pretty JSON (--mb 0 skips 1 and 2, to measure the big file's RSS alone) --------
if (targetMb > 0) {
  // the twins hold one or more objects each; evtx_dump closes each with `}` alone on its line
  const twins = walk(needData('sigma', 'regression_data'), '.json').flatMap((f) =>
    readFileSync(f, 'utf8')
      .split(/^\}\s*$/m)
      .filter((x) => x.trim())
      .map((x) => `${x.trim()}\n}`),
  );
  const objs: string[] = [];
  let size = 0;
  while (size < targetMb * 1e6) {
    for (const t of twins) {
      objs.push(t);
      size += t.length + 1;
    }
  }
  const concatenated = Buffer.from(objs.join('\n'));
  const asArray = Buffer.from(`[${objs.join(',')}]`);
  // the number of events: count once with the reader itself, check against the bare parse
  const bareCount = (JSON.parse(asArray.toString('utf8')) as unknown[]).length;
  const bare = await best(3, () => JSON.parse(asArray.toString('utf8')));
  report('evtx_dump pretty: bare JSON.parse (array)', asArray.length, bareCount, bare);
  let splitCount = 0;
  const split = await best(3, () => {
    splitCount = 0;
    const s = new JsonRecordSplitter(
      (r) => {
        JSON.parse(r.text);
        splitCount++;
      },
      () => {
        throw new Error('problem');
      },
    );
    for (let i = 0; i < concatenated.length; i += CHUNK) s.push(concatenated.subarray(i, i + CHUNK));
    s.end();
  });
  if (splitCount !== bareCount) throw new Error(`split ${splitCount} vs ${bareCount}`);
  report('evtx_dump pretty: splitter + JSON.parse', concatenated.length, splitCount, split, bare);
  let n = 0;
  const read = await best(3, async () => {
    n = await readAll(memInput(concatenated, 'pretty.json'));
  });
  if (n !== bareCount) throw new Error(`read ${n} vs ${bareCount}`);
  report('evtx_dump pretty: reader (normalised Events)', concatenated.length, n, read, bare);
}

// 2. NXLog JSON lines -----------------------------------------------------------------------
if (targetMb > 0) {
  const parts: Buffer[] = [];
  let size = 0;
  const zips = walk(needData('windows-json', 'security-datasets'), '.zip').filter(
    (z) => !z.includes('/network/'),
  );
  outer: for (const z of zips) {
    for await (const input of discoverInputs([z])) {
      for await (const c of input.open()) {
        parts.push(c as Buffer);
        size += (c as Buffer).length;
      }
      if (size >= targetMb * 1e6) break outer;
    }
  }
  const jsonl = Buffer.concat(parts);
  let lines = 0;
  const bare = await best(3, () => {
    lines = 0;
    const text = jsonl.toString('utf8');
    let s = 0;
    for (;;) {
      const e = text.indexOf('\n', s);
      if (e === -1) break;
      if (e > s) {
        JSON.parse(text.slice(s, e));
        lines++;
      }
      s = e + 1;
    }
  });
  report('NXLog JSONL: bare JSON.parse per line', jsonl.length, lines, bare);
  let n = 0;
  const read = await best(3, async () => {
    n = await readAll(memInput(jsonl, 'nxlog.json'));
  });
  if (n !== lines) throw new Error(`read ${n} vs ${lines} lines`);
  report('NXLog JSONL: reader (normalised Events)', jsonl.length, n, read, bare);
}

// 3. peak RSS over a big file ---------------------------------------------------------------
if (bigMb > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'haechi-bench-ingest-'));
  try {
    const file = join(dir, 'big.json');
    const sample: Buffer[] = [];
    let sz = 0;
    for await (const input of discoverInputs([
      needData(
        'windows-json',
        'security-datasets',
        'lateral_movement',
        'host',
        'purplesharp_ad_playbook_I.zip',
      ),
    ])) {
      for await (const c of input.open()) {
        sample.push(c as Buffer);
        sz += (c as Buffer).length;
      }
    }
    const block = Buffer.concat(sample);
    const out = createWriteStream(file);
    let written = 0;
    while (written < bigMb * 1e6) {
      if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
      written += block.length;
    }
    await new Promise<void>((r) => out.end(r));
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t0 = performance.now();
    let events = 0;
    for await (const r of readPaths([file], { onProblem: () => {} })) {
      for await (const b of r.batches) {
        events += b.length;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }
    const ms = performance.now() - t0;
    clearInterval(timer);
    console.log(
      `big file: ${fmt(written / 1e6)} MB, ${fmt(events)} events in ${fmt(ms / 1000, 1)} s ` +
        `(${fmt(written / 1e6 / (ms / 1000))} MB/s); RSS before ${fmt(rssBefore / 1e6)} MB, peak ${fmt(peak / 1e6)} MB`,
    );
    void sz;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
