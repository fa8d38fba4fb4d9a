/**
 * The indicator detector: looks up the fields of each event where an observable of a kind occurs
 * (Windows/Sysmon names, Zeek names, Suricata EVE names) and turns every match into a Finding that
 * names the indicator, its source and the actors linked to it.
 */
import { createHash } from 'node:crypto';
import type { EventDetector } from '../../analytics/types.js';
import type { Entity, EntityType, Event, Finding, Severity } from '../../model/index.js';
import { IocMatcher, parseIpv4 } from './matcher.js';
import { type IocSpec, indicatorWeight, TYPE_CODES } from './spec.js';

export type FieldKind = 'ip' | 'domain' | 'url' | 'hashes' | 'hash' | 'email' | 'path' | 'dns-answers';

/**
 * Where observables occur. Windows: Security/Sysmon field names; network: Zeek (`id.orig_h`, `query`,
 * `host`, `server_name`, `uri`, `md5`…) and Suricata EVE (`src_ip`, `dns.rrname`, `http.hostname`,
 * `tls.sni`, `fileinfo.sha256`).
 */
export const IOC_FIELDS: Readonly<Record<string, FieldKind>> = {
  DestinationIp: 'ip',
  SourceIp: 'ip',
  IpAddress: 'ip',
  ClientAddress: 'ip',
  SourceAddress: 'ip',
  DestAddress: 'ip',
  RemoteAddress: 'ip',
  'id.orig_h': 'ip',
  'id.resp_h': 'ip',
  tx_hosts: 'ip',
  rx_hosts: 'ip',
  src_ip: 'ip',
  dest_ip: 'ip',
  QueryName: 'domain',
  DestinationHostname: 'domain',
  SourceHostname: 'domain',
  query: 'domain',
  host: 'domain',
  server_name: 'domain',
  'dns.rrname': 'domain',
  'http.hostname': 'domain',
  'tls.sni': 'domain',
  QueryResults: 'dns-answers',
  answers: 'dns-answers',
  url: 'url',
  'http.url': 'url',
  Hashes: 'hashes',
  Hash: 'hashes',
  md5: 'hash',
  sha1: 'hash',
  sha256: 'hash',
  'fileinfo.md5': 'hash',
  'fileinfo.sha1': 'hash',
  'fileinfo.sha256': 'hash',
  TargetFilename: 'path',
  Image: 'path',
  ImageLoaded: 'path',
  mailfrom: 'email',
  rcptto: 'email',
  from: 'email',
  to: 'email',
  reply_to: 'email',
  'email.from': 'email',
  'email.to': 'email',
};

const FIELD_MAP = new Map(Object.entries(IOC_FIELDS));
/** top-level keys under which EVE nests the fields above (`dns: {rrname}`) */
const NESTED = new Set(
  Object.keys(IOC_FIELDS)
    .filter((k) => k.includes('.') && !k.startsWith('id.'))
    .map((k) => k.slice(0, k.indexOf('.'))),
);

const ENTITY_OF: Record<string, EntityType> = {
  ipv4: 'ip',
  ipv6: 'ip',
  cidr4: 'ip',
  cidr6: 'ip',
  domain: 'domain',
  url: 'url',
  md5: 'hash',
  sha1: 'hash',
  sha256: 'hash',
  sha512: 'hash',
  email: 'email',
  filename: 'file',
};

export interface IocMatch {
  indicator: number;
  field: string;
  observed: string;
}

/** the host an event is about; for network events the internal side of the match */
function hostOf(fields: Readonly<Record<string, unknown>>, matchedField: string): string | undefined {
  const h = fields.Computer ?? fields.Hostname ?? fields.hostname;
  if (typeof h === 'string' && h) return h;
  // The host is the side that is not the indicator: the originator (which looked up the domain,
  // opened the TLS session, connected to the address), unless the originator itself matched (an
  // inbound connection from a listed address), then the responder.
  const pick = (orig: string, resp: string) => {
    const v = matchedField === orig ? fields[resp] : fields[orig];
    return typeof v === 'string' && v ? v : undefined;
  };
  if ('id.orig_h' in fields) return pick('id.orig_h', 'id.resp_h');
  if ('src_ip' in fields) return pick('src_ip', 'dest_ip');
  return undefined;
}

function userOf(fields: Readonly<Record<string, unknown>>): string | undefined {
  for (const k of ['TargetUserName', 'User', 'SubjectUserName', 'user', 'username']) {
    const v = fields[k];
    if (typeof v === 'string' && v && v !== '-') return v;
  }
  return undefined;
}

