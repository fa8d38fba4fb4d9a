import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonRecordSplitter, type SplitProblem, type SplitRecord } from './json-stream.js';

/** Runs the splitter over `text` cut into chunks at the given sizes (cycled). */
function split(text: string | Buffer, sizes: number[] = [1 << 20]) {
  const records: SplitRecord[] = [];
  const problems: SplitProblem[] = [];
  const s = new JsonRecordSplitter(
    (r) => records.push(r),
    (p) => problems.push(p),
  );
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let off = 0;
  let k = 0;
  while (off < buf.length) {
    const n = sizes[k++ % sizes.length]!;
    s.push(buf.subarray(off, off + n));
    off += n;
  }
  s.end();
  // the records JSON.parse accepts (broken JSON lines are handed over and fail there)
  const values = records.flatMap((r) => {
    try {
      return [JSON.parse(r.text)];
    } catch {
      return [];
    }
  });
  return { records, problems, values };
}

// records whose strings contain every character the splitter must not be fooled by
const tricky = [
  { a: 'brace } and { bracket ] [', b: 'quote " and backslash \\', c: '\\"', d: '\\\\' },
  { nested: { deep: [1, { x: '}' }], e: 'é中😀' }, empty: {}, arr: [] },
  { last: 'ends with backslash \\' },
];

const containers: Record<string, string> = {
  pretty: tricky.map((o) => JSON.stringify(o, null, 2)).join('\n'),
  prettyNoNewline: tricky.map((o) => JSON.stringify(o, null, 2)).join(''),
  jsonl: `${tricky.map((o) => JSON.stringify(o)).join('\n')}\n`,
  jsonlCrlf: `${tricky.map((o) => JSON.stringify(o)).join('\r\n')}\r\n`,
  arrayPretty: JSON.stringify(tricky, null, 2),
  arrayCompact: JSON.stringify(tricky),
  arrayPerLine: `[\n${tricky.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`,
};

for (const [name, text] of Object.entries(containers)) {
  test(`splits ${name} identically whatever the chunk boundaries`, () => {
    for (const sizes of [[1 << 20], [1], [2, 3, 5, 7], [13], [64]]) {
      const r = split(text, sizes);
      assert.deepEqual(r.problems, [], `chunks ${sizes}`);
      assert.deepEqual(r.values, tricky, `chunks ${sizes}`);
      assert.deepEqual(
        r.records.map((x) => x.record),
        [1, 2, 3],
      );
    }
  });
}

test('line numbers of records in pretty and JSON lines input', () => {
  const pretty = split(containers.pretty!);
  const expected: number[] = [];
  let line = 1;
  for (const o of tricky) {
    expected.push(line);
    line += JSON.stringify(o, null, 2).split('\n').length;
  }
  assert.deepEqual(
    pretty.records.map((r) => r.line),
    expected,
  );
  const jsonl = split(`\n${containers.jsonl}`, [7]);
  assert.deepEqual(
    jsonl.records.map((r) => r.line),
    [2, 3, 4],
  );
});

test('UTF-8 byte order mark is ignored', () => {
  const r = split(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(containers.jsonl!)]), [2]);
  assert.deepEqual(r.values, tricky);
});

test('a broken JSON line is reported with its record and line, the next lines still read', () => {
  const lines = ['{"n":1}', '{"n":2, "s": "cut', '{"n":3}', '', '{"n":4 ,}', '{"n":5}'];
  const r = split(`${lines.join('\n')}\n`, [3]);
  // the splitter hands every line over; JSON.parse rejects the broken ones
  const texts = r.records.map((x) => x.text);
  assert.equal(r.records.length, 5);
  assert.deepEqual(
    r.records.map((x) => [x.record, x.line]),
    [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 5],
      [5, 6],
    ],
  );
  assert.throws(() => JSON.parse(texts[1]!));
  assert.equal(JSON.parse(texts[2]!).n, 3);
  assert.equal(JSON.parse(texts[4]!).n, 5);
});

test('a truncated pretty object is reported and the next object still read', () => {
  const a = JSON.stringify({ n: 1, inner: { x: 1 } }, null, 2);
  const b = JSON.stringify({ n: 2, inner: { x: 2 } }, null, 2);
  const c = JSON.stringify({ n: 3 }, null, 2);
  // object 2 is cut in the middle of its nested object (no string open)
  const cut = b.slice(0, b.indexOf('"x"'));
  for (const sizes of [[1 << 20], [5]]) {
    const r = split(`${a}\n${cut}\n${c}\n`, sizes);
    assert.deepEqual(
      r.values.map((v) => v.n),
      [1, 3],
    );
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.record, 2);
    assert.equal(r.problems[0]!.line, a.split('\n').length + 1);
    assert.match(r.problems[0]!.reason, /truncated/);
    assert.equal(r.records[1]!.record, 3, 'record numbers count the broken record');
  }
});

