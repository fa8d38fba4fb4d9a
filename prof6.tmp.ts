import { createCredentialAttackAnalytic } from './packages/core/src/analytics/auth/index.ts';
let s = 1; const r = () => { s = (s * 1103515245 + 12345) >>> 0; return s; };
const E = 1_000_000; const T0 = Date.parse('2026-03-02T00:00:00Z');
const events: any[] = [];
for (let i = 0; i < E; i++) { const u = r() % 5000; const failed = r() % 20 === 0;
  events.push({ time: T0 + Math.floor((i / E) * 7 * 86_400_000), source: { kind: 'evtx', uri: 'b', record: i + 1 },
    fields: { EventID: failed ? 4625 : 4624, Channel: 'Security', Computer: 'DC-01', TargetUserName: `user${u}`, IpAddress: `10.${(u >> 8) & 255}.${u & 255}.${1 + (r() % 3)}`, LogonType: 3, ...(failed ? { Status: '0xc000006d', SubStatus: '0xc000006a' } : {}) } }); }
const c0 = process.cpuUsage().user;
const a = createCredentialAttackAnalytic();
for (let k = 0; k < E; k += 1000) a.feed(events.slice(k, k + 1000).filter((e) => a.wants(e)));
const c1 = process.cpuUsage().user;
const fs = a.finish();
const c2 = process.cpuUsage().user;
console.log('feed', (c1 - c0) / 1000, 'finish', (c2 - c1) / 1000, fs.length);
