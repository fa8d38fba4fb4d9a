/**
 * Group profiles for attribution: what each actor is known to use, built from ATT&CK
 * (group `uses` technique/software, software `uses` technique, campaigns `attributed-to` a group
 * contributing their own `uses`) and from haechi's actor profiles.
 *
 * Each report (an ATT&CK citation, or a profile source) is also kept as what it alone supports,
 * for the report-level features of the attributor.
 *
 * Hold-out for evaluation: a `uses` relationship whose citations are all in `excludeSources` is
 * ignored (the query's own report), and so are excluded campaigns (a campaign query must not find
 * itself).
 */
import type { ActorProfile, AttackKnowledge } from '../intel/index.js';

export interface TechniqueUse {
  /** 'group' (the group's own uses), 'campaign:<id>', 'software:<id>', 'profile:<source key>' */
  via: string;
  /** citations (report names) or profile source titles */
  cites: string[];
}

export interface GroupProfile {
  id: string;
  name: string;
  aliases: string[];
  /** techniques the group (or its campaigns, or haechi's profile) is reported to use */
  techniques: Map<string, TechniqueUse>;
  /** techniques only known through software the group uses */
  softwareTechniques: Map<string, string>;
  /** software ids (ATT&CK) or lower-case names (profiles without ids) -> how it is known */
  software: Map<string, TechniqueUse>;
  /** lower-case software names and aliases, for observations that name malware instead of ids */
  softwareNames: Map<string, string>;
  /**
   * what each report says the group uses: report name -> technique and software ids (or profile
   * malware keys). A report is a citation on an ATT&CK `uses` relationship (of the group or of a
   * campaign attributed to it) or a source of haechi's profile (an advisory).
   */
  reports: Map<string, Set<string>>;
  /** from haechi's profile: timing windows */
  timing: { tz: string; from: number; to: number; note?: string; cite: string }[];
  sectors: string[];
  /** the haechi profile behind it, if any */
  profile?: ActorProfile;
}

export interface BuildOptions {
  excludeSources?: ReadonlySet<string>;
  excludeCampaigns?: ReadonlySet<string>;
  /** include software-derived techniques (default true) */
  softwareTechniques?: boolean;
}

function heldOut(cites: string[], ex: ReadonlySet<string> | undefined): boolean {
  return ex !== undefined && ex.size > 0 && cites.length > 0 && cites.every((c) => ex.has(c));
}

const TZ_OFFSET_MIN: Record<string, number> = { 'Asia/Pyongyang': 540, 'Asia/Seoul': 540, UTC: 0 };

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** A profile with nothing known yet. */
export function emptyGroupProfile(id: string, name: string, aliases: string[] = []): GroupProfile {
  return {
    id,
    name,
    aliases,
    techniques: new Map(),
    softwareTechniques: new Map(),
    software: new Map(),
    softwareNames: new Map(),
    reports: new Map(),
    timing: [],
    sectors: [],
  };
}

