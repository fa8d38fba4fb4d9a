/**
 * Fits the attribution model's feature weights (DEFAULT_PARAMS.weights in
 * packages/core/src/attribution/attributor.ts). Not part of `npm run bench`; run it with
 *   node --conditions=haechi-src --import tsx bench/_attribution-train.ts [--cv K] [--drop f,g] [--dprk-rows]
 *
 * Training queries are generated from the ATT&CK bundle the way the development queries were:
 * for a group and one report cited on its `uses` relationships, the query is what that report
 * supports (techniques and software) and the report is held out when the profiles are built.
 * Every report named by a development query (attribution-dev.jsonl) is left out of training, so
 * the figures `bench attribution` prints on the dev queries are out-of-sample; nothing else of the
 * dev file is read. The model is a conditional logit (softmax over the 172 groups), fitted by
 * gradient descent (Adam) with L2 shrinkage.
 *
 *   --cv K       K-fold cross-validation over the training queries (fold = index mod K): held-out
 *                top-1/top-3/MRR over all groups, and among the eight DPRK groups for the queries
 *                whose truth is one of them (what `bench attribution --dprk-candidates` measures)
 *   --drop f,g   fit without these features (their weights stay 0), to measure what each adds
 *   --dprk-rows  also fit, for every DPRK training query, the softmax over the eight DPRK groups
 *                only (the restricted-candidate objective); it did not help, kept to show that
 */
import { readFileSync } from 'node:fs';
import { Attributor, buildGroupProfiles, DPRK_GROUPS, FEATURES } from '@haechi/core/attribution';
import { loadAttack } from '@haechi/core/intel';
import { sharedData } from '@haechi/core/testing';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const maxQ = Number(opt('--max') ?? 900);
const folds = Number(opt('--cv') ?? 0);
const drop = new Set((opt('--drop') ?? '').split(',').filter(Boolean));
for (const f of drop)
  if (!(FEATURES as readonly string[]).includes(f)) throw new Error(`--drop: no feature ${f}`);
const dprkRows = args.includes('--dprk-rows');
const DPRK: readonly string[] = DPRK_GROUPS;

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
  `training queries: ${queries.length} (of ${byReport.size} group-report pairs; dev reports excluded: ${devSources.size}); ` +
    `with a DPRK truth: ${queries.filter((q) => DPRK.includes(q.g)).length}`,
);

