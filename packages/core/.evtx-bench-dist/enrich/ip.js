/**
 * IP address and CIDR parsing without allocation-heavy libraries: IPv4 as an unsigned 32-bit
 * number, IPv6 as a 128-bit bigint (RFC 4291 section 2.2 text forms, including `::` and an
 * embedded dotted IPv4 tail, and a `%zone` suffix which is dropped).
 */
/** -1 when `s` is not a dotted-quad IPv4 address. */
export function parseIPv4(s) {
    let n = 0;
    let part = 0;
    let digits = 0;
    let dots = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 48 && c <= 57) {
            part = part * 10 + (c - 48);
            if (++digits > 3 || part > 255)
                return -1;
        }
        else if (c === 46) {
            if (digits === 0 || ++dots > 3)
                return -1;
            n = n * 256 + part;
            part = 0;
            digits = 0;
        }
        else {
            return -1;
        }
    }
    if (dots !== 3 || digits === 0)
        return -1;
    return n * 256 + part;
}
/** undefined when `s` is not an IPv6 address. */
export function parseIPv6(s) {
    const pct = s.indexOf('%');
    if (pct >= 0)
        s = s.slice(0, pct);
    if (s.indexOf(':') < 0)
        return undefined;
    let tail = [];
    const lastColon = s.lastIndexOf(':');
    if (s.indexOf('.', lastColon) > 0) {
        const v4 = parseIPv4(s.slice(lastColon + 1));
        if (v4 < 0)
            return undefined;
        tail = [(v4 >>> 16) & 0xffff, v4 & 0xffff];
        s = `${s.slice(0, lastColon + 1)}0`;
        // the `0` stands in for the first group of the tail and is replaced below
    }
    const dbl = s.indexOf('::');
    if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0)
        return undefined;
    const parseGroups = (t) => {
        if (t.length === 0)
            return [];
        const out = [];
        for (const g of t.split(':')) {
            if (g.length === 0 || g.length > 4 || !/^[0-9a-fA-F]+$/.test(g))
                return undefined;
            out.push(Number.parseInt(g, 16));
        }
        return out;
    };
    let groups;
    if (dbl >= 0) {
        const a = parseGroups(s.slice(0, dbl));
        const b = parseGroups(s.slice(dbl + 2));
        if (!a || !b)
            return undefined;
        if (tail.length)
            b.pop();
        const fill = 8 - a.length - b.length - tail.length;
        if (fill < 1)
            return undefined;
        groups = [...a, ...new Array(fill).fill(0), ...b, ...tail];
    }
    else {
        const a = parseGroups(s);
        if (!a)
            return undefined;
        if (tail.length)
            a.pop();
        groups = [...a, ...tail];
        if (groups.length !== 8)
            return undefined;
    }
    let n = 0n;
    for (const g of groups)
        n = (n << 16n) | BigInt(g);
    return n;
}
export function isIP(s) {
    return parseIPv4(s) >= 0 || parseIPv6(s) !== undefined;
}
/** `10.0.0.0/8`, `fd00::/8`, or a bare address (a /32 or /128). Undefined when invalid. */
export function parseCidr(text) {
    const t = text.trim();
    const slash = t.indexOf('/');
    const addr = slash < 0 ? t : t.slice(0, slash);
    const bitsText = slash < 0 ? undefined : t.slice(slash + 1);
    if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText))
        return undefined;
    const v4 = parseIPv4(addr);
    if (v4 >= 0) {
        const bits = bitsText === undefined ? 32 : Number(bitsText);
        if (bits > 32)
            return undefined;
        const size = 2 ** (32 - bits);
        const first = Math.floor(v4 / size) * size;
        return { v6: false, first, last: first + size - 1, text: t };
    }
    const v6 = parseIPv6(addr);
    if (v6 === undefined)
        return undefined;
    const bits = bitsText === undefined ? 128 : Number(bitsText);
    if (bits > 128)
        return undefined;
    const hostBits = BigInt(128 - bits);
    const mask = (1n << hostBits) - 1n;
    const first = v6 & ~mask & ((1n << 128n) - 1n);
    return { v6: true, first, last: first | mask, text: t };
}
/**
 * A set of address ranges with binary-search membership. Ranges are sorted and merged once,
 * IPv4 in typed arrays, IPv6 as bigints (lists carry few IPv6 ranges).
 */
export class CidrSet {
    v4first = new Float64Array(0);
    v4last = new Float64Array(0);
    v6 = [];
    size;
    constructor(cidrs) {
        const a4 = [];
        const a6 = [];
        for (const c of cidrs) {
            if (c.v6)
                a6.push({ first: c.first, last: c.last });
            else
                a4.push([c.first, c.last]);
        }
        a4.sort((x, y) => x[0] - y[0]);
        const m4 = [];
        for (const r of a4) {
            const top = m4[m4.length - 1];
            if (top && r[0] <= top[1] + 1)
                top[1] = Math.max(top[1], r[1]);
            else
                m4.push([r[0], r[1]]);
        }
        this.v4first = Float64Array.from(m4, (r) => r[0]);
        this.v4last = Float64Array.from(m4, (r) => r[1]);
        a6.sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
        for (const r of a6) {
            const top = this.v6[this.v6.length - 1];
            if (top && r.first <= top.last + 1n) {
                // bigints: Math.max does not take them
                if (r.last > top.last)
                    top.last = r.last;
            }
            else
                this.v6.push({ ...r });
        }
        this.size = m4.length + this.v6.length;
    }
    hasV4(n) {
        const f = this.v4first;
        let lo = 0;
        let hi = f.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            if (f[mid] <= n)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return hi >= 0 && n <= this.v4last[hi];
    }
    hasV6(n) {
        const a = this.v6;
        let lo = 0;
        let hi = a.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            if (a[mid].first <= n)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return hi >= 0 && n <= a[hi].last;
    }
    has(ip) {
        const v4 = parseIPv4(ip);
        if (v4 >= 0)
            return this.hasV4(v4);
        const v6 = parseIPv6(ip);
        return v6 !== undefined && this.hasV6(v6);
    }
}
//# sourceMappingURL=ip.js.map