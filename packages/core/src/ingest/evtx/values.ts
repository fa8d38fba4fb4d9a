/**
 * EVTX value types (libevtx-format.asciidoc, "Value types"): decoding from the substitution data
 * of a template instance, and the two textual forms the renderers need:
 * - the evtx_dump (Rust `evtx` crate) JSON text: GUID upper-case without braces, FILETIME and
 *   SYSTEMTIME as `YYYY-MM-DDTHH:MM:SS.ffffffZ`, hex integers `0x` + lower-case digits,
 *   binary as upper-case hex, arrays comma-joined;
 * - the Windows XML text (as EvtRender / Event Viewer and libevtx show it): GUID in braces,
 *   FILETIME with 100 ns precision (`.fffffffZ`), SYSTEMTIME with milliseconds.
 */
import { TextDecoder } from 'node:util';

export enum VT {
  Null = 0x00,
  String = 0x01,
  Ansi = 0x02,
  Int8 = 0x03,
  UInt8 = 0x04,
  Int16 = 0x05,
  UInt16 = 0x06,
  Int32 = 0x07,
  UInt32 = 0x08,
  Int64 = 0x09,
  UInt64 = 0x0a,
  Real32 = 0x0b,
  Real64 = 0x0c,
  Bool = 0x0d,
  Binary = 0x0e,
  Guid = 0x0f,
  SizeT = 0x10,
  FileTime = 0x11,
  SysTime = 0x12,
  Sid = 0x13,
  HexInt32 = 0x14,
  HexInt64 = 0x15,
  EvtHandle = 0x20,
  BinXml = 0x21,
  EvtXml = 0x23,
  Array = 0x80,
}

/** A FILETIME split exactly: whole seconds since 1601-01-01 and the 100 ns remainder. */
export interface FileTime {
  readonly secs: number;
  readonly frac: number;
}

/** A SYSTEMTIME as stored (libevtx-format.asciidoc, "Systemtime"). */
export interface SysTime {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  readonly ms: number;
}

/**
 * A decoded scalar: string (strings, GUID text, SID, hex integers, binary as hex), number,
 * boolean, FileTime or SysTime. Arrays are JS arrays of scalars.
 */
export type Scalar = string | number | bigint | boolean | FileTime | SysTime;

let ansi: TextDecoder;
try {
  ansi = new TextDecoder('windows-1252');
} catch {
  ansi = new TextDecoder('latin1');
}

/**
 * UTF-16LE to string. Very short strings are built with String.fromCharCode; the rest go through
 * Buffer's native UCS-2 slice, which is several times cheaper than TextDecoder for the short
 * values EVTX is full of (surrogate pairs pass through unchanged, as in UTF-16).
 */
export function decodeUtf16(buf: Uint8Array, start: number, end: number): string {
  const n = (end - start) >> 1;
  if (n <= 0) return '';
  if (n <= 8) {
    let s = '';
    for (let i = start; i < start + n * 2; i += 2) s += String.fromCharCode(buf[i] | (buf[i + 1] << 8));
    return s;
  }
  return ucs2Slice.call(buf, start, start + n * 2) as string;
}

const ucs2Slice = (Buffer.prototype as unknown as { ucs2Slice: (s: number, e: number) => string }).ucs2Slice;

/** UTF-16 up to the first NUL unit (how Windows and evtx_dump read substitution strings). */
export function decodeUtf16Z(buf: Uint8Array, start: number, end: number): string {
  // Decoded natively, then cut at the first U+0000 (the same place as a scan of the code units:
  // decoding maps code units one to one). Most values end with exactly one NUL: leave it out of
  // the decoding rather than slicing it off.
  let e = start + ((end - start) & ~1);
  if (e - start >= 2 && buf[e - 2] === 0 && buf[e - 1] === 0) e -= 2;
  const s = decodeUtf16(buf, start, e);
  const z = s.indexOf('\u0000');
  return z < 0 ? s : s.slice(0, z);
}

