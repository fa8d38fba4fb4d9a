/**
 * DNS tunnelling and DGA traffic from DNS logs (Zeek dns, Suricata EVE dns).
 *
 * Tunnelling (dnscat2, iodine, DNSExfiltrator, Cobalt Strike DNS): data rides in the labels under a
 * domain the operator controls, so one registered domain (public suffix list, via `tldts`) gets many
 * unique subdomains, which are long and random-looking, often in TXT/NULL/CNAME/MX queries.
 * Score: 0.35 unique-subdomain volume (log scale) + 0.25 randomness (normalised Shannon entropy of
 * the subdomains) + 0.2 share of non-address queries (TXT volume) + 0.2 subdomain length.
 *
 * DGA (Simda, Conficker, ...): one host asks for many registered domains that do not exist.
 * Score: 0.6 unique NXDOMAIN registered domains (log scale) + 0.4 their share of the host's domains.
 */
import { parse } from 'tldts';
import { addressDetails, EvidenceList, entities, findingId, isoTime, severityOf } from './common.js';
import { NETWORK_DEFAULTS } from './config.js';
import { clamp01, entropy, round3 } from './stats.js';
const ADDRESS_TYPES = new Set(['A', 'AAAA', 'HTTPS', 'SVCB']);
const IGNORED_SUFFIXES = ['.arpa', '.local', '.localdomain', '.internal', '.lan', '.home.arpa'];
function dnsQueryOf(e) {
    const f = e.fields;
    if (e.source.kind === 'zeek.dns') {
        const q = f.query;
        if (typeof q !== 'string' || !q)
            return undefined;
        return {
            query: q,
            qtype: String(f.qtype_name ?? ''),
            rcode: String(f.rcode_name ?? ''),
            src: String(f['id.orig_h'] ?? ''),
            dst: String(f['id.resp_h'] ?? ''),
            isQuery: true,
        };
    }
    if (e.source.kind === 'eve.dns') {
        const q = f['dns.rrname'] ??
            (Array.isArray(f['dns.queries']) ? f['dns.queries'][0]?.rrname : undefined);
        if (typeof q !== 'string' || !q)
            return undefined;
        const type = String(f['dns.type'] ?? 'query');
        return {
            query: q,
            qtype: String(f['dns.rrtype'] ?? ''),
            rcode: String(f['dns.rcode'] ?? ''),
            src: String(type === 'answer' ? (f.dest_ip ?? '') : (f.src_ip ?? '')),
            dst: String(type === 'answer' ? (f.src_ip ?? '') : (f.dest_ip ?? '')),
            isQuery: type === 'query',
        };
    }
    return undefined;
}
/** Entropy of `s` relative to the most it could have at its length (0..1). */
function normalisedEntropy(s) {
    const alphabet = Math.min(s.length, 37); // letters, digits, hyphen
    return alphabet <= 1 ? 0 : entropy(s) / Math.log2(alphabet);
}
export class DnsTunnelAnalytic {
    opts;
    name = 'dns-tunnel';
    cfg;
    domains = new Map();
    hosts = new Map();
    maxEvidence;
    constructor(opts) {
        this.opts = opts;
        this.cfg = { ...NETWORK_DEFAULTS.dnsTunnel, ...opts.config };
        this.maxEvidence = opts.maxEvidence ?? NETWORK_DEFAULTS.maxEvidence;
    }
    wants(e) {
        return e.source.kind === 'zeek.dns' || e.source.kind === 'eve.dns';
    }
    feed(events) {
        for (const e of events) {
            const q = dnsQueryOf(e);
            if (!q)
                continue;
            const name = q.query.toLowerCase().replace(/\.$/, '');
            if (IGNORED_SUFFIXES.some((s) => name.endsWith(s)))
                continue;
            const p = parse(name, { allowPrivateDomains: false });
            if (!p.domain || !p.isIcann)
                continue;
            const domain = p.domain;
            if (q.src)
                this.feedHost(q, domain, e);
            if (!q.isQuery)
                continue;
            let d = this.domains.get(domain);
            if (!d) {
                d = {
                    domain,
                    subs: new Set(),
                    extraUnique: 0,
                    queries: 0,
                    nonAddress: 0,
                    types: new Map(),
                    clients: new Set(),
                    servers: new Set(),
                    entropySum: 0,
                    lengthSum: 0,
                    first: e.time,
                    last: e.time,
                    evidence: new EvidenceList(this.maxEvidence),
                };
                this.domains.set(domain, d);
            }
            d.queries++;
            if (e.time < d.first)
                d.first = e.time;
            if (e.time > d.last)
                d.last = e.time;
            if (q.qtype && !ADDRESS_TYPES.has(q.qtype))
                d.nonAddress++;
            if (q.qtype)
                d.types.set(q.qtype, (d.types.get(q.qtype) ?? 0) + 1);
            if (q.src && d.clients.size < 50)
                d.clients.add(q.src);
            if (q.dst && d.servers.size < 20)
                d.servers.add(q.dst);
            const sub = p.subdomain ?? '';
            if (sub && !d.subs.has(sub)) {
                if (d.subs.size < this.cfg.maxSubdomains) {
                    d.subs.add(sub);
                    const flat = sub.replace(/\./g, '');
                    d.entropySum += normalisedEntropy(flat);
                    d.lengthSum += flat.length;
                    d.evidence.add(e.source);
                }
                else {
                    d.extraUnique++;
                }
            }
        }
    }
    feedHost(q, domain, e) {
        let h = this.hosts.get(q.src);
        if (!h) {
            h = {
                src: q.src,
                domains: new Set(),
                nx: new Set(),
                nxQueries: 0,
                first: e.time,
                last: e.time,
                evidence: new EvidenceList(this.maxEvidence),
            };
            this.hosts.set(q.src, h);
        }
        if (h.domains.size < 50_000)
            h.domains.add(domain);
        if (q.rcode === 'NXDOMAIN') {
            h.nxQueries++;
            if (!h.nx.has(domain) && h.nx.size < 50_000) {
                h.nx.add(domain);
                h.evidence.add(e.source);
            }
            if (e.time < h.first)
                h.first = e.time;
            if (e.time > h.last)
                h.last = e.time;
        }
    }
    finish() {
        const out = [];
        const en = this.opts.enricher;
        const c = this.cfg;
        for (const d of this.domains.values()) {
            const unique = d.subs.size + d.extraUnique;
            if (unique < c.minUniqueSubdomains)
                continue;
            const volume = clamp01(Math.log(unique) / Math.log(c.fullScoreSubdomains));
            const randomness = clamp01(d.entropySum / d.subs.size);
            const nonAddressShare = d.queries ? d.nonAddress / d.queries : 0;
            const meanLength = d.lengthSum / d.subs.size;
            const length = clamp01(meanLength / c.fullScoreLength);
            const score = round3(clamp01(0.35 * volume + 0.25 * randomness + 0.2 * nonAddressShare + 0.2 * length));
            if (score < c.minScore)
                continue;
            const sample = [...d.subs].slice(0, 5).map((s) => `${s}.${d.domain}`);
            const clients = [...d.clients].sort();
            const servers = [...d.servers].sort();
            out.push({
                id: findingId('dns-tunnel', d.domain),
                time: d.first,
                severity: severityOf(score),
                detector: 'dns-tunnel',
                ...(clients.length === 1 ? { host: clients[0] } : {}),
                rule: {
                    id: 'haechi-network-dns-tunnel',
                    title: `DNS tunnelling suspected: ${unique} unique subdomains of ${d.domain} from ${clients.length} host(s)`,
                },
                attack: ['T1071.004', 'T1048'],
                entities: entities([
                    { type: 'domain', value: d.domain },
                    ...clients.map((ip) => ({ type: 'ip', value: ip })),
                ]),
                evidence: d.evidence.refs,
                score,
                details: {
                    domain: d.domain,
                    uniqueSubdomains: unique,
                    queries: d.queries,
                    queryTypes: Object.fromEntries([...d.types].sort((a, b) => b[1] - a[1])),
                    txtQueries: d.types.get('TXT') ?? 0,
                    nonAddressShare: round3(nonAddressShare),
                    meanSubdomainLength: round3(meanLength),
                    volumeScore: round3(volume),
                    randomnessScore: round3(randomness),
                    lengthScore: round3(length),
                    sample,
                    clients,
                    resolvers: servers.map((s) => addressDetails(en, s)),
                    first: isoTime(d.first),
                    last: isoTime(d.last),
                },
            });
        }
        for (const h of this.hosts.values()) {
            const nx = h.nx.size;
            if (nx < c.dgaMinNxDomains)
                continue;
            const volume = clamp01(Math.log(nx) / Math.log(c.dgaFullScoreNxDomains));
            const share = h.domains.size ? nx / h.domains.size : 0;
            const score = round3(clamp01(0.6 * volume + 0.4 * share));
            if (score < c.dgaMinScore)
                continue;
            const sample = [...h.nx].slice(0, 10);
            out.push({
                id: findingId('dga', h.src),
                time: h.first,
                severity: severityOf(score),
                detector: 'dga',
                host: h.src,
                rule: {
                    id: 'haechi-network-dga',
                    title: `DGA-like lookups: ${h.src} asked for ${nx} non-existent domains`,
                },
                attack: ['T1568.002'],
                entities: entities([
                    { type: 'ip', value: h.src },
                    ...sample.map((d) => ({ type: 'domain', value: d })),
                ]),
                evidence: h.evidence.refs,
                score,
                details: {
                    source: h.src,
                    nxDomains: nx,
                    nxQueries: h.nxQueries,
                    domainsQueried: h.domains.size,
                    nxShare: round3(share),
                    volumeScore: round3(volume),
                    sample,
                    first: isoTime(h.first),
                    last: isoTime(h.last),
                },
            });
        }
        return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    }
}
//# sourceMappingURL=dns-tunnel.js.map