test('a record cut inside a string is reported and the splitter resynchronises', () => {
  const a = JSON.stringify({ n: 1, s: 'x' }, null, 2);
  const b = JSON.stringify({ n: 2, s: 'long text here' }, null, 2);
  const c = JSON.stringify({ n: 3, s: 'y' }, null, 2);
  const cut = b.slice(0, b.indexOf('text'));
  const r = split(`${a}\n${cut}\n${c}\n`, [4]);
  assert.deepEqual(
    r.values.map((v) => v.n),
    [1, 3],
  );
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.record, 2);
  assert.match(r.problems[0]!.reason, /inside a string/);
});

test('a truncated last object is reported', () => {
  const a = JSON.stringify({ n: 1 }, null, 2);
  const b = JSON.stringify({ n: 2, more: [1, 2, 3] }, null, 2);
  const r = split(`${a}\n${b.slice(0, -5)}`);
  assert.deepEqual(
    r.values.map((v) => v.n),
    [1],
  );
  assert.deepEqual(r.problems, [
    {
      reason: 'truncated record: the input ends before the record closes',
      record: 2,
      line: a.split('\n').length + 1,
    },
  ]);
  const lines = split('{"n":1}\n{"n":2');
  assert.equal(lines.records.length, 2, 'JSON lines: the cut last line is handed over and fails to parse');
  assert.throws(() => JSON.parse(lines.records[1]!.text));
});

test('an unterminated array is reported; text between records is reported', () => {
  const r = split('[{"n":1},\n{"n":2}');
  assert.deepEqual(
    r.values.map((v) => v.n),
    [1, 2],
  );
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!.reason, /truncated array/);

  const g = split('{"n":1}\n{"n":2}\ngarbage here\n{"n":3}\n');
  assert.deepEqual(
    g.values.map((v) => v.n),
    [1, 2, 3],
  );
  assert.equal(g.records[2]!.text, 'garbage here', 'JSON lines mode hands the garbage line over as a record');
  const pretty = split(
    `${JSON.stringify({ n: 1 }, null, 2)}\ngarbage\n${JSON.stringify({ n: 2 }, null, 2)}\n`,
  );
  assert.deepEqual(
    pretty.values.map((v) => v.n),
    [1, 2],
  );
  assert.equal(pretty.problems.length, 1);
  assert.equal(pretty.problems[0]!.line, 4);
  assert.equal(pretty.problems[0]!.record, undefined);
});

test('a record over the size limit is reported and skipped, memory stays bounded', () => {
  const run = (text: string, chunk: number) => {
    const records: SplitRecord[] = [];
    const problems: SplitProblem[] = [];
    const s = new JsonRecordSplitter(
      (r) => records.push(r),
      (p) => problems.push(p),
      100,
    );
    const buf = Buffer.from(text);
    for (let i = 0; i < buf.length; i += chunk) s.push(buf.subarray(i, i + chunk));
    s.end();
    return { values: records.map((r) => JSON.parse(r.text)), records, problems };
  };
  const big = { n: 2, blob: 'x'.repeat(400) };
  const lines = run(`{"n":1}\n${JSON.stringify(big)}\n{"n":3}\n`, 16);
  assert.deepEqual(
    lines.values.map((v) => v.n),
    [1, 3],
  );
  assert.deepEqual(
    lines.problems.map((p) => [p.record, p.line]),
    [[2, 2]],
  );
  assert.match(lines.problems[0]!.reason, /larger than/);
  assert.deepEqual(
    lines.records.map((r) => [r.record, r.line]),
    [
      [1, 1],
      [3, 3],
    ],
  );
  // a single-line array element: the giant element is dropped, the following ones still read
  const arr = run(JSON.stringify([{ n: 1 }, big, { n: 3 }], null, 2), 16);
  assert.equal(arr.problems.length, 1);
  assert.equal(arr.problems[0]!.record, 2);
  assert.deepEqual(
    arr.values.map((v) => v.n),
    [1, 3],
  );
});
