/**
 * IP addresses and CIDR ranges for the `cidr` modifier (Sigma modifiers appendix, "IP Modifiers":
 * IPv4 and IPv6 notations). Addresses are parsed to 16-byte arrays; IPv4 is stored as an
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d) so that a v4 range also matches the mapped form that
 * dual-stack sockets log.
 */
const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
function parseV4(s) {
    const parts = s.split('.');
    if (parts.length !== 4)
        return undefined;
    const out = [];
    for (const p of parts) {
        if (!/^\d{1,3}$/.test(p))
            return undefined;
        const n = Number(p);
        if (n > 255)
            return undefined;
        out.push(n);
    }
    return out;
}
/** Parses an IPv4 or IPv6 address (zone id and brackets tolerated) to 16 bytes, or undefined. */
export function parseIp(input) {
    let s = input.trim();
    if (s.startsWith('[') && s.endsWith(']'))
        s = s.slice(1, -1);
    const zone = s.indexOf('%');
    if (zone >= 0)
        s = s.slice(0, zone);
    if (!s.includes(':')) {
        const v4 = parseV4(s);
        return v4 ? Uint8Array.from([...V4_MAPPED_PREFIX, ...v4]) : undefined;
    }
    // IPv6: up to 8 groups, one `::`, an optional trailing dotted IPv4.
    let tail = [];
    const lastColon = s.lastIndexOf(':');
    if (s.slice(lastColon + 1).includes('.')) {
        const v4 = parseV4(s.slice(lastColon + 1));
        if (!v4)
            return undefined;
        tail = v4;
        s = `${s.slice(0, lastColon + 1)}0:0`;
    }
    const dbl = s.split('::');
    if (dbl.length > 2)
        return undefined;
    const groups = (part) => (part === '' ? [] : part.split(':'));
    const head = groups(dbl[0]);
    const rest = dbl.length === 2 ? groups(dbl[1]) : [];
    const fill = 8 - head.length - rest.length;
    if (dbl.length === 2 ? fill < 1 : fill !== 0)
        return undefined;
    const all = [...head, ...Array(dbl.length === 2 ? fill : 0).fill('0'), ...rest];
    const out = new Uint8Array(16);
    for (let i = 0; i < 8; i++) {
        if (!/^[0-9a-fA-F]{1,4}$/.test(all[i]))
            return undefined;
        const n = Number.parseInt(all[i], 16);
        out[i * 2] = n >> 8;
        out[i * 2 + 1] = n & 0xff;
    }
    if (tail.length)
        out.set(tail, 12);
    return out;
}
/** Parses `a.b.c.d/n` or `x::y/n` (a bare address is a /32 or /128). Throws a reason on error. */
export function parseCidr(spec) {
    const slash = spec.indexOf('/');
    const addr = slash >= 0 ? spec.slice(0, slash) : spec;
    const bytes = parseIp(addr);
    if (!bytes)
        throw new Error(`'${spec}' is not a CIDR range`);
    const isV4 = !addr.includes(':');
    const max = isV4 ? 32 : 128;
    let len = max;
    if (slash >= 0) {
        const p = spec.slice(slash + 1);
        if (!/^\d{1,3}$/.test(p) || Number(p) > max)
            throw new Error(`'${spec}' has an invalid prefix length`);
        len = Number(p);
    }
    return { bytes, bits: isV4 ? 96 + len : len };
}
export function cidrContains(c, ip) {
    const full = c.bits >> 3;
    for (let i = 0; i < full; i++)
        if (c.bytes[i] !== ip[i])
            return false;
    const rem = c.bits & 7;
    if (rem === 0)
        return true;
    const mask = (0xff << (8 - rem)) & 0xff;
    return (c.bytes[full] & mask) === (ip[full] & mask);
}
//# sourceMappingURL=ip.js.map