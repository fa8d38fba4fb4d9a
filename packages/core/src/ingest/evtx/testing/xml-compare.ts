/**
 * Test helper: a small XML tree parser and a comparison that normalises python-evtx 0.6.1's
 * quirks (listed in ../shared/data/README.md): FILETIME/SYSTEMTIME as `YYYY-MM-DD HH:MM:SS[.ffffff]`
 * (microseconds, rounded), GUIDs in lower case, Binary in base64, HexInt64 zero-padded, empty
 * optional attributes kept, booleans as `True`/`False`, string arrays as `<string>` items inside one
 * element (Windows repeats the element per item).
 */
export interface TElem {
  name: string;
  attrs: Map<string, string>;
  children: TNode[];
}
export type TNode = TElem | string;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] as string;
  });
}

/** Parses the elements of an XML fragment (declarations, comments and PIs skipped). */
export function parseXml(src: string): TElem[] {
  const root: TElem = { name: '#root', attrs: new Map(), children: [] };
  const stack: TElem[] = [root];
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) stack[stack.length - 1].children.push(decodeEntities(src.slice(i, textEnd)));
    if (lt < 0) break;
    if (src.startsWith('<!--', lt)) {
      i = src.indexOf('-->', lt) + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', lt)) {
      const e = src.indexOf(']]>', lt);
      stack[stack.length - 1].children.push(src.slice(lt + 9, e));
      i = e + 3;
      continue;
    }
    if (src[lt + 1] === '?') {
      i = src.indexOf('?>', lt) + 2;
      continue;
    }
    const gt = src.indexOf('>', lt);
    const tag = src.slice(lt + 1, gt);
    i = gt + 1;
    if (tag[0] === '/') {
      stack.pop();
      continue;
    }
    const selfClose = tag.endsWith('/');
    const body = selfClose ? tag.slice(0, -1) : tag;
    const m = /^([^\s/]+)/.exec(body) as RegExpExecArray;
    const el: TElem = { name: m[1], attrs: new Map(), children: [] };
    for (const a of body.slice(m[1].length).matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g))
      el.attrs.set(a[1], decodeEntities(a[2]));
    stack[stack.length - 1].children.push(el);
    if (!selfClose) stack.push(el);
  }
  return root.children.filter((c): c is TElem => typeof c !== 'string');
}

const TIME = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z?$/;

function micros(s: string): number | undefined {
  const m = TIME.exec(s);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const frac = (m[7] ?? '').padEnd(7, '0').slice(0, 7);
  return ms * 1000 + Math.floor(Number(frac) / 10);
}

/** Equality of two values modulo python-evtx's renderings. `ref` is python-evtx's. */
export function valueEqual(ours: string, ref: string): boolean {
  if (ours === ref) return true;
  // python-evtx drops control characters XML 1.0 cannot carry
  const clean = ours.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  if (clean !== ours) return valueEqual(clean, ref);
  const a = micros(ours);
  const b = micros(ref);
  // python-evtx goes through a float: its microseconds can be off by a few units
  if (a !== undefined && b !== undefined) return Math.abs(a - b) <= 3;
  if (/^(true|false)$/.test(ours) && ours === ref.toLowerCase()) return true;
  if (/^\{?[0-9a-f-]{36}\}?$/i.test(ours) && ours.toLowerCase() === ref.toLowerCase()) return true;
  if (/^0x[0-9a-f]+$/i.test(ours) && /^0x[0-9a-f]+$/i.test(ref)) return BigInt(ours) === BigInt(ref);
  if (/^[0-9A-F]+$/.test(ours) && /^[A-Za-z0-9+/]*=*$/.test(ref)) {
    return Buffer.from(ref, 'base64').toString('hex').toUpperCase() === ours;
  }
  return false;
}

function textOf(nodes: TNode[]): string {
  return nodes.filter((n): n is string => typeof n === 'string').join('');
}

