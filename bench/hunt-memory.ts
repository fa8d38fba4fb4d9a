/**
 * `npm run bench -- hunt-memory [--size-mb N] [--threads N]`: builds an input of N MB (default
 * 1024) by repeating the Security-Datasets events, runs `haechi hunt` over it with the SigmaHQ
 * rules, and prints throughput and the peak resident memory (the process's maxRSS, worker threads
 * included), against the input size: memory must stay flat however large the input.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { discoverInputs } from '@haechi/core/ingest';
import { fmt, needData } from './_util.js';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const sizeMb = opt('--size-mb', 1024);
const threads = opt('--threads', 1);
const rules = needData('sigma', 'rules');
const datasets = needData('windows-json', 'security-datasets');

async function drain(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const dir = mkdtempSync(join(tmpdir(), 'haechi-mem-'));
try {
  const chunks: Buffer[] = [];
  for await (const input of discoverInputs([datasets], {})) {
    if (!input.uri.includes('.zip!') || !input.uri.endsWith('.json')) continue;
    const b = await drain(input.open());
    chunks.push(b[b.length - 1] === 10 ? b : Buffer.concat([b, Buffer.from('\n')]));
  }
  const file = join(dir, 'big.jsonl');
  const out = createWriteStream(file);
  let written = 0;
  while (written < sizeMb * 1e6) {
    for (const c of chunks) {
      if (!out.write(c)) await new Promise<void>((r) => out.once('drain', () => r()));
      written += c.length;
      if (written >= sizeMb * 1e6) break;
    }
  }
  await new Promise<void>((r) => out.end(r));
  const size = statSync(file).size;
  console.log(`input: ${fmt(size / 1e6)} MB of NXLog JSON lines`);

  const devBin = fileURLToPath(new URL('../packages/cli/src/dev-bin.ts', import.meta.url));
  const t0 = performance.now();
  const res = spawnSync(
    process.execPath,
    [
      '--conditions=haechi-src',
      '--import',
      'tsx',
      devBin,
      'hunt',
      file,
      '--rules',
      rules,
      '--no-default-rules',
      '--threads',
      String(threads),
      '--jsonl',
      '--out',
      join(dir, 'out.jsonl'),
      '--no-progress',
    ],
    { encoding: 'utf8', env: { ...process.env, HAECHI_REPORT_RSS: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const secs = (performance.now() - t0) / 1000;
  const rss = /peak RSS (\d+) kB/.exec(res.stderr)?.[1];
  // the summary goes to stdout when the timeline goes to a file
  const ev = /Read ([\d,]+) events/.exec(res.stdout + res.stderr)?.[1];
  if (res.status !== 0) console.log(res.stderr.slice(-2000));
  console.log(
    `hunt: exit ${res.status}, ${ev ?? '?'} events in ${secs.toFixed(1)} s (${ev ? fmt(Number(ev.replace(/,/g, '')) / secs) : '?'} events/s, ${fmt(size / 1e6 / secs, 1)} MB/s)`,
  );
  console.log(
    `peak RSS: ${rss ? `${fmt(Number(rss) / 1024)} MB` : 'not reported'} for ${fmt(size / 1e6)} MB of input (threads ${threads})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
