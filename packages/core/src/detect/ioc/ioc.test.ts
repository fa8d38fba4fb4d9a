import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Indicator, importStixObject } from '../../intel/index.js';
import type { Event, Finding } from '../../model/index.js';
import { compileIocSpec, IocDetector, IocMatcher, parseIpv4 } from './index.js';

const I = (type: Indicator['type'], value: string, extra: Partial<Indicator> = {}): Indicator => ({
  id: `${type}:${value}`,
  type,
  value,
  source: 'unit feed',
  actors: [],
  ...extra,
});

function matcher(inds: Indicator[]): IocMatcher {
  return new IocMatcher(compileIocSpec(inds));
}
const hits = (m: IocMatcher, f: (out: number[]) => void) => {
  const out: number[] = [];
  f(out);
  return out.map((i) => m.spec.values[i]).sort();
};

describe('IocMatcher', () => {
  test('IPv4 exact and overlapping CIDRs', () => {
    const m = matcher([
      I('ipv4', '1.2.3.4'),
      I('cidr4', '10.0.0.0/8'),
      I('cidr4', '10.20.0.0/16'),
      I('cidr4', '10.20.3.0/24'),
      I('cidr4', '192.168.1.0/24'),
      I('cidr4', '0.0.0.0/0'),
    ]);
    assert.deepEqual(
      hits(m, (o) => m.matchIp('10.20.3.40', o)),
      ['0.0.0.0/0', '10.0.0.0/8', '10.20.0.0/16', '10.20.3.0/24'],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchIp('10.21.0.1', o)),
      ['0.0.0.0/0', '10.0.0.0/8'],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchIp('1.2.3.4', o)),
      ['0.0.0.0/0', '1.2.3.4'],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchIp('::ffff:1.2.3.4', o)),
      ['0.0.0.0/0', '1.2.3.4'],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchIp('1.2.3.40', o)),
      ['0.0.0.0/0'],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchIp('not-an-ip', o)),
      [],
    );
  });

  test('CIDR lookups agree with a brute-force scan (random nested and disjoint prefixes)', () => {
    let seed = 12345;
    const rnd = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>>= 0);
    };
    const ranges: { v: string; s: number; e: number }[] = [];
    for (let i = 0; i < 400; i++) {
      // cluster prefixes in a few /8s so that they nest and overlap buckets
      const bits = 8 + (rnd() % 25);
      const base = (((rnd() % 4) << 24) | (rnd() & 0xffffff)) >>> 0;
      const start = (base & (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0)) >>> 0;
      const v = `${start >>> 24}.${(start >>> 16) & 255}.${(start >>> 8) & 255}.${start & 255}/${bits}`;
      ranges.push({ v, s: start, e: start + 2 ** (32 - bits) - 1 });
    }
    const m = matcher(ranges.map((r) => I('cidr4', r.v)));
    for (let i = 0; i < 3000; i++) {
      const ip =
        i % 3 === 0
          ? ranges[i % ranges.length].s
          : i % 3 === 1
            ? ranges[i % ranges.length].e
            : (((rnd() % 4) << 24) | (rnd() & 0xffffff)) >>> 0;
      const got: number[] = [];
      m.matchIpv4Int(ip, got);
      const want = ranges.map((r, k) => (ip >= r.s && ip <= r.e ? k : -1)).filter((k) => k >= 0);
      assert.deepEqual(
        [...got].sort((a, b) => a - b),
        want,
        `ip ${ip}`,
      );
    }
  });

  test('IPv4 parsing is strict', () => {
    assert.equal(parseIpv4('255.255.255.255'), 0xffffffff);
    for (const bad of ['1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.256', '1..3.4', ' 1.2.3.4'])
      assert.equal(parseIpv4(bad), -1, bad);
  });

  test('IPv6 exact and CIDR', () => {
    const m = matcher([
      I('ipv6', '2001:0db8:0000:0000:0000:0000:0000:0001'),
      I('cidr6', '2001:0db8:0000:0000:0000:0000:0000:0000/32'),
    ]);
    assert.equal(hits(m, (o) => m.matchIp('2001:db8::1', o)).length, 2);
    assert.equal(hits(m, (o) => m.matchIp('2001:db8:ffff::9', o)).length, 1);
    assert.equal(hits(m, (o) => m.matchIp('2001:db9::1', o)).length, 0);
  });

  test('domains match themselves and their subdomains, never look-alikes', () => {
    const m = matcher([I('domain', 'cdn-syncsvc.com'), I('domain', 'a.b.example')]);
    assert.deepEqual(
      hits(m, (o) => m.matchDomain('update.CDN-SYNCSVC.com.', o)),
      ['cdn-syncsvc.com'],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchDomain('cdn-syncsvc.com', o)),
      ['cdn-syncsvc.com'],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchDomain('notcdn-syncsvc.com', o)),
      [],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchDomain('b.example', o)),
      [],
    );
    assert.deepEqual(
      hits(m, (o) => m.matchDomain('x.a.b.example', o)),
      ['a.b.example'],
    );
  });

  test('URLs, hashes, e-mail, file names; two feeds with one value', () => {
    const m = matcher([
      I('url', 'http://evil.example/p?q=1'),
      I('sha256', 'ab'.repeat(32)),
      I('sha256', 'ab'.repeat(32), { id: 'second', source: 'other feed' }),
      I('email', 'x@evil.example'),
      I('filename', 'msedgeupd.exe'),
    ]);
    assert.equal(hits(m, (o) => m.matchUrl('HTTP://EVIL.example:80/p?q=1#frag', o)).length, 1);
    assert.equal(hits(m, (o) => m.matchHash('AB'.repeat(32), o)).length, 2);
    assert.equal(hits(m, (o) => m.matchEmail('Evil <X@evil.example>', o)).length, 1);
    assert.equal(hits(m, (o) => m.matchFilename('C:\\ProgramData\\MSEdgeUpd.exe', o)).length, 1);
  });
});

