import { localMinutes } from './profiles.js';
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
];
/** fitted by bench/attribution-train.ts (see the header) */
export const DEFAULT_PARAMS = {
    weights: [3.81, 0.16, -0.03, 4.7, 2.14, -0.54, 1.02, -1, 1.05, -1.9, 2.2, 3.23],
    indicatorWeight: 16,
};
const parentOf = (t) => {
    const dot = t.indexOf('.');
    return dot < 0 ? t : t.slice(0, dot);
};
export class Attributor {
    params;
    groups;
    byId = new Map();
    idfT = new Map();
    idfS = new Map();
    familyOf = new Map();
    mass = new Map();
    norm = new Map();
    docs = new Map();
    idfF = new Map();
    familyNorm = new Map();
    maxIdf;
    /** idf of a technique three groups use */
    rareIdf;
    nameToSoftware = new Map();
    constructor(groups, params = DEFAULT_PARAMS) {
        this.params = params;
        this.groups = [...groups];
        const n = groups.length;
        const dfT = new Map();
        const dfS = new Map();
        for (const g of groups) {
            this.byId.set(g.id, g);
            for (const t of g.techniques.keys())
                dfT.set(t, (dfT.get(t) ?? 0) + 1);
            for (const s of g.software.keys())
                dfS.set(s, (dfS.get(s) ?? 0) + 1);
            const fam = new Set();
            for (const t of g.techniques.keys())
                fam.add(parentOf(t));
            this.familyOf.set(g.id, fam);
            for (const [name, sid] of g.softwareNames)
                if (!this.nameToSoftware.has(name))
                    this.nameToSoftware.set(name, sid);
        }
        this.maxIdf = Math.log(n + 1);
        this.rareIdf = Math.log((n + 1) / 4);
        for (const [t, d] of dfT)
            this.idfT.set(t, Math.log((n + 1) / (d + 1)));
        const dfF = new Map();
        for (const g of groups)
            for (const f of this.familyOf.get(g.id))
                dfF.set(f, (dfF.get(f) ?? 0) + 1);
        for (const [f, d] of dfF)
            this.idfF.set(f, Math.log((n + 1) / (d + 1)));
        for (const g of groups) {
            let n2 = 0;
            for (const f of this.familyOf.get(g.id))
                n2 += (this.idfF.get(f) ?? 0) ** 2;
            this.familyNorm.set(g.id, Math.sqrt(n2) || 1);
        }
        for (const [s, d] of dfS)
            this.idfS.set(s, Math.log((n + 1) / (d + 1)));
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
            const docs = [];
            for (const items of g.reports.values()) {
                let d2 = 0;
                for (const x of items)
                    d2 += this.featIdf(x) ** 2;
                docs.push({ items, norm: Math.sqrt(d2) || 1 });
            }
            this.docs.set(g.id, docs);
        }
    }
    featIdf(x) {
        return x[0] === 'S' ? (this.idfS.get(x) ?? this.maxIdf) : (this.idfT.get(x) ?? this.maxIdf);
    }
    idf(t) {
        return this.idfT.get(t) ?? this.maxIdf;
    }
    group(id) {
        return this.byId.get(id);
    }
    displaySoftware(key, label) {
        if (/^S\d{4}$/.test(key))
            return label(key);
        for (const g of this.groups)
            for (const m of g.profile?.malware ?? [])
                if (m.name.toLowerCase() === key)
                    return m.name;
        return key;
    }
    /** software observation -> key used in profiles (ATT&CK id, else lower-case name) */
    softwareKey(s) {
        if (/^S\d{4}$/i.test(s))
            return s.toUpperCase();
        const low = s.trim().toLowerCase();
        return this.nameToSoftware.get(low) ?? low;
    }
    rank(obs, candidates) {
        const p = this.params;
        const techniques = [...new Set(obs.techniques ?? [])];
        const software = [...new Set((obs.software ?? []).map((s) => this.softwareKey(s)))];
        const ioc = new Map();
        for (const a of obs.actors ?? [])
            ioc.set(a.id, (ioc.get(a.id) ?? 0) + a.weight);
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
        const qfn = Math.sqrt(qFam.reduce((a, f) => a + (this.idfF.get(f) ?? this.maxIdf) ** 2, 0)) || 1;
        const pool = candidates
            ? candidates.map((c) => this.byId.get(c)).filter((g) => !!g)
            : this.groups;
        const out = [];
        for (const g of pool) {
            const matched = {
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
            const fam = this.familyOf.get(g.id);
            for (const t of techniques) {
                const w = this.idf(t);
                if (g.techniques.has(t)) {
                    direct += w;
                    dot += w * w;
                    if (w >= this.rareIdf)
                        rare += w;
                    matched.techniques.push(t);
                }
                else if (g.softwareTechniques.has(t)) {
                    implied += w;
                    matched.viaSoftware.push(t);
                }
                else if (fam.has(parentOf(t))) {
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
            const sims = [];
            for (const d of this.docs.get(g.id) ?? []) {
                let dd = 0;
                for (const t of techniques)
                    if (d.items.has(t))
                        dd += this.idf(t) ** 2;
                for (const sk of software)
                    if (d.items.has(sk))
                        dd += (this.idfS.get(sk) ?? this.maxIdf) ** 2;
                if (dd > 0)
                    sims.push(dd / (qn * d.norm));
            }
            sims.sort((a, b) => b - a);
            let famDot = 0;
            for (const f of qFam)
                if (fam.has(f))
                    famDot += (this.idfF.get(f) ?? 0) ** 2;
            const mass = this.mass.get(g.id);
            const features = {
                coverage: direct / qm,
                partial: partial / qm,
                softwareImplied: implied / qm,
                software: sw / qm,
                cosine: dot / (qn * this.norm.get(g.id)),
                size: Math.log1p(mass),
                density: direct / Math.sqrt(mass),
                rare: rare / qm,
                softwareAny: matched.software.length > 0 ? 1 : 0,
                familyCosine: famDot / (qfn * this.familyNorm.get(g.id)),
                reportMax: sims[0] ?? 0,
                reportTop3: (sims[0] ?? 0) + (sims[1] ?? 0) + (sims[2] ?? 0),
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
                if (this.byId.has(id))
                    continue;
                const features = {
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
        for (const r of out)
            z += Math.exp(r.score - max);
        for (const r of out)
            r.share = Math.exp(r.score - max) / z;
        out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
        return out;
    }
    /** A full assessment: ranked hypotheses with confidence and evidence, or insufficient evidence. */
    assess(obs, opts = {}) {
        const ranked = this.rank(obs, opts.candidates);
        const top = ranked
            .slice(0, opts.top ?? 5)
            .filter((r) => r.matched.indicators > 0 ||
            r.matched.techniques.length +
                r.matched.software.length +
                r.matched.partial.length +
                r.matched.viaSoftware.length >
                0);
        const nameOf = opts.nameOf ?? ((id) => id);
        const label = (id) => {
            const n = nameOf(id);
            return n && n !== id ? `${id} ${n}` : id;
        };
        const techniques = [...new Set(obs.techniques ?? [])];
        const software = [...new Set((obs.software ?? []).map((s) => this.softwareKey(s)))];
        const evidenceMass = techniques.reduce((a, t) => a + this.idf(t), 0) +
            software.reduce((a, s) => a + 2 * (this.idfS.get(s) ?? this.maxIdf), 0) +
            (obs.actors ?? []).reduce((a, x) => a + x.weight * 8, 0);
        // Too little to tell groups apart: a couple of common techniques, no software, no indicator.
        const insufficient = top.length === 0 ||
            evidenceMass < 6 ||
            (top[0].matched.indicators === 0 &&
                top[0].matched.software.length === 0 &&
                top[0].matched.techniques.length < 3);
        const hypotheses = top.map((r, i) => {
            const g = this.byId.get(r.id);
            const forE = [];
            const against = [];
            for (const a of obs.actors ?? [])
                if (a.id === r.id)
                    forE.push(`indicator: ${a.why} (weight ${a.weight})`);
            for (const sk of r.matched.software) {
                const use = g?.software.get(sk);
                forE.push(`software ${this.displaySoftware(sk, label)} is used by ${r.name}${use ? ` (${cite(use.via, use.cites)})` : ''}`);
            }
            const byIdf = (a, b) => this.idf(b) - this.idf(a) || (a < b ? -1 : 1);
            for (const t of [...r.matched.techniques].sort(byIdf).slice(0, 8)) {
                const use = g?.techniques.get(t);
                forE.push(`technique ${label(t)} (rarity ${this.idf(t).toFixed(2)}) is reported for ${r.name}${use ? ` (${cite(use.via, use.cites)})` : ''}`);
            }
            if (r.matched.techniques.length > 8)
                forE.push(`and ${r.matched.techniques.length - 8} more techniques reported for ${r.name}`);
            for (const t of r.matched.viaSoftware.slice(0, 4)) {
                forE.push(`technique ${label(t)} is implemented by ${label(g?.softwareTechniques.get(t) ?? '?')}, which ${r.name} uses`);
            }
            if (r.matched.partial.length) {
                forE.push(`related techniques (same parent) reported for ${r.name}: ${r.matched.partial.slice(0, 6).join(', ')}`);
            }
            // against: rare observed techniques this group is not known for
            const unexplained = techniques
                .filter((t) => !r.matched.techniques.includes(t) &&
                !r.matched.viaSoftware.includes(t) &&
                !r.matched.partial.includes(t))
                .sort(byIdf);
            for (const t of unexplained.filter((t) => this.idf(t) >= 1.5).slice(0, 5)) {
                against.push(`technique ${label(t)} (rarity ${this.idf(t).toFixed(2)}) is not reported for ${r.name}`);
            }
            if (unexplained.length > 0 && techniques.length > 0) {
                against.push(`${unexplained.length} of ${techniques.length} observed techniques are not in ${r.name}'s profile`);
            }
            for (const sk of software.filter((s) => !r.matched.software.includes(s))) {
                const users = this.groups.filter((x) => x.software.has(sk)).map((x) => x.name);
                if (users.length)
                    against.push(`software ${this.displaySoftware(sk, label)} is reported for ${users.slice(0, 3).join(', ')}, not ${r.name}`);
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
                    if (frac >= 0.6)
                        forE.push(line);
                    else if (frac <= 0.25)
                        against.push(line);
                }
            }
            let confidence = 'low';
            if (!insufficient && i === 0) {
                const strong = r.matched.indicators >= 0.5 || r.matched.software.length > 0;
                if (strong &&
                    r.share >= 0.6 &&
                    r.matched.techniques.length + r.matched.software.length + r.matched.partial.length >= 2)
                    confidence = 'high';
                else if (r.share >= 0.35 && (strong || r.matched.techniques.length >= 5))
                    confidence = 'moderate';
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
        const a = { hypotheses };
        if (insufficient)
            a.insufficientEvidence = true;
        return a;
    }
}
function fmt(m) {
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
function cite(via, cites) {
    const where = via === 'group'
        ? 'ATT&CK'
        : via.startsWith('campaign:')
            ? `ATT&CK campaign ${via.slice(9)}`
            : 'haechi profile';
    return cites.length
        ? `${where}: ${cites.slice(0, 2).join('; ')}${cites.length > 2 ? ` +${cites.length - 2}` : ''}`
        : where;
}
function withUrls(line, _refs) {
    return line;
}
/**
 * The TF-IDF cosine baseline: group and query as binary vectors over techniques and software,
 * weighted by idf = ln(N/df), ranked by cosine similarity.
 */
export function tfidfRank(groups, obs, candidates) {
    const n = groups.length;
    const df = new Map();
    for (const g of groups) {
        for (const t of g.techniques.keys())
            df.set(t, (df.get(t) ?? 0) + 1);
        for (const s of g.software.keys())
            df.set(s, (df.get(s) ?? 0) + 1);
    }
    const idf = (f) => {
        const d = df.get(f);
        return d ? Math.log(n / d) : 0;
    };
    const q = [...new Set([...(obs.techniques ?? []), ...(obs.software ?? [])])];
    const qn = Math.sqrt(q.reduce((a, f) => a + idf(f) ** 2, 0)) || 1;
    const pool = candidates ? groups.filter((g) => candidates.includes(g.id)) : groups;
    const out = pool.map((g) => {
        let dot = 0;
        for (const f of q)
            if (g.techniques.has(f) || g.software.has(f))
                dot += idf(f) ** 2;
        let gn = 0;
        for (const t of g.techniques.keys())
            gn += idf(t) ** 2;
        for (const s of g.software.keys())
            gn += idf(s) ** 2;
        return { id: g.id, score: gn > 0 ? dot / (qn * Math.sqrt(gn)) : 0 };
    });
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return out;
}
//# sourceMappingURL=attributor.js.map