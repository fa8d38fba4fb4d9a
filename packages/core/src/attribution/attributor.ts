/**
 * Ranks actor hypotheses for a set of observations (techniques, software, indicator links, times)
 * and explains each with the evidence for and against, in the manner of the analysis of competing
 * hypotheses (Heuer, "Psychology of Intelligence Analysis", ch. 8): every piece of evidence is
 * weighed against every hypothesis, and evidence that is inconsistent with a hypothesis is listed.
 *
 * Model: a conditional logit over candidate groups. For group g and observations Q the features are
 *   coverage  Σ_{t∈Q∩g} idf(t) / M(Q)   techniques g is reported using (itself or via its campaigns)
 *   partial   Σ idf(t) / M(Q) over t where g uses only the parent or a sibling sub-technique
 *   software-implied  Σ idf(t) / M(Q) over t implemented by software g uses
 *   software  Σ_{s∈Q∩g} idf(s) / M(Q)    software (malware, tools) g uses
 *   cosine    TF-IDF cosine of Q and g
 *   size      ln(1 + profile mass of g)  (documented groups are both likelier and broader)
 *   density   Σ_{t∈Q∩g} idf(t) / sqrt(profile mass of g)
 *   rare      Σ idf(t) / M(Q) over matched techniques at most three groups are known to use
 *   softwareAny  1 when g uses any of the observed software
 *   familyCosine  TF-IDF cosine over parent techniques (T1059.001 counts as T1059): partial credit
 *             for sibling sub-techniques, normalised like the cosine
 *   reportMax / reportTop3  the best (and the sum of the three best) TF-IDF cosines between Q and
 *             the single reports about g: an intrusion resembles the reports on its actor, and a
 *             profile that is the union of all reports dilutes that resemblance
 *   lm        Σ_{x∈Q} ln P(x|g)/P_C(x), a unigram language model of g over report counts c_g(x)
 *             (how many of g's reports name x) with Jelinek-Mercer smoothing towards the
 *             collection: P(x|g) = (1-λ)·c_g(x)/Σc_g + λ·P_C(x), λ = 0.98. Unlike the binary
 *             profile it knows what a group uses in most reports from what one report mentioned
 *   absent    Σ_{x∈g, x∉Q} ln(1 - p_g(x)), p_g(x) = (c_g(x) + 3·df(x)/N) / (reports(g) + 3): the
 *             absence half of a Bernoulli naive Bayes over g's reports; what g's reports nearly
 *             always name but the query lacks is evidence against g (analysis of competing
 *             hypotheses). Its small fitted weight reflects that reports are incomplete.
 * with idf(x) = ln((N+1)/(df(x)+1)) over all N known groups (a technique every group uses says
 * little) and M(Q) the query's own idf mass. A "report" is a citation on ATT&CK `uses`
 * relationships or a source of haechi's profiles. score(g) = w·x(g) + λ_i·(indicator weight for
 * g); P(g|Q) = softmax over the candidates. The weights w were fitted by
 * `bench/_attribution-train.ts` (conditional logit over all 172 groups) on the 376
 * leave-one-report-out queries generated from the ATT&CK bundle, excluding every report of the
 * development queries (so the dev figures are out-of-sample). The same weights serve a ranking
 * restricted to a few candidates (the DPRK groups): fitting the softmax over the eight DPRK groups
 * as well (`--dprk-rows`) left the cross-validated and dev DPRK figures unchanged. λ (0.98 of
 * 0.5-0.98) and the absence prior (3 of 0.3-3) were chosen by cross-validation on those training
 * queries. λ_i = 16 makes one actor-linked indicator (weight ~0.7) about as strong as a perfect
 * technique match, and two of them decisive (the issue: indicator and malware matches weigh more
 * than techniques).
 */
import type { ActorEvidence, Assessment, Confidence, Hypothesis } from '../model/index.js';
import { type GroupProfile, localMinutes } from './profiles.js';

