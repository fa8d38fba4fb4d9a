import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import type { Event } from '../model/index.js';
import { type DiscoverOptions, discoverInputs } from './inputs.js';
import { readEvents } from './read.js';
import type { InputSource, RecordProblem } from './types.js';
import { readZipDirectory } from './zip.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** NXLog-like JSON lines, distinct per `tag`. */
function jsonl(tag: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += `${JSON.stringify({
      EventID: 4688,
      Channel: 'Security',
      Hostname: `host-${tag}`,
      TimeCreated: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
      CommandLine: `cmd.exe /c echo ${tag} ${i}`,
    })}\n`;
  }
  return s;
}

/** A ZIP archive built here byte by byte (APPNOTE 4.3.7, 4.3.12, 4.3.16), independent of zip.ts. */
function buildZip(entries: { name: string; data: Buffer; method: 0 | 8 | 12 }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.method === 8 ? deflateRawSync(e.data) : e.data; // 12 is declared, not really bzip2
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(e.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(e.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += lh.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

async function collect(paths: string[], opts: DiscoverOptions = {}) {
  const problems: RecordProblem[] = [];
  const inputs: { input: InputSource; events: Event[]; error?: string }[] = [];
  const o = { ...opts, onProblem: (p: RecordProblem) => problems.push(p) };
  for await (const input of discoverInputs(paths, o)) {
    const events: Event[] = [];
    try {
      for await (const b of readEvents(input, o)) events.push(...b);
      inputs.push({ input, events });
    } catch (err) {
      inputs.push({ input, events, error: (err as Error).message });
    }
  }
  return { inputs, problems };
}

test('folders are walked in sorted order, hidden entries skipped, symlink loops followed once', async () => {
  const root = join(dir, 'walk');
  mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'b.json'), jsonl('b', 2));
  writeFileSync(join(root, 'a.json'), jsonl('a', 1));
  writeFileSync(join(root, 'B.json'), jsonl('B', 1));
  writeFileSync(join(root, '.hidden.json'), jsonl('h', 1));
  writeFileSync(join(root, '.git', 'x.json'), jsonl('g', 1));
  writeFileSync(join(root, 'sub', 'c.json'), jsonl('c', 3));
  writeFileSync(join(root, 'sub', 'deeper', 'd.json'), jsonl('d', 1));
  symlinkSync(root, join(root, 'sub', 'loop'));
  symlinkSync(join(root, 'missing'), join(root, 'sub', 'dangling'));
  const { inputs, problems } = await collect([root]);
  assert.deepEqual(
    inputs.map((i) => i.input.uri.slice(root.length + 1)),
    ['B.json', 'a.json', 'b.json', 'sub/c.json', 'sub/deeper/d.json'],
  );
  assert.deepEqual(
    inputs.map((i) => i.events.length),
    [1, 1, 2, 3, 1],
  );
  assert.equal(inputs[0]!.input.path, join(root, 'B.json'), 'plain files carry their path');
  assert.equal(problems.length, 1, 'the dangling link is reported');
  assert.match(problems[0]!.file, /dangling$/);
  // a named hidden file is read
  const named = await collect([join(root, '.hidden.json')]);
  assert.equal(named.inputs[0]!.events.length, 1);
  await assert.rejects(collect([join(root, 'nope.json')]), (e: Error & { file?: string }) => {
    assert.equal(e.file, join(root, 'nope.json'));
    return true;
  });
});

test('gzip is decompressed transparently and reads the same events as the plain file', async () => {
  const text = jsonl('gz', 2500);
  writeFileSync(join(dir, 'plain.json'), text);
  writeFileSync(join(dir, 'packed.json.gz'), gzipSync(text));
  // a gzip file without the suffix is recognised by its magic bytes
  writeFileSync(join(dir, 'renamed.log'), gzipSync(text));
  const plain = await collect([join(dir, 'plain.json')]);
  const gz = await collect([join(dir, 'packed.json.gz'), join(dir, 'renamed.log')]);
  assert.deepEqual(gz.problems, []);
  const p = plain.inputs[0]!;
  for (const g of gz.inputs) {
    assert.equal(g.input.path, undefined, 'a decompressed input has no random-access path');
    assert.equal(g.events.length, 2500);
    assert.deepEqual(
      g.events.map((e) => e.fields),
      p.events.map((e) => e.fields),
    );
    assert.deepEqual(
      g.events.map((e) => e.source.record),
      p.events.map((e) => e.source.record),
    );
  }
  assert.equal(gz.inputs[0]!.input.name, 'packed.json');
  assert.equal(gz.inputs[0]!.input.uri, join(dir, 'packed.json.gz'));
  // a truncated gzip keeps what came before and reports the rest
  const whole = gzipSync(text);
  writeFileSync(join(dir, 'cut.json.gz'), whole.subarray(0, Math.floor(whole.length * 0.6)));
  const cut = await collect([join(dir, 'cut.json.gz')]);
  const n = cut.inputs[0]!.events.length;
  assert.ok(n > 100 && n < 2500, `read ${n} events before the cut`);
  assert.ok(cut.problems.some((x) => /ends abnormally/.test(x.reason) && x.level === 'error'));
  // damaged right after the magic bytes: nothing to read, said so (not taken for an empty file)
  writeFileSync(
    join(dir, 'junk.json.gz'),
    Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not deflate')]),
  );
  const junk = await collect([join(dir, 'junk.json.gz')]);
  assert.equal(junk.inputs.length, 0);
  assert.equal(junk.problems.length, 1);
  assert.equal(junk.problems[0]!.file, join(dir, 'junk.json.gz'));
  assert.match(junk.problems[0]!.reason, /corrupt gzip data/);
});

test('zip entries (stored, deflate, gzip inside) become inputs; unsupported entries are reported', async () => {
  const zip = buildZip([
    { name: 'logs/stored.json', data: Buffer.from(jsonl('s', 3)), method: 0 },
    { name: 'logs/deflated.json', data: Buffer.from(jsonl('d', 1200)), method: 8 },
    { name: 'logs/inner.json.gz', data: gzipSync(jsonl('g', 5)), method: 0 },
    { name: 'logs/bzip.json', data: Buffer.from(jsonl('b', 2)), method: 12 },
    { name: '__MACOSX/logs/._stored.json', data: Buffer.from('resource fork'), method: 0 },
    { name: 'logs/', data: Buffer.alloc(0), method: 0 },
  ]);
  const zpath = join(dir, 'bundle.zip');
  writeFileSync(zpath, zip);
  const { inputs, problems } = await collect([zpath]);
  assert.deepEqual(
    inputs.map((i) => [i.input.uri, i.events.length, i.input.path]),
    [
      [`${zpath}!logs/deflated.json`, 1200, undefined],
      [`${zpath}!logs/inner.json.gz`, 5, undefined],
      [`${zpath}!logs/stored.json`, 3, undefined],
    ],
  );
  assert.equal(inputs[1]!.input.name, 'inner.json');
  assert.equal(inputs[0]!.events[0]!.source.uri, `${zpath}!logs/deflated.json`);
  assert.equal(inputs[0]!.events[1199]!.fields.CommandLine, 'cmd.exe /c echo d 1199');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, `${zpath}!logs/bzip.json`);
  assert.match(problems[0]!.reason, /unsupported compression method 12 \(bzip2\)/);
  // strict mode stops there instead
  await assert.rejects(collect([zpath], { strict: true }), /compression method 12/);

  // a flipped byte in the deflated data: CRC or inflate failure, reported, the other entries read
  const bad = Buffer.from(zip);
  const at = bad.indexOf(Buffer.from('logs/deflated.json')) + 'logs/deflated.json'.length + 200;
  bad[at] = bad[at]! ^ 0xff;
  writeFileSync(join(dir, 'bad.zip'), bad);
  const b = await collect([join(dir, 'bad.zip')]);
  assert.ok(b.problems.some((p) => p.file.endsWith('!logs/deflated.json') && p.level === 'error'));
  assert.equal(b.inputs.find((i) => i.input.uri.endsWith('!logs/stored.json'))?.events.length, 3);
  assert.equal(b.inputs.find((i) => i.input.uri.endsWith('!logs/inner.json.gz'))?.events.length, 5);

  // not a zip at all (bad central directory): one problem naming the file
  writeFileSync(join(dir, 'junk.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip archive'));
  const j = await collect([join(dir, 'junk.zip')]);
  assert.equal(j.inputs.length, 0);
  assert.equal(j.problems[0]!.file, join(dir, 'junk.zip'));
  assert.match(j.problems[0]!.reason, /not a readable zip archive/);
});

