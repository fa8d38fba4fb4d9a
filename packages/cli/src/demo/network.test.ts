import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Finding } from '@haechi/core';
import { createNetworkAnalytics } from '@haechi/core/analytics/network';
import { createEnricher } from '@haechi/core/enrich';
import { fileInput, readAll, zeekTsvReader } from '@haechi/core/ingest/network';
import { writeDemoNetwork } from './network.js';
import { ATTACKER, HOSTS, TIMELINE } from './scenario.js';

const tmp = mkdtempSync(join(tmpdir(), 'haechi-demo-net-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('demo network logs: deterministic Zeek TSV that the reader reads without a problem', async () => {
  const a = await writeDemoNetwork(join(tmp, 'a'));
  const b = await writeDemoNetwork(join(tmp, 'b'));
  assert.deepEqual(
    a.map((p) => p.slice(p.lastIndexOf('/') + 1)),
    ['conn.log', 'dns.log', 'ssl.log', 'http.log'],
  );
  for (let i = 0; i < a.length; i++) assert.ok(readFileSync(a[i]!).equals(readFileSync(b[i]!)), a[i]);
  for (const p of a) {
    const { events, problems } = await readAll(zeekTsvReader, fileInput(p));
    assert.deepEqual(problems, [], p);
    assert.ok(events.length > 100, p);
  }
});

test('demo network logs: the analytics find the beacon, the relay chain and the upload', async () => {
  const files = await writeDemoNetwork(join(tmp, 'c'));
  const analytics = createNetworkAnalytics({ enricher: createEnricher() });
  for (const p of files) {
    const { events } = await readAll(zeekTsvReader, fileInput(p));
    for (const an of analytics) an.feed(events.filter((e) => an.wants(e)));
  }
  const findings: Finding[] = analytics.flatMap((an) => an.finish());
  const beacon = findings.filter((f) => f.detector === 'beacon');
  assert.equal(beacon.length, 1, beacon.map((f) => f.rule.title).join('\n'));
  assert.ok(beacon[0]!.entities.some((e) => e.value === ATTACKER.c2Ip));
  assert.ok(beacon[0]!.entities.some((e) => e.type === 'domain' && e.value === ATTACKER.c2Domain));
  assert.equal(beacon[0]!.details!.last, new Date(beacon[0]!.details!.last as string).toISOString());
  assert.ok(Date.parse(beacon[0]!.details!.last as string) < TIMELINE.beaconUntil);
  const relay = findings.filter((f) => f.detector === 'relay-chain');
  assert.equal(relay.length, 1);
  assert.deepEqual(relay[0]!.details!.path, [
    ATTACKER.vpnSourceIp,
    HOSTS.vpnGateway.ip,
    HOSTS.jump.ip,
    HOSTS.mes.ip,
  ]);
  const exfil = findings.filter((f) => f.detector === 'exfiltration');
  assert.equal(exfil.length, 1);
  assert.equal(exfil[0]!.details!.serverName, ATTACKER.uploadDomain);
  assert.equal(exfil[0]!.time, TIMELINE.upload);
  assert.deepEqual(exfil[0]!.attack, ['T1567.002', 'T1048']);
  assert.equal((exfil[0]!.details!.destination as { asn?: number }).asn, 19679);
});
