/**
 * Binary XML built by hand (libevtx-format.asciidoc, "Binary XML", "Value types"): every token
 * type and value type, rendered to evtx_dump JSON and Windows XML.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkContext } from './binxml.js';
import { stringifyEvtxJson, toEvtxJson, toXml } from './render.js';

/** Writes BinXML into a 64 KiB chunk buffer; names are always defined inline. */
class W {
  readonly buf = Buffer.alloc(65536);
  p = 512;
  u8(v: number) {
    this.buf[this.p++] = v;
    return this;
  }
  u16(v: number) {
    this.buf.writeUInt16LE(v, this.p);
    this.p += 2;
    return this;
  }
  u32(v: number) {
    this.buf.writeUInt32LE(v >>> 0, this.p);
    this.p += 4;
    return this;
  }
  bytes(b: number[] | Buffer) {
    for (const x of b) this.u8(x);
    return this;
  }
  utf16(s: string) {
    this.buf.write(s, this.p, 'utf16le');
    this.p += s.length * 2;
    return this;
  }
  name(s: string) {
    this.u32(this.p + 4); // offset of the name: right here (inline)
    return this.u32(0).u16(0).u16(s.length).utf16(s).u16(0);
  }
  open(name: string, attrs = false) {
    return this.u8(attrs ? 0x41 : 0x01)
      .u16(0xffff)
      .u32(0)
      .name(name)
      .bytes(attrs ? [0, 0, 0, 0] : []);
  }
  attr(name: string, last: boolean) {
    return this.u8(last ? 0x06 : 0x46).name(name);
  }
  text(s: string) {
    return this.u8(0x05).u8(0x01).u16(s.length).utf16(s);
  }
  subst(i: number, type: number, optional = false) {
    return this.u8(optional ? 0x0e : 0x0d)
      .u16(i)
      .u8(type);
  }
  close() {
    return this.u8(0x02);
  }
  closeEmpty() {
    return this.u8(0x03);
  }
  end() {
    return this.u8(0x04);
  }
  /** <name>subst</name> or <Data Name="name">subst</Data> */
  data(dataName: string, i: number, type: number, optional = false) {
    return this.open('Data', true).attr('Name', true).text(dataName).close().subst(i, type, optional).end();
  }
}

const filetime = (iso: string, hundredNs: number) => {
  const ms = Date.parse(iso);
  return BigInt(ms) * 10000n + BigInt(hundredNs) + 116444736000000000n;
};

