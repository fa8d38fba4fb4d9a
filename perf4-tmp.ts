import { readFileSync } from 'node:fs';
import { loadRules, SigmaDetector } from './packages/core/src/detect/sigma/index.ts';
const want = process.argv[2];
const events = readFileSync('/tmp/sd-events.jsonl', 'utf8').split('\n').map((l) => JSON.parse(l)).filter((e) => `${e.fields.Channel}|${e.fields.EventID}` === want);
const res = loadRules(['/work/shared/data/sigma/rules'], { logsources: '/work/main/packages/core/src/detect/sigma/logsources.yaml' }); for (let k = 0; k < 4; k++) new SigmaDetector(res.rules, { logsources: res.logsources }).detect(events, []);
const cost = new Map<string, [number, number]>();
const cpu = () => process.cpuUsage().user;
for (const r of res.rules) { const m = r.match; r.match = (ctx) => { const t = cpu(); const x = m(ctx); const c = cost.get(r.title) ?? [0, 0]; c[0] += cpu() - t; c[1]++; cost.set(r.title, c); return x; }; }
const det = new SigmaDetector(res.rules, { logsources: res.logsources });
const t = cpu(); det.detect(events, []); console.log('total', ((cpu() - t) / 1000).toFixed(0), 'ms', events.length, 'avg size', (events.reduce((a, e) => a + JSON.stringify(e.fields).length, 0) / events.length).toFixed(0));
console.log([...cost].sort((a, b) => b[1][0] - a[1][0]).slice(0, 8).map(([k, [t, n]]) => `${(t / 1000).toFixed(0)}ms ${n} ${k}`).join('\n'));
