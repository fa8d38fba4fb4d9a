import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event, Finding, Severity } from '../../model/index.js';
import { parseSupplierYaml } from '../../suppliers/config.js';
import { SupplierRegister } from '../../suppliers/register.js';
import { ChangeWindowSweep, compileWindows, escalateInWindows } from './change-windows.js';

// 22:00 to 02:00 in Seoul: the window spans local midnight (13:00Z to 17:00Z)
const CONFIG = parseSupplierYaml(
  `windows:
  - id: CHG-1042
    start: 2026-03-02T22:00:00+09:00
    end: 2026-03-03T02:00:00+09:00
    hosts: ["GW-01", "MES-*", "10.0.5.0/24"]
    relaxed: external link system opened for testing
    approved_by: kim.it
  - id: CHG-1043
    start: 2026-03-05T00:00:00Z
    end: 2026-03-05T01:00:00Z
    hosts: [FS-01]
assets:
  - { host: GW-01, ip: 10.0.5.1 }
  - { host: VPN-02, ip: 10.0.5.2 }
  - { host: MES-02, ip: 10.20.3.40 }
  - { host: FS-01, ip: 10.30.0.12 }
`,
  'windows.yaml',
);
const register = new SupplierRegister(CONFIG);
const windows = compileWindows(CONFIG.windows);

function finding(id: string, iso: string, severity: Severity, host?: string, detector = 'sigma'): Finding {
  return {
    id,
    time: Date.parse(iso),
    severity,
    detector,
    rule: { id: `r-${id}`, title: id },
    attack: [],
    entities: host ? [{ type: 'host', value: host }] : [],
    evidence: [],
    ...(host && !id.startsWith('entity-only') ? { host } : {}),
  };
}

test('findings inside a window on its hosts go up one level and carry the window', () => {
  const input: Finding[] = [
    finding('a', '2026-03-02T14:40:55Z', 'high', 'MES-02.sjp.example'),
    finding('before', '2026-03-02T12:59:59Z', 'high', 'MES-02'),
    finding('after', '2026-03-02T17:00:01Z', 'medium', 'MES-02'),
    finding('cidr', '2026-03-02T16:59:59Z', 'medium', 'VPN-02'),
    finding('ip', '2026-03-02T15:00:00Z', 'low', '10.0.5.77'),
    finding('other-host', '2026-03-02T15:00:00Z', 'high', 'FS-01'),
    finding('crit', '2026-03-02T15:00:00Z', 'critical', 'GW-01'),
    finding('entity-only', '2026-03-02T15:00:00Z', 'informational', 'GW-01'),
    finding('sweep', '2026-03-02T15:00:00Z', 'high', 'GW-01', 'change-window'),
    finding('no-host', '2026-03-02T15:00:00Z', 'high'),
    // network findings name addresses only: the internal one on a window host counts, never the far end
    {
      ...finding('beacon', '2026-03-02T14:45:00Z', 'high'),
      entities: [
        { type: 'ip', value: '10.20.3.40' },
        { type: 'ip', value: '139.180.140.83' },
      ],
    },
    {
      ...finding('outside', '2026-03-02T14:45:00Z', 'high'),
      entities: [
        { type: 'ip', value: '10.40.2.57' },
        { type: 'ip', value: '10.0.5.200' },
      ],
    },
    {
      ...finding('far-end', '2026-03-02T14:45:00Z', 'high'),
      entities: [
        { type: 'ip', value: '10.40.2.57' },
        { type: 'ip', value: '139.180.140.83' },
      ],
    },
  ];
  const out = escalateInWindows(input, windows, register);
  const got = Object.fromEntries(out.map((f) => [f.id, `${f.severity}${f.window ? ` ${f.window}` : ''}`]));
  assert.deepEqual(got, {
    a: 'critical CHG-1042',
    before: 'high',
    after: 'medium',
    cidr: 'high CHG-1042',
    ip: 'medium CHG-1042',
    'other-host': 'high',
    crit: 'critical CHG-1042',
    'entity-only': 'low CHG-1042',
    sweep: 'high',
    'no-host': 'high',
    beacon: 'critical CHG-1042',
    outside: 'critical CHG-1042',
    'far-end': 'high',
  });
  const a = out[0];
  assert.equal(a.details?.escalated_from, 'high');
  assert.deepEqual(a.details?.window, {
    id: 'CHG-1042',
    start: '2026-03-02T13:00:00.000Z',
    end: '2026-03-02T17:00:00.000Z',
    relaxed: 'external link system opened for testing',
    approved_by: 'kim.it',
  });
  assert.equal(input[0].severity, 'high', 'the input is not mutated');
  // a second pass does not escalate twice
  assert.equal(escalateInWindows(out, windows, register)[0].severity, 'critical');
});