function decodeAnsiZ(buf: Uint8Array, start: number, end: number): string {
  // (native searches: the first NUL, then any byte above 0x7e, which needs the code page)
  let e = buf.indexOf(0, start);
  if (e < 0 || e > end) e = end;
  const s = Buffer.prototype.latin1Slice.call(buf, start, e) as string;
  return NOT_ASCII.test(s) ? ansi.decode(buf.subarray(start, e)) : s;
}

const NOT_ASCII = /[^\x00-\x7e]/;

const HEX_UP = '0123456789ABCDEF';

export function hexUpper(buf: Uint8Array, start: number, end: number): string {
  return Buffer.prototype.hexSlice.call(buf, start, end).toUpperCase() as string;
}

/** two-character upper-case hex of every byte, made once */
const HEX2: string[] = Array.from({ length: 256 }, (_v, b) => HEX_UP[b >> 4] + HEX_UP[b & 15]);

function hexByte(b: number): string {
  return HEX2[b];
}

/** GUID text in evtx_dump form: upper-case, no braces (data1-3 little-endian). */
export function guidText(buf: Uint8Array, p: number): string {
  let s = hexByte(buf[p + 3]) + hexByte(buf[p + 2]) + hexByte(buf[p + 1]) + hexByte(buf[p]);
  s += '-';
  s += hexByte(buf[p + 5]) + hexByte(buf[p + 4]);
  s += '-';
  s += hexByte(buf[p + 7]) + hexByte(buf[p + 6]);
  s += '-';
  s += hexByte(buf[p + 8]) + hexByte(buf[p + 9]);
  s += '-';
  for (let i = 10; i < 16; i++) s += hexByte(buf[p + i]);
  return s;
}

/** SID text `S-R-A-S1-..` (MS-DTYP 2.4.2.1); a truncated SID shows the parts that are there. */
export function sidText(buf: Uint8Array, p: number, end: number): string {
  if (end - p < 8) return 'S-?';
  const rev = buf[p];
  const count = buf[p + 1];
  let auth = 0;
  for (let i = 2; i < 8; i++) auth = auth * 256 + buf[p + i];
  let s = `S-${rev}-${auth}`;
  let q = p + 8;
  for (let i = 0; i < count && q + 4 <= end; i++, q += 4) {
    s += `-${(buf[q] | (buf[q + 1] << 8) | (buf[q + 2] << 16) | (buf[q + 3] << 24)) >>> 0}`;
  }
  return s;
}

function u32(buf: Uint8Array, p: number): number {
  return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
}

/** 64-bit unsigned: a number when exact (below 2^53), else a bigint. */
function u64(buf: Uint8Array, p: number): number | bigint {
  const hi = u32(buf, p + 4);
  if (hi < 0x200000) return hi * 4294967296 + u32(buf, p);
  return new DataView(buf.buffer, buf.byteOffset + p, 8).getBigUint64(0, true);
}