export function buildGroupProfiles(
  k: AttackKnowledge | undefined,
  actorProfiles: readonly ActorProfile[] = [],
  opts: BuildOptions = {},
): GroupProfile[] {
  const groups = new Map<string, GroupProfile>();
  const softwareName = new Map<string, string>();
  const softwareAliases = new Map<string, string[]>();
  const softwareTech = new Map<string, Set<string>>();
  const campaignGroups = new Map<string, string[]>();
  const campaignUses: { campaign: string; target: string; cites: string[] }[] = [];
  const ex = opts.excludeSources;
  if (k) {
    for (const g of k.groups) {
      groups.set(g.id, emptyGroupProfile(g.id, g.name, g.aliases));
    }
    for (const s of k.software) {
      softwareName.set(s.id, s.name);
      softwareAliases.set(s.id, s.aliases);
    }
    for (const r of k.relations) {
      if (r.type === 'attributed-to') {
        if (opts.excludeCampaigns?.has(r.source)) continue;
        const l = campaignGroups.get(r.source) ?? [];
        l.push(r.target);
        campaignGroups.set(r.source, l);
        continue;
      }
      if (heldOut(r.citations, ex)) continue;
      const src = r.source[0];
      if (src === 'G') {
        const g = groups.get(r.source);
        if (!g) continue;
        if (r.target[0] === 'T') g.techniques.set(r.target, { via: 'group', cites: r.citations });
        else if (r.target[0] === 'S') g.software.set(r.target, { via: 'group', cites: r.citations });
        addToReports(g, r.citations, r.target, ex);
      } else if (src === 'S' && r.target[0] === 'T') {
        let s = softwareTech.get(r.source);
        if (!s) softwareTech.set(r.source, (s = new Set()));
        s.add(r.target);
      } else if (src === 'C') {
        if (opts.excludeCampaigns?.has(r.source)) continue;
        campaignUses.push({ campaign: r.source, target: r.target, cites: r.citations });
      }
    }
    for (const u of campaignUses) {
      for (const gid of campaignGroups.get(u.campaign) ?? []) {
        const g = groups.get(gid);
        if (!g) continue;
        const use = { via: `campaign:${u.campaign}`, cites: u.cites };
        addToReports(g, u.cites, u.target, ex);
        if (u.target[0] === 'T' && !g.techniques.has(u.target)) g.techniques.set(u.target, use);
        else if (u.target[0] === 'S' && !g.software.has(u.target)) g.software.set(u.target, use);
      }
    }
  }
  for (const p of actorProfiles) {
    const gid = p.attack_id ?? p.id;
    let g = groups.get(gid);
    if (!g) {
      g = emptyGroupProfile(gid, p.name);
      groups.set(gid, g);
    }
    g.profile = p;
    g.aliases = [...new Set([...g.aliases, ...p.aliases.map((a) => a.value)])];
    const title = (key: string) => p.sources[key]?.title ?? key;
    // each profile source (an advisory, ATT&CK when no bundle is loaded) is a report on the group
    for (const t of p.techniques) {
      // the ATT&CK part of a profile repeats the bundle; with a bundle loaded, its citations win
      if (k && t.source === 'attack') continue;
      if (!g.techniques.has(t.id))
        g.techniques.set(t.id, { via: `profile:${t.source}`, cites: [title(t.source)] });
      addToReports(g, [title(t.source)], t.id, ex);
    }
    for (const m of p.malware) {
      const key = m.attack_id ?? m.name.toLowerCase();
      if (k && m.source === 'attack' && m.attack_id) continue;
      if (!g.software.has(key)) g.software.set(key, { via: `profile:${m.source}`, cites: [title(m.source)] });
      addToReports(g, [title(m.source)], key, ex);
      g.softwareNames.set(m.name.toLowerCase(), key);
    }
    for (const t of p.timing) {
      const [a, b] = t.hours.split('-');
      g.timing.push({ tz: t.tz, from: minutesOf(a), to: minutesOf(b), note: t.note, cite: title(t.source) });
    }
    g.sectors = p.sectors.map((s) => s.value);
  }
  if (opts.softwareTechniques !== false) {
    for (const g of groups.values()) {
      for (const sid of g.software.keys()) {
        for (const t of softwareTech.get(sid) ?? []) {
          if (!g.techniques.has(t) && !g.softwareTechniques.has(t)) g.softwareTechniques.set(t, sid);
        }
      }
    }
  }
  for (const g of groups.values()) {
    for (const sid of g.software.keys()) {
      const n = softwareName.get(sid);
      if (n) g.softwareNames.set(n.toLowerCase(), sid);
      for (const a of softwareAliases.get(sid) ?? []) g.softwareNames.set(a.toLowerCase(), sid);
    }
  }
  return [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function addToReports(
  g: GroupProfile,
  cites: string[],
  target: string,
  ex: ReadonlySet<string> | undefined,
): void {
  for (const c of cites) {
    if (ex?.has(c)) continue;
    let r = g.reports.get(c);
    if (!r) g.reports.set(c, (r = new Set()));
    r.add(target);
  }
}

/** minutes past midnight of `t` (epoch ms) in a profile time zone */
export function localMinutes(t: number, tz: string): number {
  const off = TZ_OFFSET_MIN[tz];
  if (off !== undefined) return (((Math.floor(t / 60000) + off) % 1440) + 1440) % 1440;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(t))
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}
