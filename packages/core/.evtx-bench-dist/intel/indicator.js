/**
 * Indicators of compromise: the atoms haechi matches (one observable value each) and their
 * provenance (source, confidence, validity, TLP, linked actors).
 */
import { HaechiError } from '../errors.js';
export const INDICATOR_TYPES = [
    'ipv4',
    'ipv6',
    'cidr4',
    'cidr6',
    'domain',
    'url',
    'md5',
    'sha1',
    'sha256',
    'sha512',
    'email',
    'filename',
];
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export function isIpv4(s) {
    return IPV4.test(s);
}
export function ipv4ToInt(s) {
    const p = s.split('.');
    return ((+p[0] << 24) >>> 0) + (+p[1] << 16) + (+p[2] << 8) + +p[3];
}
export function intToIpv4(n) {
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}
/** Expands an IPv6 address to 8 groups of 4 hex digits; undefined when it is not one. */
export function canonicalIpv6(s) {
    let a = s.trim().toLowerCase();
    if (a.startsWith('[') && a.endsWith(']'))
        a = a.slice(1, -1);
    const pct = a.indexOf('%');
    if (pct >= 0)
        a = a.slice(0, pct);
    if (!a.includes(':'))
        return undefined;
    // embedded IPv4 (::ffff:1.2.3.4)
    const lastColon = a.lastIndexOf(':');
    const tail = a.slice(lastColon + 1);
    if (tail.includes('.')) {
        if (!isIpv4(tail))
            return undefined;
        const n = ipv4ToInt(tail);
        a = `${a.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
    }
    const halves = a.split('::');
    if (halves.length > 2)
        return undefined;
    const head = halves[0] ? halves[0].split(':') : [];
    const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
    const missing = 8 - head.length - rest.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1)
        return undefined;
    const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
    if (groups.length !== 8)
        return undefined;
    for (const g of groups)
        if (!/^[0-9a-f]{1,4}$/.test(g))
            return undefined;
    return groups.map((g) => g.padStart(4, '0')).join(':');
}
/** Maps `::ffff:a.b.c.d` (IPv4-mapped IPv6) to the IPv4 address, else undefined. */
export function mappedIpv4(s) {
    const m = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
    return m && isIpv4(m[1]) ? m[1] : undefined;
}
const HASH_LEN = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };
export function hashTypeOf(hex) {
    return /^[0-9a-f]+$/i.test(hex) ? HASH_LEN[hex.length] : undefined;
}
const DOMAIN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function normaliseDomain(s) {
    let d = s.trim().toLowerCase();
    if (d.endsWith('.'))
        d = d.slice(0, -1);
    if (d.startsWith('*.'))
        d = d.slice(2);
    return d;
}
/**
 * Lower-cases scheme and host and drops a default port and the fragment: the parts of a URL whose
 * case or presence does not change what it names (RFC 3986 §6.2.2).
 */
export function normaliseUrl(s) {
    let u;
    try {
        u = new URL(s.trim());
    }
    catch {
        return undefined;
    }
    u.hash = '';
    const path = u.pathname === '/' && !u.search ? '' : u.pathname + u.search;
    const port = u.port ? `:${u.port}` : '';
    return `${u.protocol}//${u.hostname.toLowerCase()}${port}${path}`;
}
/**
 * Reads one observable value and says what it is. The type can be forced (CSV `type` column);
 * otherwise it is inferred. Undefined when the value is not a supported observable.
 */
export function classifyValue(raw, forced) {
    // defanged forms that reports use: hxxp://, 1.2.3[.]4, evil[.]com, user[@]mail
    const v = raw
        .trim()
        .replace(/\[\.\]|\(\.\)|\{\.\}/g, '.')
        .replace(/\[@\]/g, '@')
        .replace(/^hxxp/i, 'http')
        .replace(/^fxp/i, 'ftp');
    if (!v)
        return undefined;
    const want = (t) => forced === undefined || forced === t;
    if (forced === 'filename')
        return { type: 'filename', value: v.toLowerCase() };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
        const n = normaliseUrl(v);
        return n && want('url') ? { type: 'url', value: n } : undefined;
    }
    const slash = v.indexOf('/');
    if (slash > 0) {
        const ip = v.slice(0, slash);
        const bits = Number(v.slice(slash + 1));
        if (isIpv4(ip) && Number.isInteger(bits) && bits >= 0 && bits <= 32) {
            if (bits === 32)
                return want('ipv4') || want('cidr4') ? { type: 'ipv4', value: ip } : undefined;
            const base = (ipv4ToInt(ip) & (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0)) >>> 0;
            return want('cidr4') ? { type: 'cidr4', value: `${intToIpv4(base)}/${bits}` } : undefined;
        }
        const c6 = canonicalIpv6(ip);
        if (c6 && Number.isInteger(bits) && bits >= 0 && bits <= 128) {
            if (bits === 128)
                return want('ipv6') || want('cidr6') ? { type: 'ipv6', value: c6 } : undefined;
            return want('cidr6') ? { type: 'cidr6', value: `${c6}/${bits}` } : undefined;
        }
        return undefined;
    }
    if (isIpv4(v))
        return want('ipv4') ? { type: 'ipv4', value: v } : undefined;
    const c6 = canonicalIpv6(v);
    if (c6)
        return want('ipv6') ? { type: 'ipv6', value: c6 } : undefined;
    const h = hashTypeOf(v);
    if (h && (forced === undefined || forced === h))
        return { type: h, value: v.toLowerCase() };
    if (EMAIL.test(v))
        return want('email') ? { type: 'email', value: v.toLowerCase() } : undefined;
    const d = normaliseDomain(v);
    if (DOMAIN.test(d))
        return want('domain') ? { type: 'domain', value: d } : undefined;
    return undefined;
}
const TLP_WORDS = {
    clear: 'clear',
    white: 'clear',
    green: 'green',
    amber: 'amber',
    'amber+strict': 'amber+strict',
    red: 'red',
};
export function parseTlp(s) {
    if (!s)
        return undefined;
    return TLP_WORDS[s.trim().toLowerCase().replace(/^tlp:/, '')];
}
/** true when the indicator is valid at `t` (epoch ms); no bounds means always */
export function validAt(ind, t) {
    if (ind.validFrom !== undefined && t < ind.validFrom)
        return false;
    if (ind.validUntil !== undefined && t >= ind.validUntil)
        return false;
    return true;
}
export function parseTime(s, what, file, line) {
    if (s === undefined || s === null || s === '')
        return undefined;
    const t = typeof s === 'number' ? s : Date.parse(String(s));
    if (!Number.isFinite(t)) {
        throw new HaechiError('input', `${what} is not a valid time: ${JSON.stringify(s)}`, {
            file,
            line,
            field: what,
        });
    }
    return t;
}
//# sourceMappingURL=indicator.js.map