function i64(buf: Uint8Array, p: number): number | bigint {
  const hi = u32(buf, p + 4);
  if (hi < 0x200000) return hi * 4294967296 + u32(buf, p);
  const v = new DataView(buf.buffer, buf.byteOffset + p, 8).getBigInt64(0, true);
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

function hex64(buf: Uint8Array, p: number): string {
  const hi = u32(buf, p + 4);
  const lo = u32(buf, p);
  if (hi === 0) return `0x${lo.toString(16)}`;
  return `0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`;
}

export function fileTimeAt(buf: Uint8Array, p: number): FileTime {
  const lo = u32(buf, p);
  const hi = u32(buf, p + 4);
  // T = hi * 2^32 + lo = hi * 429 * 10^7 + (hi * 4967296 + lo); the second term stays exact
  // for every date a log can hold.
  const a = hi * 4967296 + lo;
  const secs = hi * 429 + Math.floor(a / 1e7);
  return { secs, frac: a % 1e7 };
}

/** FILETIME seconds since 1601 to Unix epoch seconds. */
const EPOCH_DIFF = 11644473600;

export function fileTimeMs(ft: FileTime): number {
  return (ft.secs - EPOCH_DIFF) * 1000 + Math.floor(ft.frac / 10000);
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** one-entry memo: consecutive records mostly fall in the same second */
let isoMemoSecs = Number.NaN;
let isoMemoText = '';

function isoSeconds(unixSecs: number): string {
  if (unixSecs === isoMemoSecs) return isoMemoText;
  const text = isoSecondsUncached(unixSecs);
  isoMemoSecs = unixSecs;
  isoMemoText = text;
  return text;
}

function isoSecondsUncached(unixSecs: number): string {
  const d = new Date(unixSecs * 1000);
  if (Number.isNaN(d.getTime())) return '1601-01-01T00:00:00';
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ, or ±YYYYYY-... outside years 0-9999
  return iso.slice(0, iso.length - 5);
}

/** evtx_dump form: microseconds. */
export function fileTimeJson(ft: FileTime): string {
  return `${isoSeconds(ft.secs - EPOCH_DIFF)}.${pad(Math.floor(ft.frac / 10), 6)}Z`;
}

/** Windows form: 100 ns. */
export function fileTimeXml(ft: FileTime): string {
  return `${isoSeconds(ft.secs - EPOCH_DIFF)}.${pad(ft.frac, 7)}Z`;
}

function sysTimeAt(buf: Uint8Array, p: number): SysTime {
  const w = (i: number) => buf[p + i] | (buf[p + i + 1] << 8);
  return { y: w(0), mo: w(2), d: w(6), h: w(8), mi: w(10), s: w(12), ms: w(14) };
}

function sysTimeBase(t: SysTime): string {
  return `${pad(t.y, 4)}-${pad(t.mo, 2)}-${pad(t.d, 2)}T${pad(t.h, 2)}:${pad(t.mi, 2)}:${pad(t.s, 2)}`;
}

export function isFileTime(v: unknown): v is FileTime {
  return typeof v === 'object' && v !== null && 'secs' in v;
}

export function isSysTime(v: unknown): v is SysTime {
  return typeof v === 'object' && v !== null && 'mo' in v;
}

export function sysTimeMs(t: SysTime): number {
  return Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s, t.ms);
}

/** Shortest round-trip text of a 32-bit float (what evtx_dump prints for Real32). */
function f32Text(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p <= 9; p++) {
    const s = Number(v.toPrecision(p));
    if (Math.fround(s) === v) return floatText(s);
  }
  return floatText(v);
}

function floatText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const s = String(v);
  return s.includes('e+') ? s.replace('e+', 'e') : s;
}

const FIXED_SIZE: Record<number, number> = {
  [VT.Int8]: 1,
  [VT.UInt8]: 1,
  [VT.Int16]: 2,
  [VT.UInt16]: 2,
  [VT.Int32]: 4,
  [VT.UInt32]: 4,
  [VT.Int64]: 8,
  [VT.UInt64]: 8,
  [VT.Real32]: 4,
  [VT.Real64]: 8,
  [VT.Bool]: 4,
  [VT.Guid]: 16,
  [VT.FileTime]: 8,
  [VT.SysTime]: 16,
  [VT.HexInt32]: 4,
  [VT.HexInt64]: 8,
};

