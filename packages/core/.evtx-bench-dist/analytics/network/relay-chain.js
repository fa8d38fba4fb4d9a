import { addressDetails, entities, findingId, isoTime, severityOf } from './common.js';
import { NETWORK_DEFAULTS } from './config.js';
import { isFailed, isFlowEvent, toFlow } from './flow.js';
import { clamp01, round3 } from './stats.js';
const PROTOCOL = {
    22: 'ssh',
    23: 'telnet',
    3389: 'rdp',
    5900: 'vnc',
    5901: 'vnc',
    5902: 'vnc',
    5985: 'winrm',
    5986: 'winrm',
    1194: 'openvpn',
    1723: 'pptp',
    4500: 'ipsec',
};
export class RelayChainAnalytic {
    opts;
    name = 'relay-chain';
    cfg;
    ports;
    sessions = [];
    dropped = 0;
    constructor(opts) {
        this.opts = opts;
        this.cfg = { ...NETWORK_DEFAULTS.relay, ...opts.config };
        this.ports = new Set(this.cfg.interactivePorts);
    }
    wants(e) {
        if (!isFlowEvent(e))
            return false;
        const f = e.fields;
        const p = f['id.resp_p'] ?? f.dest_port ?? f.Dport;
        return typeof p === 'number' && this.ports.has(p);
    }
    feed(events) {
        for (const e of events) {
            const fl = toFlow(e);
            if (!fl || !this.ports.has(fl.dport) || isFailed(fl))
                continue;
            if (fl.src === fl.dst)
                continue;
            if (this.sessions.length >= this.cfg.maxSessions) {
                this.dropped++;
                continue;
            }
            this.sessions.push({
                src: fl.src,
                dst: fl.dst,
                dport: fl.dport,
                start: fl.time,
                end: fl.duration > 0 ? fl.time + fl.duration * 1000 : undefined,
                bytes: fl.origBytes + fl.respBytes,
                ref: fl.ref,
                next: [],
                hasPrev: false,
            });
        }
    }
    link() {
        const en = this.opts.enricher;
        const bySrc = new Map();
        this.sessions.sort((a, b) => a.start - b.start || a.src.localeCompare(b.src) || a.dst.localeCompare(b.dst));
        for (const s of this.sessions) {
            let l = bySrc.get(s.src);
            if (!l)
                bySrc.set(s.src, (l = []));
            l.push(s);
        }
        const hopMs = this.cfg.maxHopDelay * 1000;
        const entryMs = this.cfg.maxEntryDelay * 1000;
        for (const a of this.sessions) {
            const outs = bySrc.get(a.dst);
            if (!outs)
                continue;
            const fromOutside = !en.isInternal(a.src) && !en.lookup(a.src).special;
            const limit = fromOutside ? Math.max(hopMs, entryMs) : hopMs;
            // first session out of the host starting at or after a.start
            let lo = 0;
            let hi = outs.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (outs[mid].start < a.start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (let i = lo; i < outs.length && a.next.length < 5; i++) {
                const b = outs[i];
                const delay = b.start - a.start;
                if (delay > limit)
                    break;
                if (b.dst === a.src || b.dst === a.dst)
                    continue;
                const entry = delay > hopMs;
                // a late hop only counts while the session into the host is still open
                if (entry && (a.end === undefined || b.start > a.end))
                    continue;
                a.next.push({ s: b, delay: delay / 1000, entry });
                b.hasPrev = true;
            }
        }
    }
    chains() {
        const out = [];
        const walk = (s, acc, hosts) => {
            if (out.length > 100_000)
                return;
            const nexts = s.next.filter((n) => !hosts.has(n.s.dst));
            if (nexts.length === 0 || acc.sessions.length >= 10) {
                if (acc.sessions.length >= 2)
                    out.push({ sessions: [...acc.sessions], delays: [...acc.delays], entry: [...acc.entry] });
                return;
            }
            for (const n of nexts) {
                acc.sessions.push(n.s);
                acc.delays.push(n.delay);
                acc.entry.push(n.entry);
                hosts.add(n.s.dst);
                walk(n.s, acc, hosts);
                hosts.delete(n.s.dst);
                acc.sessions.pop();
                acc.delays.pop();
                acc.entry.pop();
            }
        };
        for (const s of this.sessions) {
            if (s.hasPrev || s.next.length === 0)
                continue;
            walk(s, { sessions: [s], delays: [], entry: [] }, new Set([s.src, s.dst]));
        }
        return out;
    }
    finish() {
        this.link();
        const en = this.opts.enricher;
        const groups = new Map();
        for (const c of this.chains()) {
            const key = [c.sessions[0].src, ...c.sessions.map((s) => `${s.dst}:${s.dport}`)].join(' > ');
            let g = groups.get(key);
            if (!g)
                groups.set(key, (g = []));
            g.push(c);
        }
        const out = [];
        const cfg = this.cfg;
        const maxEv = this.opts.maxEvidence ?? NETWORK_DEFAULTS.maxEvidence;
        for (const [key, inst] of groups) {
            const first = inst[0];
            const path = [first.sessions[0].src, ...first.sessions.map((s) => s.dst)];
            const hops = first.sessions.length;
            let timing = 0;
            let matching = 0;
            let links = 0;
            const delaysByHop = Array.from({ length: hops - 1 }, () => []);
            for (const c of inst) {
                for (let i = 0; i < c.delays.length; i++) {
                    const d = c.delays[i];
                    timing += c.entry[i] ? 0.25 + 0.5 * (1 - d / cfg.maxEntryDelay) : 1 - (0.5 * d) / cfg.maxHopDelay;
                    const a = c.sessions[i].bytes;
                    const b = c.sessions[i + 1].bytes;
                    matching += Math.max(a, b) > 0 ? Math.min(a, b) / Math.max(a, b) : 0;
                    delaysByHop[i].push(round3(d));
                    links++;
                }
            }
            timing = clamp01(timing / links);
            matching = clamp01(matching / links);
            const repetition = cfg.fullScoreRepeats <= 1 ? 1 : clamp01((inst.length - 1) / (cfg.fullScoreRepeats - 1));
            const origin = en.lookup(path[0]);
            const external = !origin.internal && !origin.special;
            const length = clamp01((hops - 1) / 2);
            const score = round3(clamp01(0.35 * timing + 0.25 * repetition + 0.2 * matching + 0.1 * (external ? 1 : 0) + 0.1 * length));
            if (score < cfg.minScore)
                continue;
            if (!external && inst.length < cfg.minOccurrencesInternal)
                continue;
            const protocols = [...new Set(first.sessions.map((s) => PROTOCOL[s.dport] ?? String(s.dport)))];
            const attack = ['T1021', 'T1090.001'];
            if (protocols.includes('rdp'))
                attack.push('T1021.001');
            if (protocols.includes('ssh'))
                attack.push('T1021.004');
            if (protocols.includes('vnc'))
                attack.push('T1021.005');
            if (protocols.includes('winrm'))
                attack.push('T1021.006');
            if (external)
                attack.push('T1133');
            const evidence = [];
            for (const c of inst)
                for (const s of c.sessions)
                    if (evidence.length < maxEv)
                        evidence.push(s.ref);
            const start = Math.min(...inst.map((c) => c.sessions[0].start));
            const last = Math.max(...inst.map((c) => c.sessions[c.sessions.length - 1].start));
            out.push({
                id: findingId('relay-chain', key),
                time: start,
                severity: severityOf(score),
                detector: 'relay-chain',
                // the last internal target: where the intruder ended up
                host: path[path.length - 1],
                rule: {
                    id: 'haechi-network-relay-chain',
                    title: `Relay chain: ${path.join(' -> ')} (${protocols.join('/')}, seen ${inst.length}x)`,
                },
                attack: [...new Set(attack)],
                entities: entities(path.map((ip) => ({ type: 'ip', value: ip }))),
                evidence,
                score,
                details: {
                    path,
                    hops: first.sessions.map((s) => ({
                        from: s.src,
                        to: s.dst,
                        port: s.dport,
                        protocol: PROTOCOL[s.dport] ?? null,
                    })),
                    origin: addressDetails(en, path[0]),
                    externalOrigin: external,
                    occurrences: inst.length,
                    delaysSeconds: delaysByHop,
                    timingScore: round3(timing),
                    repetitionScore: round3(repetition),
                    matchingScore: round3(matching),
                    first: isoTime(start),
                    last: isoTime(last),
                    ...(this.dropped ? { sessionsDropped: this.dropped } : {}),
                },
            });
        }
        return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    }
}
//# sourceMappingURL=relay-chain.js.map