/**
 * Zeek's ASCII (TSV) logs, driven by their own header (Zeek `LogAscii` writer):
 *   #separator \x09           the column separator, itself written escaped
 *   #set_separator ,          between the elements of set[...] and vector[...] values
 *   #empty_field (empty)      an empty set/vector/string
 *   #unset_field -            a field with no value
 *   #path conn                the log stream -> `source.kind` 'zeek.conn'
 *   #open / #close            when the file was opened/closed (`#close` ends a section)
 *   #fields / #types          column names and Zeek types
 * A new header may start again mid-file (concatenated rotations); each one resets the columns.
 * Bytes that are not printable, and separators inside values, are escaped as `\xNN`.
 * Field names are kept as Zeek writes them (`id.orig_h`): they are Sigma's names for zeek rules.
 */
import type { Event } from '../../model/index.js';
import type { FormatReader, InputSource, ReadOptions } from '../types.js';
import { baseTimeOf, DEFAULT_BATCH, lineChunks, logNameOf, report, zeekSecondsToMs } from './common.js';

type Convert = (raw: string) => unknown;
const INVALID = Symbol('invalid');

/** Decode `\xNN` escapes; runs of escaped bytes are UTF-8 when valid, Latin-1 otherwise. */
export function unescapeZeek(s: string): string {
  if (s.indexOf('\\x') < 0) return s;
  return s.replace(/(?:\\x[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/\\x/g, ''), 'hex');
    const utf8 = bytes.toString('utf8');
    return utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
  });
}

function scalarConverter(type: string): Convert {
  switch (type) {
    case 'time':
    case 'interval':
    case 'double':
    case 'count':
    case 'int':
    case 'port': {
      return (raw) => {
        const n = Number(raw);
        return raw.length === 0 || Number.isNaN(n) ? INVALID : n;
      };
    }
    case 'bool':
      return (raw) => (raw === 'T' ? true : raw === 'F' ? false : INVALID);
    default:
      // addr, subnet, string, enum, pattern, func, file ... and types we do not know: text
      return unescapeZeek;
  }
}

interface Header {
  separator: string;
  setSeparator: string;
  empty: string;
  unset: string;
  path: string;
  open: number;
  fields: string[];
  types: string[];
  converters: Convert[];
  /** per column: 1 count/port/int (parsed in place), 2 bool, 0 other (converter on the text) */
  codes: Uint8Array;
  /** builds the fields object from the column values (UNSET where a column has none) */
  build: (vals: unknown[]) => Record<string, unknown>;
  vals: unknown[];
  tsIndex: number;
}

function buildConverters(h: Header): void {
  h.converters = h.fields.map((_, i) => {
    const type = h.types[i] ?? 'string';
    const m = /^(?:set|vector|table)\[(.*)\]$/.exec(type);
    if (m) {
      const inner = scalarConverter(m[1]!);
      const sep = h.setSeparator;
      const empty = h.empty;
      return (raw: string) => {
        if (raw === empty) return [];
        const parts = raw.split(sep);
        const out: unknown[] = new Array(parts.length);
        for (let j = 0; j < parts.length; j++) {
          const v = inner(parts[j]!);
          if (v === INVALID) return INVALID;
          out[j] = v;
        }
        return out;
      };
    }
    const conv = scalarConverter(type);
    if (conv === unescapeZeek) {
      const empty = h.empty;
      return (raw: string) => (raw === empty ? '' : unescapeZeek(raw));
    }
    return conv;
  });
  h.codes = Uint8Array.from(h.fields, (_, i) => {
    const t = h.types[i];
    return t === 'count' || t === 'port' ? 1 : t === 'bool' ? 2 : 0;
  });
  h.tsIndex = h.fields.indexOf('ts');
  h.vals = new Array(h.fields.length).fill(UNSET);
  h.build = makeBuilder(h.fields);
}

const UNSET = Symbol('unset');

/**
 * A function that builds one record's object with a separate property store per column: a single
 * `fields[name] = v` site seeing every column name goes megamorphic and costs most of the parse.
 * Names are embedded as JSON string literals, so any header text is safe here.
 */
function makeBuilder(names: string[]): (vals: unknown[]) => Record<string, unknown> {
  const body = names.map((n, i) => `x = v[${i}]; if (x !== U) o[${JSON.stringify(n)}] = x;`).join('\n');
  const make = new Function(
    'U',
    `return function build(v) { const o = {}; let x;\n${body}\nreturn o; };`,
  ) as (u: symbol) => (vals: unknown[]) => Record<string, unknown>;
  return make(UNSET);
}

/** `#open 2022-06-17-00-00-07` (UTC) */
function parseOpen(s: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)/.exec(s);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

function freshHeader(): Header {
  return {
    separator: '\t',
    setSeparator: ',',
    empty: '(empty)',
    unset: '-',
    path: '',
    open: Number.NaN,
    fields: [],
    types: [],
    converters: [],
    codes: new Uint8Array(0),
    build: () => ({}),
    vals: [],
    tsIndex: -1,
  };
}

