import { addressDetails, entities, findingId, isoTime, pushCapped, severityOf } from './common.js';
import { NETWORK_DEFAULTS } from './config.js';
import { isFailed, isFlowEvent, toFlow } from './flow.js';
import { bowleySkew, clamp01, madm, mode, quantileSorted, round3, sortedCopy } from './stats.js';
/** DNS, NTP, NetBIOS, mDNS, LLMNR, SSDP: periodic by design, never C2 on their own. */
const EXCLUDED_PORTS = new Set([53, 853, 123, 137, 138, 5353, 5355, 1900]);
const MAX_NAMES = 5;
export class BeaconAnalytic {
    opts;
    name = 'beacon';
    cfg;
    pairs = new Map();
    named = new Map();
    nameDsts = new Map();
    dstSources = new Map();
    uaSources = new Map();
    sources = new Set();
    minTime = Number.POSITIVE_INFINITY;
    maxTime = Number.NEGATIVE_INFINITY;
    maxEvidence;
    constructor(opts) {
        this.opts = opts;
        this.cfg = { ...NETWORK_DEFAULTS.beacon, ...opts.config };
        this.maxEvidence = opts.maxEvidence ?? NETWORK_DEFAULTS.maxEvidence;
    }
    wants(e) {
        const k = e.source.kind;
        return isFlowEvent(e) || k === 'zeek.http' || k === 'zeek.ssl' || k === 'eve.http' || k === 'eve.tls';
    }
    series(map, src, dst, t) {
        const key = `${src}|${dst}`;
        let s = map.get(key);
        if (!s) {
            s = {
                src,
                dst,
                samples: [],
                count: 0,
                failed: 0,
                first: t,
                last: t,
                port: -1,
                http: 0,
                httpNoHost: 0,
                evidenceTotal: 0,
            };
            map.set(key, s);
        }
        if (t < s.first)
            s.first = t;
        if (t > s.last)
            s.last = t;
        return s;
    }
    evidence(s, ref) {
        s.evidenceTotal++;
        s.evidence = pushCapped(s.evidence, ref, this.maxEvidence);
    }
    /** Outbound (or external-to-external) pairs only: inbound and, by default, internal-internal are not beacons. */
    relevant(src, dst) {
        const e = this.opts.enricher;
        const d = e.lookup(dst);
        if (d.special)
            return false;
        const srcInternal = e.isInternal(src);
        if (d.internal)
            return srcInternal && this.cfg.includeInternal;
        return true;
    }
    feed(events) {
        for (const e of events) {
            const k = e.source.kind;
            if (k === 'zeek.http' || k === 'zeek.ssl' || k === 'eve.http' || k === 'eve.tls') {
                this.feedApp(e);
                continue;
            }
            const fl = toFlow(e);
            if (!fl || EXCLUDED_PORTS.has(fl.dport))
                continue;
            if (!this.relevant(fl.src, fl.dst))
                continue;
            if (fl.time < this.minTime)
                this.minTime = fl.time;
            if (fl.time > this.maxTime)
                this.maxTime = fl.time;
            this.sources.add(fl.src);
            let ds = this.dstSources.get(fl.dst);
            if (!ds)
                this.dstSources.set(fl.dst, (ds = new Set()));
            if (ds.size < 1000)
                ds.add(fl.src);
            const s = this.series(this.pairs, fl.src, fl.dst, fl.time);
            s.count++;
            if (s.samples.length < 2 * this.cfg.maxTimestamps)
                s.samples.push(fl.time / 1000, fl.origBytes);
            if (isFailed(fl))
                s.failed++;
            if (s.port < 0)
                s.port = fl.dport;
            else if (s.port !== fl.dport && !s.ports?.includes(fl.dport) && (s.ports?.length ?? 0) < 9) {
                s.ports ??= [];
                s.ports.push(fl.dport);
            }
            if (fl.service) {
                s.services ??= new Set();
                if (s.services.size < 5)
                    s.services.add(fl.service);
            }
            this.evidence(s, fl.ref);
        }
    }
    feedApp(e) {
        const f = e.fields;
        const eve = e.source.kind.startsWith('eve.');
        const src = String((eve ? f.src_ip : f['id.orig_h']) ?? '');
        const dst = String((eve ? f.dest_ip : f['id.resp_h']) ?? '');
        if (!src || !dst || !this.relevant(src, dst))
            return;
        const http = e.source.kind.endsWith('http');
        const rawName = http ? (eve ? f['http.hostname'] : f.host) : eve ? f['tls.sni'] : f.server_name;
        const name = typeof rawName === 'string' ? rawName.toLowerCase().replace(/:\d+$/, '') : '';
        const pair = this.series(this.pairs, src, dst, e.time);
        if (name) {
            pair.names ??= new Set();
            if (pair.names.size < MAX_NAMES)
                pair.names.add(name);
        }
        if (http) {
            pair.http++;
            if (!name)
                pair.httpNoHost++;
            const ua = eve ? f['http.http_user_agent'] : f.user_agent;
            if (typeof ua === 'string' && ua) {
                pair.agents ??= new Set();
                if (pair.agents.size < MAX_NAMES)
                    pair.agents.add(ua);
                let us = this.uaSources.get(ua);
                if (!us)
                    this.uaSources.set(ua, (us = new Set()));
                if (us.size < 100)
                    us.add(src);
            }
        }
        if (name) {
            const s = this.series(this.named, src, name, e.time);
            s.count++;
            if (s.samples.length < 2 * this.cfg.maxTimestamps)
                s.samples.push(e.time / 1000, 0);
            this.evidence(s, e.source);
            s.names ??= new Set();
            if (s.names.size < MAX_NAMES)
                s.names.add(dst); // for named series, `names` holds the addresses
            let nd = this.nameDsts.get(name);
            if (!nd)
                this.nameDsts.set(name, (nd = new Set()));
            if (nd.size < 100)
                nd.add(dst);
        }
    }
    /** The RITA-style score of one series; undefined when there are too few intervals. */
    scoreSeries(s, withSizes) {
        const n = s.samples.length / 2;
        const times = new Float64Array(n);
        const sizes = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            times[i] = s.samples[2 * i];
            sizes[i] = s.samples[2 * i + 1];
        }
        const ts = times.sort();
        // connections in the same second are one beacon event (RITA deduplicates timestamps)
        const uniq = [];
        for (let i = 0; i < ts.length; i++) {
            const t = Math.floor(ts[i]);
            if (uniq.length === 0 || uniq[uniq.length - 1] !== t)
                uniq.push(t);
        }
        if (uniq.length < Math.min(this.cfg.minConnections, 4))
            return undefined;
        const deltas = new Float64Array(uniq.length - 1);
        for (let i = 1; i < uniq.length; i++)
            deltas[i - 1] = uniq[i] - uniq[i - 1];
        deltas.sort();
        if (deltas.length < 3)
            return undefined;
        const med = quantileSorted(deltas, 0.5);
        const tsSkew = 1 - Math.abs(bowleySkew(deltas));
        const tsMadm = madm(deltas);
        const tsDisp = tsMadm <= 1 ? 1 : clamp01(1 - tsMadm / Math.max(med, 1) / this.cfg.maxRelativeDispersion);
        const tsScore = (tsSkew + tsDisp) / 2;
        if (tsScore < this.cfg.minIntervalScore)
            return undefined;
        const parts = {
            intervalMedianSeconds: med,
            intervalMadmSeconds: tsMadm,
            intervalSkewScore: round3(tsSkew),
            intervalDispersionScore: round3(tsDisp),
        };
        let dsScore;
        if (withSizes && sizes.length >= 3) {
            const sz = sortedCopy(sizes);
            const dsSkew = 1 - Math.abs(bowleySkew(sz));
            const dsMadm = madm(sz);
            const dsDisp = clamp01(1 - dsMadm / this.cfg.maxSizeDispersion);
            const dsMode = mode(sizes);
            const dsSmall = clamp01(1 - dsMode / 65535);
            dsScore = (dsSkew + dsDisp + dsSmall) / 3;
            Object.assign(parts, {
                sizeModeBytes: dsMode,
                sizeMadmBytes: dsMadm,
                sizeSkewScore: round3(dsSkew),
                sizeDispersionScore: round3(dsDisp),
                sizeSmallnessScore: round3(dsSmall),
            });
        }
        const span = Math.max(1, (this.maxTime - this.minTime) / 1000);
        const pairSpan = uniq[uniq.length - 1] - uniq[0];
        const coverage = clamp01(pairSpan / span);
        // consistency: the hours between first and last that have a connection
        const hours = new Set();
        const hourOfDay = new Set();
        for (const t of uniq) {
            hours.add(Math.floor(t / 3600));
            hourOfDay.add(Math.floor(t / 3600) % 24);
        }
        const pairHours = Math.floor(uniq[uniq.length - 1] / 3600) - Math.floor(uniq[0] / 3600) + 1;
        const consistency = hours.size / pairHours;
        const durScore = (coverage + consistency) / 2;
        const datasetHours = Math.max(1, Math.ceil(span / 3600));
        const histScore = clamp01(hourOfDay.size / Math.min(24, datasetHours));
        const score = dsScore === undefined
            ? (tsScore + durScore + histScore) / 3
            : (tsScore + dsScore + durScore + histScore) / 4;
        Object.assign(parts, {
            intervalScore: round3(tsScore),
            ...(dsScore === undefined ? {} : { sizeScore: round3(dsScore) }),
            durationScore: round3(durScore),
            coverage: round3(coverage),
            hourlyConsistency: round3(consistency),
            spreadScore: round3(histScore),
        });
        return { score, parts };
    }
    finish() {
        const out = [];
        const enricher = this.opts.enricher;
        const internalSources = [...this.sources].filter((s) => enricher.isInternal(s)).length;
        const consider = (s, named) => {
            if (s.count < this.cfg.minConnections)
                return;
            const scored = this.scoreSeries(s, !named);
            if (!scored)
                return;
            const modifiers = {};
            const names = s.names ?? new Set();
            const agents = s.agents ?? new Set();
            const services = s.services ?? new Set();
            const dstIps = named ? [...names] : [s.dst];
            const srcCount = named
                ? Math.max(0, ...dstIps.map((d) => this.dstSources.get(d)?.size ?? 0))
                : (this.dstSources.get(s.dst)?.size ?? 0);
            if (srcCount <= this.cfg.rareSources)
                modifiers.rareDestination = 0.05;
            if (internalSources >= 3 && srcCount >= 3 && srcCount / internalSources >= this.cfg.prevalentShare) {
                // most of the network talks to it: update, telemetry or antivirus services (the more, the less suspicious)
                modifiers.prevalentDestination = round3(-0.3 * Math.min(1, srcCount / internalSources));
            }
            if (!named && s.http > 0 && s.httpNoHost / s.http > 0.5)
                modifiers.missingHostHeader = 0.05;
            if (!named &&
                [...agents].some((ua) => (this.uaSources.get(ua)?.size ?? 0) <= this.cfg.rareUserAgentSources)) {
                modifiers.rareUserAgent = 0.05;
            }
            const info = named ? undefined : enricher.lookup(s.dst);
            if (info && (info.hosting || info.vpn || info.tor))
                modifiers.infrastructure = 0.05;
            let score = scored.score;
            for (const v of Object.values(modifiers))
                score += v;
            score = round3(clamp01(score));
            if (score < this.cfg.minScore)
                return;
            const failedSeries = s.failed / s.count >= this.cfg.failedShare;
            const ports = (s.port < 0 ? [] : [s.port, ...(s.ports ?? [])]).sort((a, b) => a - b);
            const web = [...services].some((x) => x === 'http' || x === 'ssl') || ports.some((p) => p === 80 || p === 443);
            const attack = ['T1071'];
            if (web || named)
                attack.push('T1071.001');
            if (ports.length > 0 && !ports.some((p) => [80, 443, 8080, 8443].includes(p)))
                attack.push('T1571');
            if (services.has('ssl') || ports.includes(443))
                attack.push('T1573');
            const target = named ? s.dst : (names.values().next().value ?? s.dst);
            const title = failedSeries
                ? `Failed C2 beacon: ${s.src} retries ${target} (${s.failed} unanswered attempts)`
                : `Beacon: ${s.src} -> ${target}${named ? '' : names.size ? ` (${s.dst})` : ''} every ~${Math.round(scored.parts.intervalMedianSeconds)}s`;
            const details = {
                kind: failedSeries ? 'failed-c2' : named ? 'server-name' : 'address',
                source: s.src,
                connections: s.count,
                failedConnections: s.failed,
                timestampsKept: s.samples.length / 2,
                first: isoTime(s.first),
                last: isoTime(s.last),
                ports,
                ...scored.parts,
                baseScore: round3(scored.score),
                modifiers,
                destinationSources: srcCount,
                destinations: dstIps.map((d) => addressDetails(enricher, d)),
                evidenceTotal: s.evidenceTotal,
            };
            if (named)
                details.serverName = s.dst;
            else if (names.size)
                details.serverNames = [...names].sort();
            if (agents.size)
                details.userAgents = [...agents].sort();
            if (s.http)
                details.httpRequests = s.http;
            out.push({
                id: findingId('beacon', `${named ? 'name' : 'ip'}|${s.src}|${s.dst}`),
                time: s.first,
                severity: severityOf(score),
                detector: 'beacon',
                host: s.src,
                rule: {
                    id: failedSeries ? 'haechi-network-beacon-failed' : 'haechi-network-beacon',
                    title,
                },
                attack,
                entities: entities([
                    { type: 'ip', value: s.src },
                    ...dstIps.map((d) => ({ type: 'ip', value: d })),
                    ...(named
                        ? [{ type: 'domain', value: s.dst }]
                        : [...names].sort().map((n) => ({ type: 'domain', value: n }))),
                ]),
                evidence: s.evidence ?? [],
                score,
                details,
            });
        };
        for (const s of this.pairs.values())
            consider(s, false);
        // by name only where the name is served from several addresses (rotating C2, CDN fronting):
        // otherwise the address pair above already carries the name
        for (const s of this.named.values()) {
            if ((this.nameDsts.get(s.dst)?.size ?? 0) >= 2)
                consider(s, true);
        }
        return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    }
}
//# sourceMappingURL=beacon.js.map