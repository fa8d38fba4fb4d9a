import { addressDetails, entities, findingId, isoTime, pushCapped, severityOf } from './common.js';
import { NETWORK_DEFAULTS } from './config.js';
import { isFlowEvent, toFlow } from './flow.js';
import { clamp01, round3 } from './stats.js';
export class LongConnectionAnalytic {
    opts;
    name = 'long-connection';
    cfg;
    pairs = new Map();
    /** open_conn records by uid: a connection logged open, then again (longer, or closed) counts once */
    openByUid = new Map();
    /** uids of closed connections long enough to have been logged open before (bounded) */
    closedUids = new Set();
    constructor(opts) {
        this.opts = opts;
        this.cfg = { ...NETWORK_DEFAULTS.longConnection, ...opts.config };
    }
    wants(e) {
        return isFlowEvent(e);
    }
    feed(events) {
        const en = this.opts.enricher;
        const cap = this.opts.maxEvidence ?? NETWORK_DEFAULTS.maxEvidence;
        for (const e of events) {
            const fl = toFlow(e);
            if (!fl || fl.duration <= 0)
                continue;
            const d = en.lookup(fl.dst);
            if (d.special)
                continue;
            if (!this.cfg.includeInternal && d.internal && en.isInternal(fl.src))
                continue;
            const key = `${fl.src}|${fl.dst}|${fl.dport}|${fl.proto}`;
            let p = this.pairs.get(key);
            if (!p) {
                p = {
                    src: fl.src,
                    dst: fl.dst,
                    dport: fl.dport,
                    proto: fl.proto,
                    total: 0,
                    longest: 0,
                    count: 0,
                    open: 0,
                    origBytes: 0,
                    respBytes: 0,
                    first: fl.time,
                    last: fl.time,
                    evidenceTotal: 0,
                };
                this.pairs.set(key, p);
            }
            if (fl.uid) {
                const prev = this.openByUid.get(fl.uid);
                if (fl.open) {
                    if (this.closedUids.has(fl.uid))
                        continue; // its closed record is already counted
                    if (prev) {
                        if (fl.duration <= prev.duration)
                            continue;
                        this.retract(prev);
                    }
                    else {
                        p.count++;
                        p.open++;
                    }
                    this.openByUid.set(fl.uid, {
                        pair: p,
                        duration: fl.duration,
                        orig: fl.origBytes,
                        resp: fl.respBytes,
                    });
                }
                else {
                    if (prev) {
                        this.retract(prev);
                        prev.pair.count--;
                        prev.pair.open--;
                        this.openByUid.delete(fl.uid);
                    }
                    if (fl.duration >= 60 && this.closedUids.size < 2_000_000)
                        this.closedUids.add(fl.uid);
                    p.count++;
                }
            }
            else {
                p.count++;
                if (fl.open)
                    p.open++;
            }
            p.total += fl.duration;
            p.origBytes += fl.origBytes;
            p.respBytes += fl.respBytes;
            if (fl.duration > p.longest)
                p.longest = fl.duration;
            if (fl.time < p.first)
                p.first = fl.time;
            if (fl.time + fl.duration * 1000 > p.last)
                p.last = fl.time + fl.duration * 1000;
            if (fl.service)
                p.service = fl.service;
            p.evidenceTotal++;
            p.evidence = pushCapped(p.evidence, fl.ref, cap);
        }
    }
    retract(r) {
        r.pair.total -= r.duration;
        r.pair.origBytes -= r.orig;
        r.pair.respBytes -= r.resp;
    }
    finish() {
        const out = [];
        const en = this.opts.enricher;
        for (const p of this.pairs.values()) {
            const total = p.total;
            const orig = p.origBytes;
            const resp = p.respBytes;
            if (total < this.cfg.minDuration)
                continue;
            // 0.3 at the threshold, 1 at fullScoreDuration, logarithmic between: with the defaults
            // 1 h -> 0.3 (informational), 4 h -> 0.6, 8 h -> 0.75, 24 h -> 1 (RITA's 1/4/8/12+ h bands)
            const score = round3(clamp01(0.3 +
                (0.7 * Math.log(total / this.cfg.minDuration)) /
                    Math.log(this.cfg.fullScoreDuration / this.cfg.minDuration)));
            const attack = ['T1071'];
            if (![80, 443, 22, 3389].includes(p.dport))
                attack.push('T1571');
            out.push({
                id: findingId('long-connection', `${p.src}|${p.dst}|${p.dport}|${p.proto}`),
                time: p.first,
                severity: severityOf(score),
                detector: 'long-connection',
                host: en.isInternal(p.dst) && !en.isInternal(p.src) ? p.dst : p.src,
                rule: {
                    id: 'haechi-network-long-connection',
                    title: `Long connection: ${p.src} -> ${p.dst}:${p.dport}/${p.proto} for ${(total / 3600).toFixed(1)} h in total`,
                },
                attack,
                entities: entities([
                    { type: 'ip', value: p.src },
                    { type: 'ip', value: p.dst },
                ]),
                evidence: p.evidence ?? [],
                score,
                details: {
                    source: addressDetails(en, p.src),
                    destination: addressDetails(en, p.dst),
                    port: p.dport,
                    proto: p.proto,
                    service: p.service,
                    totalDurationSeconds: Math.round(total),
                    longestSeconds: Math.round(p.longest),
                    connections: p.count,
                    openConnections: p.open,
                    origBytes: orig,
                    respBytes: resp,
                    first: isoTime(p.first),
                    last: isoTime(p.last),
                    evidenceTotal: p.evidenceTotal,
                },
            });
        }
        return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    }
}
//# sourceMappingURL=long-connection.js.map