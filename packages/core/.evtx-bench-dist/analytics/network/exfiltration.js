import { cloudServiceOf } from './cloud-storage.js';
import { addressDetails, entities, findingId, isoTime, pushCapped, severityOf } from './common.js';
import { NETWORK_DEFAULTS } from './config.js';
import { isFlowEvent, toFlow } from './flow.js';
import { clamp01, madm, quantileSorted, round3, sortedCopy } from './stats.js';
const WEB_PORTS = new Set([80, 443, 8080, 8443]);
export class ExfiltrationAnalytic {
    opts;
    name = 'exfiltration';
    cfg;
    hosts = new Map();
    dstSources = new Map();
    /** address -> a server name seen for it (SNI, Host, DNS answer) */
    names = new Map();
    maxEvidence;
    constructor(opts) {
        this.opts = opts;
        this.cfg = { ...NETWORK_DEFAULTS.exfiltration, ...opts.config };
        this.maxEvidence = opts.maxEvidence ?? NETWORK_DEFAULTS.maxEvidence;
    }
    wants(e) {
        const k = e.source.kind;
        return (isFlowEvent(e) ||
            k === 'zeek.ssl' ||
            k === 'zeek.http' ||
            k === 'zeek.dns' ||
            k === 'eve.tls' ||
            k === 'eve.http');
    }
    nameFor(ip, name) {
        if (typeof name !== 'string' || !name)
            return;
        const n = name.toLowerCase().replace(/:\d+$/, '');
        // a cloud-storage name wins over whatever else resolved to the same address
        const prev = this.names.get(ip);
        if (prev && (cloudServiceOf(prev, this.cfg.cloudDomains) || !cloudServiceOf(n, this.cfg.cloudDomains)))
            return;
        if (this.names.size < 500_000)
            this.names.set(ip, n);
    }
    feed(events) {
        const en = this.opts.enricher;
        for (const e of events) {
            const f = e.fields;
            switch (e.source.kind) {
                case 'zeek.ssl':
                    this.nameFor(String(f['id.resp_h'] ?? ''), f.server_name);
                    continue;
                case 'zeek.http':
                    this.nameFor(String(f['id.resp_h'] ?? ''), f.host);
                    continue;
                case 'eve.tls':
                    this.nameFor(String(f.dest_ip ?? ''), f['tls.sni']);
                    continue;
                case 'eve.http':
                    this.nameFor(String(f.dest_ip ?? ''), f['http.hostname']);
                    continue;
                case 'zeek.dns': {
                    const answers = f.answers;
                    if (Array.isArray(answers))
                        for (const a of answers)
                            if (typeof a === 'string' && /^[\d.:a-f]+$/i.test(a))
                                this.nameFor(a, f.query);
                    continue;
                }
                default:
                    break;
            }
            const fl = toFlow(e);
            if (!fl)
                continue;
            if (!en.isInternal(fl.src))
                continue;
            const d = en.lookup(fl.dst);
            if (d.internal || d.special)
                continue;
            let h = this.hosts.get(fl.src);
            if (!h) {
                h = { src: fl.src, first: fl.time, last: fl.time, hours: new Map(), dests: new Map(), overflow: 0 };
                this.hosts.set(fl.src, h);
            }
            if (fl.time < h.first)
                h.first = fl.time;
            if (fl.time > h.last)
                h.last = fl.time;
            const hour = Math.floor(fl.time / 3_600_000);
            h.hours.set(hour, (h.hours.get(hour) ?? 0) + fl.origBytes);
            let ds = this.dstSources.get(fl.dst);
            if (!ds)
                this.dstSources.set(fl.dst, (ds = new Set()));
            if (ds.size < 100)
                ds.add(fl.src);
            let dest = h.dests.get(fl.dst);
            if (!dest) {
                if (h.dests.size >= this.cfg.maxDestinationsPerHost && fl.origBytes < this.cfg.minBytes) {
                    h.overflow++;
                    continue;
                }
                dest = {
                    dst: fl.dst,
                    out: 0,
                    in: 0,
                    conns: 0,
                    first: fl.time,
                    last: fl.time,
                    ports: [],
                    evidenceTotal: 0,
                };
                h.dests.set(fl.dst, dest);
            }
            dest.out += fl.origBytes;
            dest.in += fl.respBytes;
            dest.conns++;
            if (fl.time < dest.first)
                dest.first = fl.time;
            if (fl.time > dest.last)
                dest.last = fl.time;
            if (dest.ports.length < 10 && !dest.ports.includes(fl.dport))
                dest.ports.push(fl.dport);
            if (dest.hours)
                dest.hours.set(hour, (dest.hours.get(hour) ?? 0) + fl.origBytes);
            else if (dest.out >= this.cfg.minBytes / 20)
                dest.hours = new Map([[hour, dest.out]]);
            // the largest transfers are the evidence that matters
            if (fl.origBytes >= this.cfg.minBytes / 10 || dest.evidenceTotal < 5) {
                dest.evidenceTotal++;
                dest.evidence = pushCapped(dest.evidence, fl.ref, this.maxEvidence);
            }
        }
    }
    finish() {
        const out = [];
        const c = this.cfg;
        const en = this.opts.enricher;
        for (const h of this.hosts.values()) {
            const hourly = sortedCopy([...h.hours.values()]);
            const baselineKnown = hourly.length >= 3;
            const med = quantileSorted(hourly, 0.5);
            const mad = madm(hourly);
            const span = Math.max(1, h.last - h.first);
            for (const d of h.dests.values()) {
                if (d.out < c.minBytes)
                    continue;
                const uploadShare = d.out / Math.max(1, d.out + d.in);
                const ratioScore = clamp01((uploadShare - 0.5) / 0.45);
                const volumeScore = clamp01(Math.log(d.out / c.minBytes) / Math.log(c.fullScoreBytes / c.minBytes));
                const peak = d.hours ? Math.max(...d.hours.values()) : d.out;
                // how far the destination's busiest hour stands above the host's usual hour (x10 -> 1)
                const excess = peak / (med + 3 * mad + 1);
                const baselineScore = baselineKnown ? clamp01(Math.log10(Math.max(excess, 1))) : 0.5;
                const firstSeen = (d.first - h.first) / span >= c.firstSeenAfter;
                const sources = this.dstSources.get(d.dst)?.size ?? 0;
                const rare = sources <= c.rareSources;
                const noveltyScore = (firstSeen ? 0.5 : 0) + (rare ? 0.5 : 0);
                const name = this.names.get(d.dst);
                const cloud = name ? cloudServiceOf(name, c.cloudDomains) : undefined;
                const ports = [...d.ports].sort((a, b) => a - b);
                const nonWeb = ports.every((p) => !WEB_PORTS.has(p));
                const kindScore = cloud ? 1 : nonWeb ? 0.5 : 0;
                const score = round3(clamp01(0.3 * ratioScore +
                    0.25 * volumeScore +
                    0.2 * baselineScore +
                    0.15 * noveltyScore +
                    0.1 * kindScore));
                if (score < c.minScore)
                    continue;
                const attack = cloud ? ['T1567.002', 'T1048'] : nonWeb ? ['T1048', 'T1041'] : ['T1041', 'T1048'];
                const mb = (d.out / 1e6).toFixed(1);
                out.push({
                    id: findingId('exfiltration', `${h.src}|${d.dst}`),
                    time: d.first,
                    severity: severityOf(score),
                    detector: 'exfiltration',
                    host: h.src,
                    rule: {
                        id: cloud ? 'haechi-network-exfiltration-cloud' : 'haechi-network-exfiltration',
                        title: `Possible exfiltration: ${h.src} sent ${mb} MB to ${name ?? d.dst}${name ? ` (${d.dst})` : ''}${cloud ? ' (cloud storage)' : ''}`,
                    },
                    attack,
                    entities: entities([
                        { type: 'ip', value: h.src },
                        { type: 'ip', value: d.dst },
                        name ? { type: 'domain', value: name } : undefined,
                    ]),
                    evidence: d.evidence ?? [],
                    score,
                    details: {
                        source: h.src,
                        destination: addressDetails(en, d.dst),
                        serverName: name,
                        cloudService: cloud,
                        bytesOut: d.out,
                        bytesIn: d.in,
                        uploadShare: round3(uploadShare),
                        connections: d.conns,
                        ports,
                        peakHourBytes: peak,
                        hostMedianHourBytes: med,
                        hostMadHourBytes: mad,
                        baselineKnown,
                        firstSeenForHost: firstSeen,
                        internalSources: sources,
                        ratioScore: round3(ratioScore),
                        volumeScore: round3(volumeScore),
                        baselineScore: round3(baselineScore),
                        noveltyScore,
                        kindScore,
                        first: isoTime(d.first),
                        last: isoTime(d.last),
                        evidenceTotal: d.evidenceTotal,
                    },
                });
            }
        }
        return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    }
}
//# sourceMappingURL=exfiltration.js.map