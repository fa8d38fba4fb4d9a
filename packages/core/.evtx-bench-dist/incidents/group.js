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
import { severityRank } from '../model/index.js';
const DEFAULT_IGNORED = ['system', 'local service', 'network service', 'anonymous logon', '-', 'n/a', ''];
class UnionFind {
    p;
    constructor(n) {
        this.p = new Int32Array(n);
        for (let i = 0; i < n; i++)
            this.p[i] = i;
    }
    find(i) {
        while (this.p[i] !== i) {
            this.p[i] = this.p[this.p[i]];
            i = this.p[i];
        }
        return i;
    }
    union(a, b) {
        const ra = this.find(a);
        const rb = this.find(b);
        if (ra === rb)
            return false;
        if (ra < rb)
            this.p[rb] = ra;
        else
            this.p[ra] = rb;
        return true;
    }
}
const LINK_TYPES = new Set(['ip', 'domain', 'url', 'hash', 'email']);
function isPrivateIp(v) {
    return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|127\.|169\.254\.|::1$|fe80:|fc|fd)/i.test(v);
}
function accountKey(a) {
    // DOMAIN\user and user@domain name the same account
    const low = a.toLowerCase();
    const bs = low.lastIndexOf('\\');
    const at = low.indexOf('@');
    return bs >= 0 ? low.slice(bs + 1) : at > 0 ? low.slice(0, at) : low;
}
export function groupIncidents(findings, opts = {}) {
    const hostGap = opts.hostGapMs ?? 6 * 3600_000;
    const entityGap = opts.entityGapMs ?? 14 * 86400_000;
    const maxHosts = opts.maxEntityHosts ?? 5;
    const ignored = new Set((opts.ignoreAccounts ?? DEFAULT_IGNORED).map((a) => a.toLowerCase()));
    const order = findings
        .map((_, i) => i)
        .sort((a, b) => findings[a].time - findings[b].time || (findings[a].id < findings[b].id ? -1 : 1));
    const uf = new UnionFind(findings.length);
    const why = new Map();
    const note = (i, s) => {
        let w = why.get(i);
        if (!w)
            why.set(i, (w = new Set()));
        w.add(s);
    };
    const hostOf = (f) => (f.host ?? f.entities.find((e) => e.type === 'host')?.value)?.toUpperCase();
    // keys -> (last finding index, last time) scanning in time order: link consecutive findings
    // with the same key when the gap is small enough (equivalent to linking all pairs within chains)
    const chain = (keyOf, gap, label) => {
        const last = new Map();
        for (const i of order) {
            const f = findings[i];
            for (const key of keyOf(f)) {
                const j = last.get(key);
                if (j !== undefined && f.time - findings[j].time <= gap && uf.union(i, j))
                    note(i, `${label} ${key}`);
                last.set(key, i);
            }
        }
    };
    chain((f) => {
        const h = hostOf(f);
        return h ? [h] : [];
    }, hostGap, 'same host');
    chain((f) => f.entities
        .filter((e) => (e.type === 'user' || e.type === 'account') &&
        !ignored.has(e.value.toLowerCase()) &&
        !e.value.endsWith('$'))
        .map((e) => accountKey(e.value)), hostGap, 'same account');
    // hubs: entities seen on too many hosts do not link
    const hostsPer = new Map();
    const entKeys = (f) => f.entities
        .filter((e) => LINK_TYPES.has(e.type) && !(e.type === 'ip' && isPrivateIp(e.value)))
        .map((e) => `${e.type}:${e.value.toLowerCase()}`);
    for (const f of findings) {
        const h = hostOf(f) ?? '?';
        for (const k of entKeys(f)) {
            let s = hostsPer.get(k);
            if (!s)
                hostsPer.set(k, (s = new Set()));
            s.add(h);
        }
    }
    chain((f) => entKeys(f).filter((k) => (hostsPer.get(k)?.size ?? 0) <= maxHosts), entityGap, 'shared');
    const members = new Map();
    for (const i of order) {
        const r = uf.find(i);
        const l = members.get(r);
        if (l)
            l.push(i);
        else
            members.set(r, [i]);
    }
    const out = [];
    for (const idx of members.values()) {
        const fs = idx.map((i) => findings[i]);
        // hosts are compared case-insensitively but shown as first written
        const hostNames = new Map();
        for (const x of fs) {
            const h = x.host ?? x.entities.find((e) => e.type === 'host')?.value;
            if (h && !hostNames.has(h.toUpperCase()))
                hostNames.set(h.toUpperCase(), h);
        }
        const hosts = [...hostNames.values()].sort();
        const accounts = [
            ...new Set(fs.flatMap((f) => f.entities
                .filter((e) => (e.type === 'user' || e.type === 'account') && !ignored.has(e.value.toLowerCase()))
                .map((e) => e.value))),
        ].sort();
        const entCount = new Map();
        for (const f of fs) {
            for (const e of f.entities) {
                if (!LINK_TYPES.has(e.type))
                    continue;
                const k = `${e.type}:${e.value}`;
                const c = entCount.get(k);
                if (c)
                    c.n++;
                else
                    entCount.set(k, { type: e.type, value: e.value, n: 1 });
            }
        }
        const actors = new Map();
        for (const f of fs) {
            for (const a of f.actors ?? []) {
                const k = `${a.id}\u0000${a.why}`;
                if (!actors.has(k))
                    actors.set(k, a);
            }
        }
        const severity = fs.reduce((m, f) => (severityRank(f.severity) > severityRank(m) ? f.severity : m), 'informational');
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
    out.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.first - b.first || (a.id < b.id ? -1 : 1));
    return out;
}
//# sourceMappingURL=group.js.map