const ev = (
  fields: Record<string, unknown>,
  time = Date.parse('2026-03-02T14:45:00Z'),
  record = 1,
): Event => ({
  time,
  source: { kind: 'test', uri: 'mem://events', record },
  fields,
});

describe('IocDetector', () => {
  const c2 = '139.180.140.83';
  const sha = '5b7c3fbbd6e1c9f2a0e4a8d3c1f7e6b9a2d4c8e1f0b3a5d7c9e2f4a6b8d0c1e3';
  const inds = [
    I('ipv4', c2, { actors: ['Onyx Sleet'], confidence: 90, tlp: 'amber' }),
    I('domain', 'cdn-syncsvc.com', { actors: ['G0138'] }),
    I('sha256', sha, { actors: ['G0138'], malware: ['TigerRAT'] }),
    I('ipv4', '203.0.113.9', { validFrom: Date.parse('2027-01-01T00:00:00Z') }),
    I('md5', 'c'.repeat(32)),
  ];
  const spec = compileIocSpec(inds, (s) =>
    s === 'Onyx Sleet' || s === 'G0138' ? { id: 'G0138', name: 'Andariel' } : undefined,
  );
  const det = new IocDetector(structuredClone(spec));

  test('Windows fields: Sysmon network, DNS, Hashes (IMPHASH ignored)', () => {
    const out: Finding[] = [];
    det.detect(
      [
        ev({
          EventID: 3,
          Computer: 'MES-02',
          DestinationIp: c2,
          SourceIp: '10.20.3.40',
          User: 'SJP\\hanil.park',
        }),
        ev(
          {
            EventID: 22,
            Computer: 'MES-02',
            QueryName: 'update.cdn-syncsvc.com',
            QueryResults: `type:  5 x.example;::ffff:${c2};`,
          },
          undefined,
          2,
        ),
        ev(
          {
            EventID: 1,
            Computer: 'MES-02',
            Hashes: `SHA1=${'0'.repeat(40)},MD5=${'1'.repeat(32)},SHA256=${sha.toUpperCase()},IMPHASH=${'c'.repeat(32)}`,
          },
          undefined,
          3,
        ),
        ev({ EventID: 3, Computer: 'MES-02', DestinationIp: '203.0.113.9' }, undefined, 4),
      ],
      out,
    );
    assert.deepEqual(
      out.map((f) => [
        f.evidence[0].record,
        ((f.details as { indicator: unknown }).indicator as { value: string }).value,
      ]),
      [
        [1, c2],
        [2, 'cdn-syncsvc.com'],
        [2, c2],
        [3, sha],
      ],
    );
    const [ip, dom, , file] = out;
    assert.equal(ip.detector, 'ioc');
    assert.equal(ip.host, 'MES-02');
    assert.equal(ip.severity, 'high');
    assert.deepEqual(
      ip.actors?.map((a) => [a.id, a.weight]),
      [['G0138', 0.63]],
    );
    assert.match(
      ip.actors?.[0].why ?? '',
      /ipv4 indicator 139\.180\.140\.83 from unit feed \(TLP:AMBER\) linked to Andariel; seen in DestinationIp/,
    );
    assert.ok(ip.entities.some((e) => e.type === 'user' && e.value === 'SJP\\hanil.park'));
    assert.match(ip.rule.title, /Indicator match: ipv4 139\.180\.140\.83 \(Andariel\)/);
    assert.deepEqual(dom.entities[0], { type: 'domain', value: 'update.cdn-syncsvc.com' });
    assert.deepEqual(((file.details as { indicator: unknown }).indicator as { malware: string[] }).malware, [
      'TigerRAT',
    ]);
    assert.deepEqual(file.entities[0], { type: 'hash', value: sha });
    // deterministic ids
    const again: Finding[] = [];
    det.detect(
      [
        ev({
          EventID: 3,
          Computer: 'MES-02',
          DestinationIp: c2,
          SourceIp: '10.20.3.40',
          User: 'SJP\\hanil.park',
        }),
      ],
      again,
    );
    assert.equal(again[0].id, ip.id);
  });

  test('Zeek and EVE field names, flat or nested', () => {
    const out: Finding[] = [];
    det.detect(
      [
        ev({ 'id.orig_h': '10.20.3.40', 'id.resp_h': c2, 'id.resp_p': 443 }),
        ev({ query: 'UPDATE.cdn-syncsvc.com' }, undefined, 2),
        ev({ server_name: 'cdn-syncsvc.com' }, undefined, 3),
        ev({ src_ip: '10.20.3.40', dest_ip: c2, dns: { rrname: 'a.cdn-syncsvc.com' } }, undefined, 4),
        ev({ 'tls.sni': 'update.cdn-syncsvc.com' }, undefined, 5),
        ev({ fileinfo: { sha256: sha } }, undefined, 6),
        ev({ md5: 'C'.repeat(32) }, undefined, 7),
      ],
      out,
    );
    assert.deepEqual(
      out.map((f) => f.evidence[0].record),
      [1, 2, 3, 4, 4, 5, 6, 7],
    );
    assert.equal(out[0].host, '10.20.3.40');
    assert.deepEqual(
      out[0].actors?.map((a) => a.id),
      ['G0138'],
    );
    // a hash with no actor and no stated confidence is worth a look, not an alarm
    assert.equal(out[7].severity, 'medium');
    assert.equal(out[7].actors, undefined);
  });

  test('an AND pattern matched in part is labelled as such', () => {
    const r = importStixObject({
      type: 'bundle',
      objects: [
        {
          type: 'indicator',
          id: 'indicator--9',
          pattern_type: 'stix',
          pattern: "[ipv4-addr:value = '9.9.9.9'] AND [domain-name:value = 'nine.example']",
          valid_from: '2020-01-01T00:00:00Z',
        },
      ],
    });
    const d = new IocDetector(compileIocSpec(r.indicators));
    const out: Finding[] = [];
    d.detect([ev({ DestinationIp: '9.9.9.9' })], out);
    assert.equal(out.length, 1);
    assert.equal(out[0].severity, 'medium');
    assert.match(out[0].rule.title, /1 of 2 conditions/);
  });

  test('a million indicators compile and match', () => {
    const many: Indicator[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const a = (i * 2654435761) >>> 0;
      many.push(
        i % 2
          ? I('ipv4', `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`)
          : I('domain', `h${i}.bad${i % 997}.example`),
      );
    }
    const m = new IocMatcher(compileIocSpec(many));
    assert.equal(m.size, 1_000_000);
    assert.equal(hits(m, (o) => m.matchDomain(`x.h500000.bad${500000 % 997}.example`, o)).length, 1);
    const a = (999_999 * 2654435761) >>> 0;
    assert.equal(hits(m, (o) => m.matchIpv4Int(a, o)).length, 1);
  });
});
