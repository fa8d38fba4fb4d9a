import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event, Finding } from '../../model/index.js';
import { parseSupplierYaml } from '../../suppliers/config.js';
import type { DirectoryAccount } from '../../suppliers/directory.js';
import { SupplierRegister } from '../../suppliers/register.js';
import { redactCommandLine, SupplierAnalytic } from './supplier-analytic.js';

const CONFIG = parseSupplierYaml(
  `suppliers:
  - name: Hanil Maintenance
    accounts: ["hanil.*", "svc_hanil"]
    service_accounts: [svc_hanil]
    hosts: ["MES-*", "10.20.0.0/16"]
    services: [rdp, smb, vpn]
    hours: { days: mon-fri, from: "09:00", to: "18:00", tz: Asia/Seoul }
    sources: { networks: ["203.0.113.0/24"], asns: [4766], countries: [KR] }
    contact: ops@hanil.example
assets:
  - { host: JUMP-01, ip: 10.20.1.15 }
  - { host: MES-02, ip: 10.20.3.40 }
  - { host: FS-01, ip: 10.30.0.12, tags: [crown-jewel] }
  - { host: DC-01, ip: 10.0.0.10, tags: [dc] }
`,
  'suppliers.yaml',
);

const DIRECTORY: DirectoryAccount[] = [
  {
    account: 'hanil.park',
    supplier: 'Hanil Maintenance',
    groups: [],
    lastLogon: Date.parse('2026-03-02T20:00:00Z'),
  },
  {
    account: 'hanil.choi',
    supplier: 'Hanil Maintenance',
    groups: [],
    lastLogon: Date.parse('2025-12-01T01:00:00Z'),
  },
  { account: 'dy.kim', supplier: 'Daeho Networks', groups: [] },
];

const LOOKUP: Record<string, { asn: number; org: string; country: string }> = {
  '45.76.133.21': { asn: 20473, org: 'AS-VULTR', country: 'JP' },
  '211.234.1.1': { asn: 4766, org: 'Korea Telecom', country: 'KR' },
};

let record = 0;
function ev(iso: string, fields: Record<string, unknown>, kind = 'winjson'): Event {
  record++;
  return { time: Date.parse(iso), source: { kind, uri: 'test.json', record }, fields };
}
const logon = (iso: string, user: string, host: string, type: number, ip: string, id = 4624) =>
  ev(iso, {
    EventID: id,
    Channel: 'Security',
    Computer: `${host}.sjp.example`,
    TargetUserName: user,
    TargetDomainName: 'SJP',
    LogonType: type,
    IpAddress: ip,
  });
const sysmon = (iso: string, id: number, host: string, fields: Record<string, unknown>) =>
  ev(iso, { EventID: id, Channel: 'Microsoft-Windows-Sysmon/Operational', Computer: host, ...fields });

