import { readPaths } from './packages/core/src/ingest/index.ts';
import { loadRules, SigmaDetector } from './packages/core/src/detect/sigma/index.ts';
import type { Event, Finding } from './packages/core/src/model/index.ts';
const S = '/work/shared/data/sigma/';
const events: Event[] = [];
for await (const r of readPaths(['/work/shared/data/windows-json/security-datasets'])) for await (const b of r.batches) for (const e of b) events.push(e);
const res = loadRules([S + 'rules']);
const cost = new Map<string, [number, number]>();
for (const r of res.rules) { const m = r.match; r.match = (ctx) => { const t = performance.now(); const x = m(ctx); const c = cost.get(r.title) ?? [0, 0]; c[0] += performance.now() - t; c[1]++; cost.set(r.title, c); return x; }; }
const det = new SigmaDetector(res.rules, { logsources: res.logsources });
const out: Finding[] = [];
for (let i = 0; i < events.length; i += 1000) det.detect(events.slice(i, i + 1000), out);
console.log([...cost].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25).map(([k, [t, n]]) => `${t.toFixed(0)}ms ${n} ${k}`).join('\n'));
