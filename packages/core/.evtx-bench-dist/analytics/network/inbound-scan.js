import { addressDetails, entities, findingId, isoTime, pushCapped, severityOf } from './common.js';
import { NETWORK_DEFAULTS } from './config.js';
import { isFailed, isFlowEvent, toFlow } from './flow.js';
import { clamp01, round3 } from './stats.js';
/** Services whose repeated attempts are password guessing rather than mere discovery. */
const AUTH_PORTS = new Set([21, 22, 23, 25, 110, 143, 445, 1433, 3306, 3389, 5432, 5900, 5985, 5986]);
export class InboundScanAnalytic {
    opts;
    name = 'inbound-scan';
    cfg;
    targets = new Map();
    maxEvidence;
    constructor(opts) {
        this.opts = opts;
        this.cfg = { ...NETWORK_DEFAULTS.inboundScan, ...opts.config };
        this.maxEvidence = opts.maxEvidence ?? NETWORK_DEFAULTS.maxEvidence;
    }
    wants(e) {
        return isFlowEvent(e);
    }
    feed(events) {
        const en = this.opts.enricher;
        for (const e of events) {
            const fl = toFlow(e);
            if (!fl || !en.isInternal(fl.dst))
                continue;
            const s = en.lookup(fl.src);
            if (s.internal || s.special)
                continue;
            let t = this.targets.get(fl.dst);
            if (!t) {
                t = {
                    ip: fl.dst,
                    sources: new Map(),
                    attempts: 0,
                    failed: 0,
                    ports: new Map(),
                    first: fl.time,
                    last: fl.time,
                    evidenceTotal: 0,
                };
                this.targets.set(fl.dst, t);
            }
            const failed = isFailed(fl) || (fl.origBytes === 0 && fl.respBytes === 0);
            t.attempts++;
            if (failed)
                t.failed++;
            if (fl.time < t.first)
                t.first = fl.time;
            if (fl.time > t.last)
                t.last = fl.time;
            if (t.ports.size < 5000 || t.ports.has(fl.dport))
                t.ports.set(fl.dport, (t.ports.get(fl.dport) ?? 0) + 1);
            let src = t.sources.get(fl.src);
            if (!src) {
                if (t.sources.size >= this.cfg.maxSourcesPerTarget)
                    continue;
                src = { attempts: 0, failed: 0, ports: new Set() };
                t.sources.set(fl.src, src);
            }
            src.attempts++;
            if (failed)
                src.failed++;
            if (src.ports.size < 1000)
                src.ports.add(fl.dport);
            if (failed) {
                t.evidenceTotal++;
                t.evidence = pushCapped(t.evidence, fl.ref, this.maxEvidence);
            }
        }
    }
    finish() {
        const out = [];
        const c = this.cfg;
        const en = this.opts.enricher;
        for (const t of this.targets.values()) {
            // unanswered attempts make it probing; answered ones from few sources are a published service
            if (t.sources.size < c.minSources || t.failed < c.minFailedAttempts)
                continue;
            const failedShare = t.failed / t.attempts;
            const topPorts = [...t.ports].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10);
            const authAttempts = [...t.ports].filter(([p]) => AUTH_PORTS.has(p)).reduce((s, [, n]) => s + n, 0);
            const authShare = authAttempts / t.attempts;
            const volume = clamp01(Math.log(t.sources.size) / Math.log(c.fullScoreSources));
            const score = round3(clamp01(0.4 * volume + 0.3 * failedShare + 0.3 * authShare));
            if (score < c.minScore)
                continue;
            const ranked = [...t.sources].sort((a, b) => b[1].attempts - a[1].attempts || (a[0] < b[0] ? -1 : 1));
            const top = ranked.slice(0, 20);
            const scanners = ranked.filter(([, s]) => s.ports.size >= c.scannerPorts).length;
            const attack = ['T1595'];
            if (authShare >= 0.2)
                attack.push('T1110');
            const [lead, leadStats] = top[0];
            out.push({
                id: findingId('inbound-scan', t.ip),
                time: t.first,
                severity: severityOf(score),
                detector: 'inbound-scan',
                host: t.ip,
                rule: {
                    id: 'haechi-network-inbound-scan',
                    title: `Internet probing of ${t.ip}: ${t.sources.size} outside sources, ${t.attempts} attempts (top ports ${topPorts
                        .slice(0, 4)
                        .map(([p]) => p)
                        .join(', ')}; most from ${lead}, ${leadStats.attempts} attempts)`,
                },
                attack,
                entities: entities([
                    { type: 'ip', value: t.ip },
                    ...top.map(([ip]) => ({ type: 'ip', value: ip })),
                ]),
                evidence: t.evidence ?? [],
                score,
                details: {
                    target: t.ip,
                    sources: t.sources.size,
                    sourcesCapped: t.sources.size >= c.maxSourcesPerTarget,
                    attempts: t.attempts,
                    unansweredAttempts: t.failed,
                    unansweredShare: round3(failedShare),
                    authenticationShare: round3(authShare),
                    scanners,
                    topPorts: topPorts.map(([port, attempts]) => ({ port, attempts })),
                    topSources: top.map(([ip, s]) => ({
                        ...addressDetails(en, ip),
                        attempts: s.attempts,
                        ports: s.ports.size,
                    })),
                    first: isoTime(t.first),
                    last: isoTime(t.last),
                    evidenceTotal: t.evidenceTotal,
                },
            });
        }
        return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    }
}
//# sourceMappingURL=inbound-scan.js.map