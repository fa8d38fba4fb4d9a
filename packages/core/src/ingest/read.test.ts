import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { HaechiError } from '../errors.js';
import type { Event } from '../model/index.js';
import { FORMATS, findFormat, sniffFormat } from './formats.js';
import { discoverInputs } from './inputs.js';
import { readEvents, readPaths } from './read.js';
import type { ReadOptions, RecordProblem } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function readAll(path: string, opts: ReadOptions = {}) {
  const problems: RecordProblem[] = [];
  const events: Event[] = [];
  const batches: number[] = [];
  const o: ReadOptions = { onProblem: (p) => problems.push(p), ...opts };
  for await (const input of discoverInputs([path], o)) {
    for await (const b of readEvents(input, o)) {
      batches.push(b.length);
      events.push(...b);
    }
  }
  return { events, problems, batches };
}

function ecsDoc(i: number, over: Record<string, unknown> = {}) {
  return {
    '@timestamp': new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
    host: { name: 'ws01' },
    winlog: {
      channel: 'Microsoft-Windows-Sysmon/Operational',
      event_id: '1',
      computer_name: 'ws01.corp.local',
      provider_name: 'Microsoft-Windows-Sysmon',
      record_id: 1000 + i,
      event_data: { Image: `C:\\bin\\tool${i}.exe`, CommandLine: `tool${i} --run` },
    },
    ...over,
  };
}

function evtxDoc(i: number) {
  return {
    Event: {
      System: {
        Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } },
        EventID: 1,
        TimeCreated: {
          '#attributes': { SystemTime: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString() },
        },
        EventRecordID: 500 + i,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: 'ws02',
      },
      EventData: { Image: `C:\\bin\\tool${i}.exe` },
    },
  };
}

test('the registry: names are unique, findFormat finds them, sniffing picks the Windows flavours', () => {
  const names = FORMATS.map((f) => f.name);
  assert.equal(new Set(names).size, names.length);
  for (const n of ['evtx-json', 'nxlog-json', 'ecs-json']) assert.equal(findFormat(n)?.name, n);
  assert.equal(findFormat('nope'), undefined);
  const b = (o: unknown) => Buffer.from(JSON.stringify(o, null, 2));
  assert.equal(sniffFormat('x.json', b(evtxDoc(1))).name, 'evtx-json');
  assert.equal(sniffFormat('x.json', b([ecsDoc(1)])).name, 'ecs-json');
  assert.equal(
    sniffFormat('x.json', Buffer.from('{"EventID":1,"Channel":"Security","Hostname":"h","TimeCreated":"x"}'))
      .name,
    'nxlog-json',
  );
  assert.throws(
    () => sniffFormat('notes.txt', Buffer.from('just some text'), 'dir/notes.txt'),
    (e: HaechiError) => {
      assert.equal(e.code, 'input');
      assert.equal(e.file, 'dir/notes.txt');
      assert.match(e.message, /known formats: .*evtx-json.*nxlog-json/);
      return true;
    },
  );
});

test('ECS as a streamed JSON array and as JSON lines', async () => {
  const docs = Array.from({ length: 2345 }, (_, i) => ecsDoc(i));
  for (const [name, text] of [
    ['ecs-array.json', JSON.stringify(docs, null, 2)],
    ['ecs.jsonl', docs.map((d) => JSON.stringify(d)).join('\n')],
  ] as const) {
    const { events, problems, batches } = await readAll(file(name, text), { batchSize: 500 });
    assert.deepEqual(problems, []);
    assert.equal(events.length, docs.length);
    assert.ok(batches.every((n) => n > 0));
    assert.ok(batches.length >= 4, `events come in several batches (${batches})`);
    for (const i of [0, 1, 1000, 2344]) {
      const e = events[i]!;
      assert.equal(e.time, Date.parse(docs[i]!['@timestamp']));
      assert.equal(e.fields.EventID, 1);
      assert.equal(e.fields.Computer, 'ws01.corp.local');
      assert.equal(e.fields.EventRecordID, 1000 + i);
      assert.equal(e.fields.CommandLine, `tool${i} --run`);
      assert.deepEqual(e.source, { kind: 'winjson', uri: join(dir, name), record: i + 1 });
    }
  }
});

