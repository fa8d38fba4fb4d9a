import { readFileSync } from 'node:fs';
import { loadRules, SigmaDetector } from './packages/core/src/detect/sigma/index.ts';
import type { Event, Finding } from './packages/core/src/model/index.ts';
const S = '/work/shared/data/sigma/';
const events: Event[] = [];
for (const l of readFileSync('/tmp/sd-events.jsonl', 'utf8').split('\n')) events.push(JSON.parse(l));
console.log('events', events.length);
const ch = new Map<string, number>(); for (const e of events) { const k = `${e.fields.Channel}|${e.fields.EventID}`; ch.set(k, (ch.get(k) ?? 0) + 1); }
console.log([...ch].sort((a, b) => b[1] - a[1]).slice(0, 15));
const res0 = loadRules([S + 'rules'], { logsources: '/work/main/packages/core/src/detect/sigma/logsources.yaml' }); const res = { ...res0, rules: process.argv.includes('--nokw') ? res0.rules.filter((r) => !(r.logsource.product === 'windows' && !r.logsource.category && !r.logsource.service)) : res0.rules };
console.log('rules', res.rules.length);
{ const texts = events.map((e) => JSON.stringify(e.fields)); const c0 = process.cpuUsage(); for (const t of texts) JSON.parse(t); const c = process.cpuUsage(c0); console.log('JSON.parse cpu ev/s', (texts.length / ((c.user + c.system) / 1e6)).toFixed(0)); }
for (const pf of process.argv.includes("--nopf") ? [true, false] : [true]) {
  const det = new SigmaDetector(res.rules, { logsources: res.logsources, prefilter: pf });
  const out: Finding[] = [];
  det.detect(events.slice(0, 2000), []);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += 1000) det.detect(events.slice(i, i + 1000), out);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  console.log('cpu ev/s', (events.length / ((cpu.user + cpu.system) / 1e6)).toFixed(0));
  console.log(`prefilter=${pf}: ${(events.length / ms * 1000).toFixed(0)} ev/s, findings ${out.length}, evals/event ${(det.stats.evaluations / det.stats.events).toFixed(1)}`);
}
