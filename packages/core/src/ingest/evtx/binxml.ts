/**
 * Binary XML (libevtx-format.asciidoc, "Binary XML"): the token stream of templates and records,
 * parsed into small node trees, and template instances resolved into concrete element trees.
 *
 * Templates are chunk-scoped (a template instance names its definition by chunk offset), so each
 * chunk keeps its own cache of parsed template bodies and names. Every read is bounds-checked and
 * every recursion is depth-limited: a damaged record throws `BinXmlError`, never loops.
 */
import { decodeArray, decodeScalar, decodeUtf16, type Scalar, VT } from './values.js';

export const K_ELEM = 0;
export const K_TEXT = 1;
export const K_SUBST = 2;
export const K_CHARREF = 3;
export const K_ENTITY = 4;
export const K_CDATA = 5;
export const K_PI = 6;
export const K_TEMPLATE = 7;
export const K_VALUE = 8;

export interface XElem {
  k: 0;
  name: string;
  attrs: XAttr[];
  children: XNode[];
  /** memo: no substitution or template instance below (resolution can share the node) */
  fixed?: boolean;
  /** memo: the attribute values hold no substitution (resolution can share `attrs`) */
  fixedAttrs?: boolean;
}
export interface XAttr {
  name: string;
  value: XNode[];
}
export interface XText {
  k: 1;
  s: string;
}
export interface XSubst {
  k: 2;
  /** substitution index into the template instance's values */
  i: number;
  optional: boolean;
  /** declared value type */
  t: number;
}
export interface XCharRef {
  k: 3;
  c: number;
}
export interface XEntity {
  k: 4;
  n: string;
}
export interface XCData {
  k: 5;
  s: string;
}
export interface XPI {
  k: 6;
  target: string;
  data: string;
}
export interface XTemplate {
  k: 7;
  body: XNode[];
  vals: Values;
}
export interface XValue {
  k: 8;
  /** value type (0x80 set for arrays) */
  t: number;
  v: Scalar | Scalar[] | null;
}
export type XNode = XElem | XText | XSubst | XCharRef | XEntity | XCData | XPI | XTemplate | XValue;

/** The substitution values of one template instance: positions in the chunk buffer. */
export interface Values {
  buf: Uint8Array;
  /** per value: type, start and end offsets in `buf`, flattened (3 numbers per value) */
  desc: number[];
  count: number;
  /** a hash of the count and the types (the record's value signature, for `program.ts`) */
  sig: number;
  /** how many values are arrays (type | 0x80) and embedded BinXML (0x21) */
  arrays: number;
  binxml: number;
}

export class BinXmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 48;

/**
 * Element, attribute and short attribute-text strings are made unique and internalised once per
 * chunk: they end up as object keys (`Event.fields`, evtx_dump JSON), and V8 stores and finds a
 * property far faster with an internalised key than with a fresh string of the same text.
 * (A computed key of an object literal is internalised; `Object.keys` hands that string back.)
 * Bounded: names come from the input.
 */
const INTERNED = new Map<string, string>();

export function intern(s: string): string {
  let v = INTERNED.get(s);
  if (v === undefined) {
    v = Object.keys({ [s]: 0 })[0];
    if (INTERNED.size < 20000) INTERNED.set(v, v);
  }
  return v;
}
/** Bounds of one template's parsed body, cached per chunk by definition offset. */
interface TemplateDef {
  body: XNode[];
}

/**
 * Parsing state for one 64 KiB chunk: the chunk bytes, and caches of names and templates keyed
 * by chunk offset (the common string and template tables of the chunk header are such offsets).
 */
export class ChunkContext {
  readonly names = new Map<number, string>();
  readonly templates = new Map<number, TemplateDef | null>();
  /** compiled Event plans (`plan.ts`) per template body or element; null: none */
  /** record-scoped nesting budget (embedded BinXML can nest template instances) */
  depth = 0;
  /** set when a record names a template offset that does not hold a template definition */
  missingTemplate = false;
  /** while a template body is parsed: where its name references and element layouts are */
  private rec: BodyRecord | undefined;

  constructor(readonly buf: Uint8Array) {}

  private dv: DataView | undefined;
  /** the chunk bytes as a DataView (made on first use) */
  get view(): DataView {
    this.dv ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    return this.dv;
  }