test('flavours are detected per record in a mixed file; --format forces one', async () => {
  const p = file(
    'mixed.jsonl',
    [
      JSON.stringify(evtxDoc(1)),
      JSON.stringify(ecsDoc(2)),
      JSON.stringify({
        EventID: 4624,
        Channel: 'Security',
        Hostname: 'dc1',
        TimeCreated: '2024-01-01T00:00:00Z',
      }),
    ].join('\n'),
  );
  const auto = await readAll(p);
  assert.deepEqual(auto.problems, []);
  assert.deepEqual(
    auto.events.map((e) => e.fields.Computer),
    ['ws02', 'ws01.corp.local', 'dc1'],
  );
  const forced = await readAll(p, { format: 'ecs-json' });
  assert.equal(forced.events.length, 1);
  assert.deepEqual(
    forced.problems.map((x) => [x.record, x.line, x.field]),
    [
      [1, 1, '@timestamp'],
      [3, 3, '@timestamp'],
    ],
  );
  await assert.rejects(readAll(p, { format: 'no-such-format' }), (e: HaechiError) => {
    assert.equal(e.code, 'usage');
    assert.match(e.message, /known formats/);
    return true;
  });
});

test('corrupt records are reported with record and line, the rest read; strict stops with file and line', async () => {
  const lines = [
    JSON.stringify(evtxDoc(1)),
    '{"Event": {"System": {"EventID": 1, ', // broken JSON
    JSON.stringify(evtxDoc(3)),
    JSON.stringify({ Event: { System: { EventID: 1, Channel: 'x' } } }), // no time
    JSON.stringify(evtxDoc(5)),
    '[1, 2]', // not an object
    JSON.stringify(evtxDoc(7)),
  ];
  const p = file('corrupt.jsonl', `${lines.join('\n')}\n`);
  const { events, problems } = await readAll(p);
  assert.deepEqual(
    events.map((e) => e.source.record),
    [1, 3, 5, 7],
  );
  assert.deepEqual(
    problems.map((x) => [x.file, x.record, x.line, x.field, x.level]),
    [
      [p, 2, 2, undefined, 'error'],
      [p, 4, 4, 'Event.System.TimeCreated', 'error'],
      [p, 6, 6, undefined, 'error'],
    ],
  );
  assert.match(problems[0]!.reason, /invalid JSON/);
  assert.match(problems[2]!.reason, /expected a JSON object/);
  await assert.rejects(readAll(p, { strict: true }), (e: HaechiError) => {
    assert.ok(e instanceof HaechiError);
    assert.equal(e.code, 'input');
    assert.equal(e.file, p);
    assert.equal(e.line, 2);
    assert.equal(e.record, 2);
    return true;
  });

  // pretty-printed objects: the broken object's first line is reported
  const objs = [evtxDoc(1), evtxDoc(2), evtxDoc(3)].map((o) => JSON.stringify(o, null, 2));
  const broken = objs[1]!.replace('"EventRecordID": 502', '"EventRecordID": 502,,');
  const pretty = file('pretty.json', `${objs[0]}\n${broken}\n${objs[2]}\n${objs[2]!.slice(0, 40)}`);
  const r = await readAll(pretty);
  assert.deepEqual(
    r.events.map((e) => e.fields.EventRecordID),
    [501, 503],
  );
  const line2 = objs[0]!.split('\n').length + 1;
  const line4 = line2 + 2 * objs[1]!.split('\n').length;
  assert.deepEqual(
    r.problems.map((x) => [x.record, x.line]),
    [
      [2, line2],
      [4, line4],
    ],
  );
  assert.match(r.problems[1]!.reason, /truncated/);
  await assert.rejects(readAll(pretty, { strict: true }), (e: HaechiError) => e.line === line2);
});

test('readPaths: per-input statistics with grouped reasons; unknown inputs get an error, not a crash', async () => {
  const sub = join(dir, 'paths');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(sub);
  writeFileSync(join(sub, 'a.jsonl'), [evtxDoc(1), evtxDoc(2)].map((o) => JSON.stringify(o)).join('\n'));
  writeFileSync(
    join(sub, 'b.jsonl'),
    [
      JSON.stringify(evtxDoc(1)),
      '{"bad json',
      '{"also bad',
      JSON.stringify({
        Event: { System: { EventID: 1, TimeCreated: { '#attributes': { SystemTime: 'never' } } } },
      }),
    ].join('\n'),
  );
  writeFileSync(join(sub, 'c.txt'), 'README: not a log\n');
  writeFileSync(join(sub, 'd-empty.json'), '');
  const seen: RecordProblem[] = [];
  const out: { uri: string; events: number; stats: unknown }[] = [];
  for await (const r of readPaths([sub], { onProblem: (p) => seen.push(p) })) {
    let n = 0;
    for await (const b of r.batches) n += b.length;
    out.push({ uri: r.input.uri.slice(sub.length + 1), events: n, stats: r.stats });
  }
  assert.equal(seen.length, 3, 'problems are passed on');
  assert.deepEqual(out, [
    {
      uri: 'a.jsonl',
      events: 2,
      stats: {
        uri: join(sub, 'a.jsonl'),
        format: 'evtx-json',
        records: 2,
        events: 2,
        skipped: 0,
        warnings: 0,
        reasons: {},
      },
    },
    {
      uri: 'b.jsonl',
      events: 1,
      stats: {
        uri: join(sub, 'b.jsonl'),
        format: 'evtx-json',
        records: 4,
        events: 1,
        skipped: 3,
        warnings: 0,
        reasons: {
          'invalid JSON: Unterminated string in JSON at position N': 2,
          'invalid TimeCreated "…" [Event.System.TimeCreated]': 1,
        },
      },
    },
    {
      uri: 'c.txt',
      events: 0,
      stats: {
        uri: join(sub, 'c.txt'),
        records: 0,
        events: 0,
        skipped: 0,
        warnings: 0,
        reasons: {},
        error: out[2]?.stats && (out[2].stats as { error: string }).error,
      },
    },
    out[3],
  ]);
  assert.match((out[2]!.stats as { error: string }).error, /no reader recognises this input/);
  assert.deepEqual(out[3], {
    uri: 'd-empty.json',
    events: 0,
    stats: { uri: join(sub, 'd-empty.json'), records: 0, events: 0, skipped: 0, warnings: 0, reasons: {} },
  });
});