export class IocDetector implements EventDetector {
  readonly name = 'ioc';
  readonly matcher: IocMatcher;
  private readonly spec: IocSpec;
  /** field lookups performed (for throughput figures) */
  lookups = 0;

  constructor(spec: IocSpec | IocMatcher) {
    this.matcher = spec instanceof IocMatcher ? spec : new IocMatcher(spec);
    this.spec = this.matcher.spec;
  }

  /** every indicator match in one event (no validity filtering) */
  private readonly hits: number[] = [];

  matchEvent(e: Event, out: IocMatch[]): void {
    const f = e.fields;
    const hits = this.hits;
    // walk the event's own keys (a dozen or two) rather than every field name haechi knows
    for (const name in f) {
      const v = f[name];
      if (v === undefined || v === null || v === '') continue;
      const kind = FIELD_MAP.get(name);
      if (kind !== undefined) this.value(kind, v, name, f, hits, out);
      else if (typeof v === 'object' && !Array.isArray(v) && NESTED.has(name)) {
        const obj = v as Record<string, unknown>;
        for (const sub in obj) {
          const full = `${name}.${sub}`;
          const k2 = FIELD_MAP.get(full);
          if (k2 !== undefined) this.value(k2, obj[sub], full, f, hits, out);
        }
      }
    }
  }