// Monday 2 March 2026; Seoul is UTC+9 so 01:30Z is 10:30 KST and 14:15Z is 23:15 KST
const EVENTS: Event[] = [
  logon('2026-03-02T01:30:00Z', 'hanil.park', 'MES-02', 10, '203.0.113.24'), // ordinary, in hours
  logon('2026-03-02T14:15:41Z', 'hanil.park', 'JUMP-01', 10, '45.76.133.21'),
  logon('2026-03-02T14:16:03Z', 'hanil.park', 'MES-02', 10, '10.20.1.15'),
  logon('2026-03-02T14:30:00Z', 'hanil.park', 'FS-01', 3, '10.20.3.40'),
  logon('2026-03-02T02:00:00Z', 'hanil.park', 'MES-02', 10, '211.234.1.1'), // KT, expected ASN
  logon('2026-03-02T02:10:00Z', 'hanil.park', 'DC-01', 3, '203.0.113.24'), // domain plumbing
  logon('2026-03-02T03:00:00Z', 'svc_hanil', 'MES-02', 10, '203.0.113.5'),
  logon('2026-03-02T15:00:00Z', 'svc_hanil', 'MES-02', 5, '-'),
  logon('2026-03-02T14:11:00Z', 'SJP\\hanil.park', 'DC-01', 3, '45.76.133.21', 4625),
  logon('2026-03-02T14:11:05Z', 'hanil.park', 'DC-01', 3, '45.76.133.21', 4625),
  ...[10, 11, 12, 13, 14].map((n, i) =>
    logon(`2026-03-03T02:0${i}:00Z`, 'hanil.lee', `MES-${n}`, 3, '203.0.113.30'),
  ),
  logon('2026-03-03T03:00:00Z', 'hanil.choi', 'MES-02', 10, '203.0.113.31'),
  ...Array.from({ length: 120 }, (_, i) =>
    ev(`2026-03-03T02:10:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`, {
      EventID: 5145,
      Channel: 'Security',
      Computer: 'MES-10',
      SubjectUserName: 'hanil.lee',
      ShareName: '\\\\*\\Design',
      RelativeTargetName: `KF-X\\drawing-${i}.dwg`,
      IpAddress: '203.0.113.30',
    }),
  ),
  sysmon('2026-03-02T16:20:10Z', 1, 'FS-01', {
    Image: 'C:\\Program Files\\7-Zip\\7z.exe',
    CommandLine:
      '"C:\\Program Files\\7-Zip\\7z.exe" a -t7z -mhe=on -pSjp!2026#x C:\\Users\\Public\\d.7z D:\\Design\\*',
    User: 'SJP\\hanil.park',
  }),
  sysmon('2026-03-02T16:25:00Z', 1, 'FS-01', {
    Image: 'C:\\Program Files\\7-Zip\\7z.exe',
    CommandLine: '7z.exe x update.7z',
    User: 'SJP\\hanil.park',
  }),
  sysmon('2026-03-02T05:00:00Z', 1, 'WS-01', {
    Image: 'C:\\Windows\\System32\\makecab.exe',
    CommandLine: 'makecab.exe a.txt a.cab',
    User: 'SJP\\dy.kim',
  }),
  sysmon('2026-03-02T05:00:00Z', 1, 'WS-01', {
    Image: 'C:\\Windows\\System32\\makecab.exe',
    CommandLine: 'makecab.exe b.txt b.cab',
    User: 'SJP\\employee',
  }),
  ev(
    '2026-03-02T14:20:00Z',
    {
      'id.orig_h': '45.76.133.21',
      'id.orig_p': 50000,
      'id.resp_h': '10.50.0.9',
      'id.resp_p': 5985,
      proto: 'tcp',
      conn_state: 'SF',
    },
    'zeek.conn',
  ),
  ev(
    '2026-03-02T14:21:00Z',
    {
      'id.orig_h': '198.51.100.7',
      'id.orig_p': 50000,
      'id.resp_h': '10.50.0.9',
      'id.resp_p': 5985,
      proto: 'tcp',
      conn_state: 'SF',
    },
    'zeek.conn',
  ),
  logon('2026-03-02T14:40:00Z', 'kim.it', 'MES-02', 10, '45.76.133.21'), // not a supplier account
];

function run(events: Event[] = EVENTS): Finding[] {
  const register = new SupplierRegister(CONFIG, DIRECTORY);
  const a = new SupplierAnalytic({
    register,
    settings: CONFIG.detection,
    directory: DIRECTORY,
    lookup: (ip) => LOOKUP[ip],
  });
  const wanted = events.filter((e) => a.wants(e));
  // fed in two batches, out of order, as the pipeline may
  a.feed(wanted.slice(40));
  a.feed(wanted.slice(0, 40));
  return a.finish();
}

const pick = (fs: Finding[], rule: string) => fs.filter((f) => f.rule.id === rule);
const brief = (f: Finding) => `${f.details?.account}@${f.host ?? '-'}`;

test('every finding names the supplier in the title, the entities and the details', () => {
  const fs = run();
  assert.ok(fs.length > 0);
  for (const f of fs) {
    assert.equal(f.detector, 'supplier');
    assert.ok(f.rule.title.startsWith(`${f.details?.supplier}: `), f.rule.title);
    assert.ok(f.entities.some((e) => e.type === 'account' && e.value === `supplier:${f.details?.supplier}`));
    assert.ok(f.evidence.length > 0);
  }
  assert.ok(!fs.some((f) => JSON.stringify(f).includes('kim.it')), 'a non-supplier account is not looked at');
  // deterministic: same input, same output (ids included), whatever the batch order
  assert.deepEqual(run([...EVENTS].reverse()), fs);
});

