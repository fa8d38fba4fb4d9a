import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type Event, type Finding, silentLogger } from '@haechi/core';
import { Command } from 'commander';
import type { HuntContext } from '../src/hunt/plugin.js';
import { suppliersPlugin } from '../src/hunt/plugins/suppliers.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-supplugin-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ctx = (config: Record<string, unknown> = {}): HuntContext => ({
  log: silentLogger,
  config,
  repoDataDir: dir,
});

let rec = 0;
const ev = (iso: string, fields: Record<string, unknown>): Event => ({
  time: Date.parse(iso),
  source: { kind: 'winjson', uri: 'x.json', record: ++rec },
  fields: { Channel: 'Security', ...fields },
});

test('the plugin adds its flags, and --directory only once', () => {
  const cmd = new Command('hunt');
  suppliersPlugin.addOptions?.(cmd);
  assert.deepEqual(
    cmd.options.map((o) => o.long),
    ['--suppliers', '--windows', '--directory'],
  );
  const other = new Command('hunt').option('--directory <file>', 'declared by another plugin');
  suppliersPlugin.addOptions?.(other);
  assert.equal(other.options.filter((o) => o.long === '--directory').length, 1);
});

test('nothing declared: no work in the workers, nothing in the main thread', async () => {
  const spec = await suppliersPlugin.prepare({}, ctx());
  assert.equal(spec, null);
  assert.deepEqual(await suppliersPlugin.worker?.(spec), {});
});

test('register in haechi.yaml, window from a file: detect, sweep, escalate, summarise', async () => {
  const windows = join(dir, 'windows.yaml');
  writeFileSync(
    windows,
    'windows:\n  - { id: W-9, start: "2026-03-02T13:00:00Z", end: "2026-03-02T17:00:00Z", hosts: ["MES-*"], relaxed: testing }\n',
  );
  const config = {
    suppliers: [
      {
        name: 'Hanil Maintenance',
        accounts: ['hanil.*'],
        hosts: ['MES-*'],
        hours: { from: '09:00', to: '18:00', tz: 'Asia/Seoul' },
      },
    ],
    analytics: { suppliers: { many_hosts: 2 } },
  };
  const spec = await suppliersPlugin.prepare({ windows: [windows] }, ctx(config));
  // the spec crosses to worker threads: it must survive structured cloning
  const cloned = structuredClone(spec);
  const worker = await suppliersPlugin.worker?.(cloned);
  const main = await suppliersPlugin.main?.(cloned, ctx(config));
  assert.ok(worker?.wants && main?.feed && main.finish && main.transform && main.summary && main.json);
  const events = [
    ev('2026-03-02T14:16:03Z', {
      EventID: 4624,
      Computer: 'MES-02.sjp.example',
      TargetUserName: 'hanil.park',
      LogonType: 10,
      IpAddress: '10.20.1.15',
    }),
    ev('2026-03-02T14:17:03Z', {
      EventID: 4624,
      Computer: 'MES-03.sjp.example',
      TargetUserName: 'hanil.park',
      LogonType: 10,
      IpAddress: '10.20.1.15',
    }),
    ev('2026-03-02T14:40:55Z', {
      EventID: 4698,
      Computer: 'MES-02.sjp.example',
      TaskName: '\\Updater',
      SubjectUserName: 'hanil.park',
    }),
    ev('2026-03-02T14:41:00Z', {
      EventID: 4624,
      Computer: 'MES-02.sjp.example',
      TargetUserName: 'kim.it',
      LogonType: 10,
      IpAddress: '10.0.0.5',
    }),
  ];
  const wanted = events.filter((e) => worker.wants?.(e));
  assert.equal(wanted.length, 3, 'the employee logon stays in the worker');
  main.feed(wanted);
  const found = await main.finish();
  assert.deepEqual(
    found.map((f) => `${f.detector} ${f.rule.id} ${f.host ?? '-'}`),
    [
      // the burst is timed at its start, with the first logon; ties go by rule id
      'supplier supplier-many-hosts -',
      'supplier supplier-outside-hours MES-02',
      'supplier supplier-outside-hours MES-03',
      'change-window change-window-new-task MES-02',
    ],
  );
  const sigma: Finding = {
    id: 's1',
    time: Date.parse('2026-03-02T14:40:55Z'),
    severity: 'high',
    detector: 'sigma',
    rule: { id: 'r', title: 'Scheduled Task' },
    attack: [],
    entities: [],
    evidence: [],
    host: 'MES-02.sjp.example',
  };
  const all = await main.transform([...found, sigma]);
  assert.deepEqual(
    all.map((f) => `${f.rule.id} ${f.severity} ${f.window ?? '-'}`),
    [
      'supplier-many-hosts critical W-9',
      'supplier-outside-hours high W-9',
      'supplier-outside-hours high W-9',
      'change-window-new-task high W-9',
      'r critical W-9',
    ],
  );
  assert.deepEqual(main.summary(all), [
    'suppliers: 3 finding(s) (Hanil Maintenance 3)',
    '  supplier-outside-hours: 2',
    '  supplier-many-hosts: 1',
    'change window W-9 (2026-03-02T13:00:00Z .. 2026-03-02T17:00:00Z): 4 finding(s) escalated, 1 leftover(s) after it',
  ]);
  const j = main.json(all) as {
    suppliers: { name: string; findings: number }[];
    windows: { id: string; escalated: string[]; sweep: string[] }[];
  };
  assert.deepEqual(j.suppliers, [
    {
      name: 'Hanil Maintenance',
      findings: 3,
      rules: { 'supplier-outside-hours': 2, 'supplier-many-hosts': 1 },
    },
  ]);
  assert.equal(j.windows[0].escalated.length, 4);
  assert.equal(j.windows[0].sweep.length, 1);
});
