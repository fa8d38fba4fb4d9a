/**
 * Attribution benchmark (issue 4). `npm run bench -- attribution --queries FILE [--dprk-candidates]
 * [--json] [--attack FILE]`.
 *
 * `--weights w1,w2,...` scores with other feature weights (one per FEATURES entry, in order; e.g. the
 * output of bench/_attribution-train.ts with --drop), to measure a variant on the dev queries.
 *
 * Each query line: {"id", "track": "A"|"B", "truth": [...], "techniques": [...], "software": [...],
 * "excludeSources": [...]}. For each query the group profiles are rebuilt from the ATT&CK bundle
 * without every `uses` relationship whose citations all lie in `excludeSources` (the query's own
 * report is held out); a campaign query (id C…) also drops that campaign, so it cannot find itself.
 * Haechi's own actor profiles are NOT used here: their advisory facts are not held out and would
 * leak. Ranks the 172 active intrusion-sets (or the eight DPRK groups with --dprk-candidates) with
 * haechi's scorer and with the TF-IDF cosine baseline, and prints top-1, top-3 and MRR per track
 * and for queries whose truth is a DPRK group.
 */
import { readFileSync } from 'node:fs';
import {
  Attributor,
  buildGroupProfiles,
  DEFAULT_PARAMS,
  FEATURES,
  type ScoringParams,
  tfidfRank,
} from '@haechi/core/attribution';
import { loadAttack } from '@haechi/core/intel';
import { sharedData } from '@haechi/core/testing';

const DPRK = ['G0032', 'G0067', 'G0082', 'G0094', 'G0138', 'G1036', 'G1049', 'G1052'];

interface Query {
  id: string;
  track: string;
  truth: string[];
  techniques: string[];
  software: string[];
  excludeSources: string[];
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const queriesFile = opt('--queries') ?? sharedData('attack', 'attribution-dev.jsonl');
const attackFile = opt('--attack') ?? sharedData('attack', 'enterprise-attack.json');
const dprkOnly = args.includes('--dprk-candidates');
const asJson = args.includes('--json');
const weightsArg = opt('--weights');
const params: ScoringParams = { ...DEFAULT_PARAMS };
if (weightsArg !== undefined) {
  const w = weightsArg
    .replace(/[[\]\s]/g, '')
    .split(',')
    .map(Number);
  if (w.length !== FEATURES.length || w.some((x) => !Number.isFinite(x)))
    throw new Error(`--weights: ${FEATURES.length} numbers expected (${FEATURES.join(', ')})`);
  params.weights = w;
}

const t0 = performance.now();
const k = await loadAttack(attackFile);
const tLoad = performance.now() - t0;
const queries: Query[] = readFileSync(queriesFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    try {
      return JSON.parse(l) as Query;
    } catch (err) {
      throw new Error(`${queriesFile}:${i + 1}: ${(err as Error).message}`);
    }
  });

interface Acc {
  n: number;
  top1: number;
  top3: number;
  rr: number;
}
const acc = () => ({ n: 0, top1: 0, top3: 0, rr: 0 });
const ours: Record<string, Acc> = {};
const base: Record<string, Acc> = {};
const add = (m: Record<string, Acc>, track: string, rank: number) => {
  const a = (m[track] ??= acc());
  a.n++;
  if (rank === 1) a.top1++;
  if (rank >= 1 && rank <= 3) a.top3++;
  if (rank >= 1) a.rr += 1 / rank;
};
const rankOf = (ids: string[], truth: string[]) => {
  const r = ids.findIndex((id) => truth.includes(id));
  return r < 0 ? 0 : r + 1;
};

const t1 = performance.now();
for (const q of queries) {
  const profiles = buildGroupProfiles(k, [], {
    excludeSources: new Set(q.excludeSources ?? []),
    excludeCampaigns: /^C\d{4}$/.test(q.id) ? new Set([q.id]) : undefined,
  });
  const candidates = dprkOnly ? DPRK : undefined;
  const obs = { techniques: q.techniques ?? [], software: q.software ?? [] };
  const ranked = new Attributor(profiles, params).rank(obs, candidates).map((r) => r.id);
  const baseline = tfidfRank(profiles, obs, candidates).map((r) => r.id);
  const tracks = [q.track];
  if (q.track === 'B' && q.truth.some((t) => DPRK.includes(t))) tracks.push('B-DPRK');
  for (const tr of tracks) {
    add(ours, tr, rankOf(ranked, q.truth));
    add(base, tr, rankOf(baseline, q.truth));
  }
}
const tRank = performance.now() - t1;

const summarise = (m: Record<string, Acc>) =>
  Object.fromEntries(
    ['A', 'B', 'B-DPRK']
      .filter((t) => m[t])
      .map((t) => {
        const a = m[t];
        const r3 = (x: number) => Math.round(x * 1000) / 1000;
        return [t, { n: a.n, top1: r3(a.top1 / a.n), top3: r3(a.top3 / a.n), mrr: r3(a.rr / a.n) }];
      }),
  );

const result = summarise(ours);
const baselineResult = summarise(base);
if (asJson) {
  process.stdout.write(`${JSON.stringify({ tracks: result, baseline: { tracks: baselineResult } })}\n`);
} else {
  console.log(
    `queries: ${queries.length} from ${queriesFile}; candidates: ${dprkOnly ? 'the 8 DPRK groups' : `all ${k.groups.length} active groups`}; weights: ${weightsArg === undefined ? 'DEFAULT_PARAMS' : `[${params.weights.join(', ')}]`}`,
  );
  console.log(
    `ATT&CK load ${tLoad.toFixed(0)} ms; ranking ${(tRank / queries.length).toFixed(1)} ms/query (both methods, profiles rebuilt per query)`,
  );
  console.log('track    n    haechi top1  top3   MRR   | tf-idf top1  top3   MRR   | Δtop1');
  for (const t of Object.keys(result)) {
    const a = result[t] as { n: number; top1: number; top3: number; mrr: number };
    const b = baselineResult[t] as typeof a;
    const f = (x: number) => x.toFixed(3).padStart(5);
    console.log(
      `${t.padEnd(7)} ${String(a.n).padStart(4)}         ${f(a.top1)} ${f(a.top3)} ${f(a.mrr)} |        ${f(b.top1)} ${f(b.top3)} ${f(b.mrr)} | ${(a.top1 - b.top1 >= 0 ? '+' : '') + (a.top1 - b.top1).toFixed(3)}`,
    );
  }
}