test('outside hours, in the supplier time zone', () => {
  const fs = pick(run(), 'supplier-outside-hours');
  assert.deepEqual(fs.map(brief).sort(), [
    'SJP\\hanil.park@DC-01',
    'SJP\\hanil.park@FS-01',
    'SJP\\hanil.park@JUMP-01',
    'SJP\\hanil.park@MES-02',
  ]);
  const jump = fs.find((f) => f.host === 'JUMP-01') as Finding;
  assert.equal(jump.severity, 'medium');
  assert.deepEqual(jump.attack, ['T1078']);
  assert.match(
    String((jump.details?.reasons as string[] | undefined)?.[0]),
    /^Mon 23:15 Asia\/Seoul on JUMP-01/,
  );
  const dc = fs.find((f) => f.host === 'DC-01') as Finding;
  assert.equal(dc.details?.failures, 2, 'failed logons counted');
  assert.equal(dc.severity, 'low', 'failures alone rank one level lower');
  // the service account's service logon at night is not "outside hours"
  assert.ok(!fs.some((f) => f.details?.account === 'SJP\\svc_hanil'));
});

test('unexpected source network, ASN and country', () => {
  const fs = pick(run(), 'supplier-unexpected-source');
  assert.deepEqual(fs.map((f) => `${brief(f)} ${f.details?.failures ?? 0}`).sort(), [
    'SJP\\hanil.park@DC-01 2',
    'SJP\\hanil.park@JUMP-01 0',
  ]);
  const jump = fs.find((f) => f.host === 'JUMP-01') as Finding;
  assert.equal(jump.severity, 'high');
  assert.deepEqual(jump.attack, ['T1078', 'T1133']);
  assert.deepEqual(
    (jump.details?.reasons as string[] | undefined)?.[0],
    '45.76.133.21 (AS20473 AS-VULTR JP) is not in 203.0.113.0/24, AS4766, KR',
  );
  assert.ok(jump.entities.some((e) => e.type === 'ip' && e.value === '45.76.133.21'));
  // 211.234.1.1 is AS4766 (declared); internal addresses are not judged
  assert.ok(!fs.some((f) => JSON.stringify(f).includes('211.234.1.1')));
});

test('without a lookup only the declared networks judge, and say so', () => {
  const register = new SupplierRegister(CONFIG, DIRECTORY);
  const a = new SupplierAnalytic({ register, settings: CONFIG.detection });
  a.feed(EVENTS.filter((e) => a.wants(e)));
  const fs = pick(a.finish(), 'supplier-unexpected-source');
  assert.equal(fs.length, 3, 'KT address now unexplained too');
  assert.ok(
    fs.some(
      (f) =>
        (f.details?.reasons as string[] | undefined)?.[0] ===
        '211.234.1.1 is not in 203.0.113.0/24, AS4766, KR',
    ),
  );
});

test('hosts and services outside the grants, from logons and from network flows', () => {
  const fs = pick(run(), 'supplier-outside-grants');
  assert.deepEqual(fs.map(brief).sort(), ['SJP\\hanil.park@10.50.0.9', 'SJP\\hanil.park@FS-01']);
  const fsOne = fs.find((f) => f.host === 'FS-01') as Finding;
  assert.deepEqual(fsOne.details?.reasons, ['host FS-01 is not in its grants (MES-*, 10.20.0.0/16)']);
  assert.deepEqual(fsOne.attack, ['T1021.002', 'T1078']);
  const flow = fs.find((f) => f.host === '10.50.0.9') as Finding;
  assert.deepEqual(flow.details?.reasons, [
    'host 10.50.0.9 is not in its grants (MES-*, 10.20.0.0/16)',
    'service winrm is not in its grants (rdp, smb, vpn)',
  ]);
  assert.equal(flow.evidence[0].kind, 'zeek.conn');
  assert.equal(flow.evidence.length, 1, "the other source address is nobody's session");
});

test('interactive logon by a service account', () => {
  const fs = pick(run(), 'supplier-interactive-service');
  assert.deepEqual(fs.map(brief), ['SJP\\svc_hanil@MES-02']);
  assert.deepEqual(fs[0].details?.reasons, ['logon type 10 (rdp) on MES-02']);
  // an account with service principal names in the directory export is a service account too
  const register = new SupplierRegister(CONFIG, DIRECTORY);
  const dir: DirectoryAccount[] = [
    { account: 'hanil.sql', supplier: 'Hanil Maintenance', groups: [], spns: ['MSSQLSvc/mes-02:1433'] },
  ];
  const a = new SupplierAnalytic({ register, settings: CONFIG.detection, directory: dir });
  a.feed([
    logon('2026-03-02T03:00:00Z', 'hanil.sql', 'MES-02', 2, '-'),
    logon('2026-03-02T03:00:00Z', 'hanil.sql', 'MES-02', 5, '-'),
  ]);
  assert.deepEqual(
    pick(a.finish(), 'supplier-interactive-service').map((f) => [f.rule.id, f.details?.reasons]),
    [['supplier-interactive-service', ['logon type 2 (console) on MES-02']]],
  );
});

