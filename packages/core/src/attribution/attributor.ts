/**
 * Ranks actor hypotheses for a set of observations (techniques, software, indicator links, times)
 * and explains each with the evidence for and against, in the manner of the analysis of competing
 * hypotheses (Heuer, "Psychology of Intelligence Analysis", ch. 8): every piece of evidence is
 * weighed against every hypothesis, and evidence that is inconsistent with a hypothesis is listed.
 *
 * Score of group g for observations Q:
 *   Σ_{t∈Q.techniques} idf(t)·m(g,t)  +  λ_s Σ_{s∈Q.software} idf(s)·[g uses s]  +  λ_i Σ indicator weights
 * divided by (the group's profile mass)^γ, where
 *  - idf(x) = ln((N+1)/(df(x)+1)) over all N known groups: a technique every group uses says little,
 *    one that three groups use says much;
 *  - m(g,t) = 1 when g is reported using t (itself or through an attributed campaign), 0.5 when g uses
 *    only its parent or a sibling sub-technique, 0.35 when only software g uses implements t;
 *  - software and indicators weigh more than techniques (λ_s = 2, λ_i = 8 per unit of indicator weight);
 *  - the profile mass (Σ idf over what g is known to use) with γ = 0.35 keeps large, well-documented
 *    groups from winning on volume alone.
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

export interface ScoringParams {
  softwareWeight: number;
  indicatorWeight: number;
  parentCredit: number;
  softwareTechniqueCredit: number;
  sizeExponent: number;
}

export const DEFAULT_PARAMS: ScoringParams = {
  softwareWeight: 2,
  indicatorWeight: 8,
  parentCredit: 0.5,
  softwareTechniqueCredit: 0.35,
  sizeExponent: 0.35,
};

export interface RankedGroup {
  id: string;
  name: string;
  score: number;
  /** normalised share of the candidates' total score (0-1) */
  share: number;
  matched: { techniques: string[]; partial: string[]; viaSoftware: string[]; software: string[]; indicators: number };
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
  private readonly maxIdf: number;
  private readonly nameToSoftware = new Map<string, string>();

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
      for (const [name, sid] of g.softwareNames) if (!this.nameToSoftware.has(name)) this.nameToSoftware.set(name, sid);
    }
    this.maxIdf = Math.log(n + 1);
    for (const [t, d] of dfT) this.idfT.set(t, Math.log((n + 1) / (d + 1)));
    for (const [s, d] of dfS) this.idfS.set(s, Math.log((n + 1) / (d + 1)));
    for (const g of groups) {
      let m = 0;
      for (const t of g.techniques.keys()) m += this.idfT.get(t) ?? 0;
      for (const s of g.software.keys()) m += this.params.softwareWeight * (this.idfS.get(s) ?? 0);
      this.mass.set(g.id, Math.max(m, 1));
    }
  }

  idf(t: string): number {
    return this.idfT.get(t) ?? this.maxIdf;
  }

  group(id: string): GroupProfile | undefined {
    return this.byId.get(id);
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
    const pool = candidates ? candidates.map((c) => this.byId.get(c)).filter((g): g is GroupProfile => !!g) : this.groups;
    const out: RankedGroup[] = [];
    for (const g of pool) {
      let s = 0;
      const matched: RankedGroup['matched'] = {
        techniques: [],
        partial: [],
        viaSoftware: [],
        software: [],
        indicators: 0,
      };
      const fam = this.familyOf.get(g.id) as Set<string>;
      for (const t of techniques) {
        const w = this.idf(t);
        if (g.techniques.has(t)) {
          s += w;
          matched.techniques.push(t);
        } else if (g.softwareTechniques.has(t)) {
          s += w * p.softwareTechniqueCredit;
          matched.viaSoftware.push(t);
        } else if (fam.has(parentOf(t))) {
          s += w * p.parentCredit;
          matched.partial.push(t);
        }
      }
      for (const sk of software) {
        if (g.software.has(sk)) {
          s += p.softwareWeight * (this.idfS.get(sk) ?? this.maxIdf);
          matched.software.push(sk);
        }
      }
      const iw = ioc.get(g.id) ?? 0;
      if (iw > 0) {
        s += p.indicatorWeight * iw;
        matched.indicators = iw;
      }
      const score = s / (this.mass.get(g.id) as number) ** p.sizeExponent;
      out.push({ id: g.id, name: g.name, score, share: 0, matched });
    }
    // actors named only by indicators (not in any profile) still get a hypothesis
    if (!candidates) {
      for (const [id, w] of ioc) {
        if (this.byId.has(id)) continue;
        out.push({
          id,
          name: id,
          score: p.indicatorWeight * w,
          share: 0,
          matched: { techniques: [], partial: [], viaSoftware: [], software: [], indicators: w },
        });
      }
    }
    const total = out.reduce((a, r) => a + r.score, 0);
    for (const r of out) r.share = total > 0 ? r.score / total : 0;
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return out;
  }

  /** A full assessment: ranked hypotheses with confidence and evidence, or insufficient evidence. */
  assess(obs: Observations, opts: AssessOptions = {}): Assessment {
    const ranked = this.rank(obs, opts.candidates);
    const top = ranked.slice(0, opts.top ?? 5).filter((r) => r.score > 0);
    const nameOf = opts.nameOf ?? ((id: string) => id);
    const label = (id: string) => {
      const n = nameOf(id);
      return n && n !== id ? `${id} ${n}` : id;
    };
    const techniques = [...new Set(obs.techniques ?? [])];
    const software = [...new Set((obs.software ?? []).map((s) => this.softwareKey(s)))];
    const evidenceMass =
      techniques.reduce((a, t) => a + this.idf(t), 0) +
      software.length * this.params.softwareWeight * 2 +
      (obs.actors ?? []).reduce((a, x) => a + x.weight * this.params.indicatorWeight, 0);
    // Too little to tell groups apart: a couple of common techniques, no software, no indicator.
    const insufficient = top.length === 0 || evidenceMass < 6 || (top[0].matched.indicators === 0 && top[0].matched.software.length === 0 && top[0].matched.techniques.length < 3);
    const hypotheses: Hypothesis[] = top.map((r, i) => {
      const g = this.byId.get(r.id);
      const forE: string[] = [];
      const against: string[] = [];
      for (const a of obs.actors ?? []) if (a.id === r.id) forE.push(`indicator: ${a.why} (weight ${a.weight})`);
      for (const sk of r.matched.software) {
        const use = g?.software.get(sk);
        forE.push(`software ${label(sk)} is used by ${r.name}${use ? ` (${cite(use.via, use.cites)})` : ''}`);
      }
      const byIdf = (a: string, b: string) => this.idf(b) - this.idf(a) || (a < b ? -1 : 1);
      for (const t of [...r.matched.techniques].sort(byIdf).slice(0, 8)) {
        const use = g?.techniques.get(t);
        forE.push(
          `technique ${label(t)} (rarity ${this.idf(t).toFixed(2)}) is reported for ${r.name}${use ? ` (${cite(use.via, use.cites)})` : ''}`,
        );
      }
      if (r.matched.techniques.length > 8) forE.push(`and ${r.matched.techniques.length - 8} more techniques reported for ${r.name}`);
      for (const t of r.matched.viaSoftware.slice(0, 4)) {
        forE.push(`technique ${label(t)} is implemented by ${label(g?.softwareTechniques.get(t) ?? '?')}, which ${r.name} uses`);
      }
      if (r.matched.partial.length) {
        forE.push(`related techniques (same parent) reported for ${r.name}: ${r.matched.partial.slice(0, 6).join(', ')}`);
      }
      // against: rare observed techniques this group is not known for
      const unexplained = techniques
        .filter((t) => !r.matched.techniques.includes(t) && !r.matched.viaSoftware.includes(t) && !r.matched.partial.includes(t))
        .sort(byIdf);
      for (const t of unexplained.filter((t) => this.idf(t) >= 1.5).slice(0, 5)) {
        against.push(`technique ${label(t)} (rarity ${this.idf(t).toFixed(2)}) is not reported for ${r.name}`);
      }
      if (unexplained.length > 0 && techniques.length > 0) {
        against.push(`${unexplained.length} of ${techniques.length} observed techniques are not in ${r.name}'s profile`);
      }
      for (const sk of software.filter((s) => !r.matched.software.includes(s))) {
        const users = this.groups.filter((x) => x.software.has(sk)).map((x) => x.name);
        if (users.length) against.push(`software ${label(sk)} is reported for ${users.slice(0, 3).join(', ')}, not ${r.name}`);
      }
      for (const a of obs.actors ?? []) {
        if (a.id !== r.id) against.push(`indicator links to another actor (${nameOf(a.id) || a.id}): ${a.why}`);
      }
      if (g && g.timing.length && obs.times && obs.times.length >= 3) {
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
      const second = ranked[i + 1]?.score ?? 0;
      const margin = r.score > 0 ? (r.score - second) / r.score : 0;
      let confidence: Confidence = 'low';
      if (!insufficient && i === 0) {
        const strong = r.matched.indicators >= 0.5 || r.matched.software.length > 0;
        if (strong && margin >= 0.4 && r.matched.techniques.length + r.matched.software.length >= 2) confidence = 'high';
        else if (margin >= 0.2 && (strong || r.matched.techniques.length >= 5)) confidence = 'moderate';
      }
      const refs = opts.references;
      return {
        actor: r.id,
        name: r.name,
        score: Math.round(r.score * 1000) / 1000,
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
  const where = via === 'group' ? 'ATT&CK' : via.startsWith('campaign:') ? `ATT&CK campaign ${via.slice(9)}` : 'haechi profile';
  return cites.length ? `${where}: ${cites.slice(0, 2).join('; ')}${cites.length > 2 ? ` +${cites.length - 2}` : ''}` : where;
}

function withUrls(line: string, _refs: Readonly<Record<string, string>>): string {
  return line;
}

/**
 * The TF-IDF cosine baseline: group and query as binary vectors over techniques and software,
 * weighted by idf = ln(N/df), ranked by cosine similarity.
 */
export function tfidfRank(groups: readonly GroupProfile[], obs: Observations, candidates?: readonly string[]): { id: string; score: number }[] {
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
