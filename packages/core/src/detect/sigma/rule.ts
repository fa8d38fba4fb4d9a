/**
 * Compilation of a Sigma detection rule document (rules specification v2.1.0) into a matcher
 * closure with its metadata.
 */
import { createHash } from 'node:crypto';
import { HaechiError } from '../../errors.js';
import { isSeverity, type Severity } from '../../model/index.js';
import { type ConditionNode, compileCondition, parseCondition } from './condition.js';
import {
  type CompiledTest,
  compileFieldEntry,
  type FieldCompileOptions,
  type PrefilterAtom,
  type Test,
} from './field-entry.js';
import type { MatchContext } from './match-context.js';
import { parseSigmaString } from './sigma-string.js';

export interface SigmaLogsource {
  product?: string;
  category?: string;
  service?: string;
}

export interface CompileOptions extends FieldCompileOptions {
  /** the file the rule came from, for messages and the derived id of rules without one */
  file?: string;
}

/** A compiled detection rule. */
export interface SigmaRule {
  /** the rule's `id`; rules without one get `sha1:<hash of file and title>` */
  id: string;
  /** the rule's `name` (referenced by correlations and filters) */
  name?: string;
  title: string;
  /** `level`, 'medium' when absent */
  level: Severity;
  status?: string;
  description?: string;
  author?: string;
  references: string[];
  falsepositives: string[];
  tags: string[];
  /** ATT&CK technique ids from the tags (`attack.t1059.001` -> `T1059.001`) */
  attack: string[];
  logsource: SigmaLogsource;
  /** the taxonomy named by the rule ('sigma' when absent) */
  taxonomy: string;
  file: string;
  /** the condition, as written */
  condition: string[];
  /** true when the event view matches the detection (after meta filters) */
  match: Test;
  /**
   * A necessary condition for `match` (OR of "field contains literal"), used by the detector's
   * literal prefilter; undefined when the rule has none (keywords, negations, regexes...).
   */
  prefilter?: PrefilterAtom[];
  /** the rule can only match events with one of these EventIDs (undefined: any) */
  eventIds?: number[];
  /** ids of the meta filters applied to this rule */
  filters: string[];
  /** the parsed YAML document */
  doc: Readonly<Record<string, unknown>>;
}

function reject(msg: string): never {
  throw new HaechiError('rule', msg);
}

function strings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}

/** `attack.t1059.001` -> `T1059.001`; other tags are ignored. Sorted, unique. */
export function attackFromTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t.trim());
    if (m) out.add(m[1].toUpperCase());
  }
  return [...out].sort();
}

function score(atoms: PrefilterAtom[]): number {
  // prefer atoms whose shortest literal is long (selective), then fewer alternatives
  const minLen = Math.min(...atoms.flatMap((a) => a.literals.map((l) => l.length)));
  const count = atoms.reduce((n, a) => n + a.literals.length, 0);
  return minLen * 1000 - Math.min(count, 999);
}

/** AND of EventID constraints: the intersection (undefined children do not constrain). */
export function intersectIds(children: (number[] | undefined)[]): number[] | undefined {
  let acc: number[] | undefined;
  for (const c of children) {
    if (!c) continue;
    acc = acc ? acc.filter((x) => c.includes(x)) : [...c];
  }
  return acc;
}

/** OR of EventID constraints: the union, only when every branch is constrained. */
export function unionIds(children: (number[] | undefined)[]): number[] | undefined {
  if (children.length === 0 || children.some((c) => !c)) return undefined;
  return [...new Set(children.flatMap((c) => c!))];
}