export const zeekTsvReader: FormatReader = {
  name: 'zeek-tsv',
  description:
    'Zeek ASCII logs (TSV with #fields/#types header): conn, dns, http, ssl, x509, files, notice, ...',
  sniff(_name: string, head: Buffer): number {
    const s = head.subarray(0, 4096).toString('latin1');
    if (s.startsWith('#separator')) return 1;
    if (/^#fields\t/m.test(s) && /^#types\t/m.test(s)) return 0.9;
    return 0;
  },
  async *read(input: InputSource, opts: ReadOptions): AsyncIterable<Event[]> {
    const batchSize = opts.batchSize ?? DEFAULT_BATCH;
    const file = input.uri;
    const fallbackPath = logNameOf(file);
    const base = baseTimeOf(opts);
    let h = freshHeader();
    let kind = `zeek.${fallbackPath}`;
    const warned = { relative: false };
    let warnedNoHeader = false;
    let closed = false;
    let batch: Event[] = [];
    for await (const { lines, first } of lineChunks(input.open())) {
      for (let li = 0; li < lines.length; li++) {
        let line = lines[li]!;
        const lineNo = first + li;
        if (line.length === 0) continue;
        let c0 = line.charCodeAt(0);
        if ((c0 === 9 || c0 === 32) && line.trimStart().startsWith('#')) {
          // seen in the wild: a header line with leading whitespace (slips test10 conn.log)
          line = line.trimStart();
          c0 = 35;
        }
        if (c0 === 35 /* # */) {
          if (line.startsWith('#separator')) {
            // A new header: a fresh section (log rotation or concatenated files).
            h = freshHeader();
            closed = false;
            h.separator = unescapeZeek(line.slice('#separator '.length)) || '\t';
            continue;
          }
          const sp = line.indexOf(h.separator);
          const key = sp < 0 ? line : line.slice(0, sp);
          const value = sp < 0 ? '' : line.slice(sp + h.separator.length);
          switch (key) {
            case '#set_separator':
              h.setSeparator = unescapeZeek(value);
              break;
            case '#empty_field':
              h.empty = value;
              break;
            case '#unset_field':
              h.unset = value;
              break;
            case '#path':
              h.path = value;
              kind = `zeek.${value || fallbackPath}`;
              break;
            case '#open':
              h.open = parseOpen(value);
              break;
            case '#close':
              closed = true;
              break;
            case '#fields':
              h.fields = value.split(h.separator);
              buildConverters(h);
              closed = false;
              break;
            case '#types':
              h.types = value.split(h.separator);
              buildConverters(h);
              break;
            default:
              break; // other comments are allowed
          }
          continue;
        }
        if (h.fields.length === 0) {
          if (!warnedNoHeader) {
            report(opts, {
              file,
              line: lineNo,
              level: 'error',
              reason: 'Zeek TSV record before any #fields header line',
            });
            warnedNoHeader = true;
          }
          continue;
        }
        if (closed) {
          report(opts, { file, line: lineNo, level: 'warning', reason: 'record after #close' });
          closed = false;
        }
        // Scan the columns in place (no intermediate array): this loop is the reader's hot path.
        const vals = h.vals;
        const sep = h.separator;
        const nf = h.fields.length;
        const unset = h.unset;
        const unsetLen = unset.length;
        const codes = h.codes;
        let start = 0;
        let col = 0;
        let bad = -1;
        let badRaw = '';
        for (; col < nf; col++) {
          let end = line.indexOf(sep, start);
          if (end < 0) {
            if (col !== nf - 1) break;
            end = line.length;
          } else if (col === nf - 1) {
            col = nf + 1; // more columns than fields
            break;
          }
          const len = end - start;
          if (len === unsetLen && line.startsWith(unset, start)) {
            vals[col] = UNSET;
            start = end + sep.length;
            continue;
          }
          const code = codes[col]!;
          if (code === 1 && len > 0 && len < 16) {
            // unsigned integers without allocating the text
            let n = 0;
            let i = start;
            for (; i < end; i++) {
              const c = line.charCodeAt(i) - 48;
              if (c < 0 || c > 9) break;
              n = n * 10 + c;
            }
            if (i === end) {
              vals[col] = n;
              start = end + sep.length;
              continue;
            }
          } else if (code === 2 && len === 1) {
            const c = line.charCodeAt(start);
            if (c === 84 || c === 70) {
              vals[col] = c === 84;
              start = end + sep.length;
              continue;
            }
          }
          const raw = line.slice(start, end);
          start = end + sep.length;
          const v = h.converters[col]!(raw);
          if (v === INVALID) {
            bad = col;
            badRaw = raw;
            break;
          }
          vals[col] = v;
        }
        if (bad < 0 && col !== nf) {
          const found = col > nf ? line.split(sep).length : col + 1;
          report(opts, {
            file,
            line: lineNo,
            level: 'error',
            reason: `expected ${nf} tab-separated fields, found ${found}`,
          });
          continue;
        }
        if (bad >= 0) {
          report(opts, {
            file,
            line: lineNo,
            field: h.fields[bad],
            level: 'error',
            reason: `value ${JSON.stringify(badRaw.slice(0, 80))} is not a valid ${h.types[bad] ?? 'value'}`,
          });
          continue;
        }
        const fields = h.build(vals);
        let time: number;
        const ts = h.tsIndex >= 0 ? fields.ts : undefined;
        if (typeof ts === 'number') {
          time = zeekSecondsToMs(ts, { file, line: lineNo, base, opts, warned });
        } else if (h.tsIndex >= 0) {
          report(opts, {
            file,
            line: lineNo,
            field: 'ts',
            level: 'error',
            reason: 'record without a ts value',
          });
          continue;
        } else {
          // logs without ts (loaded_scripts): the time the log was opened
          time = Number.isFinite(h.open) ? h.open : 0;
        }
        batch.push({ time, source: { kind, uri: file, record: lineNo }, fields });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  },
};
