import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import {
  argusReader,
  eveReader,
  fileInput,
  parseIsoTime,
  readAll,
  textInput,
  zeekJsonReader,
} from './index.js';

test('parseIsoTime: Suricata offsets without colon, microseconds, Z and none', () => {
  assert.equal(parseIsoTime('2021-06-06T15:59:46.457984+0200'), Date.UTC(2021, 5, 6, 13, 59, 46) + 458);
  assert.equal(parseIsoTime('2021-06-06T15:59:46-05:30'), Date.UTC(2021, 5, 6, 21, 29, 46));
  assert.equal(parseIsoTime('2018-03-24T17:15:20.865716Z'), Date.UTC(2018, 2, 24, 17, 15, 20) + 866);
  assert.ok(Number.isNaN(parseIsoTime('yesterday')));
});

test('slips test6 EVE: every event_type, flattened fields, UTC times', {
  skip: skipUnlessData('network/slips'),
}, async () => {
  const path = sharedData('network/slips/test6-malicious.suricata.json');
  const input = fileInput(path);
  assert.ok(eveReader.sniff(path, input.head) > 0.9);
  assert.equal(zeekJsonReader.sniff(path, input.head), 0);
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const expected = new Map<string, number>();
  for (const l of lines) expected.set(`eve.${l.event_type}`, (expected.get(`eve.${l.event_type}`) ?? 0) + 1);
  const { events, problems } = await readAll(eveReader, input);
  assert.deepEqual(problems, []);
  const got = new Map<string, number>();
  for (const e of events) got.set(e.source.kind, (got.get(e.source.kind) ?? 0) + 1);
  assert.deepEqual(got, expected);
  for (const k of [
    'eve.flow',
    'eve.alert',
    'eve.dns',
    'eve.http',
    'eve.tls',
    'eve.fileinfo',
    'eve.anomaly',
  ]) {
    assert.ok(got.has(k), k);
  }
  const alert = events[0]!;
  assert.equal(alert.source.kind, 'eve.alert');
  assert.equal(
    alert.fields['alert.signature'],
    'ET CINS Active Threat Intelligence Poor Reputation IP group 89',
  );
  assert.equal(alert.fields['alert.signature_id'], 2403388);
  assert.equal(alert.fields['flow.bytes_toserver'], 60);
  assert.equal(alert.fields.src_ip, '78.36.196.213');
  assert.equal(alert.time, Date.UTC(2021, 5, 6, 13, 59, 46) + 458);
  const dns = events.find((e) => e.source.kind === 'eve.dns')!;
  assert.equal(typeof dns.fields['dns.rrname'], 'string');
});

test('EVE: a record without timestamp or event_type is reported and skipped', async () => {
  const text = [
    '{"timestamp":"2026-03-02T14:00:00.000000+0000","event_type":"flow","src_ip":"10.0.0.1","dest_ip":"1.1.1.1","flow":{"bytes_toserver":10}}',
    '{"event_type":"flow","src_ip":"10.0.0.1"}',
    '{"timestamp":"2026-03-02T14:00:01+0000","src_ip":"10.0.0.1"}',
  ].join('\n');
  const { events, problems } = await readAll(eveReader, textInput('eve.json', text));
  assert.equal(events.length, 1);
  assert.equal(events[0]!.fields['flow.bytes_toserver'], 10);
  assert.deepEqual(
    problems.map((p) => [p.line, p.field]),
    [
      [2, 'timestamp'],
      [3, 'event_type'],
    ],
  );
});

test('slips test2 Argus binetflow: columns, numbers, times', {
  skip: skipUnlessData('network/slips'),
}, async () => {
  const path = sharedData('network/slips/test2-malicious.binetflow');
  const input = fileInput(path);
  assert.ok(argusReader.sniff(path, input.head) > 0.9);
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const { events, problems } = await readAll(argusReader, input);
  assert.deepEqual(problems, []);
  assert.equal(events.length, lines.length - 1);
  const e = events[0]!;
  assert.equal(e.source.kind, 'argus');
  assert.equal(e.source.record, 2);
  assert.equal(e.time, Date.UTC(2019, 3, 4, 16, 23, 0) + 325);
  assert.equal(e.fields.SrcAddr, '10.8.0.69');
  assert.equal(e.fields.DstAddr, '8.8.8.8');
  assert.equal(e.fields.Dport, 53);
  assert.equal(e.fields.Dir, '<->');
  assert.equal(e.fields.TotBytes, 142);
  assert.equal(e.fields.SrcBytes, 63);
  assert.equal('Label' in e.fields, false); // empty column
});

test('Argus: short rows and bad times are reported with their line', async () => {
  const text = [
    'StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,TotPkts,TotBytes,SrcBytes',
    '2026/03/02 14:00:00.5,1.0,tcp,10.0.0.1,5000,   ->,10.0.0.2,22,FIN,10,1000,400',
    '2026/03/02 14:00:01,1.0,tcp,10.0.0.1',
    'soon,1.0,icmp,10.0.0.1,0x0008,   ->,10.0.0.2,0x0000,ECO,1,100,100',
  ].join('\n');
  const { events, problems } = await readAll(argusReader, textInput('x.binetflow', text), {
    settings: { utcOffsetMinutes: 540 },
  });
  assert.equal(events.length, 1);
  assert.equal(events[0]!.time, Date.UTC(2026, 2, 2, 5, 0, 0, 500)); // 14:00 KST = 05:00 UTC
  assert.deepEqual(
    problems.map((p) => p.line),
    [3, 4],
  );
});
