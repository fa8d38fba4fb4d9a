import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { HaechiError } from '../../errors.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { fileInput, readAll, textInput, unescapeZeek, zeekTsvReader } from './index.js';

/** Data lines of a Zeek TSV file, counted independently of the reader. */
function dataLines(path: string): string[] {
  const raw = readFileSync(path);
  const text = (raw[0] === 0x1f ? gunzipSync(raw) : raw).toString('utf8');
  return text.split('\n').filter((l) => l.length > 0 && !l.trimStart().startsWith('#'));
}

test('zed-sample dns.log.gz: every record, typed values, sets and unset fields', {
  skip: skipUnlessData('network/zed-sample'),
}, async () => {
  const path = sharedData('network/zed-sample/zeek-default/dns.log.gz');
  const input = fileInput(path);
  assert.equal(zeekTsvReader.sniff(path, input.head), 1);
  const { events, problems } = await readAll(zeekTsvReader, input);
  assert.deepEqual(problems, []);
  const lines = dataLines(path);
  assert.equal(events.length, lines.length);
  const e = events[0]!;
  assert.equal(e.source.kind, 'zeek.dns');
  assert.equal(e.source.record, 9); // 8 header lines before it
  assert.equal(e.time, Math.round(1521911720.865716 * 1000));
  assert.equal(e.fields.uid, 'CqKst53mF3det3eDV9');
  assert.equal(e.fields['id.orig_h'], '10.47.1.100');
  assert.equal(e.fields['id.resp_p'], 53);
  assert.equal(e.fields.query, 'ise.wrccdc.org');
  assert.deepEqual(e.fields.answers, ['ise.wrccdc.cpp.edu', '134.71.3.16']);
  assert.deepEqual(e.fields.TTLs, [2230, 41830]);
  assert.equal(e.fields.AA, false);
  assert.equal(e.fields.RD, true);
  // a record with unset rtt/rcode: the fields are absent, not "-"
  const idx = lines.findIndex((l) => l.split('\t')[8] === '-');
  assert.ok(idx >= 0);
  assert.equal('rtt' in events[idx]!.fields, false);
  // every record's columns agree with the line they came from
  for (const i of [0, 1000, 25_000, lines.length - 1]) {
    const cols = lines[i]!.split('\t');
    assert.equal(events[i]!.fields.uid, cols[1]);
    assert.equal(events[i]!.fields.query ?? '-', cols[9]);
  }
});

test('Zeek TSV header: escaped separators, sets, (empty), #close, rotation and bad lines', async () => {
  const header = (path: string, fields: string, types: string) =>
    [
      '#separator \\x09',
      '#set_separator\t,',
      '#empty_field\t(empty)',
      '#unset_field\t-',
      `#path\t${path}`,
      '#open\t2026-03-02-00-00-00',
      `#fields\t${fields}`,
      `#types\t${types}`,
    ].join('\n');
  const text = [
    header(
      'http',
      'ts\tuid\tid.orig_h\thost\turi\ttags\tresp_mime_types',
      'time\tstring\taddr\tstring\tstring\tset[enum]\tvector[string]',
    ),
    '1772409600.5\tC1\t10.0.0.1\texample.com\t/a\\x09b\\x2cc\t(empty)\ttext/html,text/plain',
    '1772409601.25\tC2\t10.0.0.2\t(empty)\t/caf\\xc3\\xa9\t-\t-',
    'garbage line without tabs',
    '1772409602.0\tC3\t10.0.0.3\tx\t/\\xff\t(empty)\t(empty)',
    '#close\t2026-03-02-01-00-00',
    // a rotated file appended: new header, new columns
    header('conn', 'ts\tuid\tid.resp_p\tduration\tlocal_orig', 'time\tstring\tport\tinterval\tbool'),
    '1772413200.000001\tC4\t443\t1.5\tT',
    '1772413201\tC5\tnot-a-port\t1.5\tF',
    '#close\t2026-03-02-02-00-00',
    '',
  ].join('\n');
  const { events, problems } = await readAll(zeekTsvReader, textInput('mixed.log', text));
  assert.equal(events.length, 4);
  const [a, b, c, d] = events;
  assert.equal(a!.source.kind, 'zeek.http');
  assert.equal(a!.fields.uri, '/a\tb,c'); // \x09 and \x2c decoded
  assert.deepEqual(a!.fields.tags, []);
  assert.deepEqual(a!.fields.resp_mime_types, ['text/html', 'text/plain']);
  assert.equal(b!.fields.host, '');
  assert.equal(b!.fields.uri, '/café'); // escaped UTF-8 bytes
  assert.equal('tags' in b!.fields, false);
  assert.equal(c!.fields.uri, '/\u00ff'); // not UTF-8: Latin-1
  assert.equal(d!.source.kind, 'zeek.conn');
  assert.equal(d!.fields['id.resp_p'], 443);
  assert.equal(d!.fields.local_orig, true);
  assert.equal(d!.time, 1772413200000);
  assert.equal(problems.length, 2);
  assert.equal(problems[0]!.line, 11);
  assert.match(problems[0]!.reason, /expected 7 tab-separated fields, found 1/);
  assert.equal(problems[1]!.field, 'id.resp_p');
  assert.equal(problems[1]!.line, 23);
  // strict: the first bad line stops the read with file, line and field
  await assert.rejects(
    readAll(zeekTsvReader, textInput('mixed.log', text), { strict: true }),
    (err: unknown) => {
      assert.ok(err instanceof HaechiError);
      assert.equal(err.code, 'input');
      assert.equal(err.file, 'mixed.log');
      assert.equal(err.line, 11);
      return true;
    },
  );
});