test('every token and value type renders as evtx_dump and Windows do', () => {
  const w = new W();
  // record: a PI, then a fragment with a template instance whose definition follows inline
  w.u8(0x0a).name('xml-stylesheet').u8(0x0b).u16(4).utf16('href');
  w.bytes([0x0f, 1, 1, 0])
    .u8(0x0c)
    .u8(1)
    .u32(7)
    .u32(w.p + 4);
  const defStart = w.p;
  w.u32(0).bytes(new Array(16).fill(0xab)).u32(0); // next, GUID, size (patched below)
  const bodyStart = w.p;
  w.bytes([0x0f, 1, 1, 0]);
  w.open('Event', true)
    .attr('xmlns', true)
    .text('http://schemas.microsoft.com/win/2004/08/events/event')
    .close();
  w.open('System').close();
  w.open('EventID').close().subst(0, 0x06).end();
  w.open('TimeCreated', true).attr('SystemTime', true).subst(1, 0x11).closeEmpty();
  w.open('Computer').close().subst(2, 0x01).end();
  w.open('Security', true).attr('UserID', true).subst(3, 0x13, true).closeEmpty();
  w.open('Correlation', true).attr('ActivityID', true).subst(14, 0x0f, true).closeEmpty();
  w.end();
  w.open('EventData').close();
  w.data('G', 4, 0x0f).data('H32', 5, 0x14).data('H64', 6, 0x15).data('SZ', 7, 0x10).data('ST', 8, 0x12);
  w.data('B', 9, 0x0d).data('BIN', 10, 0x0e).data('R', 11, 0x0c).data('I8', 12, 0x03).data('ARR', 13, 0x81);
  w.data('OPT', 14, 0x0f, true).data('X', 15, 0x21).data('F32', 16, 0x0b).data('U64', 17, 0x0a);
  w.open('Data', true).attr('Name', true).text('Mixed').close();
  w.text('a').u8(0x09).name('lt').u8(0x08).u16(65).u8(0x07).u16(1).utf16('c').end();
  w.end(); // EventData
  w.end(); // Event
  w.u8(0x00);
  w.buf.writeUInt32LE(w.p - bodyStart, defStart + 20);
  // values
  const ft = Buffer.alloc(8);
  ft.writeBigUInt64LE(filetime('2016-07-08T18:12:51.681Z', 6408));
  const sid = [1, 4, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0];
  const guid = [
    0x25, 0x96, 0x84, 0x54, 0x78, 0x54, 0x94, 0x49, 0xa5, 0xba, 0x3e, 0x3b, 0x03, 0x28, 0xc3, 0x0d,
  ];
  const u64 = (v: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(v);
    return [...b];
  };
  const systime = [2017, 4, 5, 21, 10, 41, 18, 123].flatMap((v) => [v & 255, v >> 8]);
  const r64 = Buffer.alloc(8);
  r64.writeDoubleLE(1.5);
  const r32 = Buffer.alloc(4);
  r32.writeFloatLE(0.1);
  const arr = Buffer.from('a\0b\0', 'utf16le');
  const computer = Buffer.from('HOST-1', 'utf16le');
  const inner = new W();
  inner.p = 0;
  inner.bytes([0x0f, 1, 1, 0]).u8(0x01).u32(0); // element start without dependency identifier
  const embedded: number[] = [];
  const values: [number, number[]][] = [
    [0x06, [0x10, 0x12]], // 4624
    [0x11, [...ft]],
    [0x01, [...computer]],
    [0x13, sid],
    [0x0f, guid],
    [0x14, [0xe7, 0x03, 0, 0]],
    [0x15, u64(0x8020000000000000n)],
    [0x10, u64(0x10n)],
    [0x12, systime],
    [0x0d, [2, 0, 0, 0]], // an irregular boolean: non-zero is true
    [0x0e, [0xde, 0xad]],
    [0x0c, [...r64]],
    [0x03, [0xfb]],
    [0x81, [...arr]],
    [0x00, []],
    [0x21, embedded],
    [0x0b, [...r32]],
    [0x0a, u64(18446744073709551615n)],
  ];
  // embedded BinXML: <Inner>v</Inner>, names resolved against the chunk (placed after the values)
  const valuesStart = w.p + 4 + values.length * 4;
  const embeddedAt = valuesStart + values.slice(0, 15).reduce((a, [, b]) => a + b.length, 0);
  const e = new W();
  e.p = embeddedAt;
  e.bytes([0x0f, 1, 1, 0]).u8(0x01).u32(0).name('Inner').close().text('v').end().u8(0x00);
  embedded.push(...e.buf.subarray(embeddedAt, e.p));
  w.u32(values.length);
  for (const [t, b] of values) w.u16(b.length).u8(t).u8(0);
  for (const [, b] of values) w.bytes(b);
  const end = w.p;

  const ctx = new ChunkContext(w.buf);
  const nodes = ctx.parseRecord(512, end);
  // biome-ignore lint/suspicious/noExplicitAny: the rendered JSON's shape is what is under test
  const json = toEvtxJson(nodes) as Record<string, any>;
  const ev = json.Event;
  assert.equal(ev['#attributes'].xmlns, 'http://schemas.microsoft.com/win/2004/08/events/event');
  assert.equal(ev.System.EventID, 4624);
  assert.equal(ev.System.TimeCreated['#attributes'].SystemTime, '2016-07-08T18:12:51.681640Z');
  assert.equal(ev.System.Computer, 'HOST-1');
  assert.deepEqual(ev.System.Security, { '#attributes': { UserID: 'S-1-5-21-1-2-3' } });
  assert.equal(ev.System.Correlation, null); // optional NULL substitution: attribute left out
  assert.deepEqual(ev.EventData, {
    G: '54849625-5478-4994-A5BA-3E3B0328C30D',
    H32: '0x3e7',
    H64: '0x8020000000000000',
    SZ: '0x10',
    ST: '2017-04-21T10:41:18.123000Z',
    B: true,
    BIN: 'DEAD',
    R: '1.5',
    I8: -5,
    ARR: 'b', // the array repeats <Data Name="ARR">; the later key wins in JSON
    OPT: '',
    X: { '#attributes': { Name: 'X' }, Inner: 'v' }, // element content: an object, as evtx_dump
    F32: '0.1',
    U64: Number(18446744073709551615n), // the nearest double, as JSON.parse of evtx_dump's output
    Mixed: 'a&lt;&#65;c',
  });
  // the JSON text (evtx dump --jsonl) keeps 64-bit integers exact
  assert.match(stringifyEvtxJson(toEvtxJson(nodes, true)), /"U64":18446744073709551615,/);
  const xml = toXml(nodes);
  assert.match(
    xml,
    /^<\?xml-stylesheet href\?>\n<Event xmlns="http:\/\/schemas.microsoft.com\/win\/2004\/08\/events\/event">\n/,
  );
  assert.match(xml, /<TimeCreated SystemTime="2016-07-08T18:12:51.6816408Z"\/>/);
  assert.match(xml, /<Correlation\/>/);
  assert.match(xml, /<Data Name="G">\{54849625-5478-4994-A5BA-3E3B0328C30D\}<\/Data>/);
  assert.match(xml, /<Data Name="ST">2017-04-21T10:41:18.123Z<\/Data>/);
  assert.match(xml, /<Data Name="ARR">a<\/Data>\n\s*<Data Name="ARR">b<\/Data>/);
  assert.match(xml, /<Data Name="OPT"\/>/);
  assert.match(xml, /<Data Name="X">\n\s*<Inner>v<\/Inner>\n\s*<\/Data>/);
  assert.match(xml, /<Data Name="U64">18446744073709551615<\/Data>/);
  assert.match(xml, /<Data Name="Mixed">a&lt;&#65;<!\[CDATA\[c\]\]><\/Data>/);
});

test('damaged BinXML fails cleanly: truncation, bad tokens, self-referencing templates', () => {
  const w = new W();
  w.bytes([0x0f, 1, 1, 0]).open('Event').close().text('x');
  const ctx = new ChunkContext(w.buf);
  // cut inside the element: an error naming what is truncated, not a crash or a loop
  assert.throws(() => ctx.parseRecord(512, w.p - 3), /truncated|expected/);
  const t = new W();
  t.bytes([0x0f, 1, 1, 0]).u8(0x0c).u8(1).u32(1).u32(600); // template at 600 ...
  t.p = 600;
  t.u32(0).bytes(new Array(16).fill(0)).u32(20).bytes([0x0f, 1, 1, 0]).u8(0x0c).u8(1).u32(1).u32(600); // ... refers to itself
  assert.throws(
    () => new ChunkContext(t.buf).parseRecord(512, 560),
    /template at chunk offset 600 is missing or damaged/,
  );
  const deep = new W();
  deep.bytes([0x0f, 1, 1, 0]);
  for (let i = 0; i < 200; i++) deep.open('E').close();
  assert.throws(() => new ChunkContext(deep.buf).parseRecord(512, deep.p), /nested too deeply/);
});
