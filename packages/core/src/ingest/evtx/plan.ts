/**
 * Per-template Event plans: most records of a chunk are instances of a few templates
 * (libevtx-format.asciidoc, "Template instance"), so what `fastEvent` does with the resolved
 * tree of an instance is decided once per (chunk, template definition), and each record then
 * only reads its substitution values.
 *
 * A plan keeps `fastEvent`'s result EXACTLY (`fields.test.ts` compares the plan path, `fastEvent`
 * and render + normalise on every record of the samples):
 * - the root scan (`Event` and which of its children are `System`, `EventData`, `UserData`,
 *   `RenderingInfo`, `ProcessingErrorData`) is done on the template: without array values and
 *   embedded BinXML, every template element resolves to exactly one element, in template order;
 * - `System` (a dozen small values), `UserData`, `RenderingInfo` and `ProcessingErrorData` are
 *   resolved on their own and handed to the same code as `fastEvent` (`eventFromParts`);
 * - `EventData` made of `<Data Name="constant">` elements holding one substitution or constant
 *   text is compiled into (field name, substitution) slots, filled straight from the values
 *   with `fastEvent`'s own leaf function; any other EventData is resolved and walked as
 *   `fastEvent` walks it.
 * A template of another shape gets no plan (null), and a record whose values include an array
 * (elements repeat per item, MS-EVEN6 3.1.4.7.5) or embedded BinXML takes the tree path.
 */
import type { Event, SourceRef } from '../../model/index.js';
import {
  type ChunkContext,
  K_ELEM,
  K_SUBST,
  K_TEMPLATE,
  K_TEXT,
  scalarNode,
  type Values,
  type XElem,
  type XNode,
  type XSubst,
} from './binxml.js';
import { eventDataFields, eventFromParts, jsonText, leafValue, type Obj, setField, unsafeName } from './fields.js';
import { VT } from './values.js';

/** One `<Data Name="key">` of a compiled EventData. */
interface DataSlot {
  key: string;
  /** the substitution giving the value, or undefined when the value is the constant `value` */
  sub: XSubst | undefined;
  value: unknown;
}

export interface TemplatePlan {
  sys: XElem;
  ed: XElem | undefined;
  /** EventData compiled into slots, or undefined: resolve `ed` and walk it */
  data: DataSlot[] | undefined;
  ud: XElem | undefined;
  ri: XElem | undefined;
  ped: XElem | undefined;
}

/** A record that is one instance of a template with a plan, and whose values the plan can take. */
export interface PlannedInstance {
  ctx: ChunkContext;
  plan: TemplatePlan;
  vals: Values;
}

/** `Data` children a slot can take: none, one substitution, or one constant text. */
function slotOf(key: string, children: readonly XNode[]): DataSlot | undefined {
  if (children.length === 0) return { key, sub: undefined, value: '' };
  if (children.length !== 1) return undefined;
  const c = children[0];
  if (c.k === K_SUBST) return { key, sub: c, value: undefined };
  if (c.k === K_TEXT) return { key, sub: undefined, value: jsonText(leafValue(children) ?? '') };
  return undefined;
}

/**
 * EventData as slots, when every child is `<Data Name="constant">` (fastEvent's "flatten" case
 * with all names present) with distinct names that are plain object keys; else undefined.
 */
function compileEventData(ed: XElem): DataSlot[] | undefined {
  const slots: DataSlot[] = [];
  const seen = new Set<string>();
  for (const c of ed.children) {
    if (c.k !== K_ELEM || c.name !== 'Data' || c.attrs.length !== 1) return undefined;
    const a = c.attrs[0];
    if (a.name !== 'Name' || a.value.length !== 1) return undefined;
    const nv = a.value[0];
    if (nv.k !== K_TEXT || nv.s === '') return undefined;
    const key = nv.s;
    if (key === 'Data' || unsafeName(key) || seen.has(key)) return undefined;
    seen.add(key);
    const slot = slotOf(key, c.children);
    if (!slot) return undefined;
    slots.push(slot);
  }
  return slots;
}