test('unescapeZeek leaves text without escapes alone', () => {
  assert.equal(unescapeZeek('plain\\text'), 'plain\\text');
  assert.equal(unescapeZeek('\\x41\\x42'), 'AB');
});

test('stratosphere labelled conn.log: counts, label columns kept as fields', {
  skip: skipUnlessData('network/stratosphere'),
}, async () => {
  const path = sharedData('network/stratosphere/008-zeek-mixed/data/conn.log.labeled');
  const { events, problems } = await readAll(zeekTsvReader, fileInput(path));
  assert.deepEqual(problems, []);
  const lines = dataLines(path);
  assert.equal(events.length, lines.length);
  assert.equal(events[0]!.source.kind, 'zeek.conn');
  assert.equal(events[0]!.fields.conn_state, 'SF');
  assert.equal(events[0]!.fields.orig_bytes, 1596);
  assert.deepEqual(events[0]!.fields.tunnel_parents, []);
  const malicious = events.filter((e) => e.fields.label === 'Malicious').length;
  assert.equal(malicious, lines.filter((l) => l.split('\t')[21] === 'Malicious').length);
  assert.ok(malicious > 0);
});

test('slips test10: leading-tab header, corrupt notice line reported with its line', {
  skip: skipUnlessData('network/slips'),
}, async () => {
  const conn = sharedData('network/slips/test10-mixed-zeek-dir/conn.log');
  const r1 = await readAll(zeekTsvReader, fileInput(conn));
  assert.deepEqual(r1.problems, []);
  assert.equal(r1.events.length, dataLines(conn).length);
  const notice = sharedData('network/slips/test10-mixed-zeek-dir/notice.log');
  const r2 = await readAll(zeekTsvReader, fileInput(notice));
  assert.equal(r2.problems.length, 1);
  assert.equal(r2.problems[0]!.line, 21);
  assert.equal(r2.problems[0]!.level, 'error');
  assert.equal(r2.events.length, dataLines(notice).length - 1);
  assert.equal(r2.events[0]!.fields.note, 'Scan::Address_Scan');
});

test('rita: old-column files.log sets, open_conn rotation files', {
  skip: skipUnlessData('network/rita'),
}, async () => {
  const files = sharedData('network/rita/proxy/files.log');
  const { events } = await readAll(zeekTsvReader, fileInput(files));
  assert.equal(events.length, dataLines(files).length);
  const f = events[0]!.fields;
  assert.deepEqual(f.tx_hosts, ['151.101.1.69']);
  assert.deepEqual(f.analyzers, ['SHA1', 'MD5', 'X509']);
  assert.equal(f.seen_bytes, 1784);
  const open = sharedData('network/rita/open_sni/open_conn.17_32_32-18_00_00.log.gz');
  const r = await readAll(zeekTsvReader, fileInput(open));
  assert.equal(r.events.length, dataLines(open).length);
  assert.equal(r.events[0]!.source.kind, 'zeek.open_conn');
  assert.equal(r.events[0]!.fields.duration, 3600.071407);
});

test('files.log with Zeek 5+ columns (uid and id instead of tx_hosts/rx_hosts/conn_uids)', async () => {
  const text = [
    '#separator \\x09',
    '#set_separator\t,',
    '#empty_field\t(empty)',
    '#unset_field\t-',
    '#path\tfiles',
    '#fields\tts\tfuid\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tsource\tdepth\tanalyzers\tmime_type\tfilename\tduration\tis_orig\tseen_bytes\ttotal_bytes\tmd5\tsha1',
    '#types\ttime\tstring\tstring\taddr\tport\taddr\tport\tstring\tcount\tset[string]\tstring\tstring\tinterval\tbool\tcount\tcount\tstring\tstring',
    '1772460000.000001\tFa1\tCx1\t10.20.3.40\t50123\t162.125.5.14\t443\tSSL\t0\tMD5,SHA1\tapplication/x-7z-compressed\td.7z\t1.25\tT\t1024\t-\td41d8cd98f00b204e9800998ecf8427e\t-',
  ].join('\n');
  const { events, problems } = await readAll(zeekTsvReader, textInput('files.log', text));
  assert.deepEqual(problems, []);
  const f = events[0]!.fields;
  assert.equal(events[0]!.source.kind, 'zeek.files');
  assert.equal(f.uid, 'Cx1');
  assert.equal(f['id.resp_h'], '162.125.5.14');
  assert.deepEqual(f.analyzers, ['MD5', 'SHA1']);
  assert.equal(f.filename, 'd.7z');
  assert.equal(f.is_orig, true);
  assert.equal('total_bytes' in f, false);
});