  private u16(p: number): number {
    return this.buf[p] | (this.buf[p + 1] << 8);
  }

  private u32(p: number): number {
    const b = this.buf;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  private need(p: number, n: number, end: number, what: string): void {
    if (p + n > end || p < 0) throw new BinXmlError(`truncated ${what}`, p);
  }

  /** Name structure (libevtx-format.asciidoc, "Name"): unknown u32, hash u16, count u16, UTF-16, NUL. */
  private nameAt(o: number): string {
    const cached = this.names.get(o);
    if (cached !== undefined) return cached;
    if (o + 8 > this.buf.length) throw new BinXmlError('name offset outside the chunk', o);
    const n = this.u16(o + 6);
    if (o + 8 + n * 2 > this.buf.length) throw new BinXmlError('name runs past the chunk', o);
    const s = intern(decodeUtf16(this.buf, o + 8, o + 8 + n * 2));
    this.names.set(o, s);
    return s;
  }

  /** Reads a name reference at p (a u32 chunk offset; the name may follow inline). Returns the new p. */
  private readName(p: number, end: number, out: { name: string }): number {
    this.need(p, 4, end, 'name reference');
    const o = this.u32(p);
    out.name = this.nameAt(o);
    // (names defined in place: their header, a chunk-specific link and hash, is not compared)
    if (this.rec) {
      const r = this.rec;
      r.refs.push(p - r.start, o, o === p + 4 ? -1 : r.names.push(out.name) - 1);
    }
    p += 4;
    if (o === p) {
      // Defined inline: skip the name structure (8 byte header, characters, end-of-string).
      p = o + 8 + this.u16(o + 6) * 2 + 2;
    }
    return p;
  }

  /**
   * Element start (libevtx-format.asciidoc, "Element start"). The dependency identifier is
   * present in chunk templates but omitted in some embedded BinXML (value type 0x21); we take
   * the layout whose name offset is plausible (inline or earlier in the chunk).
   */
  private elementHeaderLayout(p: number, end: number): 7 | 5 {
    if (p + 11 <= end) {
      const o = this.u32(p + 7);
      if (o === p + 11 || (o >= 512 && o < p)) return 7;
    }
    if (p + 9 <= end) {
      const o = this.u32(p + 5);
      if (o === p + 9 || (o >= 512 && o < p)) return 5;
    }
    return 7;
  }

  /**
   * Parses a token stream from p up to `end` (a fragment: fragment headers, elements, template
   * instances, PIs) until EOF or `end`. Returns the nodes and the position after the stream.
   */
  parseFragment(p: number, end: number, out: XNode[]): number {
    if (++this.depth > MAX_DEPTH) throw new BinXmlError('binary XML nested too deeply', p);
    try {
      const b = this.buf;
      while (p < end) {
        const tok = b[p];
        switch (tok & 0xbf) {
          case 0x00:
            return p + 1;
          case 0x0f:
            this.need(p, 4, end, 'fragment header');
            p += 4;
            break;
          case 0x0c:
            p = this.parseTemplateInstance(p, end, out);
            break;
          case 0x01:
            p = this.parseElement(p, end, out);
            break;
          case 0x0a:
            p = this.parsePI(p, end, out);
            break;
          default:
            throw new BinXmlError(`unexpected token 0x${tok.toString(16)} in fragment`, p);
        }
      }
      return p;
    } finally {
      this.depth--;
    }
  }

  private parsePI(p: number, end: number, out: XNode[]): number {
    const nm = { name: '' };
    p = this.readName(p + 1, end, nm);
    let data = '';
    if (p < end && this.buf[p] === 0x0b) {
      this.need(p, 3, end, 'PI data');
      const n = this.u16(p + 1);
      this.need(p + 3, n * 2, end, 'PI data');
      data = decodeUtf16(this.buf, p + 3, p + 3 + n * 2);
      p += 3 + n * 2;
    }
    out.push({ k: K_PI, target: nm.name, data });
    return p;
  }

  private parseElement(p: number, end: number, out: XNode[]): number {
    if (++this.depth > MAX_DEPTH) throw new BinXmlError('elements nested too deeply', p);
    try {
      const b = this.buf;
      const hasAttrs = (b[p] & 0x40) !== 0;
      const layout = this.elementHeaderLayout(p, end);
      this.rec?.layouts.push(p - this.rec.start, layout);
      this.need(p, layout + 4, end, 'element start');
      const nm = { name: '' };
      p = this.readName(p + layout, end, nm);
      const el: XElem = { k: K_ELEM, name: nm.name, attrs: [], children: [] };
      if (hasAttrs) {
        this.need(p, 4, end, 'attribute list');
        p += 4; // attribute list size: we walk the tokens instead
        for (;;) {
          this.need(p, 1, end, 'attribute');
          const tok = b[p];
          if ((tok & 0xbf) !== 0x06) break;
          const an = { name: '' };
          p = this.readName(p + 1, end, an);
          const value: XNode[] = [];
          p = this.parseContent(p, end, value, true);
          el.attrs.push({ name: an.name, value });
          if (tok === 0x06) break;
        }
      }
      this.need(p, 1, end, 'element close');
      const close = b[p];
      if (close === 0x03) {
        out.push(el);
        return p + 1;
      }
      if (close !== 0x02) throw new BinXmlError(`expected close start tag, got 0x${close.toString(16)}`, p);
      p = this.parseContent(p + 1, end, el.children, false);
      this.need(p, 1, end, 'end element');
      if (b[p] !== 0x04) throw new BinXmlError(`expected end element, got 0x${b[p].toString(16)}`, p);
      out.push(el);
      return p + 1;
    } finally {
      this.depth--;
    }
  }

  /**
   * Content (libevtx-format.asciidoc, "Content"): value text, substitutions, character and entity
   * references, CDATA, PIs, child elements. For an attribute value, only value-like tokens; the
   * value ends at the next structural token.
   */
  private parseContent(p: number, end: number, out: XNode[], attr: boolean): number {
    const b = this.buf;
    while (p < end) {
      const tok = b[p];
      switch (tok & 0xbf) {
        case 0x05: {
          // Value text: type (normally string) + u16 character count + UTF-16.
          this.need(p, 4, end, 'value text');
          const t = b[p + 1];
          const n = this.u16(p + 2);
          if (t === VT.String) {
            this.need(p + 4, n * 2, end, 'value text');
            const s = decodeUtf16(b, p + 4, p + 4 + n * 2);
            // attribute text such as `<Data Name="SubjectUserSid">` becomes a field name
            out.push({ k: K_TEXT, s: attr && n <= 64 ? intern(s) : s });
            p += 4 + n * 2;
          } else {
            throw new BinXmlError(`value token of type 0x${t.toString(16)}`, p);
          }
          break;
        }
        case 0x0d:
        case 0x0e:
          this.need(p, 4, end, 'substitution');
          out.push({ k: K_SUBST, i: this.u16(p + 1), optional: (tok & 0xbf) === 0x0e, t: b[p + 3] });
          p += 4;
          break;
        case 0x08:
          this.need(p, 3, end, 'character reference');
          out.push({ k: K_CHARREF, c: this.u16(p + 1) });
          p += 3;
          break;
        case 0x09: {
          const nm = { name: '' };
          p = this.readName(p + 1, end, nm);
          out.push({ k: K_ENTITY, n: nm.name });
          break;
        }
        case 0x07: {
          if (attr) return p;
          this.need(p, 3, end, 'CDATA');
          const n = this.u16(p + 1);
          this.need(p + 3, n * 2, end, 'CDATA');
          out.push({ k: K_CDATA, s: decodeUtf16(b, p + 3, p + 3 + n * 2) });
          p += 3 + n * 2;
          break;
        }
        case 0x01:
          if (attr) return p;
          p = this.parseElement(p, end, out);
          break;
        case 0x0a:
          if (attr) return p;
          p = this.parsePI(p, end, out);
          break;
        case 0x0c:
          if (attr) return p;
          p = this.parseTemplateInstance(p, end, out);
          break;
        default:
          return p;
      }
    }
    return p;
  }

  /** Template instance (libevtx-format.asciidoc, "Template instance", "Template instance data"). */
  private parseTemplateInstance(p: number, end: number, out: XNode[]): number {
    const b = this.buf;
    this.need(p, 10, end, 'template instance');
    const defOff = this.u32(p + 6);
    p += 10;
    let def: TemplateDef | null | undefined;
    if (defOff === p) {
      // The definition follows inline: next-offset u32, GUID, data size u32, body.
      this.need(p, 24, end, 'template definition');
      const size = this.u32(p + 20);
      this.need(p + 24, size, end, 'template definition');
      def = this.templateAt(defOff);
      p = defOff + 24 + size;
    } else {
      def = this.templateAt(defOff);
    }
    if (!def) {
      this.missingTemplate = true;
      throw new BinXmlError(`template at chunk offset ${defOff} is missing or damaged`, defOff);
    }
    // Instance data: number of values, then (size u16, type u8, pad u8) descriptors, then data.
    this.need(p, 4, end, 'template values');
    const n = this.u32(p);
    p += 4;
    if (n > (end - p) / 4) throw new BinXmlError(`template instance claims ${n} values`, p - 4);
    // Plain arrays of small integers: cheaper to allocate than typed arrays for a few values.
    const desc: number[] = new Array(n * 3);
    let q = p + n * 4;
    let sig = n;
    let arrays = 0;
    let binxml = 0;
    for (let i = 0; i < n; i++) {
      const size = b[p + i * 4] | (b[p + i * 4 + 1] << 8);
      const t = b[p + i * 4 + 2];
      desc[i * 3] = t;
      desc[i * 3 + 1] = q;
      q += size;
      desc[i * 3 + 2] = q;
      sig = (Math.imul(sig, 31) + t) | 0;
      if (t & VT.Array) arrays++;
      else if (t === VT.BinXml) binxml++;
    }
    if (q > end) throw new BinXmlError('template values run past the record', p);
    out.push({ k: K_TEMPLATE, body: def.body, vals: { buf: b, desc, count: n, sig, arrays, binxml } });
    return q;
  }

  /** The parsed body of the template defined at chunk offset `o` (cached), or null if damaged. */
  templateAt(o: number): TemplateDef | null {
    const cached = this.templates.get(o);
    if (cached !== undefined) return cached;
    if (o < 512 || o + 24 > this.buf.length) {
      this.templates.set(o, null);
      return null;
    }
    // Mark as in progress: a template that (through damage) refers to itself fails instead of looping.
    this.templates.set(o, null);
    const size = this.u32(o + 20);
    const start = o + 24;
    const stop = Math.min(this.buf.length, start + size);
    // GUID and data size: what names a template; the bodies are compared before one is shared
    const id = latin1Slice.call(this.buf, o + 4, o + 24) as string;
    const whole = stop === start + size;
    const known = whole ? this.knownBody(id, start, size) : undefined;
    if (known) {
      const def = { body: known };
      this.templates.set(o, def);
      return def;
    }
    let def: TemplateDef | null = null;
    const outer = this.rec;
    const rec: BodyRecord = { start, refs: [], names: [], layouts: [] };
    this.rec = whole ? rec : undefined;
    try {
      const body: XNode[] = [];
      this.parseFragment(start, stop, body);
      // (a copy: Buffer's slice would share, and keep, the chunk's memory)
      def = {
        body: whole
          ? sharedBody(id, body, Uint8Array.prototype.slice.call(this.buf, start, stop), rec)
          : body,
      };
    } catch {
      def = null;
    } finally {
      this.rec = outer;
    }
    this.templates.set(o, def);
    return def;
  }

  /**
   * The shared body of a template defined at [start, start + size) that an earlier chunk carried
   * byte for byte: every byte equal but the name references, which must name the same names (a
   * reference to a name defined in place stays one, to the same relative place; a reference to a
   * name elsewhere in the chunk names the same string), and the element headers read the same way.
   * Then parsing would give that body node for node, so it is not parsed again.
   */
  private knownBody(id: string, start: number, size: number): XNode[] | undefined {
    const list = BODIES.get(id);
    if (list === undefined) return undefined;
    const b = this.buf;
    for (const e of list) {
      if (e.bytes.length !== size) continue;
      const r = e.rec;
      let ok = true;
      // the bytes, with the canonical name references written over this chunk's
      SCRATCH.set(b.subarray(start, start + size));
      for (let j = 0; j < r.refs.length && ok; j += 3) {
        const pos = r.refs[j];
        const o = this.u32(start + pos);
        const name = r.refs[j + 2];
        if (name < 0) ok = o === start + pos + 4;
        else {
          try {
            ok = o !== start + pos + 4 && this.nameAt(o) === r.names[name];
          } catch {
            ok = false;
          }
        }
        const c = r.refs[j + 1];
        SCRATCH[pos] = c & 0xff;
        SCRATCH[pos + 1] = (c >>> 8) & 0xff;
        SCRATCH[pos + 2] = (c >>> 16) & 0xff;
        SCRATCH[pos + 3] = c >>> 24;
        if (name < 0) SCRATCH.fill(0, pos + 4, pos + 10);
      }
      for (let j = 0; j < r.layouts.length && ok; j += 2)
        ok = this.elementHeaderLayout(start + r.layouts[j], start + size) === r.layouts[j + 1];
      if (ok && Buffer.compare(SCRATCH.subarray(0, size), e.bytes) === 0) {
        bodyHits++;
        return e.body;
      }
    }
    return undefined;
  }

  /** Parses a record's BinXML [p, end) and resolves it into concrete nodes. */
  parseRecord(p: number, end: number): XNode[] {
    return this.resolveRaw(this.parseRaw(p, end));
  }

  /** Parses a record's BinXML [p, end) into raw nodes (template instances not resolved). */
  parseRaw(p: number, end: number): XNode[] {
    this.depth = 0;
    this.missingTemplate = false;
    const raw: XNode[] = [];
    this.parseFragment(p, end, raw);
    return raw;
  }

  /** Resolves raw record nodes (from `parseRaw`) into concrete nodes. */
  resolveRaw(raw: XNode[]): XNode[] {
    const out: XNode[] = [];
    resolveList(this, raw, null, out, 0);
    return out;
  }

  /** Resolves part of a template body (`nodes`) with the values of one instance. */
  resolveWith(nodes: XNode[], vals: Values): XNode[] {
    const out: XNode[] = [];
    resolveList(this, nodes, vals, out, 1);
    return out;
  }

  /** Parses embedded BinXML (value type 0x21) into raw nodes. */
  parseEmbedded(p: number, end: number): XNode[] {
    const raw: XNode[] = [];
    this.parseFragment(p, end, raw);
    return raw;
  }
}

const latin1Slice = (Buffer.prototype as unknown as { latin1Slice: (s: number, e: number) => string })
  .latin1Slice;

/**
 * One body per template across chunks. Every chunk carries its own copy of the templates it uses
 * (chunks are self-contained), so the same template is parsed again in each; handing out the
 * first copy of an identical body lets what is compiled per template body (the Event plans of
 * `plan.ts` and `program.ts`, keyed by its nodes) be made once per template instead of once per
 * chunk. Bodies are compared node by node (names, texts, substitution indexes and types), so a
 * GUID reused for another body gets its own. A body holding a nested template instance carries
 * values of its chunk and is never shared. Bounded: the registry is emptied when full.
 */
const BODIES = new Map<string, SharedBody[]>();
const MAX_BODIES = 4096;
let bodyCount = 0;

/** A template body shared across chunks, with its bytes and where its name references are. */
interface SharedBody {
  body: XNode[];
  bytes: Uint8Array;
  rec: BodyRecord;
}

/**
 * Made while a template body is parsed: per name reference its position (from the body's start),
 * the offset it held and the index of its name in `names` (-1: defined in place); per element
 * its position and header layout (`elementHeaderLayout`).
 */
interface BodyRecord {
  start: number;
  refs: number[];
  names: string[];
  layouts: number[];
}

/** a chunk's worth of scratch bytes for comparing template bodies */
const SCRATCH = Buffer.alloc(65536);

function sharedBody(id: string, body: XNode[], bytes: Uint8Array, rec: BodyRecord): XNode[] {
  let list = BODIES.get(id);
  let shared: XNode[] | undefined;
  if (list !== undefined)
    for (const e of list)
      if (sameNodes(e.body, body)) {
        shared = e.body;
        break;
      }
  if (shared === undefined && !shareable(body)) return body;
  if (bodyCount >= MAX_BODIES) {
    BODIES.clear();
    bodyCount = 0;
    list = undefined;
  }
  if (list === undefined) BODIES.set(id, (list = []));
  // the header of a name defined in place is not compared (knownBody zeroes it too)
  for (let j = 0; j < rec.refs.length; j += 3)
    if (rec.refs[j + 2] < 0) bytes.fill(0, rec.refs[j] + 4, rec.refs[j] + 10);
  // (the same body in other bytes: another way to recognise it)
  list.push({ body: shared ?? body, bytes, rec });
  bodyCount++;
  return shared ?? body;
}

/** Forgets the template bodies shared across chunks (for tests: every chunk then parses its own). */
export function forgetSharedTemplates(): void {
  BODIES.clear();
  bodyCount = 0;
}

/** template definitions recognised without parsing them (`knownBody`) since the process started */
let bodyHits = 0;
export function sharedTemplateHits(): number {
  return bodyHits;
}

/** No node that belongs to its chunk (a template instance with its values, a value). */
function shareable(nodes: readonly XNode[]): boolean {
  for (const n of nodes) {
    if (n.k === K_TEMPLATE || n.k === K_VALUE) return false;
    if (n.k === K_ELEM) {
      for (const a of n.attrs) if (!shareable(a.value)) return false;
      if (!shareable(n.children)) return false;
    }
  }
  return true;
}

function sameNodes(a: readonly XNode[], b: readonly XNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.k !== y.k) return false;
    switch (x.k) {
      case K_ELEM: {
        const e = y as XElem;
        if (x.name !== e.name || x.attrs.length !== e.attrs.length) return false;
        for (let j = 0; j < x.attrs.length; j++)
          if (x.attrs[j].name !== e.attrs[j].name || !sameNodes(x.attrs[j].value, e.attrs[j].value))
            return false;
        if (!sameNodes(x.children, e.children)) return false;
        break;
      }
      case K_TEXT:
      case K_CDATA:
        if (x.s !== (y as XText | XCData).s) return false;
        break;
      case K_SUBST: {
        const z = y as XSubst;
        if (x.i !== z.i || x.optional !== z.optional || x.t !== z.t) return false;
        break;
      }
      case K_CHARREF:
        if (x.c !== (y as XCharRef).c) return false;
        break;
      case K_ENTITY:
        if (x.n !== (y as XEntity).n) return false;
        break;
      case K_PI:
        if (x.target !== (y as XPI).target || x.data !== (y as XPI).data) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Counts array values made by substitution: an element whose resolution made none cannot need
 * `expandArrays` (which otherwise scans every resolved element's children and attributes).
 */
let arraysMade = 0;

/** Decodes substitution value i of `vals`, or null (NullType, out of range, or undecodable). */
function substituteValue(ctx: ChunkContext, vals: Values, i: number, out: XNode[], depth: number): void {
  if (i >= vals.count) return;
  const t = vals.desc[i * 3];
  const s = vals.desc[i * 3 + 1];
  const e = vals.desc[i * 3 + 2];
  if (t === VT.Null) {
    out.push({ k: K_VALUE, t: VT.Null, v: null });
    return;
  }
  if (t === VT.BinXml) {
    if (e <= s) return;
    const raw = ctx.parseEmbedded(s, e);
    // Embedded BinXML carries its own template instance (and values); bare substitutions in it
    // have nothing to refer to.
    resolveList(ctx, raw, null, out, depth + 1);
    return;
  }
  if (t & VT.Array) {
    arraysMade++;
    const arr = decodeArray(t, vals.buf, s, e);
    out.push(arr ? { k: K_VALUE, t, v: arr } : { k: K_VALUE, t: VT.Binary, v: binHex(vals.buf, s, e) });
    return;
  }
  out.push(scalarNode(vals, i));
}

/**
 * The node of scalar (not array, not embedded BinXML, not NullType) substitution value i of
 * `vals` (i < vals.count): shared by the tree resolution and the per-template plans
 * (`plan.ts`), so both see the same value.
 */
export function scalarNode(vals: Values, i: number): XValue {
  const t = vals.desc[i * 3];
  const s = vals.desc[i * 3 + 1];
  const e = vals.desc[i * 3 + 2];
  const v = decodeScalar(t, vals.buf, s, e);
  // A value whose size does not fit its type (or an unknown type) is kept as binary, not lost.
  return v === undefined ? { k: K_VALUE, t: VT.Binary, v: binHex(vals.buf, s, e) } : { k: K_VALUE, t, v };
}

function binHex(buf: Uint8Array, s: number, e: number): string {
  return Buffer.prototype.hexSlice.call(buf, s, e).toUpperCase() as string;
}

/** True when nothing under `el` depends on values (memoised on the template node). */
function isFixed(el: XElem): boolean {
  if (el.fixed !== undefined) return el.fixed;
  let fixedAttrs = true;
  for (const a of el.attrs)
    for (const v of a.value) if (v.k === K_SUBST || v.k === K_TEMPLATE) fixedAttrs = false;
  el.fixedAttrs = fixedAttrs;
  let fixed = fixedAttrs;
  for (const c of el.children) {
    if (c.k === K_SUBST || c.k === K_TEMPLATE || (c.k === K_ELEM && !isFixed(c))) fixed = false;
  }
  el.fixed = fixed;
  return fixed;
}

/** Resolves substitutions and template instances of `nodes` (MS-EVEN6 template expansion). */
function resolveList(
  ctx: ChunkContext,
  nodes: XNode[],
  vals: Values | null,
  out: XNode[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) throw new BinXmlError('template instances nested too deeply', 0);
  for (const n of nodes) {
    switch (n.k) {
      case K_ELEM: {
        if (isFixed(n)) {
          // template text that no value changes: shared, never mutated
          out.push(n);
          break;
        }
        const el: XElem = { k: K_ELEM, name: n.name, attrs: n.fixedAttrs ? n.attrs : [], children: [] };
        const arrays = arraysMade;
        if (!n.fixedAttrs) {
          for (const a of n.attrs) {
            const value: XNode[] = [];
            resolveList(ctx, a.value, vals, value, depth);
            el.attrs.push({ name: a.name, value });
          }
        }
        resolveList(ctx, n.children, vals, el.children, depth);
        if (arrays === arraysMade) out.push(el);
        else expandArrays(el, out);
        break;
      }
      case K_SUBST:
        if (!vals) break;
        if (n.optional && (n.i >= vals.count || vals.desc[n.i * 3] === VT.Null)) break;
        substituteValue(ctx, vals, n.i, out, depth);
        break;
      case K_TEMPLATE:
        resolveList(ctx, n.body, n.vals, out, depth + 1);
        break;
      default:
        out.push(n);
    }
  }
}

/**
 * Array substitutions repeat their containing element once per item (MS-EVEN6 3.1.4.7.5,
 * "Array Types"; libevtx-format.asciidoc, "Normal substitution").
 */
function expandArrays(el: XElem, out: XNode[]): void {
  let where = -1;
  let attrAt = -1;
  let len = 0;
  for (let i = 0; i < el.children.length; i++) {
    const c = el.children[i];
    if (c.k === K_VALUE && Array.isArray(c.v) && c.v.length > 1) {
      where = i;
      len = c.v.length;
      break;
    }
  }
  if (where < 0) {
    for (let a = 0; a < el.attrs.length && where < 0; a++) {
      const v = el.attrs[a].value;
      for (let i = 0; i < v.length; i++) {
        const c = v[i];
        if (c.k === K_VALUE && Array.isArray(c.v) && c.v.length > 1) {
          where = i;
          attrAt = a;
          len = c.v.length;
          break;
        }
      }
    }
  }
  if (where < 0) {
    out.push(el);
    return;
  }
  const list = attrAt < 0 ? el.children : el.attrs[attrAt].value;
  const arr = list[where] as XValue;
  const items = arr.v as Scalar[];
  for (let j = 0; j < len; j++) {
    const item = items[j];
    const repl: XNode[] =
      typeof item === 'string' && item === '' ? [] : [{ k: K_VALUE, t: arr.t & 0x7f, v: item }];
    const copy = (src: XNode[]) => [...src.slice(0, where), ...repl, ...src.slice(where + 1)];
    const e2: XElem = {
      k: K_ELEM,
      name: el.name,
      attrs:
        attrAt < 0
          ? el.attrs
          : el.attrs.map((a, i) => (i === attrAt ? { name: a.name, value: copy(a.value) } : a)),
      children: attrAt < 0 ? copy(el.children) : el.children,
    };
    expandArrays(e2, out);
  }
}
