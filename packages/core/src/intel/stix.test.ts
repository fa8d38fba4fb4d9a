import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HaechiError } from '../errors.js';
import type { Indicator } from './indicator.js';
import { canonicalIpv6, classifyValue } from './indicator.js';
import { importCsv, importPlainList } from './lists.js';
import { importStixBundle, importStixObject, indicatorsToStixBundle } from './stix.js';
import { parseStixPattern, toDnf } from './stix-pattern.js';

const bundle = (objects: unknown[]) => ({ type: 'bundle', id: 'bundle--1', objects });
const ind = (id: string, pattern: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${id}`,
  pattern,
  pattern_type: 'stix',
  valid_from: '2024-01-01T00:00:00Z',
  ...extra,
});

describe('STIX round trip', () => {
  test('indicators written as a bundle come back equal', () => {
    const base = {
      source: 'test feed',
      actors: ['G0138'],
      confidence: 85,
      tlp: 'amber' as const,
      validFrom: Date.parse('2025-01-01T00:00:00Z'),
    };
    const indicators: Indicator[] = [
      { id: 'a', type: 'ipv4', value: '139.180.140.83', ...base },
      { id: 'b', type: 'cidr4', value: '45.76.0.0/16', ...base },
      { id: 'c', type: 'ipv6', value: canonicalIpv6('2001:db8::1') as string, ...base },
      {
        id: 'd',
        type: 'domain',
        value: 'update.cdn-syncsvc.com',
        ...base,
        validUntil: Date.parse('2027-01-01T00:00:00Z'),
      },
      { id: 'e', type: 'url', value: 'http://evil.example/a?b=1', ...base },
      { id: 'f', type: 'sha256', value: 'a'.repeat(64), ...base },
      { id: 'g', type: 'md5', value: 'b'.repeat(32), ...base },
      { id: 'h', type: 'sha1', value: 'c'.repeat(40), ...base },
      { id: 'i', type: 'email', value: "o'brien@mail.example", ...base },
      { id: 'j', type: 'filename', value: 'msedgeupd.exe', ...base },
    ];
    const b = indicatorsToStixBundle(indicators, {
      producer: 'tester',
      created: '2026-01-01T00:00:00.000Z',
      actorNames: { G0138: { name: 'Andariel' } },
    });
    const back = importStixObject(JSON.parse(JSON.stringify(b)), { file: 'rt.json', source: 'test feed' });
    assert.deepEqual(back.problems, []);
    assert.equal(back.indicators.length, indicators.length);
    for (const orig of indicators) {
      const got = back.indicators.find((x) => x.type === orig.type && x.value === orig.value);
      assert.ok(got, `${orig.type} ${orig.value}`);
      assert.deepEqual(got.actors, ['G0138']);
      assert.equal(got.confidence, 85);
      assert.equal(got.tlp, 'amber');
      assert.equal(got.validFrom, orig.validFrom);
      assert.equal(got.validUntil, orig.validUntil);
      assert.equal(got.source, 'test feed');
      assert.match(got.id, /^indicator--[0-9a-f-]{36}$/);
    }
    // ids are deterministic
    assert.deepEqual(
      indicatorsToStixBundle(indicators, { created: '2026-01-01T00:00:00.000Z' }),
      indicatorsToStixBundle(indicators, { created: '2026-01-01T00:00:00.000Z' }),
    );
  });

  test('actors through campaigns and malware; TLP from markings; creator as source', () => {
    const r = importStixObject(
      bundle([
        { type: 'identity', id: 'identity--1', name: 'KrCERT feed' },
        {
          type: 'intrusion-set',
          id: 'intrusion-set--1',
          name: 'Onyx Sleet',
          external_references: [{ source_name: 'mitre-attack', external_id: 'G0138' }],
        },
        { type: 'intrusion-set', id: 'intrusion-set--2', name: 'Some Crew' },
        { type: 'campaign', id: 'campaign--1', name: 'Op X' },
        { type: 'malware', id: 'malware--1', name: 'TigerRAT', is_family: true },
        {
          type: 'relationship',
          id: 'relationship--1',
          relationship_type: 'attributed-to',
          source_ref: 'campaign--1',
          target_ref: 'intrusion-set--2',
        },
        {
          type: 'relationship',
          id: 'relationship--2',
          relationship_type: 'uses',
          source_ref: 'intrusion-set--1',
          target_ref: 'malware--1',
        },
        {
          type: 'relationship',
          id: 'relationship--3',
          relationship_type: 'indicates',
          source_ref: 'indicator--1',
          target_ref: 'campaign--1',
        },
        {
          type: 'relationship',
          id: 'relationship--4',
          relationship_type: 'indicates',
          source_ref: 'indicator--2',
          target_ref: 'malware--1',
        },
        ind('1', "[domain-name:value = 'a.example']", {
          created_by_ref: 'identity--1',
          object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
        }),
        ind('2', "[file:hashes.'SHA-256' = '" + 'd'.repeat(64) + "']", { created_by_ref: 'identity--1' }),
      ]),
      { file: 'b.json' },
    );
    assert.deepEqual(r.problems, []);
    const [a, h] = r.indicators;
    assert.deepEqual(a.actors, ['Some Crew']);
    assert.equal(a.tlp, 'green');
    assert.equal(a.source, 'KrCERT feed');
    assert.deepEqual(h.actors, ['G0138']);
    assert.deepEqual(h.malware, ['TigerRAT']);
  });
});

describe('STIX patterns', () => {
  test('OR, IN, ISSUBSET, hashes AND, nested paths', () => {
    const r = importStixObject(
      bundle([
        ind(
          '1',
          "[ipv4-addr:value = '1.2.3.4' OR ipv4-addr:value ISSUBSET '10.9.0.0/16'] OR [domain-name:value IN ('x.example', 'Y.Example')]",
        ),
        ind(
          '2',
          "[file:hashes.MD5 = '" + 'e'.repeat(32) + "' AND file:hashes.'SHA-256' = '" + 'f'.repeat(64) + "']",
        ),
        ind('3', "[email-message:from_ref.value = 'boss@corp.example']"),
        ind('4', "[network-traffic:dst_ref.value = '2001:db8::5']"),
      ]),
    );
    assert.deepEqual(r.problems, []);
    const got = r.indicators.map((i) => `${i.type}:${i.value}${i.partOf ? '&' : ''}`);
    assert.deepEqual(got, [
      'ipv4:1.2.3.4',
      'cidr4:10.9.0.0/16',
      'domain:x.example',
      'domain:y.example',
      'md5:' + 'e'.repeat(32),
      'sha256:' + 'f'.repeat(64),
      'email:boss@corp.example',
      `ipv6:${canonicalIpv6('2001:db8::5')}`,
    ]);
  });

  test('AND over different observables needs every part', () => {
    const r = importStixObject(
      bundle([ind('1', "[ipv4-addr:value = '5.6.7.8'] AND [domain-name:value = 'c2.example']")]),
    );
    assert.equal(r.indicators.length, 2);
    for (const i of r.indicators) assert.deepEqual(i.partOf, { group: 'indicator--1#0', of: 2 });
  });

  test('qualifiers are parsed and reported as not enforced', () => {
    const r = importStixObject(
      bundle([ind('1', "[domain-name:value = 'q.example'] REPEATS 5 TIMES WITHIN 60 SECONDS")]),
    );
    assert.equal(r.indicators.length, 1);
    assert.equal(r.problems.length, 2);
    assert.match(r.problems[0].message, /REPEATS 5 TIMES/);
  });

  test('unsupported comparisons are reported, never dropped silently', () => {
    const r = importStixObject(
      bundle([
        ind('1', "[process:name = 'evil.exe']"),
        ind('2', "[domain-name:value LIKE '%.example']"),
        ind('3', "[file:hashes.'SHA3-256' = 'aa']"),
        ind('4', "[ipv4-addr:value != '1.1.1.1']"),
        ind('5', 'rule x { condition: true }', { pattern_type: 'yara' }),
        ind('6', "[domain-name:value = 'ok.example'] OR [process:pid = 4]"),
      ]),
      { file: 'u.json' },
    );
    assert.deepEqual(
      r.indicators.map((i) => i.value),
      ['ok.example'],
    );
    const msgs = r.problems.map((p) => `${p.object}: ${p.message}`);
    assert.ok(
      msgs.some((m) => m.startsWith('indicator--1') && /process:name is not matched/.test(m)),
      msgs.join('\n'),
    );
    assert.ok(msgs.some((m) => m.startsWith('indicator--2') && /operator LIKE/.test(m)));
    assert.ok(msgs.some((m) => m.startsWith('indicator--3') && /SHA3-256/.test(m)));
    assert.ok(msgs.some((m) => m.startsWith('indicator--4') && /operator !=/.test(m)));
    assert.ok(msgs.some((m) => m.startsWith('indicator--5') && /pattern_type yara/.test(m)));
    assert.ok(msgs.some((m) => m.startsWith('indicator--6') && /process:pid/.test(m)));
    assert.ok(r.problems.every((p) => p.file === 'u.json' && p.line !== undefined));
  });

  test('malformed patterns give a clear error with the offset', () => {
    const r = importStixObject(
      bundle([
        ind('1', "[domain-name:value = 'unterminated]"),
        ind('2', "[domain-name:value = 'a.example'"),
        ind('3', "domain-name:value = 'a.example'"),
        ind('4', "[domain-name:value 'a.example']"),
      ]),
    );
    assert.equal(r.indicators.length, 0);
    assert.equal(r.problems.length, 4);
    assert.match(r.problems[0].message, /malformed pattern .*unterminated string literal at offset/);
    assert.match(r.problems[1].message, /expected "\]"/);
    assert.match(r.problems[2].message, /expected "\[" to start an observation/);
    assert.match(r.problems[3].message, /expected a comparison operator/);
  });

  test('escapes in string literals and DNF expansion', () => {
    const p = parseStixPattern(
      "[file:name = 'it\\'s.exe' AND (ipv4-addr:value = '1.1.1.1' OR ipv4-addr:value = '2.2.2.2')]",
    );
    const d = toDnf(p.expr);
    assert.equal(d?.length, 2);
    assert.equal(d?.[0][0].value, "it's.exe");
  });
});

describe('malformed bundles', () => {
  test('not JSON, not a bundle, objects not a list', () => {
    const isInput = (re: RegExp) => (e: unknown) =>
      e instanceof HaechiError && e.code === 'input' && e.file === 'f.json' && re.test(e.message);
    assert.throws(() => importStixBundle('{', { file: 'f.json' }), isInput(/not valid JSON/));
    assert.throws(() => importStixBundle('[]', { file: 'f.json' }), isInput(/must be a JSON object/));
    assert.throws(
      () => importStixBundle('{"type":"indicator"}', { file: 'f.json' }),
      isInput(/expected "bundle"/),
    );
    assert.throws(
      () => importStixBundle('{"type":"bundle","objects":{}}', { file: 'f.json' }),
      isInput(/"objects" must be an array/),
    );
  });
  test('bad objects and timestamps are reported and skipped', () => {
    const r = importStixObject(
      bundle([
        42,
        ind('1', "[domain-name:value = 'a.example']", { valid_from: 'yesterday' }),
        ind('2', "[domain-name:value = 'b.example']"),
        { type: 'indicator', id: 'indicator--3' },
      ]),
    );
    assert.deepEqual(
      r.indicators.map((i) => i.value),
      ['b.example'],
    );
    assert.equal(r.problems.length, 3);
    assert.match(r.problems[1].message, /valid_from is not a timestamp/);
    assert.match(r.problems[2].message, /without a pattern/);
  });
});

describe('lists and CSV', () => {
  test('plain lists accept defanged values and report the rest by line', () => {
    const r = importPlainList(
      '# feed\nhxxp://evil[.]example/x\n1.2.3[.]4\n10.0.0.0/8 # lab\nnot an ioc!\nBAD@\nEVIL.example.\n',
      { file: 'l.txt' },
    );
    assert.deepEqual(
      r.indicators.map((i) => `${i.type}:${i.value}`),
      ['url:http://evil.example/x', 'ipv4:1.2.3.4', 'cidr4:10.0.0.0/8', 'domain:evil.example'],
    );
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [5, 6],
    );
    assert.equal(r.indicators[1].id, 'l.txt#3');
  });
  test('CSV with provenance columns; bad rows named by line and field', () => {
    const csv =
      'value,type,actor,confidence,tlp,valid_until,malware\n' +
      '139.180.140.83,ip,Andariel;Onyx Sleet,90,TLP:AMBER,2027-01-01T00:00:00Z,TigerRAT\n' +
      '"evil.example",domain,,101,,,\n' +
      'zzz,sha256,,,,,\n' +
      '45.76.1.0/24,ipv4,,,,,\n' +
      'x.example,weird,,,,,\n';
    const r = importCsv(csv, { file: 'f.csv' });
    assert.equal(r.indicators.length, 2);
    const [a, b] = r.indicators;
    assert.deepEqual(a.actors, ['Andariel', 'Onyx Sleet']);
    assert.equal(a.tlp, 'amber');
    assert.equal(a.confidence, 90);
    assert.deepEqual(a.malware, ['TigerRAT']);
    assert.equal(a.validUntil, Date.parse('2027-01-01T00:00:00Z'));
    assert.equal(b.type, 'cidr4');
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [3, 4, 6],
    );
    assert.match(r.problems[0].message, /field confidence/);
    assert.match(r.problems[2].message, /unknown indicator type "weird"/);
    assert.throws(() => importCsv('a,b\n1,2\n', { file: 'h.csv' }), /no value column/);
  });
  test('classification', () => {
    assert.deepEqual(classifyValue('::ffff:1.2.3.4'), {
      type: 'ipv6',
      value: '0000:0000:0000:0000:0000:ffff:0102:0304',
    });
    assert.equal(classifyValue('256.1.1.1'), undefined);
    assert.deepEqual(classifyValue('10.1.2.3/8'), { type: 'cidr4', value: '10.0.0.0/8' });
    assert.equal(classifyValue('A'.repeat(64))?.type, 'sha256');
  });
});
