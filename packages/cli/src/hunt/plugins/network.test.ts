import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Event, HaechiError, silentLogger } from '@haechi/core';
import { fileInput, readAll, zeekJsonReader } from '@haechi/core/ingest/network';
import { sharedData, skipUnlessData } from '@haechi/core/testing';
import { Command } from 'commander';
import type { HuntContext } from '../plugin.js';
import { HUNT_PLUGINS } from './index.js';
import { networkPlugin } from './network.js';

const ctx = (config: Record<string, unknown> = {}): HuntContext => ({
  log: silentLogger,
  config,
  repoDataDir: '',
});

test('network plugin is registered and adds --internal and --enrich-lists', () => {
  assert.ok(HUNT_PLUGINS.includes(networkPlugin));
  const cmd = new Command('hunt');
  networkPlugin.addOptions!(cmd);
  cmd.parse(['--internal', '10.0.0.0/8,192.0.2.0/24', '--enrich-lists', '/x'], { from: 'user' });
  assert.equal(cmd.opts().internal, '10.0.0.0/8,192.0.2.0/24');
  assert.equal(cmd.opts().enrichLists, '/x');
});

test('network plugin: bad --internal, missing lists folder and bad thresholds are usage/config errors', async () => {
  await assert.rejects(
    networkPlugin.prepare({ internal: '10.0.0.0/8,nope' }, ctx()),
    (e: unknown) => e instanceof HaechiError && e.code === 'usage' && /nope/.test(e.message),
  );
  await assert.rejects(
    networkPlugin.prepare({ enrichLists: '/no/such/dir' }, ctx()),
    (e: unknown) => e instanceof HaechiError && e.code === 'usage',
  );
  await assert.rejects(
    networkPlugin.prepare({}, ctx({ analytics: { network: { beacon: { minScore: 3 } } } })),
    (e: unknown) =>
      e instanceof HaechiError && e.code === 'config' && e.field === 'analytics.network.beacon.minScore',
  );
  const spec = (await networkPlugin.prepare({}, ctx({ internal: ['172.20.0.0/16'] }))) as {
    internal: string[];
  };
  assert.deepEqual(spec.internal, ['172.20.0.0/16']);
  assert.deepEqual(structuredClone(spec), spec, 'the spec crosses to worker threads');
});

test('network plugin end to end on the rita dnscat2 capture: wants, feed, finish, summary, json', {
  skip: skipUnlessData('network/rita'),
}, async () => {
  const spec = await networkPlugin.prepare({ enrichLists: sharedData('network/enrichment') }, ctx());
  const worker = await networkPlugin.worker!(spec);
  const main = await networkPlugin.main!(spec, ctx());
  const events: Event[] = [];
  for (const f of ['conn.log', 'dns.log', 'ssl.log', 'http.log', 'open_conn.log']) {
    events.push(
      ...(await readAll(zeekJsonReader, fileInput(sharedData('network/rita/json_with_all_fields', f))))
        .events,
    );
  }
  const wanted = events.filter(worker.wants!);
  assert.equal(wanted.length, events.length); // all of these are network records the analytics use
  assert.equal(worker.wants!({ time: 0, source: { kind: 'evtx', uri: 'x' }, fields: {} }), false);
  main.feed!(structuredClone(wanted)); // as they arrive from a worker thread
  const findings = await main.finish!();
  const tunnel = findings.find((f) => f.detector === 'dns-tunnel');
  assert.ok(tunnel);
  assert.equal(typeof tunnel.score, 'number');
  assert.ok(tunnel.entities.some((e) => e.type === 'domain' && e.value === 'r-1x.com'));
  const summary = main.summary!(findings).join('\n');
  assert.match(summary, /DNS tunnels/);
  assert.match(summary, /r-1x\.com/);
  const json = main.json!(findings) as { events: number; findings: Record<string, number> };
  assert.equal(json.events, wanted.length);
  assert.equal(json.findings['dns-tunnel'], 1);
});
