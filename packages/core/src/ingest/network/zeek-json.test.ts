import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { fileInput, readAll, textInput, zeekJsonReader, zeekTsvReader } from './index.js';

function jsonLines(path: string): Record<string, unknown>[] {
  const raw = readFileSync(path);
  const text = (raw[0] === 0x1f ? gunzipSync(raw) : raw).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('zed-sample: the JSON and TSV forms of the same ssl log give the same events', {
  skip: skipUnlessData('network/zed-sample'),
}, async () => {
  const json = sharedData('network/zed-sample/zeek-json/ssl.json.gz');
  const tsv = sharedData('network/zed-sample/zeek-default/ssl.log.gz');
  const inJ = fileInput(json);
  assert.ok(zeekJsonReader.sniff(json, inJ.head) > 0.9);
  assert.equal(zeekTsvReader.sniff(json, inJ.head), 0);
  const a = await readAll(zeekJsonReader, inJ);
  const b = await readAll(zeekTsvReader, fileInput(tsv));
  assert.deepEqual(a.problems, []);
  assert.equal(a.events.length, jsonLines(json).length);
  assert.equal(a.events.length, b.events.length);
  assert.equal(a.events[0]!.source.kind, 'zeek.ssl'); // from Corelight-style _path
  for (let i = 0; i < a.events.length; i += 997) {
    const x = a.events[i]!;
    const y = b.events[i]!;
    assert.equal(x.time, y.time, `record ${i}: ISO ts and epoch ts agree`);
    for (const k of ['uid', 'id.orig_h', 'id.resp_p', 'server_name', 'established', 'version']) {
      assert.deepEqual(x.fields[k], y.fields[k], `record ${i} field ${k}`);
    }
  }
});

test('rita json_with_all_fields: epoch ts, _path, counts', {
  skip: skipUnlessData('network/rita'),
}, async () => {
  for (const [file, kind] of [
    ['conn.log', 'zeek.conn'],
    ['dns.log', 'zeek.dns'],
    ['ORIGINALdns.log', 'zeek.dns'],
    ['http.log', 'zeek.http'],
    ['open_conn.log', 'zeek.conn'],
  ] as const) {
    const path = sharedData('network/rita/json_with_all_fields', file);
    const { events, problems } = await readAll(zeekJsonReader, fileInput(path));
    const lines = jsonLines(path);
    assert.deepEqual(problems, []);
    assert.equal(events.length, lines.length, file);
    assert.ok(events.every((e) => e.source.kind === kind));
    assert.equal(events[0]!.time, Math.round((lines[0]!.ts as number) * 1000));
    assert.equal(events[0]!.fields.uid, lines[0]!.uid);
  }
});

test('slips test9: relative timestamps reported once and placed after settings.baseTime', {
  skip: skipUnlessData('network/slips'),
}, async () => {
  const path = sharedData('network/slips/test9-mixed-zeek-dir/conn.log');
  const lines = jsonLines(path);
  const base = Date.UTC(2026, 2, 2);
  const { events, problems } = await readAll(zeekJsonReader, fileInput(path), {
    settings: { baseTime: base },
  });
  assert.equal(events.length, lines.length);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.level, 'warning');
  assert.equal(problems[0]!.field, 'ts');
  assert.match(problems[0]!.reason, /relative/);
  assert.equal(events[0]!.source.kind, 'zeek.conn'); // from the file name: no _path here
  assert.equal(events[0]!.time, base + Math.round((lines[0]!.ts as number) * 1000));
  assert.equal(events[1]!.fields['id.resp_h'], '195.113.232.73');
  // logs without uid are recognised by their name; dns/http/ssl keep their counts
  for (const f of ['dns.log', 'http.log', 'ssl.log', 'files.log', 'notice.log', 'arp.log']) {
    const p = sharedData('network/slips/test9-mixed-zeek-dir', f);
    assert.ok(zeekJsonReader.sniff(p, fileInput(p).head) > 0.5, f);
    const r = await readAll(zeekJsonReader, fileInput(p));
    assert.equal(r.events.length, jsonLines(p).length, f);
    assert.equal(r.events[0]!.source.kind, `zeek.${f.replace('.log', '')}`);
  }
});

test('Zeek JSON: nested objects flattened, ISO ts, bad lines reported and skipped', async () => {
  const text = [
    '{"ts":"2026-03-02T14:12:07.250Z","uid":"C1","id":{"orig_h":"10.0.0.1","resp_h":"8.8.8.8","resp_p":53},"query":"a.example","qtype_name":"A"}',
    '{"ts":1772460727.5,"uid":"C2","id.orig_h":"10.0.0.2","query":"b.example","qtype_name":"TXT"',
    '{"uid":"C3","id.orig_h":"10.0.0.3","query":"c.example","qtype_name":"A"}',
    '{"ts":1772460728,"uid":"C4","id.orig_h":"10.0.0.4","query":"d.example","qtype_name":"A"}',
  ].join('\n');
  const { events, problems } = await readAll(zeekJsonReader, textInput('/logs/x.json', text));
  assert.equal(events.length, 2);
  assert.equal(events[0]!.source.kind, 'zeek.dns'); // recognised by its fields
  assert.equal(events[0]!.fields['id.orig_h'], '10.0.0.1');
  assert.equal(events[0]!.fields['id.resp_p'], 53);
  assert.equal(events[0]!.time, Date.parse('2026-03-02T14:12:07.250Z'));
  assert.equal(events[1]!.fields.uid, 'C4');
  assert.deepEqual(
    problems.map((p) => [p.line, p.field ?? null]),
    [
      [2, null],
      [3, 'ts'],
    ],
  );
});
