import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { HaechiError } from '@haechi/core';
import { type ReportFlags, suppliersReport } from '../src/commands/suppliers.js';
import { ATTACKER, CHANGE_WINDOW, HOSTS, SUPPLIER, TIMELINE } from '../src/demo/scenario.js';
import { writeDemoSuppliers } from '../src/demo/suppliers.js';
import { writeDemoWindows } from '../src/demo/windows.js';
import { runCli } from './run-cli.js';

interface F {
  time: string;
  severity: string;
  detector: string;
  rule: { id: string; title: string };
  host?: string;
  window?: string;
  attack: string[];
  entities: { type: string; value: string }[];
  details?: Record<string, unknown>;
}

const dir = mkdtempSync(join(tmpdir(), 'haechi-suppliers-'));
const data = join(dir, 'data');
let files: { suppliers: string; windows: string; directory?: string };
let findings: F[];
let hunt: ReturnType<typeof runCli>;

before(async () => {
  writeDemoWindows(data);
  files = await writeDemoSuppliers(join(dir, 'conf'));
  hunt = runCli([
    'hunt',
    data,
    '--suppliers',
    files.suppliers,
    '--windows',
    files.windows,
    '--directory',
    files.directory as string,
    '--threads',
    '1',
    '--no-progress',
    '--jsonl',
    '--db',
    join(dir, 'findings.db'),
  ]);
  findings = hunt.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as F);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const iso = (t: number) => new Date(t).toISOString();

/** the report command in this process (spawning costs a TypeScript start-up per call) */
async function report(paths: string[], flags: ReportFlags): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await suppliersReport(paths, flags, (s) => {
    stdout += s;
  });
  return { code, stdout };
}

async function reportError(paths: string[], flags: ReportFlags): Promise<HaechiError> {
  try {
    await report(paths, flags);
  } catch (err) {
    assert.ok(err instanceof HaechiError, String(err));
    return err;
  }
  assert.fail('no error');
}

test('hunt: the supplier account out of hours, from a rented server, beyond its grants', () => {
  assert.equal(hunt.code, 0, hunt.stderr);
  const sup = findings.filter((f) => f.detector === 'supplier');
  for (const f of sup) {
    assert.ok(f.rule.title.startsWith(`${SUPPLIER.name}: `), f.rule.title);
    assert.ok(f.entities.some((e) => e.type === 'account' && e.value === `supplier:${SUPPLIER.name}`));
  }
  const has = (rule: string, host: string, time?: number) =>
    sup.some((f) => f.rule.id === rule && f.host === host && (time === undefined || f.time === iso(time)));
  assert.ok(
    has('supplier-outside-hours', HOSTS.jump.name, TIMELINE.rdpToJump),
    'RDP to the jump host at 23:15 KST',
  );
  assert.ok(has('supplier-outside-hours', HOSTS.mes.name, TIMELINE.rdpToMes), 'RDP to the MES server');
  assert.ok(has('supplier-unexpected-source', HOSTS.jump.name, TIMELINE.rdpToJump));
  const src = sup.find((f) => f.rule.id === 'supplier-unexpected-source' && f.host === HOSTS.jump.name);
  assert.ok(src?.entities.some((e) => e.type === 'ip' && e.value === ATTACKER.vpnSourceIp));
  assert.ok(has('supplier-outside-grants', HOSTS.fileServer.name), 'the file server is not granted');
  assert.ok(has('supplier-archive-created', HOSTS.fileServer.name, TIMELINE.stagingArchive));
  assert.ok(!JSON.stringify(sup).includes('Sjp!2026#x'), 'the archive password is not in supplier findings');
  // the in-hours maintenance session from the supplier's own network is not a finding
  assert.ok(!sup.some((f) => f.time < iso(TIMELINE.vpnLogon - 3600_000)));
  assert.match(hunt.stderr + hunt.stdout, /suppliers: \d+ finding\(s\) \(Hanil Maintenance \d+\)/);
});

test('hunt: findings inside the change window on its hosts are escalated and tagged', () => {
  const inWindow = findings.filter((f) => f.window === CHANGE_WINDOW.id && f.detector !== 'change-window');
  assert.ok(inWindow.length > 0);
  for (const f of inWindow) {
    assert.ok(
      f.time >= iso(Date.parse(CHANGE_WINDOW.start)) && f.time <= iso(Date.parse(CHANGE_WINDOW.end)),
      f.time,
    );
    assert.ok(f.details?.escalated_from, 'says what it was');
  }
  const mes = findings.find(
    (f) => f.detector === 'supplier' && f.rule.id === 'supplier-outside-hours' && f.host === HOSTS.mes.name,
  );
  assert.equal(mes?.window, CHANGE_WINDOW.id);
  assert.equal(mes?.severity, 'high', 'medium, one level up');
  // the jump host is not one of the window's hosts
  const jump = findings.find(
    (f) => f.detector === 'supplier' && f.rule.id === 'supplier-outside-hours' && f.host === HOSTS.jump.name,
  );
  assert.equal(jump?.window, undefined);
  assert.equal(jump?.severity, 'medium');
});

