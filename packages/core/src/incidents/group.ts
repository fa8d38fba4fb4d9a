/**
 * Groups findings into incidents. Two findings belong together when they share
 *  - a host, and lie within `hostGapMs` of each other (one intrusion on one machine),
 *  - an account, within `hostGapMs` (one stolen identity moving between machines),
 *  - an external entity (IP, domain, URL, hash, e-mail) within `entityGapMs` (the same C2 address on
 *    two hosts), unless that entity is a hub seen on more than `maxEntityHosts` hosts (a DNS server,
 *    a domain controller, a proxy), which would glue unrelated activity together.
 * Connected findings (union-find) form an incident, with a timeline in time order.
 */
import { createHash } from 'node:crypto';
import type { Finding, Incident, Severity } from '../model/index.js';
import { severityRank } from '../model/index.js';

export interface GroupOptions {
  hostGapMs?: number;
  entityGapMs?: number;
  maxEntityHosts?: number;
  /** accounts never used to link (well-known system principals) */
  ignoreAccounts?: readonly string[];
}

export interface TimelineEntry {
  time: number;
  finding: string;
  detector: string;
  severity: Severity;
  title: string;
  host?: string;
  attack: string[];
}

export interface IncidentDetail extends Incident {
  severity: Severity;
  accounts: string[];
  /** external entities shared by the incident's findings */
  entities: { type: string; value: string }[];
  attack: string[];
  /** actor links carried by the findings (indicator matches) */
  actors: { id: string; weight: number; why: string }[];
  /** why the findings were grouped */
  links: string[];
  timeline: TimelineEntry[];
}

const DEFAULT_IGNORED = ['system', 'local service', 'network service', 'anonymous logon', '-', 'n/a', ''];

class UnionFind {
  private readonly p: Int32Array;
  constructor(n: number) {
    this.p = new Int32Array(n);
    for (let i = 0; i < n; i++) this.p[i] = i;
  }
  find(i: number): number {
    while (this.p[i] !== i) {
      this.p[i] = this.p[this.p[i]];
      i = this.p[i];
    }
    return i;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.p[rb] = ra;
    else this.p[ra] = rb;
    return true;
  }
}

const LINK_TYPES = new Set(['ip', 'domain', 'url', 'hash', 'email']);

function isPrivateIp(v: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|127\.|169\.254\.|::1$|fe80:|fc|fd)/i.test(v);
}

function accountKey(a: string): string {
  // DOMAIN\user and user@domain name the same account
  const low = a.toLowerCase();
  const bs = low.lastIndexOf('\\');
  const at = low.indexOf('@');
  return bs >= 0 ? low.slice(bs + 1) : at > 0 ? low.slice(0, at) : low;
}