export interface Observations {
  /** ATT&CK technique ids */
  techniques?: readonly string[];
  /** ATT&CK software ids (S0245) or malware/tool names */
  software?: readonly string[];
  /** actor links from indicator matches */
  actors?: readonly ActorEvidence[];
  /** times of the observed activity (epoch ms), for timing patterns */
  times?: readonly number[];
}

export const FEATURES = [
  'coverage',
  'partial',
  'softwareImplied',
  'software',
  'cosine',
  'size',
  'density',
  'rare',
  'softwareAny',
  'familyCosine',
  'reportMax',
  'reportTop3',
  'lm',
  'absent',
] as const;
export type FeatureVector = Record<(typeof FEATURES)[number], number>;

/** Jelinek-Mercer weight of the collection model in the language-model feature */
const LM_LAMBDA = 0.98;
/** pseudo-reports smoothing p_g(x) of the absence feature towards the share of groups using x */
const ABSENT_ALPHA = 3;

export interface ScoringParams {
  /** one weight per FEATURES entry */
  weights: readonly number[];
  /** logits per unit of indicator weight linking an actor */
  indicatorWeight: number;
}

/**
 * Fitted by `node --conditions=haechi-src --import tsx bench/_attribution-train.ts` (see the
 * header): 5-fold CV on its training queries top-1 0.559 over all groups, 0.786 among the DPRK
 * groups (0.548 / 0.738 without lm and absent).
 */
export const DEFAULT_PARAMS: ScoringParams = {
  weights: [
    4.447, 0.603, -0.225, 4.591, 0.036, -0.148, 0.801, -1.692, 0.834, -2.422, 1.345, 2.731, 0.876, 0.125,
  ],
  indicatorWeight: 16,
};

export interface RankedGroup {
  id: string;
  name: string;
  /** the model's logit */
  score: number;
  /** probability among the candidates (softmax of the logits) */
  share: number;
  features: FeatureVector;
  matched: {
    techniques: string[];
    partial: string[];
    viaSoftware: string[];
    software: string[];
    indicators: number;
  };
}

export interface AssessOptions {
  /** restrict hypotheses to these group ids */
  candidates?: readonly string[];
  /** how many hypotheses to return (default 5) */
  top?: number;
  /** technique/software id -> name, for readable evidence */
  nameOf?: (id: string) => string;
  /** citation name -> URL */
  references?: Readonly<Record<string, string>>;
}

const parentOf = (t: string) => {
  const dot = t.indexOf('.');
  return dot < 0 ? t : t.slice(0, dot);
};

export class Attributor {
  readonly groups: GroupProfile[];
  private readonly byId = new Map<string, GroupProfile>();
  private readonly idfT = new Map<string, number>();
  private readonly idfS = new Map<string, number>();
  private readonly familyOf = new Map<string, Set<string>>();
  private readonly mass = new Map<string, number>();
  private readonly norm = new Map<string, number>();
  private readonly docs = new Map<string, { items: Set<string>; norm: number }[]>();
  private readonly idfF = new Map<string, number>();
  private readonly familyNorm = new Map<string, number>();
  private readonly maxIdf: number;
  /** idf of a technique three groups use */
  private readonly rareIdf: number;
  private readonly nameToSoftware = new Map<string, string>();
  /** how many groups use each technique or software */
  private readonly df = new Map<string, number>();
  /** per group: item -> number of its reports naming the item (1 for an item no report names) */
  private readonly counts = new Map<string, Map<string, number>>();
  /** per group: Σ counts (the length of its "document" in the language model) */
  private readonly countTotal = new Map<string, number>();
  /** collection model P_C(x): the share of all groups' counts that are x */
  private readonly collection = new Map<string, number>();
  /** per group: Σ over its items of ln(1 - p_g(x)), the absence log-likelihood of an empty query */
  private readonly absentAll = new Map<string, number>();