test('hunt: the end-of-window sweep finds the implant task and executable left behind', () => {
  const sweep = findings.filter((f) => f.detector === 'change-window');
  const task = sweep.find((f) => f.rule.id === 'change-window-new-task');
  assert.equal(task?.host, HOSTS.mes.name);
  assert.equal(task?.details?.task, ATTACKER.taskName);
  assert.equal(task?.details?.command, ATTACKER.implantPath);
  const exe = sweep.find((f) => f.rule.id === 'change-window-executable');
  assert.equal(exe?.details?.file, ATTACKER.implantPath);
  for (const f of sweep) assert.equal(f.window, CHANGE_WINDOW.id);
});

test('suppliers report: the crown jewel, its shortest path and the two-hop share', async () => {
  const r = await report([data], { suppliers: [files.suppliers], directory: files.directory, json: true });
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.stdout) as {
    graph: { crown_jewels: string[] };
    suppliers: {
      supplier: string;
      accounts: string[];
      hosts_total: number;
      within_two_hops: number;
      share_within_two_hops: number;
      crown_jewels: { host: string; hops: number; path: { from: string; edge: string; to: string }[] }[];
    }[];
  };
  assert.deepEqual(doc.graph.crown_jewels, [HOSTS.fileServer.name]);
  const h = doc.suppliers[0];
  assert.equal(h.supplier, SUPPLIER.name);
  assert.deepEqual(h.accounts, [SUPPLIER.account, 'svc_hanil']);
  const fs = h.crown_jewels.find((c) => c.host === HOSTS.fileServer.name);
  // the PsExec logon onto the file server is an observed logon edge: one hop
  assert.equal(fs?.hops, 1);
  assert.deepEqual(fs?.path, [
    { from: SUPPLIER.name, edge: 'staff', to: SUPPLIER.account },
    { from: SUPPLIER.account, edge: 'logon', to: HOSTS.fileServer.name },
  ]);
  assert.equal(h.share_within_two_hops, h.within_two_hops / h.hosts_total);
  const people = await report([data], { suppliers: [files.suppliers], directory: files.directory });
  assert.match(
    people.stdout,
    /FS-01 {2}1 hop\(s\), 1 shortest path\(s\)\n {6}Hanil Maintenance -staff-> hanil\.park -logon-> FS-01/,
  );
  // the same from the findings stored by hunt --db
  const db = await report([], { db: join(dir, 'findings.db'), suppliers: [files.suppliers], json: true });
  assert.equal(db.code, 0);
  const fromDb = JSON.parse(db.stdout) as typeof doc;
  assert.ok(fromDb.suppliers[0].crown_jewels.some((c) => c.host === HOSTS.fileServer.name));
});

test('bad register files stop with exit 2, naming file, entry and field', async () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, readFileSync(files.suppliers, 'utf8').replace('tz: Asia/Seoul', 'tz: Asia/Seul'));
  const r = runCli(['suppliers', 'report', '--suppliers', bad]);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /bad\.yaml:\d+: suppliers\[0\] \(Hanil Maintenance\): hours\.tz 'Asia\/Seul' is not a known time zone/,
  );
  const h = runCli(['hunt', data, '--windows', bad, '--no-progress', '--threads', '1']);
  assert.equal(h.code, 2);
  assert.match(h.stderr, /bad\.yaml:\d+: suppliers\[0\]/);
  const both = await reportError([data], { db: join(dir, 'findings.db'), suppliers: [files.suppliers] });
  assert.equal(both.code, 'usage');
  assert.match(both.message, /either --db FILE or event paths/);
  const ok = runCli(['suppliers', 'check', files.suppliers, files.windows]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /ok: 1 supplier\(s\), 1 change window\(s\), 6 asset\(s\)/);
});

test('the register may sit in haechi.yaml; its errors name haechi.yaml and the entry', async () => {
  const cfg = join(dir, 'haechi.yaml');
  writeFileSync(
    cfg,
    `suppliers:\n  - name: Hanil Maintenance\n    accounts: ["hanil.*"]\n    hours: { from: "09:00", to: "18:00", tz: Asia/Seoul }\nassets:\n  - { host: FS-01, tags: [crown-jewel] }\n`,
  );
  const ok = await report([data], { config: cfg, json: true });
  assert.equal(ok.code, 0);
  const doc = JSON.parse(ok.stdout) as {
    suppliers: { supplier: string; crown_jewels: { host: string }[] }[];
  };
  assert.deepEqual(
    doc.suppliers.map((s) => [s.supplier, s.crown_jewels.map((c) => c.host)]),
    [[SUPPLIER.name, ['FS-01']]],
  );
  writeFileSync(
    cfg,
    `suppliers:\n  - name: Hanil Maintenance\n    accounts: ["hanil.*"]\n    services: [telnet]\n`,
  );
  const bad = await reportError([data], { config: cfg });
  assert.equal(bad.code, 'config');
  assert.match(
    bad.describe(),
    /^haechi\.yaml: suppliers\[0\] \(Hanil Maintenance\): services\[0\] 'telnet' is not a known service/,
  );
});
