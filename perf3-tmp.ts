import { readFileSync } from 'node:fs';
import { loadRules, SigmaDetector } from './packages/core/src/detect/sigma/index.ts';
const events = readFileSync('/tmp/sd-events.jsonl', 'utf8').split('\n').map((l) => JSON.parse(l));
const res = loadRules(['/work/shared/data/sigma/rules']);
const det = new SigmaDetector(res.rules, { logsources: res.logsources });
const by = new Map<string, any[]>(); for (const e of events) { const k = `${e.fields.Channel}|${e.fields.EventID}`; (by.get(k) ?? by.set(k, []).get(k)!).push(e); }
const cpu = () => process.cpuUsage().user / 1000;
const rows: [string, number, number, number][] = [];
det.detect(events.slice(0, 5000), []);
for (const [k, evs] of by) { const s0 = det.stats.evaluations; const t = cpu(); for (let i = 0; i < evs.length; i += 1000) det.detect(evs.slice(i, i + 1000), []); rows.push([k, evs.length, cpu() - t, (det.stats.evaluations - s0) / evs.length]); }
rows.sort((a, b) => b[2] - a[2]);
const tot = rows.reduce((a, r) => a + r[2], 0);
console.log('total ms', tot.toFixed(0), 'ev/s', (events.length / tot * 1000).toFixed(0));
for (const r of rows.slice(0, 15)) console.log(`${r[2].toFixed(0)}ms ${r[1]} ev ${(r[2] / r[1] * 1000).toFixed(1)}us/ev evals ${r[3].toFixed(1)} rules ${det.rulesFor(by.get(r[0])![0]).length} ${r[0]}`);
