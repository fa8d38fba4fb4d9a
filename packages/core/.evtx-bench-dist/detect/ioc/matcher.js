/**
 * Indicator lookup structures, built from an IocSpec where events are read:
 * - IPv4: a hash map for exact addresses; CIDRs flattened into disjoint segments (prefixes are either
 *   nested or disjoint, so a sweep with a stack does it), each with the list of prefixes covering it,
 *   in typed arrays: a lookup is one binary search;
 * - IPv6: canonical-string map; IPv6 CIDRs (rare) as bigint ranges;
 * - domains: a map walked over the observed name's suffixes (a.b.evil.com, b.evil.com, evil.com, com),
 *   so an indicator for a domain also matches its subdomains;
 * - URLs, hashes, e-mail addresses, file names: maps of normalised values.
 * Several indicators with the same value (two feeds) are chained through `next`.
 *
 * Almost every observed value is not an indicator. A Bloom filter (Bloom 1970; k = 3 probes into
 * ~12 bits per key, about 2% false positives) answers most of those misses from a small bit array
 * before the large hash maps are touched: with a million indicators the maps are tens of megabytes
 * and every probe is a cache miss, so the filter is several times faster per lookup.
 */
import { canonicalIpv6, normaliseUrl } from '../../intel/index.js';
import { TYPE_CODES } from './spec.js';
const T = Object.fromEntries(TYPE_CODES.map((t, i) => [t, i]));
/** Parses dotted-quad IPv4 without allocating; -1 when it is not one. */
export function parseIpv4(s) {
    const len = s.length;
    if (len < 7 || len > 15)
        return -1;
    let acc = 0;
    let part = 0;
    let digits = 0;
    let dots = 0;
    for (let i = 0; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c === 46) {
            if (digits === 0 || dots === 3)
                return -1;
            acc = acc * 256 + part;
            part = 0;
            digits = 0;
            dots++;
        }
        else if (c >= 48 && c <= 57) {
            if (digits > 0 && part === 0)
                return -1; // leading zero
            part = part * 10 + (c - 48);
            if (part > 255 || ++digits > 3)
                return -1;
        }
        else
            return -1;
    }
    if (dots !== 3 || digits === 0)
        return -1;
    return acc * 256 + part;
}
/** Bloom filter over strings (ASCII case-insensitive) and 32-bit integers. */
export class BloomFilter {
    bits;
    mask;
    constructor(expected) {
        let size = 1 << 16;
        while (size < expected * 12 && size < 1 << 30)
            size <<= 1;
        this.bits = new Uint32Array(size >>> 5);
        this.mask = size - 1;
    }
    set(a, b) {
        for (let k = 0; k < 3; k++) {
            const x = ((a + Math.imul(k, b)) >>> 0) & this.mask;
            this.bits[x >>> 5] |= 1 << (x & 31);
        }
    }
    test(a, b) {
        for (let k = 0; k < 3; k++) {
            const x = ((a + Math.imul(k, b)) >>> 0) & this.mask;
            if ((this.bits[x >>> 5] & (1 << (x & 31))) === 0)
                return false;
        }
        return true;
    }
    addString(s, from = 0) {
        const [a, b] = hashString(s, from);
        this.set(a, b);
    }
    /** may `s.slice(from)` have been added? */
    hasString(s, from = 0) {
        let a = 0x811c9dc5;
        let b = 0x9747b28c;
        for (let i = from; i < s.length; i++) {
            let c = s.charCodeAt(i);
            if (c >= 65 && c <= 90)
                c += 32;
            a = Math.imul(a ^ c, 16777619);
            b = Math.imul(b ^ c, 0x5bd1e995);
        }
        return this.test(a, b | 1);
    }
    addInt(n) {
        this.set(Math.imul(n ^ 0x811c9dc5, 0x9e3779b1), Math.imul(n ^ 0x85ebca6b, 0xc2b2ae35) | 1);
    }
    hasInt(n) {
        return this.test(Math.imul(n ^ 0x811c9dc5, 0x9e3779b1), Math.imul(n ^ 0x85ebca6b, 0xc2b2ae35) | 1);
    }
}
/** FNV-1a and a murmur-style multiply over the lower-cased characters; double hashing (Kirsch-Mitzenmacher) */
function hashString(s, from) {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = from; i < s.length; i++) {
        let c = s.charCodeAt(i);
        if (c >= 65 && c <= 90)
            c += 32;
        a = Math.imul(a ^ c, 16777619);
        b = Math.imul(b ^ c, 0x5bd1e995);
    }
    return [a, b | 1];
}
function ipv6ToBigInt(canonical) {
    return BigInt(`0x${canonical.replace(/:/g, '')}`);
}
export class IocMatcher {
    spec;
    size;
    next;
    ip4 = new Map();
    /** segment i covers [segStart[i], segEnd[i]]; its prefixes are segIdx[segOff[i] .. segOff[i+1]) */
    segStart;
    segEnd;
    segOff;
    segIdx;
    bucketFirst;
    ip6 = new Map();
    cidr6 = [];
    domains = new Map();
    urls = new Map();
    hashes = new Map();
    hashesUpper = new Map();
    emails = new Map();
    filenames = new Map();
    bloom;
    constructor(spec) {
        this.spec = spec;
        const n = spec.values.length;
        this.size = n;
        this.bloom = new BloomFilter(n);
        this.next = new Int32Array(n).fill(-1);
        const cidrs = [];
        const put = (m, k, i) => {
            const prev = m.get(k);
            if (prev !== undefined)
                this.next[i] = prev;
            m.set(k, i);
        };
        for (let i = 0; i < n; i++) {
            const v = spec.values[i];
            switch (spec.types[i]) {
                case T.ipv4:
                    put(this.ip4, parseIpv4(v), i);
                    this.bloom.addInt(parseIpv4(v));
                    break;
                case T.cidr4: {
                    const [ip, bits] = v.split('/');
                    const base = parseIpv4(ip);
                    const b = Number(bits);
                    const size = 2 ** (32 - b);
                    cidrs.push({ s: base, e: base + size - 1, i });
                    break;
                }
                case T.ipv6:
                    put(this.ip6, v, i);
                    break;
                case T.cidr6: {
                    const [ip, bits] = v.split('/');
                    const lo = ipv6ToBigInt(ip);
                    const span = (1n << BigInt(128 - Number(bits))) - 1n;
                    const base = lo & ~span;
                    this.cidr6.push({ lo: base, hi: base | span, idx: i });
                    break;
                }
                case T.domain:
                    put(this.domains, v, i);
                    this.bloom.addString(v);
                    break;
                case T.url:
                    put(this.urls, v, i);
                    break;
                case T.md5:
                case T.sha1:
                case T.sha256:
                case T.sha512:
                    // Sysmon writes hashes in upper case: keep that spelling too, so lookups need no copy
                    put(this.hashes, v, i);
                    this.hashesUpper.set(v.toUpperCase(), v);
                    this.bloom.addString(v);
                    break;
                case T.email:
                    put(this.emails, v, i);
                    break;
                case T.filename:
                    put(this.filenames, v, i);
                    break;
            }
        }
        // outer prefixes before inner ones at the same start
        cidrs.sort((a, b) => a.s - b.s || b.e - a.e);
        const starts = [];
        const ends = [];
        const offs = [0];
        const idx = [];
        const stack = [];
        const emit = (from, to) => {
            if (from > to)
                return;
            starts.push(from);
            ends.push(to);
            for (const r of stack)
                idx.push(r.i);
            offs.push(idx.length);
        };
        let cur = 0;
        const closeUntil = (limit) => {
            while (stack.length > 0 && stack[stack.length - 1].e < limit) {
                const top = stack[stack.length - 1];
                emit(cur, top.e);
                cur = top.e + 1;
                stack.pop();
            }
        };
        for (const r of cidrs) {
            closeUntil(r.s);
            if (stack.length > 0)
                emit(cur, r.s - 1);
            cur = r.s;
            stack.push(r);
        }
        closeUntil(2 ** 32);
        this.segStart = Uint32Array.from(starts);
        this.segEnd = Uint32Array.from(ends);
        this.segOff = Uint32Array.from(offs);
        this.segIdx = Int32Array.from(idx);
        // bucketFirst[b]: the first segment ending at or after b·2^16, so a lookup searches only the
        // segments of its /16 (a 256 KiB table instead of a search over all segments)
        this.bucketFirst = new Int32Array(65537);
        let sIdx = 0;
        for (let b = 0; b <= 65536; b++) {
            const floor = b * 65536;
            while (sIdx < this.segEnd.length && this.segEnd[sIdx] < floor)
                sIdx++;
            this.bucketFirst[b] = sIdx;
        }
    }
    chain(first, out) {
        for (let i = first ?? -1; i >= 0; i = this.next[i])
            out.push(i);
    }
    /** indicator indices matching an IPv4 address given as a 32-bit unsigned number */
    matchIpv4Int(ip, out) {
        if (this.ip4.size > 0 && this.bloom.hasInt(ip))
            this.chain(this.ip4.get(ip), out);
        const starts = this.segStart;
        if (starts.length === 0)
            return;
        const b = ip >>> 16;
        let lo = this.bucketFirst[b];
        let hi = Math.min(this.bucketFirst[b + 1], starts.length - 1);
        let seg = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            if (starts[mid] <= ip) {
                seg = mid;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        if (seg < 0 || this.segEnd[seg] < ip)
            return;
        for (let k = this.segOff[seg]; k < this.segOff[seg + 1]; k++)
            out.push(this.segIdx[k]);
    }
    /** any textual IP (v4, v6, IPv4-mapped v6, bracketed) */
    matchIp(s, out) {
        const v4 = parseIpv4(s);
        if (v4 >= 0) {
            this.matchIpv4Int(v4, out);
            return;
        }
        if (s.indexOf(':') < 0)
            return;
        // IPv4-mapped form as Sysmon writes DNS answers: ::ffff:1.2.3.4
        if (s.startsWith('::ffff:')) {
            const m4 = parseIpv4(s.slice(7));
            if (m4 >= 0) {
                this.matchIpv4Int(m4, out);
                return;
            }
        }
        const c = canonicalIpv6(s);
        if (!c)
            return;
        if (c.startsWith('0000:0000:0000:0000:0000:ffff:')) {
            const hi = Number.parseInt(c.slice(30, 34), 16);
            const lo = Number.parseInt(c.slice(35, 39), 16);
            this.matchIpv4Int(hi * 65536 + lo, out);
        }
        this.chain(this.ip6.get(c), out);
        if (this.cidr6.length) {
            const b = ipv6ToBigInt(c);
            for (const r of this.cidr6)
                if (b >= r.lo && b <= r.hi)
                    out.push(r.idx);
        }
    }
    /** a host name: the name itself and each parent domain */
    matchDomain(s, out) {
        if (this.domains.size === 0 || s.length === 0)
            return;
        let d = s;
        // lower-case only when needed (most logged names already are)
        for (let i = 0; i < d.length; i++) {
            const c = d.charCodeAt(i);
            if (c >= 65 && c <= 90) {
                d = d.toLowerCase();
                break;
            }
        }
        if (d.charCodeAt(d.length - 1) === 46)
            d = d.slice(0, -1);
        let from = 0;
        for (;;) {
            if (this.bloom.hasString(d, from)) {
                const hit = this.domains.get(from === 0 ? d : d.slice(from));
                if (hit !== undefined)
                    this.chain(hit, out);
            }
            const dot = d.indexOf('.', from);
            // indicators are registrable names or below: a bare top-level label is never one
            if (dot < 0 || d.indexOf('.', dot + 1) < 0)
                return;
            from = dot + 1;
        }
    }
    matchUrl(s, out) {
        if (this.urls.size === 0)
            return;
        const n = normaliseUrl(s);
        if (n)
            this.chain(this.urls.get(n), out);
    }
    matchHash(s, out) {
        if (this.hashes.size === 0)
            return;
        const h = s.length === 32 || s.length === 40 || s.length === 64 || s.length === 128 ? s.toLowerCase() : '';
        if (h)
            this.chain(this.hashes.get(h), out);
    }
    matchEmail(s, out) {
        if (this.emails.size === 0)
            return;
        // "Name <user@host>" forms in mail headers
        const lt = s.indexOf('<');
        const addr = (lt >= 0 ? s.slice(lt + 1, s.indexOf('>', lt) >>> 0) : s).trim().toLowerCase();
        this.chain(this.emails.get(addr), out);
    }
    matchFilename(path, out) {
        if (this.filenames.size === 0)
            return;
        const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        this.chain(this.filenames.get(path.slice(cut + 1).toLowerCase()), out);
    }
    get hasUrls() {
        return this.urls.size > 0;
    }
    get hasEmails() {
        return this.emails.size > 0;
    }
    get hasFilenames() {
        return this.filenames.size > 0;
    }
    get hasHashes() {
        return this.hashes.size > 0;
    }
}
//# sourceMappingURL=matcher.js.map