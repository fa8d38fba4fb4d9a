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

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Split one CSV line (fields may be quoted with doubled quotes inside). */
function splitCsv(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = false;
      } else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

interface V4Table {
  first: Uint32Array;
  last: Uint32Array;
  value: Uint32Array;
}
interface V6Table {
  firstHi: BigUint64Array;
  firstLo: BigUint64Array;
  lastHi: BigUint64Array;
  lastLo: BigUint64Array;
  value: Uint32Array;
}

/** Rows must be sorted by first address (the packages are); checked, and sorted if not. */
function loadV4(path: string, rowValue: (cols: string[]) => number): V4Table {
  const lines = readFileSync(path, 'utf8').split('\n');
  const n = lines.length;
  const first = new Uint32Array(n);
  const last = new Uint32Array(n);
  const value = new Uint32Array(n);
  let k = 0;
  let sorted = true;
  for (const line of lines) {
    if (line.length === 0) continue;
    const cols = splitCsv(line);
    first[k] = Number(cols[0]);
    last[k] = Number(cols[1]);
    value[k] = rowValue(cols);
    if (k > 0 && first[k]! < first[k - 1]!) sorted = false;
    k++;
  }
  const t = { first: first.slice(0, k), last: last.slice(0, k), value: value.slice(0, k) };
  if (!sorted) {
    const idx = Array.from({ length: k }, (_, i) => i).sort((a, b) => t.first[a]! - t.first[b]!);
    return {
      first: Uint32Array.from(idx, (i) => t.first[i]!),
      last: Uint32Array.from(idx, (i) => t.last[i]!),
      value: Uint32Array.from(idx, (i) => t.value[i]!),
    };
  }
  return t;
}

function loadV6(path: string, rowValue: (cols: string[]) => number): V6Table {
  const lines = readFileSync(path, 'utf8').split('\n');
  const n = lines.length;
  const t: V6Table = {
    firstHi: new BigUint64Array(n),
    firstLo: new BigUint64Array(n),
    lastHi: new BigUint64Array(n),
    lastLo: new BigUint64Array(n),
    value: new Uint32Array(n),
  };
  let k = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    const cols = splitCsv(line);
    const f = BigInt(cols[0]!);
    const l = BigInt(cols[1]!);
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
export function findV4(t: V4Table, ip: number): number {
  const f = t.first;
  let lo = 0;
  let hi = f.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (f[mid]! <= ip) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && ip <= t.last[hi]! ? hi : -1;
}

function findV6(t: V6Table, ip: bigint): number {
  const h = ip >> 64n;
  const l = ip & MASK64;
  let lo = 0;
  let hi = t.firstHi.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const fh = t.firstHi[mid]!;
    if (fh < h || (fh === h && t.firstLo[mid]! <= l)) lo = mid + 1;
    else hi = mid - 1;
  }
  if (hi < 0) return -1;
  const lh = t.lastHi[hi]!;
  return h < lh || (h === lh && l <= t.lastLo[hi]!) ? hi : -1;
}

/** Two ASCII letters packed into a number, and back. */
const packCountry = (s: string | undefined) =>
  s && s.length === 2 ? (s.charCodeAt(0) << 8) | s.charCodeAt(1) : 0;
const unpackCountry = (n: number) => (n ? String.fromCharCode(n >> 8, n & 0xff) : undefined);

export interface GeoAnswer {
  asn?: number;
  org?: string;
  country?: string;
}

export class GeoDb {
  private asn4?: V4Table;
  private asn6?: V6Table;
  private cc4?: V4Table;
  private cc6?: V6Table;
  private orgs = new Map<number, string>();

  private loadAsn4(): V4Table {
    if (!this.asn4) {
      this.asn4 = loadV4(packageFile('@ip-location-db/asn', 'asn-ipv4-num.csv'), (c) => this.asnOf(c));
    }
    return this.asn4;
  }
  private loadAsn6(): V6Table {
    if (!this.asn6)
      this.asn6 = loadV6(packageFile('@ip-location-db/asn', 'asn-ipv6-num.csv'), (c) => this.asnOf(c));
    return this.asn6;
  }
  private loadCc4(): V4Table {
    if (!this.cc4) {
      this.cc4 = loadV4(packageFile('@ip-location-db/dbip-country', 'dbip-country-ipv4-num.csv'), (c) =>
        packCountry(c[2]),
      );
    }
    return this.cc4;
  }
  private loadCc6(): V6Table {
    if (!this.cc6) {
      this.cc6 = loadV6(packageFile('@ip-location-db/dbip-country', 'dbip-country-ipv6-num.csv'), (c) =>
        packCountry(c[2]),
      );
    }
    return this.cc6;
  }
  private asnOf(cols: string[]): number {
    const asn = Number(cols[2]);
    if (cols[3] && !this.orgs.has(asn)) this.orgs.set(asn, cols[3]);
    return asn;
  }

  /** Load every table now (benchmarks, servers that want no first-lookup delay). */
  preload(): void {
    this.loadAsn4();
    this.loadAsn6();
    this.loadCc4();
    this.loadCc6();
  }

  lookupV4(ip: number): GeoAnswer {
    const out: GeoAnswer = {};
    const a = this.loadAsn4();
    const i = findV4(a, ip);
    if (i >= 0 && a.value[i]) {
      out.asn = a.value[i];
      out.org = this.orgs.get(out.asn!);
    }
    const c = this.loadCc4();
    const j = findV4(c, ip);
    if (j >= 0) out.country = unpackCountry(c.value[j]!);
    return out;
  }

  lookupV6(ip: bigint): GeoAnswer {
    const out: GeoAnswer = {};
    const a = this.loadAsn6();
    const i = findV6(a, ip);
    if (i >= 0 && a.value[i]) {
      out.asn = a.value[i];
      out.org = this.orgs.get(out.asn!);
    }
    const c = this.loadCc6();
    const j = findV6(c, ip);
    if (j >= 0) out.country = unpackCountry(c.value[j]!);
    return out;
  }
}

let shared: GeoDb | undefined;
/** One database per process: the tables are large and read-only. */
export function sharedGeoDb(): GeoDb {
  shared ??= new GeoDb();
  return shared;
}