  constructor(
    groups: readonly GroupProfile[],
    readonly params: ScoringParams = DEFAULT_PARAMS,
  ) {
    this.groups = [...groups];
    const n = groups.length;
    const dfT = new Map<string, number>();
    const dfS = new Map<string, number>();
    for (const g of groups) {
      this.byId.set(g.id, g);
      for (const t of g.techniques.keys()) dfT.set(t, (dfT.get(t) ?? 0) + 1);
      for (const s of g.software.keys()) dfS.set(s, (dfS.get(s) ?? 0) + 1);
      const fam = new Set<string>();
      for (const t of g.techniques.keys()) fam.add(parentOf(t));
      this.familyOf.set(g.id, fam);
      for (const [name, sid] of g.softwareNames)
        if (!this.nameToSoftware.has(name)) this.nameToSoftware.set(name, sid);
    }
    for (const [x, d] of dfT) this.df.set(x, d);
    for (const [x, d] of dfS) this.df.set(x, d);
    this.maxIdf = Math.log(n + 1);
    this.rareIdf = Math.log((n + 1) / 4);
    for (const [t, d] of dfT) this.idfT.set(t, Math.log((n + 1) / (d + 1)));
    const dfF = new Map<string, number>();
    for (const g of groups)
      for (const f of this.familyOf.get(g.id) as Set<string>) dfF.set(f, (dfF.get(f) ?? 0) + 1);
    for (const [f, d] of dfF) this.idfF.set(f, Math.log((n + 1) / (d + 1)));
    for (const g of groups) {
      let n2 = 0;
      for (const f of this.familyOf.get(g.id) as Set<string>) n2 += (this.idfF.get(f) ?? 0) ** 2;
      this.familyNorm.set(g.id, Math.sqrt(n2) || 1);
    }
    for (const [s, d] of dfS) this.idfS.set(s, Math.log((n + 1) / (d + 1)));
    for (const g of groups) {
      let m = 0;
      let n2 = 0;
      for (const t of g.techniques.keys()) {
        const w = this.idfT.get(t) ?? 0;
        m += w;
        n2 += w * w;
      }
      for (const s of g.software.keys()) {
        const w = this.idfS.get(s) ?? 0;
        m += w;
        n2 += w * w;
      }
      this.mass.set(g.id, Math.max(m, 1));
      this.norm.set(g.id, Math.sqrt(n2) || 1);
      const docs: { items: Set<string>; norm: number }[] = [];
      for (const items of g.reports.values()) {
        let d2 = 0;
        for (const x of items) d2 += this.featIdf(x) ** 2;
        docs.push({ items, norm: Math.sqrt(d2) || 1 });
      }
      this.docs.set(g.id, docs);
    }
    // the report-count language model and the per-report (Bernoulli) presence model
    const cf = new Map<string, number>();
    let cfAll = 0;
    for (const g of groups) {
      const c = new Map<string, number>();
      for (const items of g.reports.values()) for (const x of items) c.set(x, (c.get(x) ?? 0) + 1);
      for (const x of g.techniques.keys()) if (!c.has(x)) c.set(x, 1);
      for (const x of g.software.keys()) if (!c.has(x)) c.set(x, 1);
      let tot = 0;
      for (const [x, v] of c) {
        tot += v;
        cf.set(x, (cf.get(x) ?? 0) + v);
      }
      cfAll += tot;
      this.counts.set(g.id, c);
      this.countTotal.set(g.id, tot);
    }
    for (const [x, v] of cf) this.collection.set(x, v / cfAll);
    for (const g of groups) {
      let a = 0;
      for (const [x, v] of this.counts.get(g.id) as Map<string, number>)
        a += Math.log1p(-this.presence(g, x, v));
      this.absentAll.set(g.id, a);
    }
  }

  /**
   * p_g(x): the chance that one report about g names x, smoothed towards the share of groups that
   * use x (α = ABSENT_ALPHA pseudo-reports), capped below 1 so absence never costs infinity.
   */
  private presence(g: GroupProfile, x: string, count: number): number {
    const prior = (this.df.get(x) ?? 0) / this.groups.length;
    const reports = Math.max(1, g.reports.size);
    return Math.min(0.999, (count + ABSENT_ALPHA * prior) / (reports + ABSENT_ALPHA));
  }