const hasZip = spawnSync('zip', ['-v']).status === 0;

test('archives made by Info-ZIP, including forced zip64', {
  skip: hasZip ? false : 'zip CLI not installed',
}, async () => {
  const work = join(dir, 'infozip');
  mkdirSync(work);
  writeFileSync(join(work, 'one.json'), jsonl('one', 50));
  writeFileSync(join(work, 'two.json'), jsonl('two', 7));
  const run = (args: string[]) => assert.equal(spawnSync('zip', args, { cwd: work }).status, 0);
  run(['-q', '-0', 'mixed.zip', 'one.json']);
  run(['-q', '-9', 'mixed.zip', 'two.json']);
  run(['-q', '-fz', 'z64.zip', 'one.json', 'two.json']);
  // written to a pipe: sizes in data descriptors after the data (APPNOTE 4.3.9), not in local headers
  const piped = spawnSync('zip', ['-q', '-', 'one.json', 'two.json'], { cwd: work, maxBuffer: 1 << 24 });
  assert.equal(piped.status, 0);
  writeFileSync(join(work, 'streamed.zip'), piped.stdout);
  run(['-q', '-P', 'secret', 'locked.zip', 'one.json']);
  const dirEntries = await readZipDirectory(join(work, 'mixed.zip'));
  assert.deepEqual(
    dirEntries.map((e) => [e.name, e.method]),
    [
      ['one.json', 0],
      ['two.json', 8],
    ],
  );
  const streamed = await readZipDirectory(join(work, 'streamed.zip'));
  assert.ok(
    streamed.every((e) => (e.flags & 0x8) !== 0),
    'entries use data descriptors',
  );
  const locked = await collect([join(work, 'locked.zip')]);
  assert.equal(locked.inputs.length, 0);
  assert.match(locked.problems[0]!.reason, /encrypted entry/);
  assert.equal(locked.problems[0]!.file, `${join(work, 'locked.zip')}!one.json`);
  for (const z of ['mixed.zip', 'z64.zip', 'streamed.zip']) {
    const { inputs, problems } = await collect([join(work, z)]);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      inputs.map((i) => i.events.length),
      [50, 7],
    );
    assert.deepEqual(
      inputs.map((i) => i.events.at(-1)!.fields.Computer),
      ['host-one', 'host-two'],
    );
  }
});

