import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { parse } from 'yaml';
import { loadRules, SigmaDetector } from './packages/core/src/detect/sigma/index.ts';
import type { Event, Finding } from './packages/core/src/model/index.ts';
const t0 = performance.now();
const S = '/work/shared/data/sigma/';
const res = loadRules([S + 'rules', S + 'rules-emerging-threats', S + 'rules-threat-hunting', S + 'rules-placeholder']);
console.log('load', (performance.now() - t0).toFixed(0), 'ms', res.rules.length, 'rejected', res.rejected.length, 'warnings', res.warnings.length);
const wc = new Map<string, number>(); for (const w of res.warnings) { const k = w.message.replace(/'[^']*'/g, 'X'); wc.set(k, (wc.get(k) ?? 0) + 1); }
console.log([...wc].sort((a, b) => b[1] - a[1]).slice(0, 12));
const det = new SigmaDetector(res.rules, { logsources: res.logsources });
function flatten(o: any): Record<string, unknown> {
  const ev = o.Event; const sys = ev.System; const f: Record<string, unknown> = {};
  f.EventID = typeof sys.EventID === 'object' ? sys.EventID['#text'] : sys.EventID;
  f.Channel = sys.Channel; f.Computer = sys.Computer; f.Provider_Name = sys.Provider?.['#attributes']?.Name; f.EventRecordID = sys.EventRecordID;
  const data = ev.EventData ?? ev.UserData; if (data && typeof data === 'object') {
    const walk = (d: any) => { for (const [k, v] of Object.entries(d)) { if (k === '#attributes') continue; if (v && typeof v === 'object' && !Array.isArray(v)) walk(v); else f[k] = v; } };
    walk(data);
  }
  return f;
}
function splitConcat(text: string): any[] { const out: any[] = []; let depth = 0, start = -1, inStr = false, esc = false;
  for (let i = 0; i < text.length; i++) { const c = text[i]; if (inStr) { if (esc) esc = false; else if (c === '\\') esc = true; else if (c === '"') inStr = false; continue; }
    if (c === '"') inStr = true; else if (c === '{') { if (depth++ === 0) start = i; } else if (c === '}') { if (--depth === 0) out.push(JSON.parse(text.slice(start, i + 1))); } } return out; }
const infos = execSync(`find ${S}regression_data -name info.yml`).toString().trim().split('\n');
let pass = 0; const fails: string[] = [];
for (const info of infos) {
  const i = parse(readFileSync(info, 'utf8'));
  const ruleId = i.rule_metadata[0].id;
  for (const t of i.regression_tests_info) {
    const json = S + t.path.replace(/^regression_data/, 'regression_data').replace(/\.evtx$/, '.json');
    const objs = splitConcat(readFileSync(json.replace(S + 'regression_data', S + 'regression_data'), 'utf8'));
    const events: Event[] = objs.map((o, k) => ({ time: 0, source: { kind: 'evtx-json', uri: json, record: k + 1 }, fields: flatten(o) }));
    const out: Finding[] = []; det.detect(events, out);
    const n = out.filter((f) => f.rule.id === ruleId).length;
    if (n >= (t.match_count ?? 1)) pass++; else fails.push(`${ruleId} ${info.split('/').slice(-2)[0]} got ${n} want ${t.match_count} ch=${events[0]?.fields.Channel} eid=${events[0]?.fields.EventID}`);
  }
}
console.log('regression pass', pass, 'fail', fails.length); console.log(fails.join('\n'));