/** The plan of a template body, or null when its shape is left to the tree path. */
function compilePlan(body: readonly XNode[]): TemplatePlan | null {
  const root = body[0];
  if (root === undefined || root.k !== K_ELEM || root.name !== 'Event') return null;
  let sys: XElem | undefined;
  let ed: XElem | undefined;
  let ud: XElem | undefined;
  let ri: XElem | undefined;
  let ped: XElem | undefined;
  for (const c of root.children) {
    // a nested instance could add or remove elements: not planned
    if (c.k === K_TEMPLATE) return null;
    if (c.k !== K_ELEM) continue;
    if (unsafeName(c.name)) return null;
    switch (c.name) {
      case 'System':
        sys ??= c;
        break;
      case 'EventData':
        ed ??= c;
        break;
      case 'UserData':
        ud ??= c;
        break;
      case 'RenderingInfo':
        ri ??= c;
        break;
      case 'ProcessingErrorData':
        ped ??= c;
        break;
    }
  }
  if (!sys) return null;
  return { sys, ed, data: ed && compileEventData(ed), ud, ri, ped };
}

/**
 * The planned instance of a record's raw nodes (from `ChunkContext.parseRaw`), or undefined when
 * the record is not one template instance with a plan or has values the plan cannot take.
 */
export function planInstance(ctx: ChunkContext, raw: readonly XNode[]): PlannedInstance | undefined {
  if (raw.length !== 1) return undefined;
  const t = raw[0];
  if (t.k !== K_TEMPLATE) return undefined;
  let plan = ctx.plans.get(t.body) as TemplatePlan | null | undefined;
  if (plan === undefined) {
    plan = compilePlan(t.body);
    ctx.plans.set(t.body, plan);
  }
  if (plan === null) return undefined;
  const vals = t.vals;
  const d = vals.desc;
  for (let i = 0; i < vals.count; i++) {
    const ty = d[i * 3];
    if ((ty & VT.Array) !== 0 || ty === VT.BinXml) return undefined;
  }
  return { ctx, plan, vals };
}

function resolveOne(ctx: ChunkContext, el: XElem | undefined, vals: Values): XElem | undefined {
  if (el === undefined) return undefined;
  // without arrays and embedded BinXML an element resolves to exactly one element
  return ctx.resolveWith([el], vals)[0] as XElem;
}

/** scratch list for `leafValue` (read synchronously, never kept) */
const ONE: XNode[] = [];

/**
 * fastEvent's flatten walk for slots: `jsonText(dataLeaf(<Data>))` of the resolved element,
 * where a substitution resolves to no node (optional and NullType, or past the values), a
 * NullType value, or one scalar value.
 */
function fillData(slots: readonly DataSlot[], vals: Values, f: Obj): boolean {
  const d = vals.desc;
  for (const s of slots) {
    const sub = s.sub;
    let v: unknown = s.value;
    if (sub !== undefined) {
      const i = sub.i;
      if (i >= vals.count || d[i * 3] === VT.Null) v = '';
      else {
        ONE[0] = scalarNode(vals, i);
        v = jsonText(leafValue(ONE) ?? '');
      }
    }
    setField(f, s.key, v);
  }
  ONE.length = 0;
  return true;
}

/** The Event of a planned record: exactly `fastEvent` of its resolved tree (undefined alike). */
export function planEvent(inst: PlannedInstance, source: SourceRef): Event | undefined {
  const { ctx, plan, vals } = inst;
  const sys = resolveOne(ctx, plan.sys, vals) as XElem;
  let fill: ((f: Obj) => boolean) | undefined;
  const slots = plan.data;
  if (slots !== undefined) fill = (f) => fillData(slots, vals, f);
  else {
    const ed = resolveOne(ctx, plan.ed, vals);
    if (ed) fill = (f) => eventDataFields(ed, f);
  }
  return eventFromParts(
    sys,
    fill,
    resolveOne(ctx, plan.ud, vals),
    resolveOne(ctx, plan.ri, vals),
    resolveOne(ctx, plan.ped, vals),
    source,
  );
}
