/**
 * `createEnricher(opts).lookup(ip)`: what is known about an address — internal or not (the
 * operator's subnets; RFC 1918 and fd00::/8 by default), special-purpose ranges (loopback,
 * link-local, multicast: RFC 6890), ASN, organisation and country (from `@ip-location-db`), and
 * whether it is on the user's hosting/VPN/Tor lists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { HaechiError } from '../errors.js';
import { sharedGeoDb } from './geo-db.js';
import { CidrSet, parseCidr, parseIPv4, parseIPv6 } from './ip.js';
export const DEFAULT_INTERNAL = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8'];
/** RFC 6890 special-purpose ranges that are neither internal hosts nor the Internet. */
const SPECIAL = [
    ['0.0.0.0/8', 'this-network'],
    ['127.0.0.0/8', 'loopback'],
    ['169.254.0.0/16', 'link-local'],
    ['100.64.0.0/10', 'shared-address-space'],
    ['224.0.0.0/4', 'multicast'],
    ['240.0.0.0/4', 'reserved'],
    ['::/128', 'unspecified'],
    ['::1/128', 'loopback'],
    ['fe80::/10', 'link-local'],
    ['ff00::/8', 'multicast'],
];
export const enricherOptionsSchema = z.object({
    /** internal networks (CIDR); RFC 1918 and fd00::/8 when absent */
    internal: z.array(z.string()).optional(),
    /** a folder of hosting/VPN/Tor lists (see `loadReputationLists`) */
    listsDir: z.string().optional(),
    /** look up ASN and country (default true) */
    geo: z.boolean().optional(),
});
function kindOfPath(p) {
    const s = p.toLowerCase();
    if (/(^|[/_.-])tor([/_.-]|$)|tor-exit|exit-nodes/.test(s))
        return 'tor';
    if (/vpn|proxy/.test(s))
        return 'vpn';
    if (/datacenter|data-center|hosting|cloud|vps/.test(s))
        return 'hosting';
    return undefined;
}
/**
 * Read hosting/VPN/Tor lists from a folder, recursively. A file's kind comes from its path
 * (`datacenter`/`hosting`/`cloud` -> hosting, `vpn`/`proxy` -> vpn, `tor`/`exit-nodes` -> tor),
 * as in X4BNet's `lists_vpn` layout. Each line is an address, a CIDR, or an ASN (`AS12345`), with
 * `#` comments; other lines are counted as problems and reported in the error when nothing parses.
 */
export function loadReputationLists(dir) {
    const out = { cidrs: {}, asns: {}, files: [] };
    let st;
    try {
        st = statSync(dir);
    }
    catch (err) {
        throw new HaechiError('config', `enrichment lists folder not found: ${dir}`, { cause: err, file: dir });
    }
    const files = [];
    const walk = (d) => {
        for (const name of readdirSync(d).sort()) {
            const p = join(d, name);
            if (statSync(p).isDirectory())
                walk(p);
            else if (!/licen[cs]e|readme|\.md$/i.test(name))
                files.push(p);
        }
    };
    if (st.isDirectory())
        walk(dir);
    else
        files.push(dir);
    for (const f of files) {
        const kind = kindOfPath(relative(dir, f) || f);
        if (!kind)
            continue;
        let used = false;
        for (const raw of readFileSync(f, 'utf8').split('\n')) {
            const line = raw.replace(/#.*/, '').trim();
            if (!line)
                continue;
            const asn = /^AS(\d+)$/i.exec(line);
            if (asn) {
                const arr = out.asns[kind] ?? [];
                out.asns[kind] = arr;
                arr.push(Number(asn[1]));
                used = true;
                continue;
            }
            const c = parseCidr(line.split(/\s+/)[0]);
            if (c) {
                const arr = out.cidrs[kind] ?? [];
                out.cidrs[kind] = arr;
                arr.push(c);
                used = true;
            }
        }
        if (used)
            out.files.push(f);
    }
    return out;
}
function v4MappedOf(n) {
    // ::ffff:a.b.c.d (RFC 4291 section 2.5.5.2)
    return n >> 32n === 0xffffn ? Number(n & 0xffffffffn) : -1;
}
export function createEnricher(opts = {}) {
    const internalText = opts.internal && opts.internal.length > 0 ? opts.internal : DEFAULT_INTERNAL;
    const internalCidrs = internalText.map((t) => {
        const c = parseCidr(t);
        if (!c)
            throw new HaechiError('config', `not a CIDR: ${JSON.stringify(t)}`, { field: 'internal' });
        return c;
    });
    const internal = new CidrSet(internalCidrs);
    const special = SPECIAL.map(([c, name]) => ({ set: new CidrSet([parseCidr(c)]), name }));
    const lists = opts.lists ?? (opts.listsDir ? loadReputationLists(opts.listsDir) : undefined);
    const listSets = [];
    if (lists) {
        for (const kind of ['hosting', 'vpn', 'tor']) {
            listSets.push({
                kind,
                set: new CidrSet(lists.cidrs[kind] ?? []),
                asns: new Set(lists.asns[kind] ?? []),
            });
        }
    }
    const geo = opts.geo === false ? undefined : (opts.geoDb ?? sharedGeoDb());
    const cache = new Map();
    const compute = (ip) => {
        let v4 = parseIPv4(ip);
        let v6;
        if (v4 < 0) {
            v6 = parseIPv6(ip);
            if (v6 === undefined)
                return { ip, internal: false, special: 'invalid' };
            const mapped = v4MappedOf(v6);
            if (mapped >= 0) {
                v4 = mapped;
                v6 = undefined;
            }
        }
        const isV4 = v4 >= 0;
        const info = { ip, internal: isV4 ? internal.hasV4(v4) : internal.hasV6(v6) };
        for (const s of special) {
            if (isV4 ? s.set.hasV4(v4) : s.set.hasV6(v6)) {
                info.special = s.name;
                break;
            }
        }
        if (isV4 && v4 === 0xffffffff)
            info.special = 'broadcast';
        if (info.internal || info.special)
            return info;
        if (geo) {
            const g = isV4 ? geo.lookupV4(v4) : geo.lookupV6(v6);
            if (g.asn !== undefined)
                info.asn = g.asn;
            if (g.org !== undefined)
                info.org = g.org;
            if (g.country !== undefined)
                info.country = g.country;
        }
        for (const l of listSets) {
            const hit = (isV4 ? l.set.hasV4(v4) : l.set.hasV6(v6)) || (info.asn !== undefined && l.asns.has(info.asn));
            if (hit)
                info[l.kind] = true;
        }
        return info;
    };
    return {
        internal: internalText,
        isInternal(ip) {
            const v4 = parseIPv4(ip);
            if (v4 >= 0)
                return internal.hasV4(v4);
            const v6 = parseIPv6(ip);
            if (v6 === undefined)
                return false;
            const m = v4MappedOf(v6);
            return m >= 0 ? internal.hasV4(m) : internal.hasV6(v6);
        },
        lookup(ip) {
            let r = cache.get(ip);
            if (r)
                return r;
            r = compute(ip);
            if (cache.size >= 200_000)
                cache.clear(); // bounded: a scan of the whole Internet must not grow it
            cache.set(ip, r);
            return r;
        },
    };
}
//# sourceMappingURL=enricher.js.map