export function groupIncidents(findings: readonly Finding[], opts: GroupOptions = {}): IncidentDetail[] {
  const hostGap = opts.hostGapMs ?? 6 * 3600_000;
  const entityGap = opts.entityGapMs ?? 14 * 86400_000;
  const maxHosts = opts.maxEntityHosts ?? 5;
  const ignored = new Set((opts.ignoreAccounts ?? DEFAULT_IGNORED).map((a) => a.toLowerCase()));
  const order = findings
    .map((_, i) => i)
    .sort((a, b) => findings[a].time - findings[b].time || (findings[a].id < findings[b].id ? -1 : 1));
  const uf = new UnionFind(findings.length);
  const why = new Map<number, Set<string>>();
  const note = (i: number, s: string) => {
    let w = why.get(i);
    if (!w) why.set(i, (w = new Set()));
    w.add(s);
  };
  const hostOf = (f: Finding) => hostKey(f.host ?? f.entities.find((e) => e.type === 'host')?.value);

  // keys -> (last finding index, last time) scanning in time order: link consecutive findings
  // with the same key when the gap is small enough (equivalent to linking all pairs within chains)
  const chain = (keyOf: (f: Finding) => string[], gap: number, label: string) => {
    const last = new Map<string, number>();
    for (const i of order) {
      const f = findings[i];
      for (const key of keyOf(f)) {
        const j = last.get(key);
        if (j !== undefined && f.time - findings[j].time <= gap && uf.union(i, j)) note(i, `${label} ${key}`);
        last.set(key, i);
      }
    }
  };
  chain(
    (f) => {
      const h = hostOf(f);
      return h ? [h] : [];
    },
    hostGap,
    'same host',
  );
  chain(
    (f) =>
      f.entities
        .filter(
          (e) =>
            (e.type === 'user' || e.type === 'account') &&
            !ignored.has(e.value.toLowerCase()) &&
            !e.value.endsWith('$'),
        )
        .map((e) => accountKey(e.value)),
    hostGap,
    'same account',
  );
  // hubs: entities seen on too many hosts do not link
  const hostsPer = new Map<string, Set<string>>();
  const entKeys = (f: Finding) =>
    f.entities
      .filter((e) => LINK_TYPES.has(e.type) && !(e.type === 'ip' && isPrivateIp(e.value)))
      .map((e) => `${e.type}:${e.value.toLowerCase()}`);
  for (const f of findings) {
    const h = hostOf(f) ?? '?';
    for (const k of entKeys(f)) {
      let s = hostsPer.get(k);
      if (!s) hostsPer.set(k, (s = new Set()));
      s.add(h);
    }
  }
  chain((f) => entKeys(f).filter((k) => (hostsPer.get(k)?.size ?? 0) <= maxHosts), entityGap, 'shared');

  const members = new Map<number, number[]>();
  for (const i of order) {
    const r = uf.find(i);
    const l = members.get(r);
    if (l) l.push(i);
    else members.set(r, [i]);
  }
  const out: IncidentDetail[] = [];
  for (const idx of members.values()) {
    const fs = idx.map((i) => findings[i]);
    // hosts are compared by name without their DNS domain, case-insensitively (MES-02,
    // mes-02.sjp.example), and shown as first written
    const hostNames = new Map<string, string>();
    for (const x of fs) {
      const h = x.host ?? x.entities.find((e) => e.type === 'host')?.value;
      if (h && !hostNames.has(hostKey(h)!)) hostNames.set(hostKey(h)!, h);
    }
    const hosts = [...hostNames.values()].sort();
    const accounts = [
      ...new Set(
        fs.flatMap((f) =>
          f.entities
            .filter((e) => (e.type === 'user' || e.type === 'account') && !ignored.has(e.value.toLowerCase()))
            .map((e) => e.value),
        ),
      ),
    ].sort();
    const entCount = new Map<string, { type: string; value: string; n: number }>();
    for (const f of fs) {
      for (const e of f.entities) {
        if (!LINK_TYPES.has(e.type)) continue;
        const k = `${e.type}:${e.value}`;
        const c = entCount.get(k);
        if (c) c.n++;
        else entCount.set(k, { type: e.type, value: e.value, n: 1 });
      }
    }
    const actors = new Map<string, { id: string; weight: number; why: string }>();
    for (const f of fs) {
      for (const a of f.actors ?? []) {
        const k = `${a.id}\u0000${a.why}`;
        if (!actors.has(k)) actors.set(k, a);
      }
    }
    const severity = fs.reduce<Severity>(
      (m, f) => (severityRank(f.severity) > severityRank(m) ? f.severity : m),
      'informational',
    );
    const ids = fs.map((f) => f.id);
    const links = [...new Set(idx.flatMap((i) => [...(why.get(i) ?? [])]))].sort().slice(0, 20);
    out.push({
      id: `INC-${createHash('sha1')
        .update([...ids].sort()[0])
        .digest('hex')
        .slice(0, 10)}`,
      findings: ids,
      hosts,
      first: fs[0].time,
      last: fs[fs.length - 1].time,
      severity,
      accounts,
      entities: [...entCount.values()]
        .sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : 1))
        .slice(0, 50)
        .map(({ type, value }) => ({ type, value })),
      attack: [...new Set(fs.flatMap((f) => f.attack))].sort(),
      actors: [...actors.values()],
      links,
      timeline: fs.map((f) => ({
        time: f.time,
        finding: f.id,
        detector: f.detector,
        severity: f.severity,
        title: f.rule.title,
        ...((f.host ?? f.entities.find((e) => e.type === 'host')?.value)
          ? { host: f.host ?? f.entities.find((e) => e.type === 'host')?.value }
          : {}),
        attack: f.attack,
      })),
    });
  }
  out.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) || a.first - b.first || (a.id < b.id ? -1 : 1),
  );
  return out;
}

/** The key a host is compared by: an address as is, a name without its DNS domain, upper case. */
export function hostKey(h: string | undefined): string | undefined {
  if (!h) return undefined;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(':')) return h.toUpperCase();
  return h.split('.')[0].toUpperCase();
}