  private featIdf(x: string): number {
    return x[0] === 'S' ? (this.idfS.get(x) ?? this.maxIdf) : (this.idfT.get(x) ?? this.maxIdf);
  }

  idf(t: string): number {
    return this.idfT.get(t) ?? this.maxIdf;
  }

  group(id: string): GroupProfile | undefined {
    return this.byId.get(id);
  }

  private displaySoftware(key: string, label: (id: string) => string): string {
    if (/^S\d{4}$/.test(key)) return label(key);
    for (const g of this.groups)
      for (const m of g.profile?.malware ?? []) if (m.name.toLowerCase() === key) return m.name;
    return key;
  }

  /** software observation -> key used in profiles (ATT&CK id, else lower-case name) */
  softwareKey(s: string): string {
    if (/^S\d{4}$/i.test(s)) return s.toUpperCase();
    const low = s.trim().toLowerCase();
    return this.nameToSoftware.get(low) ?? low;
  }

  rank(obs: Observations, candidates?: readonly string[]): RankedGroup[] {
    const p = this.params;
    const techniques = [...new Set(obs.techniques ?? [])];
    const software = [...new Set((obs.software ?? []).map((s) => this.softwareKey(s)))];
    const ioc = new Map<string, number>();
    for (const a of obs.actors ?? []) ioc.set(a.id, (ioc.get(a.id) ?? 0) + a.weight);
    let qMass = 0;
    let qNorm2 = 0;
    for (const t of techniques) {
      const w = this.idf(t);
      qMass += w;
      qNorm2 += w * w;
    }
    for (const sk of software) {
      const w = this.idfS.get(sk) ?? this.maxIdf;
      qMass += w;
      qNorm2 += w * w;
    }
    const qm = qMass || 1;
    const qn = Math.sqrt(qNorm2) || 1;
    const qFam = [...new Set(techniques.map(parentOf))];
    const items = [...techniques, ...software];
    const qfn = Math.sqrt(qFam.reduce((a, f) => a + (this.idfF.get(f) ?? this.maxIdf) ** 2, 0)) || 1;
    const pool = candidates
      ? candidates.map((c) => this.byId.get(c)).filter((g): g is GroupProfile => !!g)
      : this.groups;
    const out: RankedGroup[] = [];
    for (const g of pool) {
      const matched: RankedGroup['matched'] = {
        techniques: [],
        partial: [],
        viaSoftware: [],
        software: [],
        indicators: 0,
      };
      let direct = 0;
      let partial = 0;
      let implied = 0;
      let sw = 0;
      let dot = 0;
      let rare = 0;
      const fam = this.familyOf.get(g.id) as Set<string>;
      for (const t of techniques) {
        const w = this.idf(t);
        if (g.techniques.has(t)) {
          direct += w;
          dot += w * w;
          if (w >= this.rareIdf) rare += w;
          matched.techniques.push(t);
        } else if (g.softwareTechniques.has(t)) {
          implied += w;
          matched.viaSoftware.push(t);
        } else if (fam.has(parentOf(t))) {
          partial += w;
          matched.partial.push(t);
        }
      }
      for (const sk of software) {
        if (g.software.has(sk)) {
          const w = this.idfS.get(sk) ?? this.maxIdf;
          sw += w;
          dot += w * w;
          matched.software.push(sk);
        }
      }
      const sims: number[] = [];
      for (const d of this.docs.get(g.id) ?? []) {
        let dd = 0;
        for (const t of techniques) if (d.items.has(t)) dd += this.idf(t) ** 2;
        for (const sk of software) if (d.items.has(sk)) dd += (this.idfS.get(sk) ?? this.maxIdf) ** 2;
        if (dd > 0) sims.push(dd / (qn * d.norm));
      }
      sims.sort((a, b) => b - a);
      let famDot = 0;
      for (const f of qFam) if (fam.has(f)) famDot += (this.idfF.get(f) ?? 0) ** 2;
      // language model over the group's report counts with Jelinek-Mercer smoothing (Zhai &
      // Lafferty 2004), as a log-likelihood ratio against the collection. An item g lacks costs the
      // same for every group: Dirichlet smoothing instead charges large groups more for each item
      // they lack, which buries a big profile thinned by the hold-out (a held-out campaign).
      // Items no group uses are skipped (equal for every group). Absence: Σ ln(1 - p_g(x)) over
      // what g's reports tend to name but the query lacks (the Bernoulli half of naive Bayes; its
      // weight says how much absence counts when reports are incomplete)
      const counts = this.counts.get(g.id) as Map<string, number>;
      const total = this.countTotal.get(g.id) as number;
      let lm = 0;
      let absent = this.absentAll.get(g.id) as number;
      for (const x of items) {
        const pc = this.collection.get(x);
        if (pc === undefined) continue;
        const c = counts.get(x);
        if (c === undefined) continue;
        // ln(((1-λ)·c/total + λ·P_C(x)) / P_C(x)) less ln λ, which every group gets for every item
        lm += Math.log1p(((1 - LM_LAMBDA) * c) / (LM_LAMBDA * total * pc));
        absent -= Math.log1p(-this.presence(g, x, c));
      }
      const mass = this.mass.get(g.id) as number;
      const features: FeatureVector = {
        coverage: direct / qm,
        partial: partial / qm,
        softwareImplied: implied / qm,
        software: sw / qm,
        cosine: dot / (qn * (this.norm.get(g.id) as number)),
        size: Math.log1p(mass),
        density: direct / Math.sqrt(mass),
        rare: rare / qm,
        softwareAny: matched.software.length > 0 ? 1 : 0,
        familyCosine: famDot / (qfn * (this.familyNorm.get(g.id) as number)),
        reportMax: sims[0] ?? 0,
        reportTop3: (sims[0] ?? 0) + (sims[1] ?? 0) + (sims[2] ?? 0),
        lm,
        absent,
      };
      let score = 0;
      FEATURES.forEach((f, i) => {
        score += p.weights[i] * features[f];
      });
      const iw = ioc.get(g.id) ?? 0;
      if (iw > 0) {
        score += p.indicatorWeight * iw;
        matched.indicators = iw;
      }
      out.push({ id: g.id, name: g.name, score, share: 0, features, matched });
    }
    // actors named only by indicators (not in any profile) still get a hypothesis
    if (!candidates) {
      for (const [id, w] of ioc) {
        if (this.byId.has(id)) continue;
        const features: FeatureVector = {
          coverage: 0,
          partial: 0,
          softwareImplied: 0,
          software: 0,
          cosine: 0,
          size: 0,
          density: 0,
          rare: 0,
          softwareAny: 0,
          familyCosine: 0,
          reportMax: 0,
          reportTop3: 0,
          lm: 0,
          absent: 0,
        };
        out.push({
          id,
          name: id,
          score: p.indicatorWeight * w,
          share: 0,
          features,
          matched: { techniques: [], partial: [], viaSoftware: [], software: [], indicators: w },
        });
      }
    }
    const max = out.reduce((a, r) => Math.max(a, r.score), Number.NEGATIVE_INFINITY);
    let z = 0;
    for (const r of out) z += Math.exp(r.score - max);
    for (const r of out) r.share = Math.exp(r.score - max) / z;
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return out;
  }

