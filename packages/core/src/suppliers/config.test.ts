import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HaechiError } from '../errors.js';
import { loadSupplierFile, mergeSupplierConfigs, parseSupplierCsv, parseSupplierYaml } from './config.js';
import { parseDirectory } from './directory.js';

const REGISTER = `suppliers:
  - name: Hanil Maintenance
    accounts: ["hanil.*", "svc_hanil"]
    hosts: ["MES-*", "10.20.0.0/16"]
    services: [rdp, smb, vpn]
    hours: { days: mon-fri, from: "09:00", to: "18:00", tz: Asia/Seoul }
    sources: { networks: ["203.0.113.0/24"], asns: [4766], countries: [KR] }
    contact: ops@hanil.example
windows:
  - id: CHG-1042
    start: 2026-03-02T22:00:00+09:00
    end: 2026-03-03T02:00:00+09:00
    hosts: ["GW-01", "10.0.5.0/24"]
    relaxed: external link system opened for testing
    approved_by: kim.it
assets:
  - { host: FS-01, ip: 10.30.0.12, tags: [crown-jewel] }
`;

function errorOf(fn: () => unknown): HaechiError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof HaechiError, String(err));
    return err;
  }
  assert.fail('no error thrown');
}

test('the issue example parses into the register, the window and the inventory', () => {
  const c = parseSupplierYaml(REGISTER, 'suppliers.yaml');
  assert.equal(c.suppliers.length, 1);
  const s = c.suppliers[0];
  assert.deepEqual(s.accounts, ['hanil.*', 'svc_hanil']);
  assert.deepEqual(s.services, ['rdp', 'smb', 'vpn']);
  assert.deepEqual(s.sources, { networks: ['203.0.113.0/24'], asns: [4766], countries: ['KR'] });
  assert.equal(s.hours?.tz, 'Asia/Seoul');
  const w = c.windows[0];
  // 22:00 KST on 2 March is 13:00 UTC; the window spans midnight local time
  assert.equal(w.startMs, Date.parse('2026-03-02T13:00:00Z'));
  assert.equal(w.endMs, Date.parse('2026-03-02T17:00:00Z'));
  assert.equal(w.approved_by, 'kim.it');
  assert.deepEqual(c.assets, [{ host: 'FS-01', ips: ['10.30.0.12'], tags: ['crown-jewel'], admins: [] }]);
  assert.equal(c.detection.many_hosts, 5);
});

test('a bad time zone names the file, line, entry and field', () => {
  const err = errorOf(() =>
    parseSupplierYaml(REGISTER.replace('tz: Asia/Seoul', 'tz: Asia/Seul'), '/etc/haechi/suppliers.yaml'),
  );
  assert.equal(err.code, 'config');
  assert.equal(err.file, 'suppliers.yaml');
  assert.equal(err.line, 6);
  assert.equal(
    err.message,
    "suppliers[0] (Hanil Maintenance): hours.tz 'Asia/Seul' is not a known time zone",
  );
  assert.equal(
    err.describe(),
    "suppliers.yaml:6: suppliers[0] (Hanil Maintenance): hours.tz 'Asia/Seul' is not a known time zone",
  );
});

test('every problem is listed, each with its entry and field', () => {
  const text = `suppliers:
  - name: A
    accounts: [a.*]
    hosts: ["10.0.0.0/33"]
    services: [rdp, telnet]
    hours: { days: mon-fry, from: "9am", to: "18:00", tz: UTC }
    sources: { asns: [AS4766, "x"], countries: [KOR] }
  - name: B
    acounts: [b]
windows:
  - id: W-1
    start: 2026-03-02T22:00:00
    end: 2026-03-02T23:00:00+09:00
    hosts: []
  - id: W-2
    start: 2026-03-03T02:00:00+09:00
    end: 2026-03-02T22:00:00+09:00
    hosts: [GW-01]
  - id: W-2
    start: 2026-03-03T02:00:00+09:00
    end: 2026-03-03T03:00:00+09:00
    hosts: [GW-01]
`;
  const err = errorOf(() => parseSupplierYaml(text, 'reg.yaml'));
  const m = err.message;
  for (const want of [
    "suppliers[0] (A): hosts[0] '10.0.0.0/33' is not a valid CIDR block",
    "suppliers[0] (A): services[1] 'telnet' is not a known service",
    "suppliers[0] (A): hours.days 'mon-fry': 'fry' is not a day",
    "suppliers[0] (A): hours.from '9am' is not a time of day (HH:MM)",
    "suppliers[0] (A): sources.asns[1] 'x' is not an AS number",
    "suppliers[0] (A): sources.countries[0] 'KOR' is not an ISO 3166-1 alpha-2 country code",
    'suppliers[1] (B): accounts is missing',
    "suppliers[1] (B): unknown key 'acounts'",
    "windows[0] (W-1): start '2026-03-02T22:00:00' is not an RFC 3339 time with an offset",
    'windows[0] (W-1): hosts must name at least one host or subnet',
    "windows[1] (W-2): end '2026-03-02T22:00:00+09:00' is not after start",
    'windows[2] (W-2): duplicates windows[1]',
  ])
    assert.ok(m.includes(want), `missing: ${want}\nin:\n${m}`);
  assert.equal(err.line, 4, 'the first problem is the CIDR on line 4');
  assert.match(m, /line 9: suppliers\[1\] \(B\): unknown key 'acounts'/);
});