test('many hosts at once', () => {
  const fs = pick(run(), 'supplier-many-hosts');
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].details?.hosts, ['MES-10', 'MES-11', 'MES-12', 'MES-13', 'MES-14']);
  assert.equal(fs[0].details?.events, 5);
  assert.deepEqual(
    fs[0].entities.filter((e) => e.type === 'host').map((e) => e.value),
    ['MES-10', 'MES-11', 'MES-12', 'MES-13', 'MES-14'],
  );
  assert.equal(fs[0].time, Date.parse('2026-03-03T02:00:00Z'), 'timed at the burst start');
  assert.deepEqual(fs[0].details?.reasons, [
    '5 hosts between 2026-03-03T02:00:00.000Z and 2026-03-03T02:04:00.000Z',
  ]);
  // four hosts do not make it
  const four = run(EVENTS.filter((e) => e.fields.Computer !== 'MES-14.sjp.example'));
  assert.equal(pick(four, 'supplier-many-hosts').length, 0);
});

test('first use of a dormant account, against the directory last logon', () => {
  const fs = pick(run(), 'supplier-dormant-account');
  assert.deepEqual(fs.map(brief), ['SJP\\hanil.choi@MES-02']);
  assert.equal(fs[0].details?.idle_days, 92);
  // gaps inside the events count too
  const again = run([
    logon('2026-01-05T01:00:00Z', 'hanil.kang', 'MES-02', 10, '203.0.113.9'),
    logon('2026-03-05T01:00:00Z', 'hanil.kang', 'MES-02', 10, '203.0.113.9'),
  ]);
  assert.deepEqual(
    pick(again, 'supplier-dormant-account').map((f) => f.details?.idle_days),
    [59],
  );
  // disabled in the directory export, yet it logs on
  const register = new SupplierRegister(CONFIG, DIRECTORY);
  const dir: DirectoryAccount[] = [
    { account: 'hanil.kang', supplier: 'Hanil Maintenance', groups: [], enabled: false },
  ];
  const a = new SupplierAnalytic({ register, settings: CONFIG.detection, directory: dir });
  a.feed([logon('2026-03-05T01:00:00Z', 'hanil.kang', 'MES-02', 10, '203.0.113.9')]);
  assert.deepEqual(
    a.finish().map((f) => [f.rule.id, f.details?.reasons]),
    [['supplier-dormant-account', ['the directory export lists the account as disabled']]],
  );
});

test('bulk file access over SMB', () => {
  const fs = pick(run(), 'supplier-bulk-file-access');
  assert.equal(fs.length, 1);
  assert.equal(fs[0].host, 'MES-10');
  assert.deepEqual(fs[0].attack, ['T1039']);
  assert.equal(fs[0].details?.distinct_objects, 120);
  const fewer = run(
    EVENTS.filter(
      (e) =>
        !(
          e.fields.EventID === 5145 &&
          Number(/(\d+)\.dwg/.exec(String(e.fields.RelativeTargetName))?.[1]) >= 99
        ),
    ),
  );
  assert.equal(pick(fewer, 'supplier-bulk-file-access').length, 0, '99 files stay under the threshold');
});

test('archive creation, passwords redacted; directory-only suppliers count', () => {
  const fs = pick(run(), 'supplier-archive-created');
  assert.deepEqual(fs.map((f) => `${f.details?.supplier} ${brief(f)}`).sort(), [
    'Daeho Networks SJP\\dy.kim@WS-01',
    'Hanil Maintenance SJP\\hanil.park@FS-01',
  ]);
  const h = fs.find((f) => f.host === 'FS-01') as Finding;
  assert.deepEqual(h.attack, ['T1560.001']);
  assert.ok(!JSON.stringify(h).includes('Sjp!2026'), 'the archive password is not shown');
  assert.match(String((h.details?.reasons as string[] | undefined)?.[0]), /-p\[redacted\]/);
  assert.equal(redactCommandLine('rar a -hp"s e c" x.rar'), 'rar a -hp[redacted] x.rar');
  // the undeclared supplier has no hours or grants to break
  const all = run();
  assert.ok(
    !all.some((f) => f.details?.supplier === 'Daeho Networks' && f.rule.id !== 'supplier-archive-created'),
  );
});