/** AND: any one child's necessary condition is necessary for the whole; pick the best. */
export function bestOf(children: (PrefilterAtom[] | undefined)[]): PrefilterAtom[] | undefined {
  let best: PrefilterAtom[] | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of children) {
    if (!c || c.length === 0) continue;
    const s = score(c);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/** OR: every branch needs its own condition; the union is necessary. */
export function unionOf(children: (PrefilterAtom[] | undefined)[]): PrefilterAtom[] | undefined {
  if (children.length === 0 || children.some((c) => !c || c.length === 0)) return undefined;
  return children.flatMap((c) => c!);
}

function compileMap(name: string, map: Record<string, unknown>, opts: CompileOptions): CompiledTest {
  const entries = Object.entries(map);
  if (entries.length === 0) reject(`search identifier '${name}' is an empty map`);
  const parts = entries.map(([k, v]) => compileFieldEntry(k, v, opts));
  const tests = parts.map((p) => p.test);
  const prefilter = bestOf(parts.map((p) => p.prefilter));
  const eventIds = intersectIds(parts.map((p) => p.eventIds));
  if (tests.length === 1) return { test: tests[0], prefilter, eventIds };
  if (tests.length === 2) {
    const [a, b] = tests;
    return { test: (ctx) => a(ctx) && b(ctx), prefilter, eventIds };
  }
  return {
    test: (ctx) => {
      for (const t of tests) if (!t(ctx)) return false;
      return true;
    },
    prefilter,
    eventIds,
  };
}

/** A search identifier: a map (AND), a list of maps (OR), or a keyword list ("Lists", "Maps"). */
export function compileSearchIdentifier(name: string, value: unknown, opts: CompileOptions): CompiledTest {
  if (value === null || value === undefined) reject(`search identifier '${name}' is empty`);
  if (Array.isArray(value)) {
    if (value.length === 0) reject(`search identifier '${name}' is an empty list`);
    const maps = value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as Record<
      string,
      unknown
    >[];
    const scalars = value.filter((v) => v === null || typeof v !== 'object');
    if (value.some((v) => Array.isArray(v))) reject(`search identifier '${name}' contains a nested list`);
    const parts: CompiledTest[] = maps.map((m) => compileMap(name, m, opts));
    if (scalars.length) parts.push(compileFieldEntry('', scalars, opts));
    if (parts.length === 1) return parts[0];
    const tests = parts.map((p) => p.test);
    return {
      test: (ctx) => {
        for (const t of tests) if (t(ctx)) return true;
        return false;
      },
      prefilter: unionOf(parts.map((p) => p.prefilter)),
      eventIds: unionIds(parts.map((p) => p.eventIds)),
    };
  }
  if (typeof value === 'object') return compileMap(name, value as Record<string, unknown>, opts);
  return compileFieldEntry('', [value], opts);
}

function conditionEventIds(
  node: ConditionNode,
  ids: ReadonlyMap<string, number[] | undefined>,
): number[] | undefined {
  switch (node.op) {
    case 'id':
      return ids.get(node.name);
    case 'not':
      return undefined;
    case 'and':
      return intersectIds(node.args.map((a) => conditionEventIds(a, ids)));
    case 'or':
      return unionIds(node.args.map((a) => conditionEventIds(a, ids)));
    case 'of':
      return node.count === 'all'
        ? intersectIds(node.names.map((n) => ids.get(n)))
        : unionIds(node.names.map((n) => ids.get(n)));
  }
}

function conditionPrefilter(
  node: ConditionNode,
  pre: ReadonlyMap<string, PrefilterAtom[] | undefined>,
): PrefilterAtom[] | undefined {
  switch (node.op) {
    case 'id':
      return pre.get(node.name);
    case 'not':
      return undefined;
    case 'and':
      return bestOf(node.args.map((a) => conditionPrefilter(a, pre)));
    case 'or':
      return unionOf(node.args.map((a) => conditionPrefilter(a, pre)));
    case 'of':
      return node.count === 'all'
        ? bestOf(node.names.map((n) => pre.get(n)))
        : unionOf(node.names.map((n) => pre.get(n)));
  }
}

/** The `%name%` placeholders of `|expand` values that `placeholders` has no value for, sorted. */
export function missingPlaceholders(
  detection: Record<string, unknown>,
  placeholders: FieldCompileOptions['placeholders'],
): string[] {
  const missing = new Set<string>();
  const visitValue = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visitValue);
    else if (typeof v === 'string') {
      for (const t of parseSigmaString(v, true)) {
        if (t.t === 'ph' && !placeholders?.[t.name]?.length) missing.add(t.name);
      }
    }
  };
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node))
        if (k.split('|').includes('expand')) visitValue(v);
        else visit(v);
    }
  };
  for (const [k, v] of Object.entries(detection)) if (k !== 'condition') visit(v);
  return [...missing].sort();
}

