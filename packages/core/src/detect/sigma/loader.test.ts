import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Event, Finding } from '../../model/index.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { SigmaDetector } from './detector.js';
import { loadRules } from './loader.js';

const tmp = mkdtempSync(join(tmpdir(), 'haechi-sigma-loader-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

function ev(fields: Record<string, unknown>, kind = 'winjson', record = 1): Event {
  return { time: Date.UTC(2024, 0, 2, 3, 4, 5), source: { kind, uri: 't', record }, fields };
}

function run(rules: ReturnType<typeof loadRules>, events: Event[]): Finding[] {
  const out: Finding[] = [];
  new SigmaDetector(rules.rules, { logsources: rules.logsources }).detect(events, out);
  return out;
}

test('every SigmaHQ rule set loads at 99.5% or better, each rejection with a reason', {
  skip: skipUnlessData('sigma/rules'),
}, () => {
  const dirs = ['rules', 'rules-emerging-threats', 'rules-threat-hunting'].map((d) => sharedData('sigma', d));
  const res = loadRules(dirs);
  const total = res.rules.length + res.rejected.length;
  assert.ok(total >= 3500, `expected the full rule sets, saw ${total} documents`);
  assert.equal(total, res.documents, 'every document is either loaded or rejected');
  const ratio = res.rules.length / total;
  assert.ok(ratio >= 0.995, `loaded ${res.rules.length}/${total} = ${(ratio * 100).toFixed(2)}%`);
  for (const r of res.rejected) {
    assert.ok(r.file.endsWith('.yml'), `rejection names its file: ${JSON.stringify(r)}`);
    assert.ok(r.reason.length > 10, `rejection has a reason: ${JSON.stringify(r)}`);
  }
  // the only rejections in these sets are rules needing placeholders nobody configured
  for (const r of res.rejected) assert.match(r.reason, /placeholders? %[\w-]+%.* ha(s|ve) no value/);
  // SigmaHQ's Windows rules all have a log source in the built-in map
  const unmappedWindows = res.warnings.filter(
    (w) =>
      w.kind === 'logsource' &&
      /product=windows/.test(w.message) &&
      !/file_access|file_rename/.test(w.message),
  );
  assert.deepEqual(unmappedWindows, []);
});

test('rules-placeholder loads and matches once placeholders are set', {
  skip: skipUnlessData('sigma/rules-placeholder'),
}, () => {
  const dir = sharedData('sigma', 'rules-placeholder');
  const without = loadRules([dir]);
  assert.ok(without.rejected.length > 10);
  const names = new Set<string>();
  for (const r of without.rejected) for (const m of r.reason.matchAll(/%([\w-]+)%/g)) names.add(m[1]);
  assert.ok(names.has('ServerSystems') && names.has('userdomain'));
  const placeholders: Record<string, string[]> = {};
  for (const n of names) placeholders[n] = [`value-of-${n.toLowerCase()}`];
  placeholders.ServerSystems = ['SRV-*', 'FILESERVER'];
  placeholders.userdomain = ['ACME'];
  const withValues = loadRules([dir], { placeholders });
  assert.deepEqual(withValues.rejected, []);
  assert.equal(withValues.rules.length, without.rules.length + without.rejected.length);

  const logon = (computer: string) =>
    ev({
      Channel: 'Security',
      EventID: 4624,
      LogonType: 2,
      ComputerName: computer,
      LogonProcessName: 'User32',
    });
  const proc = (cmd: string) =>
    ev({
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      EventID: 1,
      CommandLine: cmd,
      Image: 'C:\\Windows\\System32\\cmd.exe',
    });
  const hits = (events: Event[], title: RegExp) =>
    run(withValues, events).filter((f) => title.test(f.rule.title)).length;
  assert.equal(
    hits([logon('srv-db01')], /Interactive Logon to Server Systems/),
    1,
    'placeholder value with wildcard',
  );
  assert.equal(
    hits([logon('FILESERVER')], /Interactive Logon to Server Systems/),
    1,
    'second placeholder value',
  );
  assert.equal(hits([logon('WKS-042')], /Interactive Logon to Server Systems/), 0, 'not a server');
  assert.equal(hits([proc('cmd /c echo ACME')], /Userdomain Variable Enumeration/), 1);
  assert.equal(hits([proc('cmd /c echo OTHER')], /Userdomain Variable Enumeration/), 0);
});

test('spec example rules load and behave as written', { skip: skipUnlessData('sigma/spec/tests') }, () => {
  const res = loadRules([sharedData('sigma/spec/tests/schema/rules/rule_1.yml')]);
  assert.deepEqual(res.rejected, []);
  assert.equal(res.rules.length, 1);
  const rule = res.rules[0];
  assert.equal(rule.level, 'high');
  assert.deepEqual(rule.attack, ['T1211', 'T1562.001']);
  const appError = ev({
    Channel: 'Application',
    EventID: 1000,
    Provider_Name: 'Application Error',
    Computer: 'ws1',
  });
  assert.equal(run(res, [appError]).length, 1);
  assert.equal(
    run(res, [{ ...appError, fields: { ...appError.fields, Channel: 'System' } }]).length,
    0,
    'only the application channel',
  );
  assert.equal(
    run(res, [{ ...appError, fields: { ...appError.fields, Provider_Name: 'Application Hang' } }]).length,
    0,
  );

  // rule_ecs uses the ECS taxonomy: it loads, with a warning, and reads ECS names through the
  // network/dns aliases of the log source map
  const ecs = loadRules([sharedData('sigma/spec/tests/schema/rules/rule_ecs.yml')]);
  assert.deepEqual(ecs.rejected, []);
  assert.ok(ecs.warnings.some((w) => w.kind === 'taxonomy' && /ecs/.test(w.message)));
  assert.equal(run(ecs, [ev({ query: 'SigmaHQ', qtype_name: 'A' }, 'zeek.dns')]).length, 1);
  assert.equal(run(ecs, [ev({ query: 'example.org' }, 'zeek.dns')]).length, 0);
  assert.equal(run(ecs, [ev({ query: 'sigmahq' }, 'zeek.http')]).length, 0, 'other log sources are not dns');
});

test('spec example filter: adm_ accounts are filtered out of the referenced rules', {
  skip: skipUnlessData('sigma/spec/tests'),
}, () => {
  const rar = sharedData('sigma/rules/windows/process_creation/proc_creation_win_rar_compress_data.yml');
  const res = loadRules([rar, sharedData('sigma/spec/tests/schema/filter/filter_1.yml')]);
  assert.deepEqual(res.rejected, []);
  assert.equal(res.filters.length, 1);
  assert.deepEqual(res.filters[0].appliedTo, ['6f3e2987-db24-4c78-a860-b4f4095a7095']);
  // the other referenced rule is not loaded: said so
  assert.ok(
    res.warnings.some(
      (w) => w.kind === 'filter' && w.message.includes('df0841c0-9846-4e9f-ad8a-7df91571771b'),
    ),
  );
  const rarEvent = (user: string) =>
    ev({
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      EventID: 1,
      Image: 'C:\\Program Files\\WinRAR\\Rar.exe',
      CommandLine: 'rar.exe a -r out.rar C:\\data',
      User: user,
    });
  assert.equal(run(res, [rarEvent('CORP\\bob')]).length, 1, 'the rule fires for a normal user');
  assert.equal(run(res, [rarEvent('adm_bob')]).length, 0, 'and not for an adm_ account');
  const unfiltered = loadRules([rar]);
  assert.equal(run(unfiltered, [rarEvent('adm_bob')]).length, 1, 'without the filter it fires');
});

test('spec example correlations load once the rules they name exist', {
  skip: skipUnlessData('sigma/spec/tests'),
}, () => {
  const base = write(
    'corr-base-rules.yml.txt',
    [
      '5638f7c0-ac70-491d-8465-2a65075e0d86',
      'recon_cmd_a',
      'recon_cmd_b',
      'recon_cmd_c',
      'rule_a_id',
      'process_creation',
      'website_access',
    ]
      .map((ref, i) => {
        const ident = ref.includes('-') ? `id: ${ref}` : `name: ${ref}`;
        return `title: base ${i}\n${ident}\nlogsource: {product: windows, service: security}\ndetection:\n  sel: {EventID: ${4600 + i}}\n  condition: sel\n`;
      })
      .join('---\n'),
  );
  // a file named explicitly is read whatever its extension
  const res = loadRules([base, sharedData('sigma/spec/tests/schema/correlation')]);
  rmSync(base);
  assert.equal(res.rules.length, 7);
  assert.ok(res.correlator, 'a correlator is built');
  const titles = res.correlator.correlations.map((c) => c.title).sort();
  assert.deepEqual(titles, [
    'A computer spawned a processes name in the last 24h than 1% of all the processes.',
    'Failed login',
    'Many failed logins',
    'Possible Exfiltration to Website',
    'Recon',
    'Recon ordered',
    'Suspicious average network traffic',
  ]);
  // event_count_ecs.yml reuses the id of event_count.yml: the second one is rejected, named
  assert.equal(res.rejected.length, 1);
  assert.match(res.rejected[0].file, /event_count_ecs\.yml$/);
  assert.match(res.rejected[0].reason, /0e95725d-7320-415d-80f7-004da920fc11/);
});

test('the loader routes multi-document YAML and rejects with reasons, never silently', () => {
  const file = write(
    'mixed.yml',
    `title: good
id: 11111111-1111-1111-1111-111111111111
name: good_rule
logsource: {product: windows, category: process_creation}
detection:
  sel: {Image|endswith: '\\whoami.exe'}
  condition: sel
level: low
---
title: bad modifier
id: 22222222-2222-2222-2222-222222222222
logsource: {product: windows, category: process_creation}
detection:
  sel: {CommandLine|foo: x}
  condition: sel
---
title: bad condition
logsource: {product: windows}
detection:
  sel: {a: b}
  condition: sel and sel2
---
title: duplicate
id: 11111111-1111-1111-1111-111111111111
logsource: {product: windows}
detection:
  sel: {a: b}
  condition: sel
---
title: unmapped
logsource: {product: nosuchproduct}
detection:
  keywords: [boom]
  condition: keywords
---
just: a map
---
action: global
title: old collection
detection:
  sel: {a: b}
  condition: sel
`,
  );
  const broken = write('broken.yaml', 'title: x\ndetection: [unclosed\n');
  write('ignored.txt', 'not a rule');
  const res = loadRules([tmp]);
  assert.equal(res.files, 2, 'only .yml/.yaml files are read');
  assert.deepEqual(
    res.rules.map((r) => r.title),
    ['good', 'unmapped'],
  );
  const reasons = res.rejected.map((r) => [
    r.file.endsWith('broken.yaml') ? 'broken' : r.title,
    r.reason,
    r.line,
  ]);
  assert.deepEqual(reasons, [
    ['broken', reasons[0][1], 3],
    ['bad modifier', "unknown modifier 'foo' in field 'CommandLine|foo'", 10],
    ['bad condition', "condition: unknown identifier 'sel2'", 17],
    ['duplicate', `duplicate rule id 11111111-1111-1111-1111-111111111111 (already loaded from ${file})`, 23],
    [undefined, "not a Sigma rule, filter or correlation (no 'detection', 'filter' or 'correlation')", 36],
    ['old collection', "'action: global' rule collections are Sigma 1.x syntax, not supported", 38],
  ]);
  assert.match(String(reasons[0][1]), /^invalid YAML: /);
  assert.ok(res.rejected[0].file === broken);
  assert.deepEqual(
    res.warnings.map((w) => [w.kind, w.message]),
    [
      [
        'logsource',
        'log source product=nosuchproduct is not in the log source map; the rule matches no event',
      ],
    ],
  );
  const good = res.rules[0];
  assert.equal(good.name, 'good_rule');
  assert.equal(good.level, 'low');
  const unmapped = res.rules[1];
  assert.match(unmapped.id, /^sha1:[0-9a-f]{16}$/, 'rules without id get a derived, stable id');
  assert.equal(unmapped.level, 'medium', 'level defaults to medium');
  assert.equal(
    run(res, [ev({ Channel: 'x', EventID: 1, Message: 'boom' })]).length,
    0,
    'an unmapped rule matches nothing',
  );
  rmSync(join(tmp, 'broken.yaml'));
  rmSync(join(tmp, 'ignored.txt'));
  rmSync(file);
});

test('a rule whose EventIDs its log source never has is reported', () => {
  const file = write(
    'unreachable.yml',
    `title: process creation by event 4624
logsource: {product: windows, category: process_creation}
detection:
  sel: {EventID: 4624, Image|endswith: '\\x.exe'}
  condition: sel
`,
  );
  const res = loadRules([file]);
  assert.equal(res.rules.length, 1);
  assert.deepEqual(
    res.warnings.map((w) => w.message),
    [
      'detection needs EventID 4624, which log source product=windows category=process_creation never has; the rule matches no event',
    ],
  );
  rmSync(file);
});

test('a path that does not exist is an input error', () => {
  assert.throws(() => loadRules([join(tmp, 'nope')]), /cannot read rules: ENOENT/);
});