const d = FEATURES.length;
/** one query: feature rows of every group, the truth's row, and which rows are DPRK groups */
interface Example {
  /** row-major: group i's features at [i * d, (i + 1) * d) */
  x: Float64Array;
  y: number;
  dprk: number[];
  truthDprk: boolean;
}
const data: Example[] = [];
const t0 = performance.now();
for (const q of queries) {
  const profiles = buildGroupProfiles(k, [], { excludeSources: new Set([q.src]) });
  const ranked = new Attributor(profiles).rank({ techniques: [...q.t], software: [...q.s] });
  const truth = ranked.findIndex((r) => r.id === q.g);
  if (truth < 0) continue;
  // sorted by id so that ties break as in Attributor.rank (id order) whatever the weights
  const order = ranked.map((r, i) => ({ id: r.id, i })).sort((a, b) => (a.id < b.id ? -1 : 1));
  data.push({
    x: Float64Array.from(order.flatMap(({ i }) => FEATURES.map((f) => ranked[i].features[f]))),
    y: order.findIndex(({ i }) => i === truth),
    dprk: order.flatMap(({ id }, j) => (DPRK.includes(id) ? [j] : [])),
    truthDprk: DPRK.includes(q.g),
  });
}
console.log(`features computed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const free = FEATURES.map((f) => !drop.has(f));
const l2 = 1e-3;

/** softmax cross-entropy of one candidate set; adds its gradient to g, returns its loss */
function rowLoss(xs: Float64Array, y: number, w: number[], g: number[]): number {
  const n = xs.length / d;
  const z = new Float64Array(n);
  let m = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < n; c++) {
    let v = 0;
    for (let j = 0; j < d; j++) v += xs[c * d + j] * w[j];
    z[c] = v;
    if (v > m) m = v;
  }
  let s = 0;
  for (let c = 0; c < n; c++) s += z[c] = Math.exp(z[c] - m);
  const loss = -Math.log(z[y] / s);
  for (let c = 0; c < n; c++) {
    const p = z[c] / s - (c === y ? 1 : 0);
    if (p === 0) continue;
    for (let j = 0; j < d; j++) g[j] += p * xs[c * d + j];
  }
  return loss;
}

const ITERATIONS = Number(opt('--iterations') ?? 1500);
function fit(train: Example[], report = false): number[] {
  // the candidate sets the loss is taken over: all groups, and (--dprk-rows) the DPRK groups
  const sets: { x: Float64Array; y: number }[] = train.map((e) => ({ x: e.x, y: e.y }));
  if (dprkRows)
    for (const e of train)
      if (e.truthDprk)
        sets.push({
          x: Float64Array.from(e.dprk.flatMap((j) => [...e.x.subarray(j * d, (j + 1) * d)])),
          y: e.dprk.indexOf(e.y),
        });
  const w = new Array(d).fill(0);
  const m1 = new Array(d).fill(0);
  const m2 = new Array(d).fill(0);
  for (let it = 1; it <= ITERATIONS; it++) {
    const g = new Array(d).fill(0);
    let loss = 0;
    for (const s of sets) loss += rowLoss(s.x, s.y, w, g);
    if (it === ITERATIONS && report)
      console.log(`final loss ${(loss / sets.length).toFixed(4)} (without the L2 term)`);
    for (let j = 0; j < d; j++) {
      if (!free[j]) continue;
      const gj = g[j] / sets.length + l2 * w[j];
      m1[j] = 0.9 * m1[j] + 0.1 * gj;
      m2[j] = 0.999 * m2[j] + 0.001 * gj * gj;
      // step size decays so the last iterations settle on the optimum
      const lr = 0.05 / Math.sqrt(1 + it / 300);
      w[j] -= (lr * m1[j]) / (1 - 0.9 ** it) / (Math.sqrt(m2[j] / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  return w;
}

/** 1-based rank of the truth under weights w among the rows `among` (ties: lower index first) */
function rankOf(e: Example, w: number[], among?: number[]): number {
  const rows = among ?? Array.from({ length: e.x.length / d }, (_, i) => i);
  const z = (i: number) => {
    let v = 0;
    for (let j = 0; j < d; j++) v += e.x[i * d + j] * w[j];
    return v;
  };
  const zy = z(e.y);
  let r = 1;
  for (const i of rows) {
    if (i === e.y) continue;
    const zi = z(i);
    if (zi > zy || (zi === zy && i < e.y)) r++;
  }
  return r;
}

interface Score {
  n: number;
  top1: number;
  top3: number;
  rr: number;
}
const score = (): Score => ({ n: 0, top1: 0, top3: 0, rr: 0 });
const tally = (s: Score, r: number) => {
  s.n++;
  if (r === 1) s.top1++;
  if (r <= 3) s.top3++;
  s.rr += 1 / r;
};
const show = (s: Score) =>
  `n ${s.n} top-1 ${(s.top1 / s.n).toFixed(3)} top-3 ${(s.top3 / s.n).toFixed(3)} MRR ${(s.rr / s.n).toFixed(3)}`;

if (drop.size) console.log(`dropped features: ${[...drop].join(', ')}`);
if (dprkRows) console.log('with restricted-candidate rows for the DPRK training queries');
if (folds > 1) {
  const all = score();
  const dprk = score();
  for (let f = 0; f < folds; f++) {
    const w = fit(data.filter((_, i) => i % folds !== f));
    data.forEach((e, i) => {
      if (i % folds !== f) return;
      tally(all, rankOf(e, w));
      if (e.truthDprk) tally(dprk, rankOf(e, w, e.dprk));
    });
  }
  console.log(`${folds}-fold CV, all groups:         ${show(all)}`);
  console.log(`${folds}-fold CV, DPRK among the 8:  ${show(dprk)}`);
}
const w = fit(data, true).map((v) => Math.round(v * 1000) / 1000);
const fitAll = score();
for (const e of data) tally(fitAll, rankOf(e, w));
console.log(`training (in-sample), all groups: ${show(fitAll)}`);
console.log(`weights (${FEATURES.join(', ')}): [${w.join(', ')}]`);