let record = 0;
function ev(
  iso: string,
  host: string,
  channel: string,
  id: number,
  fields: Record<string, unknown> = {},
): Event {
  return {
    time: Date.parse(iso),
    source: { kind: 'winjson', uri: 'w.json', record: ++record },
    fields: { EventID: id, Channel: channel, Computer: host, ...fields },
  };
}
const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const FW = 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall';
function conn(iso: string, orig: string, resp: string, port: number, state = 'SF'): Event {
  return {
    time: Date.parse(iso),
    source: { kind: 'zeek.conn', uri: 'conn.log', record: ++record },
    fields: {
      'id.orig_h': orig,
      'id.orig_p': 50000,
      'id.resp_h': resp,
      'id.resp_p': port,
      proto: 'tcp',
      conn_state: state,
    },
  };
}

const EVENTS: Event[] = [
  // scheduled tasks
  ev('2026-03-02T14:40:55Z', 'MES-02.sjp.example', 'Security', 4698, {
    TaskName: '\\Microsoft\\EdgeUpdate\\Core1d',
    TaskContent:
      '<Task><Actions><Exec><Command>C:\\ProgramData\\msedgeupd.exe</Command></Exec></Actions></Task>',
    SubjectUserName: 'hanil.park',
  }),
  ev('2026-03-02T14:00:00Z', 'GW-01', 'Microsoft-Windows-TaskScheduler/Operational', 106, {
    TaskName: '\\LinkTest',
    UserContext: 'SJP\\kim.it',
  }),
  ev('2026-03-02T16:30:00Z', 'GW-01', 'Microsoft-Windows-TaskScheduler/Operational', 141, {
    TaskName: '\\LinkTest',
  }),
  // services
  ev('2026-03-02T15:00:00Z', 'MES-02', 'System', 7045, {
    ServiceName: 'EdgeUpdSvc',
    ImagePath: 'C:\\ProgramData\\msedgeupd.exe -svc',
    AccountName: 'LocalSystem',
  }),
  ev('2026-03-02T12:00:00Z', 'MES-02', 'System', 7045, { ServiceName: 'BeforeSvc', ImagePath: 'C:\\x.exe' }),
  ev('2026-03-02T15:00:00Z', 'FS-01', 'Security', 4697, {
    ServiceName: 'PSEXESVC',
    ServiceFileName: '%SystemRoot%\\PSEXESVC.exe',
  }),
  // autoruns
  ev('2026-03-02T15:10:00Z', 'MES-02', SYSMON, 13, {
    EventType: 'SetValue',
    TargetObject: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\EdgeUpd',
    Details: 'C:\\ProgramData\\msedgeupd.exe',
  }),
  ev('2026-03-02T15:11:00Z', 'MES-02', SYSMON, 13, {
    EventType: 'SetValue',
    TargetObject: 'HKLM\\SOFTWARE\\Vendor\\Setting',
    Details: '1',
  }),
  ev('2026-03-02T15:12:00Z', 'MES-02', SYSMON, 13, {
    EventType: 'SetValue',
    TargetObject: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce\\Tmp',
    Details: 'x',
  }),
  ev('2026-03-02T15:13:00Z', 'MES-02', SYSMON, 12, {
    EventType: 'DeleteValue',
    TargetObject: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce\\Tmp',
  }),
  // executables
  ev('2026-03-02T14:39:55Z', 'MES-02', SYSMON, 11, {
    TargetFilename: 'C:\\ProgramData\\msedgeupd.exe',
    Image: 'C:\\Windows\\System32\\certutil.exe',
  }),
  ev('2026-03-02T14:39:56Z', 'MES-02', SYSMON, 11, { TargetFilename: 'C:\\ProgramData\\notes.txt' }),
  ev('2026-03-02T14:39:57Z', 'MES-02', SYSMON, 11, { TargetFilename: 'C:\\ProgramData\\helper.dll' }),
  ev('2026-03-02T14:50:00Z', 'MES-02', SYSMON, 26, { TargetFilename: 'C:\\ProgramData\\helper.dll' }),
  // firewall rules: one left behind, one deleted in time, one deleted only after the end
  ev('2026-03-02T13:05:00Z', 'GW-01', 'Security', 4946, {
    RuleId: '{A1}',
    RuleName: 'Link test 8443',
    LocalPorts: '8443',
    Direction: 1,
    Action: 3,
  }),
  ev('2026-03-02T13:06:00Z', 'GW-01', FW, 2004, { RuleId: '{B2}', RuleName: 'Temp ICMP' }),
  ev('2026-03-02T16:50:00Z', 'GW-01', FW, 2006, { RuleId: '{B2}', RuleName: 'Temp ICMP' }),
  ev('2026-03-02T13:07:00Z', 'VPN-02', FW, 2004, { RuleId: '{C3}', RuleName: 'Late cleanup' }),
  ev('2026-03-04T09:00:00Z', 'VPN-02', FW, 2006, { RuleId: '{C3}', RuleName: 'Late cleanup' }),
  // Defender real-time protection off in the window, back on a day later
  ev('2026-03-02T13:02:00Z', 'MES-02', 'Microsoft-Windows-Windows Defender/Operational', 5001),
  ev('2026-03-03T13:00:00Z', 'MES-02', 'Microsoft-Windows-Windows Defender/Operational', 5000),
  // network: a baseline day before, then a new outbound destination that persists
  conn('2026-03-01T10:00:00Z', '10.20.3.40', '10.0.0.10', 445),
  conn('2026-03-02T14:00:00Z', '10.20.3.40', '10.0.0.10', 445),
  conn('2026-03-02T18:00:00Z', '10.20.3.40', '10.0.0.10', 445),
  conn('2026-03-02T14:45:00Z', '10.20.3.40', '139.180.140.83', 443),
  conn('2026-03-02T15:45:00Z', '10.20.3.40', '139.180.140.83', 443),
  conn('2026-03-04T14:45:00Z', '10.20.3.40', '139.180.140.83', 443),
  conn('2026-03-02T14:50:00Z', '10.20.3.40', '8.8.8.8', 53),
  // name resolution at the domain controller, new in the window and after it: infrastructure
  conn('2026-03-02T14:44:59Z', '10.20.3.40', '10.0.0.10', 53),
  conn('2026-03-03T14:44:59Z', '10.20.3.40', '10.0.0.10', 53),
  // a new listener on the gateway, answering after the window too; a refused port does not count
  conn('2026-03-02T14:00:00Z', '10.40.2.57', '10.0.5.1', 4444),
  conn('2026-03-03T09:00:00Z', '10.40.2.57', '10.0.5.1', 4444),
  conn('2026-03-02T14:00:00Z', '10.40.2.57', '10.0.5.1', 5555, 'REJ'),
  conn('2026-03-03T09:00:00Z', '10.40.2.57', '10.0.5.1', 5555, 'REJ'),
  // unrelated host
  conn('2026-03-02T14:00:00Z', '10.40.2.57', '10.99.0.1', 80),
];

