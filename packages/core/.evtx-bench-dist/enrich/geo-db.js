/**
 * ASN, organisation and country of an address from the `@ip-location-db` packages (`asn` from
 * RouteViews/DB-IP, `dbip-country` from DB-IP Lite), read from their `*-num.csv` files: one range
 * per line, `first,last,value[,value]` with addresses as decimal integers. Loaded lazily, once per
 * process, into sorted typed arrays searched by bisection; no network at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const require = createRequire(import.meta.url);
const MASK64 = (1n << 64n) - 1n;
function packageFile(pkg, file) {
    return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}
/** Split one CSV line (fields may be quoted with doubled quotes inside). */
function splitCsv(line) {
    if (line.indexOf('"') < 0)
        return line.split(',');
    const out = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (q) {
            if (c === '"') {
                if (line[i + 1] === '"') {
                    cur += '"';
                    i++;
                }
                else
                    q = false;
            }
            else
                cur += c;
        }
        else if (c === '"')
            q = true;
        else if (c === ',') {
            out.push(cur);
            cur = '';
        }
        else
            cur += c;
    }
    out.push(cur);
    return out;
}
/** Rows must be sorted by first address (the packages are); checked, and sorted if not. */
function loadV4(path, rowValue) {
    const lines = readFileSync(path, 'utf8').split('\n');
    const n = lines.length;
    const first = new Uint32Array(n);
    const last = new Uint32Array(n);
    const value = new Uint32Array(n);
    let k = 0;
    let sorted = true;
    for (const line of lines) {
        if (line.length === 0)
            continue;
        const cols = splitCsv(line);
        first[k] = Number(cols[0]);
        last[k] = Number(cols[1]);
        value[k] = rowValue(cols);
        if (k > 0 && first[k] < first[k - 1])
            sorted = false;
        k++;
    }
    const t = { first: first.slice(0, k), last: last.slice(0, k), value: value.slice(0, k) };
    if (!sorted) {
        const idx = Array.from({ length: k }, (_, i) => i).sort((a, b) => t.first[a] - t.first[b]);
        return {
            first: Uint32Array.from(idx, (i) => t.first[i]),
            last: Uint32Array.from(idx, (i) => t.last[i]),
            value: Uint32Array.from(idx, (i) => t.value[i]),
        };
    }
    return t;
}
function loadV6(path, rowValue) {
    const lines = readFileSync(path, 'utf8').split('\n');
    const n = lines.length;
    const t = {
        firstHi: new BigUint64Array(n),
        firstLo: new BigUint64Array(n),
        lastHi: new BigUint64Array(n),
        lastLo: new BigUint64Array(n),
        value: new Uint32Array(n),
    };
    let k = 0;
    for (const line of lines) {
        if (line.length === 0)
            continue;
        const cols = splitCsv(line);
        const f = BigInt(cols[0]);
        const l = BigInt(cols[1]);
        t.firstHi[k] = f >> 64n;
        t.firstLo[k] = f & MASK64;
        t.lastHi[k] = l >> 64n;
        t.lastLo[k] = l & MASK64;
        t.value[k] = rowValue(cols);
        k++;
    }
    return {
        firstHi: t.firstHi.slice(0, k),
        firstLo: t.firstLo.slice(0, k),
        lastHi: t.lastHi.slice(0, k),
        lastLo: t.lastLo.slice(0, k),
        value: t.value.slice(0, k),
    };
}
/** index of the row containing `ip`, or -1 */
export function findV4(t, ip) {
    const f = t.first;
    let lo = 0;
    let hi = f.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (f[mid] <= ip)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return hi >= 0 && ip <= t.last[hi] ? hi : -1;
}
function findV6(t, ip) {
    const h = ip >> 64n;
    const l = ip & MASK64;
    let lo = 0;
    let hi = t.firstHi.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const fh = t.firstHi[mid];
        if (fh < h || (fh === h && t.firstLo[mid] <= l))
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    if (hi < 0)
        return -1;
    const lh = t.lastHi[hi];
    return h < lh || (h === lh && l <= t.lastLo[hi]) ? hi : -1;
}
/** Two ASCII letters packed into a number, and back. */
const packCountry = (s) => s && s.length === 2 ? (s.charCodeAt(0) << 8) | s.charCodeAt(1) : 0;
const unpackCountry = (n) => (n ? String.fromCharCode(n >> 8, n & 0xff) : undefined);
export class GeoDb {
    asn4;
    asn6;
    cc4;
    cc6;
    orgs = new Map();
    loadAsn4() {
        if (!this.asn4) {
            this.asn4 = loadV4(packageFile('@ip-location-db/asn', 'asn-ipv4-num.csv'), (c) => this.asnOf(c));
        }
        return this.asn4;
    }
    loadAsn6() {
        if (!this.asn6)
            this.asn6 = loadV6(packageFile('@ip-location-db/asn', 'asn-ipv6-num.csv'), (c) => this.asnOf(c));
        return this.asn6;
    }
    loadCc4() {
        if (!this.cc4) {
            this.cc4 = loadV4(packageFile('@ip-location-db/dbip-country', 'dbip-country-ipv4-num.csv'), (c) => packCountry(c[2]));
        }
        return this.cc4;
    }
    loadCc6() {
        if (!this.cc6) {
            this.cc6 = loadV6(packageFile('@ip-location-db/dbip-country', 'dbip-country-ipv6-num.csv'), (c) => packCountry(c[2]));
        }
        return this.cc6;
    }
    asnOf(cols) {
        const asn = Number(cols[2]);
        if (cols[3] && !this.orgs.has(asn))
            this.orgs.set(asn, cols[3]);
        return asn;
    }
    /** Load every table now (benchmarks, servers that want no first-lookup delay). */
    preload() {
        this.loadAsn4();
        this.loadAsn6();
        this.loadCc4();
        this.loadCc6();
    }
    lookupV4(ip) {
        const out = {};
        const a = this.loadAsn4();
        const i = findV4(a, ip);
        if (i >= 0 && a.value[i]) {
            out.asn = a.value[i];
            out.org = this.orgs.get(out.asn);
        }
        const c = this.loadCc4();
        const j = findV4(c, ip);
        if (j >= 0)
            out.country = unpackCountry(c.value[j]);
        return out;
    }
    lookupV6(ip) {
        const out = {};
        const a = this.loadAsn6();
        const i = findV6(a, ip);
        if (i >= 0 && a.value[i]) {
            out.asn = a.value[i];
            out.org = this.orgs.get(out.asn);
        }
        const c = this.loadCc6();
        const j = findV6(c, ip);
        if (j >= 0)
            out.country = unpackCountry(c.value[j]);
        return out;
    }
}
let shared;
/** One database per process: the tables are large and read-only. */
export function sharedGeoDb() {
    shared ??= new GeoDb();
    return shared;
}
//# sourceMappingURL=geo-db.js.map