import { readFileSync } from 'node:fs';
import { Attributor, buildGroupProfiles, DEFAULT_PARAMS } from '@haechi/core/attribution';
import { loadAttack } from '@haechi/core/intel';
const k = await loadAttack('/tmp/k.json');
const qs = readFileSync('../shared/data/attack/attribution-dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const win: Record<string, number> = {};
let n = 0;
for (const q of qs.filter((q: any) => q.track === 'B')) {
  const pr = buildGroupProfiles(k, [], { excludeSources: new Set(q.excludeSources) });
  const a = new Attributor(pr, { ...DEFAULT_PARAMS, sizeExponent: 0.25 });
  const r = a.rank({ techniques: q.techniques, software: q.software });
  const rk = r.findIndex((x) => q.truth.includes(x.id));
  if (rk !== 0) {
    win[r[0].name] = (win[r[0].name] ?? 0) + 1;
    const t = r[rk];
    const g = pr.find((g) => g.id === q.truth[0])!;
    if (n++ < 25) console.log(q.id.slice(0, 50).padEnd(50), 'rank', rk + 1, 'nq', q.techniques.length, q.software.length, 'truth prof', g.techniques.size, g.software.size, 'm', t?.matched.techniques.length, t?.matched.software.length, '| top', r[0].name, r[0].matched.techniques.length, r[0].matched.software.length);
  }
}
console.log(Object.entries(win).sort((a, b) => b[1] - a[1]).slice(0, 15));
