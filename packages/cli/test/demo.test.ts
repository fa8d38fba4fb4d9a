import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openSqliteStore } from '@haechi/store';
import { ATTACKER, HOSTS, SUPPLIER, TIMELINE } from '../src/demo/scenario.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-demo-'));
let run: ReturnType<typeof runCli>;
let timeline: Record<string, unknown>[];

before(() => {
  run = runCli(['demo', '--dir', dir, '--threads', '2', '--no-progress']);
  timeline = readFileSync(join(dir, 'timeline.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const titles = () => new Set(timeline.map((f) => (f.rule as { title: string }).title));

test('demo runs end to end and says where its outputs are', () => {
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /timeline\s+\S+timeline\.jsonl/);
  assert.match(run.stdout, /Findings: \d+/);
  assert.match(run.stdout, /Rules: \d+ loaded, 0 rejected/);
});

test('demo findings cover the intrusion: supplier logon, credential dumping, implant, staging, upload', () => {
  const t = titles();
  for (const expected of [
    'Supplier Or Maintenance Account Logs On Interactively',
    'Remote Desktop Logon From A Public Address',
    'LSASS Memory Dumped With Comsvcs MiniDump Or ProcDump',
    'LSASS Opened With Rights To Read Its Memory',
    'Scheduled Task Created To Run From A User-Writable Folder',
    'Scheduled Task Registered With An Action In A User-Writable Folder',
    'Service Installed From A User-Writable Folder Or By Remote Execution Tools',
    'Remote Execution With PsExec Or WMIC Against Another Host',
    'Password-Protected Archive Created Of Documents Or Design Data',
    'File Uploaded To Cloud Storage From The Command Line',
    'Certutil Downloads A File',
    'Logon Failures For Many Accounts From One Source',
  ]) {
    assert.ok(t.has(expected), `missing finding: ${expected}; got ${[...t].join(' | ')}`);
  }
  // the supplier's in-hours session from its own network is a supplier logon, but not from a public address
  const rdpPublic = timeline.filter(
    (f) => (f.rule as { title: string }).title === 'Remote Desktop Logon From A Public Address',
  );
  assert.ok(rdpPublic.some((f) => (f.event as Record<string, unknown>).IpAddress === ATTACKER.vpnSourceIp));
  // the hop from the jump host to the MES server comes from a private address: not this rule
  assert.ok(
    rdpPublic.every((f) => !String((f.event as Record<string, unknown>).IpAddress).startsWith('10.')),
  );
});

test('demo timeline lines carry the documented fields, in stable order', () => {
  let prev = '';
  for (const f of timeline) {
    assert.match(String(f.time), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.ok(['informational', 'low', 'medium', 'high', 'critical'].includes(String(f.severity)));
    assert.equal(typeof f.detector, 'string');
    assert.equal(typeof (f.rule as { id: string }).id, 'string');
    assert.ok(Array.isArray(f.attack));
    assert.ok('host' in f && 'source' in f);
    assert.ok(String(f.time) >= prev, 'timeline is in time order');
    prev = String(f.time);
  }
  const dump = timeline.find((f) => (f.rule as { title: string }).title.startsWith('LSASS Memory Dumped'));
  assert.ok(dump);
  assert.deepEqual(dump.attack, ['T1003.001']);
  assert.equal(dump.severity, 'critical');
  assert.equal(dump.time, new Date(TIMELINE.credentialDump).toISOString());
  assert.match(String(dump.host), new RegExp(`^${HOSTS.mes.name}\\.`));
  assert.equal((dump.source as { kind: string }).kind, 'winjson');
  assert.match(String((dump.event as Record<string, unknown>).CommandLine), /comsvcs\.dll, MiniDump/);
  // the archive password typed on the command line is evidence, but never printed or stored
  const archive = timeline.find((f) =>
    (f.rule as { title: string }).title.startsWith('Password-Protected Archive'),
  );
  assert.ok(archive?.event, 'the archive finding carries its event');
  assert.match(String((archive.event as Record<string, unknown>).CommandLine), / -p\[redacted\] /);
  assert.ok(!readFileSync(join(dir, 'timeline.jsonl'), 'utf8').includes('Sjp!2026#x'));
  const supplier = timeline.filter((f) =>
    (f.rule as { title: string }).title.startsWith('Supplier Or Maintenance'),
  );
  assert.ok(supplier.some((f) => (f.event as Record<string, unknown>).TargetUserName === SUPPLIER.account));
});

test('demo stores the same findings in SQLite', () => {
  const store = openSqliteStore(join(dir, 'findings.db'));
  try {
    const stored = store.findings();
    assert.equal(stored.length, timeline.length);
    assert.deepEqual(
      stored.map((f) => f.id),
      timeline.map((f) => f.id),
    );
  } finally {
    store.close();
  }
});

test('demo is deterministic: a second run writes the same timeline', () => {
  const dir2 = mkdtempSync(join(tmpdir(), 'haechi-demo2-'));
  try {
    const r2 = runCli(['demo', '--dir', dir2, '--threads', '1', '--no-progress']);
    assert.equal(r2.code, 0, r2.stderr);
    // finding ids hash the source path, which differs between the two folders
    const norm = (d: string) =>
      readFileSync(join(d, 'timeline.jsonl'), 'utf8')
        .replaceAll(d, '<dir>')
        .replace(/"id":"[^"]*"/g, '"id":"-"');
    const a = norm(dir);
    assert.ok(a.length > 1000);
    assert.equal(a, norm(dir2));
  } finally {
    rmSync(dir2, { recursive: true, force: true });
  }
});
