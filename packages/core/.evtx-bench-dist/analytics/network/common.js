/** Helpers shared by the network analytics: finding ids, severity from score, entity/ASN details. */
import { createHash } from 'node:crypto';
export function findingId(detector, key) {
    return `${detector}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}
export function severityOf(score) {
    if (score >= 0.9)
        return 'high';
    if (score >= 0.75)
        return 'medium';
    if (score >= 0.5)
        return 'low';
    return 'informational';
}
/** What attribution needs about an address: ASN, organisation, country, list memberships. */
export function addressDetails(enricher, ip) {
    const i = enricher.lookup(ip);
    const out = { ip, internal: i.internal };
    if (i.special)
        out.special = i.special;
    if (i.asn !== undefined)
        out.asn = i.asn;
    if (i.org !== undefined)
        out.org = i.org;
    if (i.country !== undefined)
        out.country = i.country;
    if (i.hosting)
        out.hosting = true;
    if (i.vpn)
        out.vpn = true;
    if (i.tor)
        out.tor = true;
    return out;
}
/** Entities in a stable order, without duplicates. */
export function entities(list) {
    const seen = new Set();
    const out = [];
    for (const e of list) {
        if (!e?.value)
            continue;
        const k = `${e.type}\u0000${e.value}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push(e);
    }
    return out;
}
/** Keep the first `cap` evidence references (and say how many there were in `details`). */
export class EvidenceList {
    cap;
    refs = [];
    total = 0;
    constructor(cap) {
        this.cap = cap;
    }
    add(r) {
        this.total++;
        if (this.refs.length < this.cap)
            this.refs.push(r);
    }
}
/**
 * The same for the millions of pairs analytics keep: a plain array and a counter on the owner,
 * allocated on first use, so a pair costs a few words until it has evidence.
 */
export function pushCapped(arr, item, cap) {
    if (!arr)
        return [item];
    if (arr.length < cap)
        arr.push(item);
    return arr;
}
export const isoTime = (ms) => new Date(ms).toISOString();
//# sourceMappingURL=common.js.map