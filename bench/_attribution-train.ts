/**
 * Fits the attribution model's feature weights (DEFAULT_PARAMS.weights in
 * packages/core/src/attribution/attributor.ts). Not part of `npm run bench`; run it with
 *   node --conditions=haechi-src --import tsx bench/_attribution-train.ts [--max N]
 *
 * Training queries are generated from the ATT&CK bundle the way the development queries were:
 * for a group and one report cited on its `uses` relationships, the query is what that report
 * supports (techniques and software) and the report is held out when the profiles are built.
 * Every report named by a development query (attribution-dev.jsonl) is left out of training, so
 * the figures `bench attribution` prints on the dev queries are out-of-sample. The model is a
 * conditional logit (softmax over the 172 groups), fitted by gradient descent with L2 shrinkage.
 */
import { readFileSync } from 'node:fs';
import { Attributor, buildGroupProfiles, FEATURES } from '@haechi/core/attribution';
import { loadAttack } from '@haechi/core/intel';
import { sharedData } from '@haechi/core/testing';

const args = process.argv.slice(2);
const maxQ = Number(args[args.indexOf('--max') + 1] || 900);
const k = await loadAttack(sharedData('attack', 'enterprise-attack.json'));
const dev = readFileSync(sharedData('attack', 'attribution-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { excludeSources: string[] });
const devSources = new Set(dev.flatMap((q) => q.excludeSources));

// group -> report -> features it supports
const byReport = new Map<string, { g: string; src: string; t: Set<string>; s: Set<string> }>();
for (const r of k.relations) {
  if (r.type !== 'uses' || !r.source.startsWith('G')) continue;
  for (const c of r.citations) {
    if (devSources.has(c)) continue;
    const key = `${r.source}|${c}`;
    let q = byReport.get(key);
    if (!q) byReport.set(key, (q = { g: r.source, src: c, t: new Set(), s: new Set() }));
    (r.target.startsWith('T') ? q.t : q.s).add(r.target);
  }
}
let queries = [...byReport.values()].filter((q) => q.t.size + q.s.size >= 3);
// deterministic subsample, spread over groups
queries.sort((a, b) => (a.src < b.src ? -1 : a.src > b.src ? 1 : a.g < b.g ? -1 : 1));
const step = Math.max(1, Math.floor(queries.length / maxQ));
queries = queries.filter((_, i) => i % step === 0).slice(0, maxQ);
console.log(
  `training queries: ${queries.length} (of ${byReport.size} group-report pairs; dev reports excluded: ${devSources.size})`,
);

const X: number[][][] = [];
const Y: number[] = [];
const t0 = performance.now();
for (const q of queries) {
  const profiles = buildGroupProfiles(k, [], { excludeSources: new Set([q.src]) });
  const ranked = new Attributor(profiles).rank({ techniques: [...q.t], software: [...q.s] });
  const truth = ranked.findIndex((r) => r.id === q.g);
  if (truth < 0) continue;
  X.push(ranked.map((r) => FEATURES.map((f) => r.features[f])));
  Y.push(truth);
}
console.log(`features computed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const d = FEATURES.length;
let w = new Array(d).fill(0);
const l2 = 1e-3;
const lossAndGrad = (w: number[]) => {
  let loss = 0;
  const g = new Array(d).fill(0);
  for (let i = 0; i < X.length; i++) {
    const xs = X[i];
    const z = xs.map((x) => x.reduce((a, v, j) => a + v * w[j], 0));
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, v) => a + v, 0);
    loss -= z[Y[i]] - m - Math.log(s);
    for (let c = 0; c < xs.length; c++) {
      const p = e[c] / s - (c === Y[i] ? 1 : 0);
      if (p === 0) continue;
      for (let j = 0; j < d; j++) g[j] += p * xs[c][j];
    }
  }
  for (let j = 0; j < d; j++) {
    loss += (l2 * X.length * w[j] * w[j]) / 2;
    g[j] = g[j] / X.length + l2 * w[j];
  }
  return { loss: loss / X.length, g };
};
// Adam
const m1 = new Array(d).fill(0);
const m2 = new Array(d).fill(0);
for (let it = 1; it <= 600; it++) {
  const { loss, g } = lossAndGrad(w);
  for (let j = 0; j < d; j++) {
    m1[j] = 0.9 * m1[j] + 0.1 * g[j];
    m2[j] = 0.999 * m2[j] + 0.001 * g[j] * g[j];
    const mh = m1[j] / (1 - 0.9 ** it);
    const vh = m2[j] / (1 - 0.999 ** it);
    w[j] -= (0.1 * mh) / (Math.sqrt(vh) + 1e-8);
  }
  if (it % 100 === 0) console.log(`iter ${it} loss ${loss.toFixed(4)}`);
}
w = w.map((v) => Math.round(v * 100) / 100);
const top1 = X.filter((xs, i) => {
  const z = xs.map((x) => x.reduce((a, v, j) => a + v * w[j], 0));
  return z.indexOf(Math.max(...z)) === Y[i];
}).length;
console.log(`training top-1 ${(top1 / X.length).toFixed(3)}`);
console.log(`weights (${FEATURES.join(', ')}): [${w.join(', ')}]`);