  /** A full assessment: ranked hypotheses with confidence and evidence, or insufficient evidence. */
  assess(obs: Observations, opts: AssessOptions = {}): Assessment {
    const ranked = this.rank(obs, opts.candidates);
    const top = ranked
      .slice(0, opts.top ?? 5)
      .filter(
        (r) =>
          r.matched.indicators > 0 ||
          r.matched.techniques.length +
            r.matched.software.length +
            r.matched.partial.length +
            r.matched.viaSoftware.length >
            0,
      );
    const nameOf = opts.nameOf ?? ((id: string) => id);
    const label = (id: string) => {
      const n = nameOf(id);
      return n && n !== id ? `${id} ${n}` : id;
    };
    const techniques = [...new Set(obs.techniques ?? [])];
    const software = [...new Set((obs.software ?? []).map((s) => this.softwareKey(s)))];
    const evidenceMass =
      techniques.reduce((a, t) => a + this.idf(t), 0) +
      software.reduce((a, s) => a + 2 * (this.idfS.get(s) ?? this.maxIdf), 0) +
      (obs.actors ?? []).reduce((a, x) => a + x.weight * 8, 0);
    // Too little to tell groups apart: a couple of common techniques, no software, no indicator.
    const insufficient =
      top.length === 0 ||
      evidenceMass < 6 ||
      (top[0].matched.indicators === 0 &&
        top[0].matched.software.length === 0 &&
        top[0].matched.techniques.length < 3);
    const hypotheses: Hypothesis[] = top.map((r, i) => {
      const g = this.byId.get(r.id);
      const forE: string[] = [];
      const against: string[] = [];
      for (const a of obs.actors ?? [])
        if (a.id === r.id) forE.push(`indicator: ${a.why} (weight ${a.weight})`);
      for (const sk of r.matched.software) {
        const use = g?.software.get(sk);
        forE.push(
          `software ${this.displaySoftware(sk, label)} is used by ${r.name}${use ? ` (${cite(use.via, use.cites)})` : ''}`,
        );
      }
      const byIdf = (a: string, b: string) => this.idf(b) - this.idf(a) || (a < b ? -1 : 1);
      for (const t of [...r.matched.techniques].sort(byIdf).slice(0, 8)) {
        const use = g?.techniques.get(t);
        forE.push(
          `technique ${label(t)} (rarity ${this.idf(t).toFixed(2)}) is reported for ${r.name}${use ? ` (${cite(use.via, use.cites)})` : ''}`,
        );
      }
      if (r.matched.techniques.length > 8)
        forE.push(`and ${r.matched.techniques.length - 8} more techniques reported for ${r.name}`);
      for (const t of r.matched.viaSoftware.slice(0, 4)) {
        forE.push(
          `technique ${label(t)} is implemented by ${label(g?.softwareTechniques.get(t) ?? '?')}, which ${r.name} uses`,
        );
      }
      if (r.matched.partial.length) {
        forE.push(
          `related techniques (same parent) reported for ${r.name}: ${r.matched.partial.slice(0, 6).join(', ')}`,
        );
      }
      // against: rare observed techniques this group is not known for
      const unexplained = techniques
        .filter(
          (t) =>
            !r.matched.techniques.includes(t) &&
            !r.matched.viaSoftware.includes(t) &&
            !r.matched.partial.includes(t),
        )
        .sort(byIdf);
      for (const t of unexplained.filter((t) => this.idf(t) >= 1.5).slice(0, 5)) {
        against.push(
          `technique ${label(t)} (rarity ${this.idf(t).toFixed(2)}) is not reported for ${r.name}`,
        );
      }
      if (unexplained.length > 0 && techniques.length > 0) {
        against.push(
          `${unexplained.length} of ${techniques.length} observed techniques are not in ${r.name}'s profile`,
        );
      }
      for (const sk of software.filter((s) => !r.matched.software.includes(s))) {
        const users = this.groups.filter((x) => x.software.has(sk)).map((x) => x.name);
        if (users.length)
          against.push(
            `software ${this.displaySoftware(sk, label)} is reported for ${users.slice(0, 3).join(', ')}, not ${r.name}`,
          );
      }
      // absence (the `absent` feature): what most reports on the group name but was not observed
      const nReports = g?.reports.size ?? 0;
      if (g && nReports >= 3) {
        const seen = new Set([...techniques, ...software]);
        const usual = [...(this.counts.get(g.id) ?? [])]
          .filter(([x, c]) => !seen.has(x) && c / nReports >= 0.6)
          .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
          .slice(0, 3);
        for (const [x, c] of usual) {
          const what = /^T\d/.test(x) ? 'technique' : 'software';
          const name = what === 'software' ? this.displaySoftware(x, label) : label(x);
          against.push(
            `${what} ${name} is named in ${c} of ${nReports} reports on ${r.name} but was not observed`,
          );
        }
      }
      for (const a of obs.actors ?? []) {
        if (a.id !== r.id)
          against.push(`indicator links to another actor (${nameOf(a.id) || a.id}): ${a.why}`);
      }
      if (g?.timing.length && obs.times && obs.times.length >= 3) {
        for (const w of g.timing) {
          const inside = obs.times.filter((t) => {
            const m = localMinutes(t, w.tz);
            return w.from <= w.to ? m >= w.from && m < w.to : m >= w.from || m < w.to;
          }).length;
          const frac = inside / obs.times.length;
          const line = `${Math.round(frac * 100)}% of ${obs.times.length} observed events fall in ${r.name}'s reported working hours (${fmt(w.from)}-${fmt(w.to)} ${w.tz}; ${w.cite})`;
          if (frac >= 0.6) forE.push(line);
          else if (frac <= 0.25) against.push(line);
        }
      }
      let confidence: Confidence = 'low';
      if (!insufficient && i === 0) {
        const strong = r.matched.indicators >= 0.5 || r.matched.software.length > 0;
        if (
          strong &&
          r.share >= 0.6 &&
          r.matched.techniques.length + r.matched.software.length + r.matched.partial.length >= 2
        )
          confidence = 'high';
        else if (r.share >= 0.35 && (strong || r.matched.techniques.length >= 5)) confidence = 'moderate';
      }
      const refs = opts.references;
      return {
        actor: r.id,
        name: r.name,
        // the probability among the candidates: comparable across hypotheses of one assessment
        score: Math.round(r.share * 1000) / 1000,
        confidence,
        for: refs ? forE.map((x) => withUrls(x, refs)) : forE,
        against,
      };
    });
    const a: Assessment = { hypotheses };
    if (insufficient) a.insufficientEvidence = true;
    return a;
  }
}