/** Compiles a `detection` section (identifiers and condition). Shared by rules and meta filters. */
export function compileDetection(
  detection: Record<string, unknown>,
  condition: unknown,
  opts: CompileOptions,
): { match: Test; prefilter?: PrefilterAtom[]; eventIds?: number[]; condition: string[] } {
  const ids = Object.keys(detection).filter((k) => k !== 'condition');
  if (ids.length === 0) reject('detection has no search identifier');
  // rules spec "Placeholders": a tool that cannot fill a placeholder must reject the rule; all
  // the missing names are given at once so that one config change fixes the rule
  const missing = missingPlaceholders(detection, opts.placeholders);
  if (missing.length === 1) reject(`placeholder %${missing[0]}% has no value`);
  if (missing.length > 1) reject(`placeholders ${missing.map((m) => `%${m}%`).join(', ')} have no value`);
  const tests = new Map<string, Test>();
  const pre = new Map<string, PrefilterAtom[] | undefined>();
  const eids = new Map<string, number[] | undefined>();
  for (const id of ids) {
    const c = compileSearchIdentifier(id, detection[id], opts);
    tests.set(id, c.test);
    pre.set(id, c.prefilter);
    eids.set(id, c.eventIds);
  }
  if (condition === undefined || condition === null) reject('detection has no condition');
  const conds = strings(condition);
  if (conds.length === 0) reject('detection has no condition');
  const nodes = conds.map((c) => parseCondition(c, ids));
  const matchers = nodes.map((n) => compileCondition<MatchContext>(n, tests));
  const match: Test =
    matchers.length === 1
      ? matchers[0]
      : (ctx) => {
          for (const m of matchers) if (m(ctx)) return true;
          return false;
        };
  const prefilter = unionOf(nodes.map((n) => conditionPrefilter(n, pre)));
  const eventIds = unionIds(nodes.map((n) => conditionEventIds(n, eids)));
  return { match, prefilter, eventIds, condition: conds };
}

export function derivedRuleId(file: string, title: string): string {
  return `sha1:${createHash('sha1').update(`${file}\n${title}`).digest('hex').slice(0, 16)}`;
}

/**
 * Compiles one detection rule document. Throws HaechiError('rule') with a reason that names the
 * construct (`unknown modifier 'foo' in field 'CommandLine|foo'`, `condition: unknown identifier
 * 'sel2'`, `placeholder %Admins% has no value ...`).
 */
export function compileRule(doc: Record<string, unknown>, opts: CompileOptions = {}): SigmaRule {
  const file = opts.file ?? '';
  const title = doc.title;
  if (typeof title !== 'string' || !title.trim()) reject("missing 'title'");
  const logsource = doc.logsource;
  if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource))
    reject("missing or invalid 'logsource'");
  const detection = doc.detection;
  if (!detection || typeof detection !== 'object' || Array.isArray(detection))
    reject("missing or invalid 'detection'");
  const det = detection as Record<string, unknown>;
  const compiled = compileDetection(det, det.condition, opts);
  const ls = logsource as Record<string, unknown>;
  const lsOut: SigmaLogsource = {};
  for (const k of ['product', 'category', 'service'] as const) {
    if (ls[k] !== undefined && ls[k] !== null) lsOut[k] = String(ls[k]).toLowerCase();
  }
  const levelRaw = doc.level === undefined || doc.level === null ? 'medium' : String(doc.level).toLowerCase();
  if (!isSeverity(levelRaw)) reject(`invalid level '${String(doc.level)}'`);
  const tags = strings(doc.tags);
  const id = doc.id !== undefined && doc.id !== null ? String(doc.id) : derivedRuleId(file, title);
  return {
    id,
    name: doc.name !== undefined && doc.name !== null ? String(doc.name) : undefined,
    title,
    level: levelRaw,
    status: doc.status !== undefined ? String(doc.status) : undefined,
    description: typeof doc.description === 'string' ? doc.description : undefined,
    author: typeof doc.author === 'string' ? doc.author : undefined,
    references: strings(doc.references),
    falsepositives: strings(doc.falsepositives),
    tags,
    attack: attackFromTags(tags),
    logsource: lsOut,
    taxonomy: typeof doc.taxonomy === 'string' ? doc.taxonomy : 'sigma',
    file,
    condition: compiled.condition,
    match: compiled.match,
    prefilter: compiled.prefilter,
    eventIds: compiled.eventIds,
    filters: [],
    doc,
  };
}
