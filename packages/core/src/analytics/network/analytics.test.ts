import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createEnricher } from '../../enrich/index.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import {
  BeaconAnalytic,
  bowleySkew,
  DnsTunnelAnalytic,
  ExfiltrationAnalytic,
  InboundScanAnalytic,
  LongConnectionAnalytic,
  madm,
  NETWORK_DEFAULTS,
  networkConfigSchema,
  toFlow,
} from './index.js';
import { connEvent, prng, readNetworkLogs, runAnalytic } from './test-support.js';

const enricher = createEnricher();

test('robust statistics: Bowley skew and MADM', () => {
  assert.equal(bowleySkew(Float64Array.from([1, 2, 3, 4, 5])), 0);
  assert.ok(bowleySkew(Float64Array.from([1, 1, 1, 2, 10, 20, 30])) > 0.5);
  assert.equal(madm(Float64Array.from([1, 1, 2, 2, 4, 6, 9])), 1);
  assert.equal(madm(Float64Array.from([60, 60, 60, 60])), 0);
});

test('config: defaults documented in the schema, bad values rejected', () => {
  assert.equal(NETWORK_DEFAULTS.beacon.maxTimestamps, 86_400);
  assert.equal(NETWORK_DEFAULTS.longConnection.minDuration, 3600);
  assert.equal(networkConfigSchema.parse({ beacon: { minConnections: 5 } }).beacon.minScore, 0.7);
  assert.equal(networkConfigSchema.safeParse({ beacon: { minScore: 2 } }).success, false);
});

test('rita json_with_all_fields: the dnscat2 tunnel (*.dnsc.r-1x.com) is reported', {
  skip: skipUnlessData('network/rita'),
}, async () => {
  const events = await readNetworkLogs(sharedData('network/rita/json_with_all_fields'));
  const found = runAnalytic(new DnsTunnelAnalytic({ enricher }), events).filter(
    (f) => f.detector === 'dns-tunnel',
  );
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.details!.domain, 'r-1x.com');
  assert.ok((f.details!.uniqueSubdomains as number) >= 20);
  assert.ok((f.details!.txtQueries as number) > 0);
  assert.ok(f.score! >= NETWORK_DEFAULTS.dnsTunnel.minScore);
  assert.deepEqual(f.attack, ['T1071.004', 'T1048']);
  assert.ok(f.entities.some((e) => e.type === 'ip' && e.value === '192.168.88.2'));
  // the evidence re-reads: each reference names a line that asks for a dnsc.r-1x.com name
  assert.ok(f.evidence.length > 0);
  for (const ref of f.evidence) {
    const line = readFileSync(ref.uri, 'utf8').split('\n')[ref.record! - 1]!;
    assert.match(line, /dnsc\.r-1x\.com/);
  }
});

test('stratosphere 003: the RAT C2 (147.32.83.234:1337) is reported as exfiltration and long connection', {
  skip: skipUnlessData('network/stratosphere'),
}, async () => {
  const events = await readNetworkLogs(sharedData('network/stratosphere/003-zeek-scenario-malicious'));
  const exfil = runAnalytic(new ExfiltrationAnalytic({ enricher }), events);
  const c2 = exfil.find((f) => f.entities.some((e) => e.value === '147.32.83.234'));
  assert.ok(c2, 'exfiltration to the RAT server');
  assert.equal(exfil[0], c2, 'and it is the top exfiltration finding');
  assert.deepEqual(c2.details!.ports, [1337]);
  assert.ok((c2.details!.bytesOut as number) > 40e6);
  assert.ok((c2.details!.uploadShare as number) > 0.99);
  assert.equal((c2.details!.destination as { country?: string }).country, 'CZ');
  const long = runAnalytic(new LongConnectionAnalytic({ enricher }), events);
  assert.ok(
    long.some(
      (f) => f.details!.port === 1337 && (f.details!.destination as { ip: string }).ip === '147.32.83.234',
    ),
  );
});

test('stratosphere 005: the Simda DGA lookups are reported', {
  skip: skipUnlessData('network/stratosphere'),
}, async () => {
  const events = await readNetworkLogs(sharedData('network/stratosphere/005-zeek-scenario-malicious'));
  const found = runAnalytic(new DnsTunnelAnalytic({ enricher }), events).filter((f) => f.detector === 'dga');
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.details!.source, 'fd77:48a1:c0bb:0:b96c:506d:6c7f:e8be');
  assert.ok((f.details!.nxDomains as number) >= 100);
  assert.deepEqual(f.attack, ['T1568.002']);
  // the Simda C2 over HTTP: regular requests from the infected host
  const beacons = runAnalytic(new BeaconAnalytic({ enricher }), events);
  assert.ok(beacons.some((b) => b.details!.source === '192.168.1.116'));
});