/** Decode one scalar of type `t` stored in [p, end). Returns undefined when the size is wrong. */
export function decodeScalar(t: number, buf: Uint8Array, p: number, end: number): Scalar | undefined {
  const n = end - p;
  switch (t) {
    case VT.String:
      return decodeUtf16Z(buf, p, end);
    case VT.Ansi:
      return decodeAnsiZ(buf, p, end);
    case VT.Int8:
      return n >= 1 ? (buf[p] << 24) >> 24 : undefined;
    case VT.UInt8:
      return n >= 1 ? buf[p] : undefined;
    case VT.Int16:
      return n >= 2 ? ((buf[p] | (buf[p + 1] << 8)) << 16) >> 16 : undefined;
    case VT.UInt16:
      return n >= 2 ? buf[p] | (buf[p + 1] << 8) : undefined;
    case VT.Int32:
      return n >= 4 ? u32(buf, p) | 0 : undefined;
    case VT.UInt32:
      return n >= 4 ? u32(buf, p) : undefined;
    case VT.Int64:
      return n >= 8 ? i64(buf, p) : undefined;
    case VT.UInt64:
      return n >= 8 ? u64(buf, p) : undefined;
    case VT.Real32:
      return n >= 4 ? new DataView(buf.buffer, buf.byteOffset + p, 4).getFloat32(0, true) : undefined;
    case VT.Real64:
      return n >= 8 ? new DataView(buf.buffer, buf.byteOffset + p, 8).getFloat64(0, true) : undefined;
    case VT.Bool: {
      // Irregular booleans (values other than 0/1, sizes other than 4) exist in real logs: any
      // non-zero byte is true.
      let any = false;
      for (let i = p; i < end; i++) if (buf[i] !== 0) any = true;
      return any;
    }
    case VT.Binary:
      return hexUpper(buf, p, end);
    case VT.Guid:
      return n >= 16 ? guidText(buf, p) : undefined;
    case VT.SizeT:
      // "should be paired with HexInt32 or HexInt64" (Normal substitution): the width decides.
      if (n === 4) return `0x${u32(buf, p).toString(16)}`;
      return n >= 8 ? hex64(buf, p) : undefined;
    case VT.FileTime:
      return n >= 8 ? fileTimeAt(buf, p) : undefined;
    case VT.SysTime:
      return n >= 16 ? sysTimeAt(buf, p) : undefined;
    case VT.Sid:
      return sidText(buf, p, end);
    case VT.HexInt32:
      return n >= 4 ? `0x${u32(buf, p).toString(16)}` : undefined;
    case VT.HexInt64:
      return n >= 8 ? hex64(buf, p) : undefined;
    default:
      return undefined;
  }
}

/** Decode an array value (type | 0x80): strings are NUL-terminated, the rest fixed-width. */
export function decodeArray(t: number, buf: Uint8Array, p: number, end: number): Scalar[] | undefined {
  const base = t & 0x7f;
  const out: Scalar[] = [];
  if (base === VT.String) {
    let s = p;
    for (let i = p; i + 1 < end; i += 2) {
      if ((buf[i] | buf[i + 1]) === 0) {
        out.push(decodeUtf16(buf, s, i));
        s = i + 2;
      }
    }
    if (s + 1 < end) out.push(decodeUtf16(buf, s, end - ((end - s) & 1)));
    return out;
  }
  if (base === VT.Ansi) {
    let s = p;
    for (let i = p; i < end; i++) {
      if (buf[i] === 0) {
        out.push(decodeAnsiZ(buf, s, i));
        s = i + 1;
      }
    }
    if (s < end) out.push(decodeAnsiZ(buf, s, end));
    return out;
  }
  if (base === VT.Sid) {
    let q = p;
    while (q + 8 <= end) {
      const len = 8 + buf[q + 1] * 4;
      out.push(sidText(buf, q, Math.min(end, q + len)));
      q += len;
    }
    return out;
  }
  let w = FIXED_SIZE[base];
  if (base === VT.SizeT) w = (end - p) % 8 === 0 ? 8 : 4;
  if (!w) return undefined;
  for (let q = p; q + w <= end; q += w) {
    const v = decodeScalar(base, buf, q, q + w);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

/** Text of a scalar for JSON (evtx_dump) output. */
export function scalarJsonText(t: number, v: Scalar): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number')
    return (t & 0x7f) === VT.Real32 ? f32Text(v) : (t & 0x7f) === VT.Real64 ? floatText(v) : String(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (isFileTime(v)) return fileTimeJson(v);
  return `${sysTimeBase(v)}.${pad(v.ms * 1000, 6)}Z`;
}

/** Text of a scalar for Windows-style XML output. */
export function scalarXmlText(t: number, v: Scalar): string {
  const base = t & 0x7f;
  if (base === VT.Guid && typeof v === 'string') return `{${v}}`;
  if (typeof v === 'string') return v;
  if (typeof v === 'number')
    return base === VT.Real32 ? f32Text(v) : base === VT.Real64 ? floatText(v) : String(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (isFileTime(v)) return fileTimeXml(v);
  return `${sysTimeBase(v)}.${pad(v.ms, 3)}Z`;
}

/** JSON-native form evtx_dump uses when an element's content is one value of this type. */
export function isJsonNumberType(t: number): boolean {
  return (t >= VT.Int8 && t <= VT.UInt64) || t === VT.Bool;
}