function sweep(events = EVENTS): Finding[] {
  const s = new ChangeWindowSweep({ windows: CONFIG.windows, register });
  const wanted = events.filter((e) => s.wants(e));
  s.feed(wanted.slice(10));
  s.feed(wanted.slice(0, 10));
  return s.finish();
}

test('the end-of-window sweep reports what was created in the window and remained', () => {
  const fs = sweep();
  for (const f of fs) {
    assert.equal(f.detector, 'change-window');
    assert.equal(f.window, 'CHG-1042');
    assert.ok(f.rule.title.startsWith('CHG-1042: '));
  }
  const got = fs.map(
    (f) =>
      `${f.rule.id} ${f.host ?? '-'} ${f.severity} ${f.details?.task ?? f.details?.service ?? f.details?.key ?? f.details?.file ?? f.details?.rule_id ?? (f.details?.destination ? `${f.details.destination}:${f.details.port}` : (f.details?.port ?? ''))}`,
  );
  assert.deepEqual(got, [
    'change-window-firewall-rule GW-01 medium {A1}',
    'change-window-firewall-rule VPN-02 medium {C3}',
    'change-window-new-listener GW-01 low 4444',
    'change-window-executable MES-02 medium C:\\ProgramData\\msedgeupd.exe',
    'change-window-new-task MES-02 high \\Microsoft\\EdgeUpdate\\Core1d',
    'change-window-new-destination MES-02 high 139.180.140.83:443',
    'change-window-new-service MES-02 high EdgeUpdSvc',
    'change-window-autorun MES-02 high HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\EdgeUpd',
    'change-window-not-restored - high ',
  ]);
  assert.deepEqual(
    sweep([...EVENTS].reverse()),
    fs,
    'the same findings and evidence whatever the input order',
  );
  const task = fs.find((f) => f.rule.id === 'change-window-new-task') as Finding;
  assert.equal(task.details?.command, 'C:\\ProgramData\\msedgeupd.exe');
  assert.deepEqual(task.attack, ['T1053.005']);
  const late = fs.find((f) => f.details?.rule_id === '{C3}') as Finding;
  assert.equal(late.details?.removed_later, '2026-03-04T09:00:00.000Z');
  const dest = fs.find((f) => f.rule.id === 'change-window-new-destination') as Finding;
  assert.equal(dest.details?.connections, 3);
  assert.equal(dest.details?.baseline_from, '2026-03-01T10:00:00.000Z');
  const listener = fs.find((f) => f.rule.id === 'change-window-new-listener') as Finding;
  assert.match(String(listener.details?.note), /no traffic from this host before the window/);
});

