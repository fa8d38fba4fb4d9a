/**
 * Matching helpers for the supplier register and change windows: account and host globs, and
 * IPv4/IPv6 CIDR blocks. Everything here is case-insensitive because Windows account and host names
 * are (MS-ADTS 3.1.1.5.1.1: sAMAccountName comparisons are case-insensitive).
 */
/**
 * The bare account name: `SJP\hanil.park`, `hanil.park@sjp.example` and `HANIL.PARK` all give
 * `hanil.park`. The domain part is dropped because a register names people, not domains; logs
 * spell the same logon in both forms (down-level and UPN, MS-DTYP 2.4.2.2 / RFC 822 style).
 */
export function bareAccount(name) {
    let s = name.trim();
    const slash = s.lastIndexOf('\\');
    if (slash >= 0)
        s = s.slice(slash + 1);
    const at = s.indexOf('@');
    if (at > 0)
        s = s.slice(0, at);
    return s.toLowerCase();
}
/** The short host name, upper-case: `mes-02.sjp.example` gives `MES-02`. An IP stays as it is. */
export function shortHost(name) {
    const s = name.trim();
    if (parseIp(s))
        return s;
    const dot = s.indexOf('.');
    return (dot > 0 ? s.slice(0, dot) : s).toUpperCase();
}
/**
 * A glob (`*` any run, `?` one character, everything else literal) compiled to an anchored,
 * case-insensitive regular expression.
 */
export function compileGlob(pattern) {
    let re = '^';
    for (const ch of pattern) {
        if (ch === '*')
            re += '.*';
        else if (ch === '?')
            re += '.';
        else
            re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`${re}$`, 'i');
}
/** Account patterns: matched against the bare account name (domain prefix or suffix ignored). */
export class AccountMatcher {
    exact = new Set();
    globs = [];
    constructor(patterns) {
        for (const p of patterns) {
            const bare = bareAccount(p);
            if (/[*?]/.test(bare))
                this.globs.push(compileGlob(bare));
            else
                this.exact.add(bare);
        }
    }
    matches(account) {
        const bare = bareAccount(account);
        if (this.exact.has(bare))
            return true;
        return this.globs.some((g) => g.test(bare));
    }
}
function parseIpv4(s) {
    const parts = s.split('.');
    if (parts.length !== 4)
        return undefined;
    let n = 0;
    for (const p of parts) {
        if (!/^\d{1,3}$/.test(p))
            return undefined;
        const v = Number(p);
        if (v > 255)
            return undefined;
        n = n * 256 + v;
    }
    return BigInt(n);
}
/** cheap test before parsing: host names are far more common than addresses in logs */
function mayBeIp(s) {
    const c = s.charCodeAt(0);
    return s.includes(':') || (c >= 48 && c <= 57 && /^[\d.]+$/.test(s));
}
function parseIpv6(s) {
    let str = s;
    const pct = str.indexOf('%');
    if (pct >= 0)
        str = str.slice(0, pct); // zone index (RFC 4007) is not part of the address
    if (!/^[0-9a-fA-F:.]+$/.test(str) || !str.includes(':'))
        return undefined;
    // an embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups
    const lastColon = str.lastIndexOf(':');
    const tail = str.slice(lastColon + 1);
    if (tail.includes('.')) {
        const v4 = parseIpv4(tail);
        if (v4 === undefined)
            return undefined;
        str = `${str.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
    }
    const halves = str.split('::');
    if (halves.length > 2)
        return undefined;
    const head = halves[0] ? halves[0].split(':') : [];
    const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
    const missing = 8 - head.length - rest.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1)
        return undefined;
    const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
    let n = 0n;
    for (const g of groups) {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g))
            return undefined;
        n = (n << 16n) | BigInt(Number.parseInt(g, 16));
    }
    return n;
}
export function parseIp(s) {
    const t = s.trim();
    if (!mayBeIp(t) && !t.startsWith('['))
        return undefined;
    const v4 = parseIpv4(t);
    if (v4 !== undefined)
        return { v: 4, n: v4 };
    const v6 = parseIpv6(t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t);
    if (v6 === undefined)
        return undefined;
    // IPv4-mapped IPv6 (::ffff:a.b.c.d, RFC 4291 2.5.5.2) compares as the IPv4 address
    if (v6 >> 32n === 0xffffn)
        return { v: 4, n: v6 & 0xffffffffn };
    return { v: 6, n: v6 };
}
/** `10.20.0.0/16`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export function parseCidr(s) {
    const t = s.trim();
    const slash = t.indexOf('/');
    const ip = parseIp(slash >= 0 ? t.slice(0, slash) : t);
    if (!ip)
        return undefined;
    const max = ip.v === 4 ? 32 : 128;
    let bits = max;
    if (slash >= 0) {
        const b = t.slice(slash + 1);
        if (!/^\d{1,3}$/.test(b))
            return undefined;
        bits = Number(b);
        if (bits > max)
            return undefined;
    }
    const shift = BigInt(max - bits);
    return { v: ip.v, base: (ip.n >> shift) << shift, bits, text: t };
}
export function cidrContains(c, ip) {
    if (c.v !== ip.v)
        return false;
    const shift = BigInt((c.v === 4 ? 32 : 128) - c.bits);
    return ip.n >> shift === c.base >> shift;
}
/**
 * Host patterns as the register and windows write them: host-name globs (`MES-*`) or CIDR blocks
 * (`10.20.0.0/16`). A host is matched by its short name and, when its address is known (asset
 * inventory, or the host is written as an address), by address.
 */
export class HostMatcher {
    names = [];
    cidrs = [];
    constructor(patterns) {
        for (const p of patterns) {
            const c = /[*?]/.test(p) ? undefined : parseCidr(p);
            if (c)
                this.cidrs.push(c);
            else
                this.names.push(compileGlob(shortHost(p)));
        }
    }
    get empty() {
        return this.names.length === 0 && this.cidrs.length === 0;
    }
    /** `host` is a name or an address; `ips` are addresses known for it */
    matches(host, ips = []) {
        if (host) {
            const ip = parseIp(host);
            if (ip) {
                if (this.cidrs.some((c) => cidrContains(c, ip)))
                    return true;
            }
            else {
                const short = shortHost(host);
                if (this.names.some((g) => g.test(short)))
                    return true;
            }
        }
        for (const a of ips) {
            const ip = parseIp(a);
            if (ip && this.cidrs.some((c) => cidrContains(c, ip)))
                return true;
        }
        return false;
    }
    matchesIp(address) {
        const ip = parseIp(address);
        return !!ip && this.cidrs.some((c) => cidrContains(c, ip));
    }
}
/** RFC 1918, RFC 6598, loopback, link-local and IPv6 ULA/link-local: not "a source network". */
const PRIVATE = [
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '169.254.0.0/16',
    '::1/128',
    'fc00::/7',
    'fe80::/10',
].map((c) => parseCidr(c));
export function isPrivateIp(address) {
    const ip = parseIp(address);
    return !!ip && PRIVATE.some((c) => cidrContains(c, ip));
}
//# sourceMappingURL=match.js.map