function fmt(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function cite(via: string, cites: string[]): string {
  const where =
    via === 'group'
      ? 'ATT&CK'
      : via.startsWith('campaign:')
        ? `ATT&CK campaign ${via.slice(9)}`
        : 'haechi profile';
  return cites.length
    ? `${where}: ${cites.slice(0, 2).join('; ')}${cites.length > 2 ? ` +${cites.length - 2}` : ''}`
    : where;
}

function withUrls(line: string, _refs: Readonly<Record<string, string>>): string {
  return line;
}

/**
 * The TF-IDF cosine baseline: group and query as binary vectors over techniques and software,
 * weighted by idf = ln(N/df), ranked by cosine similarity.
 */
export function tfidfRank(
  groups: readonly GroupProfile[],
  obs: Observations,
  candidates?: readonly string[],
): { id: string; score: number }[] {
  const n = groups.length;
  const df = new Map<string, number>();
  for (const g of groups) {
    for (const t of g.techniques.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    for (const s of g.software.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const idf = (f: string) => {
    const d = df.get(f);
    return d ? Math.log(n / d) : 0;
  };
  const q = [...new Set([...(obs.techniques ?? []), ...(obs.software ?? [])])];
  const qn = Math.sqrt(q.reduce((a, f) => a + idf(f) ** 2, 0)) || 1;
  const pool = candidates ? groups.filter((g) => candidates.includes(g.id)) : groups;
  const out = pool.map((g) => {
    let dot = 0;
    for (const f of q) if (g.techniques.has(f) || g.software.has(f)) dot += idf(f) ** 2;
    let gn = 0;
    for (const t of g.techniques.keys()) gn += idf(t) ** 2;
    for (const s of g.software.keys()) gn += idf(s) ** 2;
    return { id: g.id, score: gn > 0 ? dot / (qn * Math.sqrt(gn)) : 0 };
  });
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return out;
}