test('without onProblem, problems become process warnings rather than vanishing', async () => {
  const p = file('warn.jsonl', `${JSON.stringify(evtxDoc(1))}\n{"broken\n`);
  const warnings: string[] = [];
  const listener = (w: Error) => warnings.push(w.message);
  process.on('warning', listener);
  try {
    let n = 0;
    for await (const input of discoverInputs([p])) for await (const b of readEvents(input)) n += b.length;
    assert.equal(n, 1);
    await new Promise((r) => setImmediate(r));
  } finally {
    process.off('warning', listener);
  }
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /warn\.jsonl:2 record 2: invalid JSON/);
});

test('the timezone reader setting places zone-less times; a bad one is a config error', async () => {
  const p = file(
    'local.jsonl',
    `${JSON.stringify({ EventID: 4624, Channel: 'Security', Hostname: 'dc1', TimeCreated: '2024-01-01 09:00:00.250' })}\n`,
  );
  const utc = await readAll(p);
  assert.equal(utc.events[0]!.time, Date.UTC(2024, 0, 1, 9, 0, 0, 250));
  assert.equal(utc.problems.length, 1, 'taking it as UTC is flagged');
  assert.equal(utc.problems[0]!.level, 'warning');
  const seoul = await readAll(p, { settings: { timezone: '+09:00' } });
  assert.equal(seoul.events[0]!.time, Date.UTC(2024, 0, 1, 0, 0, 0, 250));
  assert.deepEqual(seoul.problems, []);
  await assert.rejects(readAll(p, { settings: { timezone: 'Mars/Olympus' } }), (e: HaechiError) => {
    assert.equal(e.code, 'config');
    assert.match(e.message, /invalid timezone/);
    return true;
  });
});

test('an aborted read stops', async () => {
  const docs = Array.from({ length: 5000 }, (_, i) => JSON.stringify(evtxDoc(i))).join('\n');
  const p = file('abort.jsonl', docs);
  const ac = new AbortController();
  let n = 0;
  await assert.rejects(
    (async () => {
      for await (const input of discoverInputs([p])) {
        for await (const b of readEvents(input, { signal: ac.signal, batchSize: 100 })) {
          n += b.length;
          ac.abort(new Error('stop here'));
        }
      }
    })(),
    /stop here/,
  );
  assert.ok(n > 0 && n < 5000, `stopped after ${n} events`);
});

test("records before a host's first Sysmon event get its measured clock (bounded look-ahead)", async () => {
  const sec = (t: string, host = 'ws1') => ({
    EventID: 4624,
    Channel: 'Security',
    Hostname: host,
    TimeCreated: t,
  });
  const lines = [
    sec('2024-01-01 08:59:58.000'),
    sec('2024-01-01 08:59:59.000'),
    sec('2024-01-01 09:00:00.000', 'other'),
    // Sysmon: local 09:00:01 is 00:00:01 UTC, so this host's clock runs at +9 h
    {
      ...sec('2024-01-01 09:00:01.000'),
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      UtcTime: '2024-01-01 00:00:00.990',
    },
    sec('2024-01-01 09:00:02.000'),
  ];
  const p = file('lookahead.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
  const { events, problems } = await readAll(p);
  assert.deepEqual(
    events.map((e) => [e.source.record, new Date(e.time).toISOString()]),
    [
      [1, '2023-12-31T23:59:58.000Z'],
      [2, '2023-12-31T23:59:59.000Z'],
      [3, '2024-01-01T09:00:00.000Z'],
      [4, '2024-01-01T00:00:01.000Z'],
      [5, '2024-01-01T00:00:02.000Z'],
    ],
  );
  // host "other" never shows a Sysmon clock: its time was taken as UTC, and that is said
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.level, 'warning');
  assert.match(problems[0]!.reason, /no time zone/);
});