test('beacon injected into a real normal day is reported; random traffic to the same place is not', {
  skip: skipUnlessData('network/stratosphere'),
}, async () => {
  const background = await readNetworkLogs(
    sharedData('network/stratosphere/010-zeek-mixed/data/conn.log.labeled'),
  );
  const host = '147.32.83.234'; // the capture's own machine
  const local = createEnricher({ internal: ['147.32.0.0/16'] });
  const start = background[0]!.time;
  const rnd = prng(7);
  const injected = [];
  // every 5 minutes +-10% for 12 hours, ~520 bytes out
  for (let t = start + 3_600_000, i = 0; i < 144; i++, t += 300_000 * (0.9 + 0.2 * rnd())) {
    injected.push(
      connEvent({
        time: Math.round(t),
        src: host,
        dst: '139.180.140.83',
        dport: 443,
        origBytes: 512 + Math.floor(rnd() * 16),
        respBytes: 2100,
        service: 'ssl',
      }),
    );
  }
  // failed retries every minute for 3 hours to a dead C2
  for (let i = 0; i < 180; i++) {
    injected.push(
      connEvent({
        time: start + 7_200_000 + i * 60_000,
        src: host,
        dst: '45.76.133.21',
        dport: 8443,
        origBytes: 0,
        respBytes: 0,
        state: 'S0',
        duration: 0,
      }),
    );
  }
  // the same volume of random (Poisson) connections to another address
  let t = start + 3_600_000;
  for (let i = 0; i < 144; i++) {
    t += -Math.log(1 - rnd()) * 300_000;
    injected.push(
      connEvent({
        time: Math.round(t),
        src: host,
        dst: '198.51.100.77',
        dport: 443,
        origBytes: 200 + Math.floor(rnd() * 5000),
      }),
    );
  }
  const all = [...background, ...injected];
  const found = runAnalytic(new BeaconAnalytic({ enricher: local }), all);
  const c2 = found.find((f) => f.entities.some((e) => e.value === '139.180.140.83'));
  assert.ok(c2, 'the beacon');
  assert.ok(c2.score! >= 0.8, `score ${c2.score}`);
  assert.equal(c2.details!.kind, 'address');
  const dest = (c2.details!.destinations as { asn?: number }[])[0]!;
  assert.equal(dest.asn, 20473);
  const failed = found.find((f) => f.entities.some((e) => e.value === '45.76.133.21'));
  assert.ok(failed, 'the failed-C2 retries');
  assert.equal(failed.details!.kind, 'failed-c2');
  assert.equal(failed.rule.id, 'haechi-network-beacon-failed');
  assert.ok(
    !found.some((f) => f.entities.some((e) => e.value === '198.51.100.77')),
    'random traffic is no beacon',
  );
});

test('stratosphere 008: the host probed from the Internet is reported with its sources; nothing in the 003 capture', {
  skip: skipUnlessData('network/stratosphere'),
}, async () => {
  const local = createEnricher({ internal: ['147.32.0.0/16'] });
  const events = await readNetworkLogs(
    sharedData('network/stratosphere/008-zeek-mixed/data/conn.log.labeled'),
  );
  const found = runAnalytic(new InboundScanAnalytic({ enricher: local }), events);
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.host, '147.32.81.167');
  // counted from the file itself: distinct outside sources of unanswered attempts to the host
  const sources = new Set(
    events
      .filter(
        (e) => e.fields['id.resp_h'] === '147.32.81.167' && !local.isInternal(String(e.fields['id.orig_h'])),
      )
      .map((e) => e.fields['id.orig_h']),
  );
  assert.equal(f.details!.sources, sources.size);
  assert.equal((f.details!.topPorts as { port: number }[])[0]!.port, 23); // Telnet worms lead
  assert.ok(f.attack.includes('T1595') && f.attack.includes('T1110'));
  assert.ok((f.details!.topSources as { country?: string }[]).every((s) => typeof s.country === 'string'));
  const none = runAnalytic(
    new InboundScanAnalytic({ enricher }),
    await readNetworkLogs(sharedData('network/stratosphere/003-zeek-scenario-malicious')),
  );
  assert.deepEqual(none, []);
});

test('flows from Suricata EVE and Argus feed the same analytics as Zeek conn', {
  skip: skipUnlessData('network/slips'),
}, async () => {
  const eve = await readNetworkLogs(sharedData('network/slips/test6-malicious.suricata.json'));
  const eveFlows = eve.filter((e) => e.source.kind === 'eve.flow');
  assert.ok(eveFlows.length > 1000);
  for (const e of eveFlows) {
    const fl = toFlow(e)!;
    assert.equal(fl.src, e.fields.src_ip);
    assert.equal(fl.dport, e.fields.dest_port);
    assert.equal(fl.origBytes, e.fields['flow.bytes_toserver']);
    assert.equal(fl.respBytes, e.fields['flow.bytes_toclient']);
    assert.ok(fl.duration >= 0);
  }
  const argus = await readNetworkLogs(sharedData('network/slips/test2-malicious.binetflow'));
  for (const e of argus) {
    const fl = toFlow(e)!;
    assert.equal(fl.origBytes, e.fields.SrcBytes);
    assert.equal(fl.origBytes + fl.respBytes, e.fields.TotBytes);
    assert.equal(fl.duration, e.fields.Dur);
  }
  // a 15-hour UDP flow in the EVE capture is a long connection, as it would be from conn.log
  const long = runAnalytic(new LongConnectionAnalytic({ enricher }), eve);
  const udp = long.find((f) => f.details!.port === 9765);
  assert.ok(udp);
  assert.equal(udp.details!.proto, 'udp');
  assert.ok((udp.details!.totalDurationSeconds as number) > 15 * 3600);
});