test('wrong types are explained, not dumped', () => {
  const err = errorOf(() =>
    parseSupplierYaml('suppliers:\n  - name: A\n    accounts: a\n    hours: 9-18\n', 'x.yaml'),
  );
  assert.match(err.message, /suppliers\[0\] \(A\): hours must be a mapping, not string/);
  const top = errorOf(() => parseSupplierYaml('suppliers: {name: A}\n', 'x.yaml'));
  assert.match(top.message, /suppliers must be a list/);
  const yaml = errorOf(() => parseSupplierYaml('suppliers:\n  - name: [A\n', 'x.yaml'));
  assert.match(yaml.describe(), /^x\.yaml:\d+: not valid YAML/);
});

test('the register as CSV, with lists separated by semicolons', async () => {
  const csv = `name,accounts,hosts,services,days,from,to,tz,networks,asns,countries,contact
Hanil Maintenance,hanil.*;svc_hanil,MES-*;10.20.0.0/16,rdp;smb,mon-fri,09:00,18:00,Asia/Seoul,203.0.113.0/24,4766,KR,ops@hanil.example
"Daeho Networks, Ltd.",daeho.*,GW-01,ssh;vpn,,22:00,06:00,UTC,,,,
`;
  const c = parseSupplierCsv(csv, 'suppliers.csv');
  assert.equal(c.suppliers.length, 2);
  assert.deepEqual(c.suppliers[0].hosts, ['MES-*', '10.20.0.0/16']);
  assert.equal(c.suppliers[1].name, 'Daeho Networks, Ltd.');
  assert.deepEqual(c.suppliers[1].hours, { days: 'mon-sun', from: '22:00', to: '06:00', tz: 'UTC' });
  const bad = errorOf(() => parseSupplierCsv(csv.replace('Asia/Seoul', 'Asia/Seul'), 'suppliers.csv'));
  assert.equal(
    bad.describe(),
    "suppliers.csv:2: suppliers[0] (Hanil Maintenance): hours.tz 'Asia/Seul' is not a known time zone",
  );
  const col = errorOf(() => parseSupplierCsv('name,acounts\nA,a\n', 'suppliers.csv'));
  assert.match(col.message, /header with at least 'name' and 'accounts'/);
  // files by extension
  const dir = await mkdtemp(join(tmpdir(), 'haechi-sup-'));
  await writeFile(join(dir, 'r.csv'), csv);
  await writeFile(join(dir, 'w.yaml'), REGISTER.slice(REGISTER.indexOf('windows:')));
  const merged = mergeSupplierConfigs([
    { file: 'r.csv', config: await loadSupplierFile(join(dir, 'r.csv')) },
    { file: 'w.yaml', config: await loadSupplierFile(join(dir, 'w.yaml')) },
  ]);
  assert.equal(merged.suppliers.length, 2);
  assert.equal(merged.windows[0].id, 'CHG-1042');
  await assert.rejects(loadSupplierFile(join(dir, 'absent.yaml')), /cannot read .*absent\.yaml: ENOENT/);
  assert.throws(
    () =>
      mergeSupplierConfigs([
        { file: 'a.yaml', config: parseSupplierYaml(REGISTER, 'a.yaml') },
        { file: 'b.yaml', config: parseSupplierYaml(REGISTER, 'b.yaml') },
      ]),
    /supplier 'Hanil Maintenance' is declared in both a\.yaml and b\.yaml/,
  );
});

test('the directory export: the supplier columns, bad values reported and dropped', () => {
  const problems: string[] = [];
  const rows = parseDirectory(
    `account,enabled,admin,supplier,groups,last_logon,personal_emails
SJP\\Hanil.Park,true,false,Hanil Maintenance,MES Operators;VPN Users,2025-11-02T08:00:00Z,hp@mail.example
kim.it,yes,maybe,,Domain Admins,yesterday,
,true,false,,,,
`,
    'directory.csv',
    (p) => problems.push(`${p.file}:${p.line} ${p.field}: ${p.reason}`),
  );
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0], {
    account: 'hanil.park',
    supplier: 'Hanil Maintenance',
    groups: ['MES Operators', 'VPN Users'],
    admin: false,
    enabled: true,
    lastLogon: Date.parse('2025-11-02T08:00:00Z'),
  });
  assert.deepEqual(rows[1], { account: 'kim.it', groups: ['Domain Admins'], enabled: true });
  assert.deepEqual(problems, [
    'directory.csv:3 admin: not a boolean: "maybe"',
    'directory.csv:3 last_logon: not an RFC 3339 time: "yesterday"',
    'directory.csv:4 account: missing account name',
  ]);
  const json = parseDirectory(
    '[{"account":"a","groups":["G1","G2"],"admin":true,"spns":"HTTP/web;HOST/web"}]',
    'd.json',
  );
  assert.deepEqual(json, [
    { account: 'a', groups: ['G1', 'G2'], admin: true, spns: ['HTTP/web', 'HOST/web'] },
  ]);
  assert.throws(() => parseDirectory('user,enabled\na,true\n', 'd.csv'), /no "account" column/);
});