test('a window whose relaxed controls were not restored is a finding of its own', () => {
  const f = sweep().find((x) => x.rule.id === 'change-window-not-restored') as Finding;
  assert.equal(f.time, Date.parse('2026-03-02T17:00:00Z'), 'at the end of the window');
  assert.deepEqual(f.details?.unrestored, [
    'firewall rule Link test 8443 on GW-01 (added 2026-03-02T13:05:00.000Z) never deleted',
    'firewall rule Late cleanup on VPN-02 (added 2026-03-02T13:07:00.000Z) deleted only at 2026-03-04T09:00:00.000Z',
    'Defender real-time protection on MES-02 turned off at 2026-03-02T13:02:00.000Z, back on only at 2026-03-03T13:00:00.000Z',
  ]);
  assert.deepEqual(f.attack, ['T1562.001', 'T1562.004']);
  assert.deepEqual(
    f.entities.map((e) => e.value),
    ['GW-01', 'MES-02', 'VPN-02'],
  );
  // everything put back in time: no such finding
  const tidy = EVENTS.filter(
    (e) => !['{A1}', '{C3}'].includes(String(e.fields.RuleId)) && e.fields.EventID !== 5001,
  );
  assert.ok(!sweep(tidy).some((x) => x.rule.id === 'change-window-not-restored'));
});

test('the sweep ignores what happened outside windows or off their hosts', () => {
  const fs = sweep();
  const text = JSON.stringify(fs);
  for (const absent of [
    'BeforeSvc',
    'PSEXESVC',
    'Vendor\\\\Setting',
    'notes.txt',
    'helper.dll',
    'LinkTest',
    'Temp ICMP',
    '8.8.8.8',
    '10.99.0.1',
    '5555',
  ])
    assert.ok(!text.includes(absent), absent);
  assert.ok(
    !fs.some((f) => f.details?.destination === '10.0.0.10'),
    'DNS to the DC is not a new destination',
  );
});
