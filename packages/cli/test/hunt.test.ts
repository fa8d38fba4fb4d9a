import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { HOSTS } from '../src/demo/scenario.js';
import { writeDemoWindows } from '../src/demo/windows.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-hunt-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const data = writeDemoWindows(dir);
const mesDir = join(data, HOSTS.mes.name);
const sysmonFile = join(mesDir, readdirSync(mesDir).find((f) => f.includes('Sysmon'))!);
const sysmonLines = readFileSync(sysmonFile, 'utf8').trim().split('\n');

const jsonl = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          rule: { id: string; title: string };
          severity: string;
          source: { record: number };
        },
    );

test('hunt with threads gives the same timeline as without', () => {
  const one = runCli(['hunt', data, '--jsonl', '--threads', '1', '--no-progress']);
  // (the demo's few megabytes would be read on one thread: workers forced)
  const two = runCli(['hunt', data, '--jsonl', '--threads', '2', '--no-progress'], {
    env: { HAECHI_HUNT__PARALLEL_MIN_BYTES: '0', HAECHI_LOG_LEVEL: 'info' },
  });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.ok(jsonl(one.stdout).length > 5);
  assert.equal(one.stdout, two.stdout);
  assert.doesNotMatch(two.stderr, /read on one thread/);
  // unforced, the small input stays on one thread and says so
  const small = runCli(['hunt', data, '--jsonl', '--threads', '2', '--no-progress'], {
    env: { HAECHI_LOG_LEVEL: 'info' },
  });
  assert.match(small.stderr, /MiB of input: read on one thread/);
  assert.equal(small.stdout, one.stdout);
  // the people's summary goes to stderr when the timeline goes to stdout
  assert.match(one.stderr, /Findings: \d+/);
});

test('a corrupt record is reported with file and record, the rest is processed; --strict stops with exit 3', () => {
  const bad = join(dir, 'bad');
  mkdirSync(bad, { recursive: true });
  const lines = [...sysmonLines];
  lines.splice(3, 0, '{"Event": {"System": {"EventID": 1, "Channel": ');
  const file = join(bad, 'sysmon.json');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const r = runCli(['hunt', file, '--no-progress', '--threads', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Skipped or damaged input:/);
  assert.match(r.stdout, /sysmon\.json: 1 records skipped/);
  assert.match(r.stdout, new RegExp(`Read ${(sysmonLines.length).toLocaleString('en-US')} events`));

  const s = runCli(['hunt', file, '--no-progress', '--threads', '1', '--strict']);
  assert.equal(s.code, 3);
  assert.match(s.stderr, /sysmon\.json:\d+/);
});

test('--fail-on exits 1 when a finding at that level exists, 0 otherwise', () => {
  const crit = runCli(['hunt', data, '--fail-on', 'critical', '--no-progress', '--threads', '1']);
  assert.equal(crit.code, 1);
  const none = runCli([
    'hunt',
    join(data, HOSTS.workstation.name),
    '--fail-on',
    'critical',
    '--no-progress',
    '--threads',
    '1',
  ]);
  assert.equal(none.code, 0, none.stderr);
});

test('--min-level, --from/--to filter the timeline', () => {
  const all = jsonl(runCli(['hunt', data, '--jsonl', '--threads', '1', '--no-progress']).stdout);
  const high = jsonl(
    runCli(['hunt', data, '--jsonl', '--min-level', 'high', '--threads', '1', '--no-progress']).stdout,
  );
  assert.ok(high.length > 0 && high.length < all.length);
  assert.ok(high.every((f) => f.severity === 'high' || f.severity === 'critical'));
  const window = jsonl(
    runCli([
      'hunt',
      data,
      '--jsonl',
      '--from',
      '2026-03-02T14:30:00Z',
      '--to',
      '2026-03-02T15:00:00Z',
      '--threads',
      '1',
      '--no-progress',
    ]).stdout,
  ) as unknown as { time: string }[];
  assert.ok(window.length > 0);
  assert.ok(window.every((f) => f.time >= '2026-03-02T14:30:00' && f.time <= '2026-03-02T15:00:00.000Z'));
});

test('--csv and --json shapes', () => {
  const csv = runCli(['hunt', data, '--csv', '--threads', '1', '--no-progress']);
  const rows = csv.stdout.trim().split('\r\n');
  assert.equal(
    rows[0],
    'time,severity,detector,rule_id,rule_title,attack,host,source_kind,source_uri,source_record,entities',
  );
  assert.ok(rows.length > 5);
  const json = JSON.parse(runCli(['hunt', data, '--json', '--threads', '1', '--no-progress']).stdout) as {
    summary: { events: number; findings: number; rules: { loaded: number } };
    findings: unknown[];
  };
  assert.equal(json.summary.findings, json.findings.length);
  assert.equal(json.findings.length, rows.length - 1);
  assert.ok(json.summary.events > 100);
  assert.ok(json.summary.rules.loaded > 10);
});

test('stdin is read with -', () => {
  const r = runCli(['hunt', '-', '--jsonl', '--no-progress'], { input: `${sysmonLines.join('\n')}\n` });
  assert.equal(r.code, 0, r.stderr);
  const findings = jsonl(r.stdout);
  assert.ok(findings.some((f) => f.rule.title.startsWith('LSASS Memory Dumped')));
});

test('usage and input errors: exit 2 and 3 with a message naming the problem', () => {
  const missing = runCli(['hunt', join(dir, 'nope'), '--no-progress']);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /nope: no such file or folder/);
  const zone = runCli(['hunt', data, '--from', '2026-03-02T10:00', '--no-progress']);
  assert.equal(zone.code, 2);
  assert.match(zone.stderr, /--from '2026-03-02T10:00' is not an RFC 3339 time with a zone/);
  const level = runCli(['hunt', data, '--min-level', 'severe', '--no-progress']);
  assert.equal(level.code, 2);
  const threads = runCli(['hunt', data, '--threads', 'x', '--no-progress']);
  assert.equal(threads.code, 2);
  const format = runCli(['hunt', data, '--format', 'bogus', '--no-progress']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /unknown format "bogus"; known formats: evtx, /);
  // a database that cannot be opened stops the hunt before any work, naming the file
  const db = runCli(['hunt', data, '--db', join(dir, 'no-such-dir', 'f.db'), '--no-progress']);
  assert.equal(db.code, 3);
  assert.match(db.stderr, /no-such-dir\/f\.db: cannot open the database/);
  assert.equal(db.stdout, '');
  const tz = runCli(['hunt', data, '--timezone', 'Mars', '--no-progress']);
  assert.equal(tz.code, 2);
  assert.match(tz.stderr, /--timezone 'Mars' is not UTC or an offset/);
});