/** Differences between our element and python-evtx's, as readable paths (empty when equal). */
export function diffElements(ours: TElem, ref: TElem, path = '', out: string[] = []): string[] {
  const p = `${path}/${ours.name}`;
  if (ours.name !== ref.name) {
    out.push(`${p}: element ${ours.name} vs ${ref.name}`);
    return out;
  }
  const ra = new Map([...ref.attrs].filter(([, v]) => v !== ''));
  const oa = new Map([...ours.attrs].filter(([, v]) => v !== ''));
  for (const [k, v] of ra) {
    const o = oa.get(k);
    if (o === undefined) out.push(`${p}@${k}: missing (ref ${JSON.stringify(v)})`);
    else if (!valueEqual(o, v)) out.push(`${p}@${k}: ${JSON.stringify(o)} vs ${JSON.stringify(v)}`);
  }
  for (const k of oa.keys()) if (!ra.has(k)) out.push(`${p}@${k}: extra ${JSON.stringify(oa.get(k))}`);
  // python-evtx 0.6.1 leaves out RenderingInfo (the rendered message some records carry)
  const oe = ours.children.filter(
    (c): c is TElem =>
      typeof c !== 'string' &&
      !(
        c.name === 'RenderingInfo' &&
        !ref.children.some((r) => typeof r !== 'string' && r.name === 'RenderingInfo')
      ),
  );
  const re = expandStringArrays(ref.children.filter((c): c is TElem => typeof c !== 'string'));
  if (oe.length === 0 && re.length === 0) {
    const ot = textOf(ours.children);
    const rt = textOf(ref.children);
    if (!valueEqual(ot, rt))
      out.push(`${p}: ${JSON.stringify(ot.slice(0, 200))} vs ${JSON.stringify(rt.slice(0, 200))}`);
    return out;
  }
  if (oe.length !== re.length) out.push(`${p}: ${oe.length} child elements vs ${re.length}`);
  for (let i = 0; i < Math.min(oe.length, re.length); i++) diffElements(oe[i], re[i], p, out);
  return out;
}

/** python-evtx renders an array of strings as `<string>` items in one element: expand them. */
function expandStringArrays(list: TElem[]): TElem[] {
  const out: TElem[] = [];
  for (const el of list) {
    const t = el.children.every((c) => typeof c === 'string') ? textOf(el.children) : '';
    if (!t.startsWith('<string>')) {
      out.push(el);
      continue;
    }
    for (const m of t.matchAll(/<string>([\s\S]*?)<\/string>/g))
      out.push({ name: el.name, attrs: el.attrs, children: [m[1]] });
  }
  return out;
}

/** python-evtx reference entries in file order: an Event's XML or a RECORD-ERROR. */
export function referenceEntries(xml: string): ({ event: TElem } | { error: number; offset: number })[] {
  const out: ({ event: TElem } | { error: number; offset: number })[] = [];
  const re =
    /<!-- RECORD-ERROR chunk=\d+ record=(\d+) offset=0x([0-9a-f]+)[^>]*-->|(<Event[ >][\s\S]*?<\/Event>)/g;
  for (const m of xml.matchAll(re)) {
    if (m[3]) out.push({ event: parseXml(m[3])[0] });
    else out.push({ error: Number(m[1]), offset: Number.parseInt(m[2], 16) });
  }
  return out;
}

/** libevtx's records (`evtxexport -a`) by EventRecordID, first occurrence (live before recovered). */
export function libevtxById(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of xml.matchAll(/<Event[ >][\s\S]*?<\/Event>/g)) {
    const id = /<EventRecordID>(\d+)</.exec(m[0]);
    if (id && !out.has(Number(id[1]))) out.set(Number(id[1]), m[0]);
  }
  return out;
}

/** All libevtx records (live and recovered) as (EventRecordID, SystemTime) keys. */
export function libevtxKeys(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<Event[ >][\s\S]*?<\/Event>/g)) {
    const id = /<EventRecordID>(\d+)</.exec(m[0]);
    const t = /SystemTime="([^"]+)"/.exec(m[0]);
    out.push(`${id?.[1] ?? '?'}@${t?.[1] ?? '?'}`);
  }
  return out;
}