  private value(
    kind: FieldKind,
    v: unknown,
    name: string,
    f: Readonly<Record<string, unknown>>,
    hits: number[],
    out: IocMatch[],
  ): void {
    if (typeof v === 'string') {
      if (v) this.lookup(kind, v, name, f, hits, out);
    } else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'string' && x) this.lookup(kind, x, name, f, hits, out);
    }
  }

  private lookup(
    kind: FieldKind,
    v: string,
    field: string,
    f: Readonly<Record<string, unknown>>,
    hits: number[],
    out: IocMatch[],
  ): void {
    const m = this.matcher;
    this.lookups++;
    hits.length = 0;
    switch (kind) {
      case 'ip':
        m.matchIp(v, hits);
        break;
      case 'domain':
        // Zeek `host` is the HTTP Host header, which may carry a port or be an address
        if (parseIpv4(v) >= 0 || v.indexOf(':') >= 0) {
          const colon = v.lastIndexOf(':');
          const h = colon > 0 && v.indexOf(':') === colon ? v.slice(0, colon) : v;
          if (parseIpv4(h) >= 0 || h.indexOf(':') >= 0) m.matchIp(h, hits);
          else m.matchDomain(h, hits);
        } else m.matchDomain(v, hits);
        if (field === 'host' && m.hasUrls && typeof f.uri === 'string') {
          this.lookups++;
          m.matchUrl(`http://${v}${f.uri}`, hits);
        }
        if (field === 'http.hostname' && m.hasUrls) {
          const u = f['http.url'] ?? (f.http as Record<string, unknown> | undefined)?.url;
          if (typeof u === 'string' && u.startsWith('/')) m.matchUrl(`http://${v}${u}`, hits);
        }
        break;
      case 'url':
        m.matchUrl(v, hits);
        break;
      case 'hash':
        m.matchHash(v, hits);
        break;
      case 'hashes':
        if (!m.hasHashes) break;
        // Sysmon: "SHA1=…,MD5=…,SHA256=…,IMPHASH=…" (IMPHASH hashes the import table, not the file)
        for (let start = 0; start < v.length; ) {
          let end = v.indexOf(',', start);
          if (end < 0) end = v.length;
          const eq = v.indexOf('=', start);
          const valueAt = eq >= 0 && eq < end ? eq + 1 : start;
          // IMPHASH=… (any case) is skipped
          const c = v.charCodeAt(start);
          if (
            !(valueAt > start && (c === 73 || c === 105) && v.slice(start, eq).toUpperCase() === 'IMPHASH')
          ) {
            m.matchHash(v.slice(valueAt, end).trim(), hits);
          }
          start = end + 1;
        }
        break;
      case 'email':
        m.matchEmail(v, hits);
        break;
      case 'path':
        m.matchFilename(v, hits);
        break;
      case 'dns-answers':
        // Sysmon 22 QueryResults: "type:  5 cdn.example;::ffff:1.2.3.4;"
        for (let i = 0; i < v.length; ) {
          let j = i;
          while (j < v.length) {
            const c = v.charCodeAt(j);
            if (c === 59 || c === 44 || c === 32 || c === 9) break;
            j++;
          }
          if (j > i) {
            const raw = v.slice(i, j);
            if (raw !== 'type:') {
              if (parseIpv4(raw) >= 0 || raw.indexOf(':') >= 0) m.matchIp(raw, hits);
              else if (raw.indexOf('.') > 0) m.matchDomain(raw, hits);
            }
          }
          i = j + 1;
        }
        break;
    }
    for (const i of hits) out.push({ indicator: i, field, observed: v });
  }

  detect(events: readonly Event[], out: Finding[]): void {
    const matches: IocMatch[] = [];
    for (const e of events) {
      matches.length = 0;
      this.matchEvent(e, matches);
      if (matches.length === 0) continue;
      // one finding per indicator per event, naming every field it was seen in
      const byInd = new Map<number, IocMatch[]>();
      for (const m of matches) {
        const meta = this.spec.metas[this.spec.meta[m.indicator]];
        if (meta.validFrom !== undefined && e.time < meta.validFrom) continue;
        if (meta.validUntil !== undefined && e.time >= meta.validUntil) continue;
        const l = byInd.get(m.indicator);
        if (l) l.push(m);
        else byInd.set(m.indicator, [m]);
      }
      for (const [ind, ms] of byInd) out.push(this.finding(e, ind, ms));
    }
  }

  private finding(e: Event, ind: number, ms: IocMatch[]): Finding {
    const s = this.spec;
    const type = TYPE_CODES[s.types[ind]];
    const value = s.values[ind];
    const meta = s.metas[s.meta[ind]];
    const weight = indicatorWeight(type, meta);
    const actorNames = meta.actors.map((a) => a.name);
    const partial = meta.partOf ? ` (1 of ${meta.partOf.of} conditions of an AND pattern)` : '';
    const entities: Entity[] = [];
    const seen = new Set<string>();
    const add = (t: EntityType, v: string | undefined) => {
      if (!v || seen.has(`${t}\u0000${v}`)) return;
      seen.add(`${t}\u0000${v}`);
      entities.push({ type: t, value: v });
    };
    for (const m of ms)
      add(
        ENTITY_OF[type],
        type === 'filename' || m.field === 'Hashes' || m.field === 'Hash' ? value : m.observed,
      );
    const host = hostOf(e.fields, ms[0].field);
    add('host', host);
    add('user', userOf(e.fields));
    const severity: Severity =
      type === 'filename'
        ? 'low'
        : meta.partOf
          ? 'medium'
          : meta.actors.length > 0 || weight >= 0.8
            ? 'high'
            : 'medium';
    const id = createHash('sha1')
      .update(`${e.source.uri}\u0000${e.source.record ?? ''}\u0000${e.time}\u0000${s.ids[ind]}\u0000${value}`)
      .digest('hex')
      .slice(0, 20);
    const f: Finding = {
      id: `ioc-${id}`,
      time: e.time,
      severity,
      detector: 'ioc',
      rule: {
        id: `ioc:${s.ids[ind]}`,
        title: `Indicator match: ${type} ${value}${actorNames.length ? ` (${actorNames.join(', ')})` : ''}${partial}`,
      },
      attack: [],
      entities,
      evidence: [e.source],
      details: {
        indicator: {
          id: s.ids[ind],
          type,
          value,
          source: meta.source,
          ...(meta.name ? { name: meta.name } : {}),
          ...(meta.confidence !== undefined ? { confidence: meta.confidence } : {}),
          ...(meta.tlp ? { tlp: meta.tlp } : {}),
          ...(meta.pattern ? { pattern: meta.pattern } : {}),
          ...(meta.malware ? { malware: meta.malware } : {}),
          ...(meta.partOf ? { partOf: meta.partOf } : {}),
        },
        fields: ms.map((m) => m.field),
        observed: ms[0].observed,
      },
    };
    if (host) f.host = host;
    if (meta.actors.length) {
      f.actors = meta.actors.map((a) => ({
        id: a.id,
        weight,
        why: `${type} indicator ${value} from ${meta.source}${meta.tlp ? ` (TLP:${meta.tlp.toUpperCase()})` : ''} linked to ${a.name}; seen in ${ms.map((m) => m.field).join(', ')}${partial}`,
      }));
    }
    return f;
  }
}

/** an EventDetector for a compiled indicator set */
export function createIocDetector(spec: IocSpec): IocDetector {
  return new IocDetector(spec);
}