test('stdin: plain and gzipped, read once', async () => {
  const text = jsonl('in', 1500);
  for (const bytes of [Buffer.from(text), gzipSync(text)]) {
    // small chunks so the head is assembled from several reads
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 4096) chunks.push(bytes.subarray(i, i + 4096));
    const { inputs, problems } = await collect(['-'], { stdin: Readable.from(chunks) });
    assert.deepEqual(problems, []);
    assert.equal(inputs.length, 1);
    assert.equal(inputs[0]!.input.uri, '-');
    assert.equal(inputs[0]!.events.length, 1500);
    assert.equal(inputs[0]!.events[1499]!.fields.CommandLine, 'cmd.exe /c echo in 1499');
    assert.equal(inputs[0]!.events[1499]!.source.uri, '-');
    assert.throws(() => inputs[0]!.input.open(), /only once/);
  }
});

test('UTF-16LE exports with a byte order mark read like UTF-8', async () => {
  const text = jsonl('utf16 é', 20);
  writeFileSync(
    join(dir, 'utf16.json'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  );
  const { inputs, problems } = await collect([join(dir, 'utf16.json')]);
  assert.deepEqual(problems, []);
  assert.equal(inputs[0]!.events.length, 20);
  assert.equal(inputs[0]!.events[3]!.fields.Computer, 'host-utf16 é');
  assert.equal(readFileSync(join(dir, 'utf16.json'))[0], 0xff);
});

test('stdin: damaged gzip is reported, not read as empty', async () => {
  const whole = gzipSync(jsonl('cut', 3000));
  const cut = whole.subarray(0, Math.floor(whole.length / 2));
  const r = await collect(['-'], { stdin: Readable.from([cut]) });
  const n = r.inputs[0]!.events.length;
  assert.ok(n > 0 && n < 3000, `${n} events before the damage`);
  assert.ok(r.problems.some((p) => p.file === '-' && /ends abnormally/.test(p.reason)));
  await assert.rejects(
    collect(['-'], { stdin: Readable.from([Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]) }),
    /corrupt gzip data/,
  );
});