test('sshd logins (auth.log) and Entra ID sign-ins, read by their own readers', async () => {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { readPaths } = await import('../../ingest/index.js');
  const dir = await mkdtemp(join(tmpdir(), 'haechi-signin-'));
  await writeFile(
    join(dir, 'auth.log'),
    [
      '2026-03-02T23:20:00+09:00 mes-07 sshd[1234]: Accepted password for hanil.park from 45.76.133.21 port 50122 ssh2',
      '2026-03-02T10:20:00+09:00 mes-07 sshd[1240]: Failed password for hanil.park from 203.0.113.9 port 50123 ssh2',
      '2026-03-02T10:21:00+09:00 mes-07 sshd[1241]: Accepted password for root from 203.0.113.9 port 50124 ssh2',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'signins.json'),
    `${JSON.stringify({
      value: [
        {
          createdDateTime: '2026-03-02T14:30:00Z',
          userPrincipalName: 'hanil.park@sjp.example',
          ipAddress: '198.51.100.77',
          appDisplayName: 'Office 365 Exchange Online',
          status: { errorCode: 0 },
          location: { countryOrRegion: 'VN', city: 'Hanoi' },
        },
      ],
    })}\n`,
  );
  const events: Event[] = [];
  for await (const input of readPaths([join(dir, 'auth.log'), join(dir, 'signins.json')]))
    for await (const b of input.batches) events.push(...b);
  assert.deepEqual(
    [...new Set(events.map((e) => e.source.kind))].sort(),
    ['auth-log', 'entra-signin'],
    'both readers recognised their files',
  );
  const fs = run(events);
  const got = fs
    .map((f) => `${f.rule.id} ${f.host ?? '-'} ${f.details?.events}/${f.details?.failures ?? 0}`)
    .sort();
  assert.deepEqual(got, [
    // 23:20 KST over ssh, and the Entra sign-in at 23:30 KST
    'supplier-outside-grants MES-07 1/0', // ssh is not a granted service
    'supplier-outside-hours - 1/0',
    'supplier-outside-hours MES-07 1/0',
    'supplier-unexpected-source - 1/0', // Vietnam, from the sign-in's own location
    'supplier-unexpected-source MES-07 1/0',
  ]);
  const entra = fs.find((f) => f.rule.id === 'supplier-unexpected-source' && !f.host) as Finding;
  assert.equal(
    (entra.details?.reasons as string[] | undefined)?.[0],
    '198.51.100.77 (VN) is not in 203.0.113.0/24, AS4766, KR',
  );
});

test('Sysmon network connections by a supplier account: remote administration only', () => {
  const conn = (iso: string, dst: string, port: number) =>
    sysmon(iso, 3, 'MES-02.sjp.example', {
      User: 'SJP\\hanil.park',
      Initiated: 'true',
      DestinationIp: dst,
      DestinationPort: port,
      Image: 'C:\\Windows\\System32\\mstsc.exe',
    });
  const fs = run([
    conn('2026-03-02T02:00:00Z', '10.20.1.15', 3389), // JUMP-01, granted
    conn('2026-03-02T02:01:00Z', '10.30.0.99', 3389), // unknown internal host
    conn('2026-03-02T02:02:00Z', '10.0.0.10', 389), // LDAP to the DC: not remote administration
    conn('2026-03-02T02:03:00Z', '10.0.0.10', 445), // SYSVOL on the DC: Group Policy
    conn('2026-03-02T02:04:00Z', '93.184.216.34', 3389), // external: not a host of ours
  ]);
  assert.deepEqual(
    fs.map((f) => [f.rule.id, f.host, f.details?.reasons]),
    [
      [
        'supplier-outside-grants',
        '10.30.0.99',
        ['host 10.30.0.99 is not in its grants (MES-*, 10.20.0.0/16)'],
      ],
    ],
  );
  assert.deepEqual(fs[0].attack, ['T1021.001', 'T1078']);
});
