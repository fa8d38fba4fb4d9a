import { readFileSync } from 'node:fs';
import { Attributor, buildGroupProfiles, DEFAULT_PARAMS, type GroupProfile } from '@haechi/core/attribution';
import { loadAttack } from '@haechi/core/intel';
const DPRK = ['G0032', 'G0067', 'G0082', 'G0094', 'G0138', 'G1036', 'G1049', 'G1052'];
const k = await loadAttack('/tmp/k.json');
const qs = readFileSync('../shared/data/attack/attribution-dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const prof = qs.map((q: any) => buildGroupProfiles(k, [], { excludeSources: new Set(q.excludeSources), excludeCampaigns: /^C/.test(q.id) ? new Set([q.id]) : undefined }));
// upper bound: truth group has any overlap
let zero = 0;
qs.forEach((q: any, i: number) => { const g = prof[i].find((g) => g.id === q.truth[0]); const ov = q.techniques.filter((t: string) => g?.techniques.has(t)).length + q.software.filter((s: string) => g?.software.has(s)).length; if (ov === 0) zero++; });
console.log('queries with zero overlap with truth profile', zero);
function evalRank(fn: (p: GroupProfile[], q: any, c?: string[]) => string[]) {
  const r: Record<string, number[]> = { A: [], B: [], D: [] };
  qs.forEach((q: any, i: number) => {
    const ids = fn(prof[i], q);
    const rk = ids.findIndex((x) => q.truth.includes(x)) + 1;
    r[q.track].push(rk);
    if (q.track === 'B' && DPRK.includes(q.truth[0])) {
      const ids2 = fn(prof[i], q, DPRK);
      r.D.push(ids2.findIndex((x) => q.truth.includes(x)) + 1);
    }
  });
  const s = (a: number[]) => `${(a.filter((x) => x === 1).length / a.length).toFixed(3)}/${(a.filter((x) => x >= 1 && x <= 3).length / a.length).toFixed(3)}`;
  return `A ${s(r.A)} B ${s(r.B)} Ddprk ${s(r.D)}`;
}
const variants: [string, any][] = [];
for (const sizeExponent of [0, 0.25, 0.35, 0.5, 0.75, 1]) variants.push([`g=${sizeExponent}`, { ...DEFAULT_PARAMS, sizeExponent }]);
for (const softwareWeight of [1, 3]) variants.push([`sw=${softwareWeight}`, { ...DEFAULT_PARAMS, softwareWeight }]);
variants.push(['pc=0', { ...DEFAULT_PARAMS, parentCredit: 0 }]);
variants.push(['stc=0', { ...DEFAULT_PARAMS, softwareTechniqueCredit: 0 }]);
for (const [n, p] of variants) console.log(n, evalRank((pr, q, c) => new Attributor(pr, p).rank({ techniques: q.techniques, software: q.software }, c).map((r) => r.id)));
function lm(mu: number, swW: number, par: number, stc: number, qexp = 0) {
  return (pr: GroupProfile[], q: any, c?: string[]) => {
    // collection model
    const cf = new Map<string, number>();
    let tot = 0;
    const fam = (t: string) => t.split('.')[0];
    for (const g of pr) {
      for (const t of g.techniques.keys()) { cf.set(t, (cf.get(t) ?? 0) + 1); tot++; }
      for (const s of g.software.keys()) { cf.set(s, (cf.get(s) ?? 0) + swW); tot += swW; }
    }
    const P = (f: string) => ((cf.get(f) ?? 0) + 0.5) / (tot + 0.5 * 1000);
    const pool = c ? pr.filter((g) => c.includes(g.id)) : pr;
    const feats: [string, number][] = [...q.techniques.map((t: string) => [t, 1]), ...q.software.map((s: string) => [s, swW])];
    const scored = pool.map((g) => {
      const fams = new Set([...g.techniques.keys()].map(fam));
      const len = g.techniques.size + swW * g.software.size + stc * g.softwareTechniques.size;
      let s = 0;
      for (const [f, w] of feats) {
        let cnt = 0;
        if (f[0] === 'S') cnt = g.software.has(f) ? swW : 0;
        else if (g.techniques.has(f)) cnt = 1;
        else if (g.softwareTechniques.has(f)) cnt = stc;
        else if (fams.has(fam(f))) cnt = par;
        s += (f[0] === 'S' ? 1 : 1) * Math.log((cnt + mu * P(f)) / (len + mu));
      }
      return { id: g.id, s };
    });
    scored.sort((a, b) => b.s - a.s);
    return scored.map((x) => x.id);
  };
}
for (const mu of [5, 20, 50, 150]) for (const sw of [1, 2]) console.log('lm', mu, sw, evalRank(lm(mu, sw, 0.5, 0.35)));
console.log('lm nopar', evalRank(lm(20, 2, 0, 0.35)));
console.log('lm nostc', evalRank(lm(20, 2, 0.5, 0)));
