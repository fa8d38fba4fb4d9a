/**
 * `npm run bench -- sigma`: the Sigma engine with the whole SigmaHQ `rules/` set over the
 * Security-Datasets events, one thread. Prints events/s with parsing excluded and included, and the
 * ratio of hunt throughput to bare JSON.parse of the same bytes, all measured in this run.
 */
import { Readable } from 'node:stream';
import type { Event, Finding } from '@haechi/core';
import { loadRules, SigmaDetector } from '@haechi/core/detect/sigma';
import { discoverInputs, type InputSource, readEvents } from '@haechi/core/ingest';
import { best, fmt, needData, row } from './_util.js';

const rulesDir = needData('sigma', 'rules');
const datasets = needData('windows-json', 'security-datasets');

async function drain(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const t0 = performance.now();
const ruleSet = await loadRules([rulesDir], { placeholders: {} });
const loadMs = performance.now() - t0;
console.log(
  `rules: ${fmt(ruleSet.rules.length)} loaded, ${fmt(ruleSet.rejected.length)} rejected in ${fmt(loadMs)} ms`,
);

// Decompress every capture once, so the timings below measure parsing and matching only.
const inputs: { uri: string; bytes: Buffer }[] = [];
for await (const input of discoverInputs([datasets], {})) {
  if (input.uri.includes('.zip!') && input.uri.endsWith('.json'))
    inputs.push({ uri: input.uri, bytes: await drain(input.open()) });
}
const totalBytes = inputs.reduce((n, i) => n + i.bytes.length, 0);

const source = (i: { uri: string; bytes: Buffer }): InputSource => ({
  uri: i.uri,
  head: i.bytes.subarray(0, 4096),
  open: () => Readable.from([i.bytes]),
});

async function readAll(): Promise<Event[][]> {
  const batches: Event[][] = [];
  for (const i of inputs) for await (const b of readEvents(source(i), {})) batches.push(b);
  return batches;
}

const batches = await readAll();
const events = batches.reduce((n, b) => n + b.length, 0);
console.log(`input: ${fmt(inputs.length)} captures, ${fmt(totalBytes / 1e6, 1)} MB, ${fmt(events)} events\n`);

const parseMs = await best(3, () => {
  let n = 0;
  for (const i of inputs) {
    const text = i.bytes.toString('utf8');
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const line = text.slice(start, nl < 0 ? undefined : nl).trim();
      if (line) {
        JSON.parse(line);
        n++;
      }
      if (nl < 0) break;
      start = nl + 1;
    }
  }
  return n;
});
const readMs = await best(3, readAll);
const detector = new SigmaDetector(ruleSet.rules, { logsources: ruleSet.logsources });
let findings = 0;
const detectMs = await best(3, () => {
  const out: Finding[] = [];
  for (const b of batches) detector.detect(b, out);
  findings = out.length;
});
const fullMs = await best(3, async () => {
  const out: Finding[] = [];
  for (const i of inputs) for await (const b of readEvents(source(i), {})) detector.detect(b, out);
});

const eps = (ms: number) => fmt((events / ms) * 1000);
row('stage', 'ms', 'events/s');
row('bare JSON.parse of the same lines', fmt(parseMs), eps(parseMs));
row('read + normalise (haechi reader)', fmt(readMs), eps(readMs));
row(`sigma, parse excluded (${fmt(ruleSet.rules.length)} rules)`, fmt(detectMs), eps(detectMs));
row('hunt = read + sigma, parse included', fmt(fullMs), eps(fullMs));
console.log(`\nfindings: ${fmt(findings)}`);
console.log(
  `ratio hunt throughput / bare JSON.parse: ${(parseMs / fullMs).toFixed(3)} (1.0 would be as fast as JSON.parse alone)`,
);
