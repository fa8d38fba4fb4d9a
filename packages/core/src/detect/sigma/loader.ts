/**
 * The rule loader: walks files and folders, reads every YAML document, and routes it to the
 * detection rule compiler, the meta filter compiler (filters specification v2.1.0) or the
 * correlation parser (correlation rules specification v2.1.0). Nothing is skipped silently: each
 * document that does not load is listed in `rejected` with a reason naming the construct, and
 * things that load but will not behave as a reader may expect (a log source with no mapping, a
 * filter naming a rule that is not loaded) are listed in `warnings`.
 *
 * Rule status: every status loads (`deprecated` rules still detect what they detected; SigmaHQ
 * keeps them in a separate folder that users pass only if they want them); `unsupported` rules
 * load with a warning, since their authors say they need work before use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HaechiError } from '../../errors.js';
import { yaml } from '../../util/lazy-yaml.js';
import {
  buildCorrelator,
  type CorrelationDefinition,
  type Correlator,
  parseCorrelationDocument,
} from './correlation.js';
import type { Test } from './field-entry.js';
import { describeLogsource, type LogsourceMap, loadLogsourceMap, logsourceKey } from './logsource-map.js';
import {
  type CompileOptions,
  compileDetection,
  compileRule,
  type SigmaLogsource,
  type SigmaRule,
} from './rule.js';

export interface LoadOptions {
  /** values for `%name%` placeholders of rules using `|expand` */
  placeholders?: Readonly<Record<string, readonly string[]>>;
  /** a log source map (object or file path); the built-in one when absent */
  logsources?: LogsourceMap | string;
  /** the files of `paths` already parsed by `parseRuleFiles` (skips reading and parsing them) */
  parsed?: readonly ParsedRuleFile[];
}

export interface RejectedRule {
  file: string;
  /** line of the YAML document in the file (multi-document files) */
  line?: number;
  id?: string;
  title?: string;
  reason: string;
}

export interface LoadWarning {
  /** what it is about: a log source with no mapping, a filter, a taxonomy, a rule status */
  kind: 'logsource' | 'filter' | 'taxonomy' | 'status';
  file: string;
  line?: number;
  id?: string;
  title?: string;
  message: string;
}

export interface LoadedFilter {
  id?: string;
  title: string;
  file: string;
  logsource: SigmaLogsource;
  /** the rule ids it was applied to */
  appliedTo: string[];
}

export interface LoadResult {
  rules: SigmaRule[];
  filters: LoadedFilter[];
  /** built when at least one correlation rule loaded */
  correlator?: Correlator;
  rejected: RejectedRule[];
  warnings: LoadWarning[];
  /** the log source map the rules were checked against (pass it on to SigmaDetector) */
  logsources: LogsourceMap;
  /** files read and YAML documents seen */
  files: number;
  documents: number;
}

const RULE_EXT = /\.ya?ml$/i;

function walk(path: string, out: string[]): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    throw new HaechiError(
      'input',
      `cannot read rules: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      { file: path, cause: e },
    );
  }
  if (st.isDirectory()) {
    const names = readdirSync(path).sort();
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const p = join(path, n);
      const s = statSync(p);
      if (s.isDirectory()) walk(p, out);
      else if (RULE_EXT.test(n)) out.push(p);
    }
  } else {
    out.push(path);
  }
}

/** Lists the rule files under the given files and folders, sorted, without duplicates. */
export function listRuleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) walk(p, out);
  return [...new Set(out)];
}

interface PendingFilter {
  doc: Record<string, unknown>;
  file: string;
  line?: number;
  match: Test;
  refs: string[];
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

/** Compiles a meta filter document (filters specification, "Global filter"). */
function compileFilter(doc: Record<string, unknown>, opts: CompileOptions): { match: Test; refs: string[] } {
  const title = doc.title;
  if (typeof title !== 'string' || !title.trim()) throw new HaechiError('rule', "filter has no 'title'");
  if (!doc.logsource || typeof doc.logsource !== 'object')
    throw new HaechiError('rule', "filter has no 'logsource'");
  const f = doc.filter;
  if (!f || typeof f !== 'object' || Array.isArray(f))
    throw new HaechiError('rule', "'filter' must be a map");
  const { rules, condition, ...ids } = f as Record<string, unknown>;
  const refs = (Array.isArray(rules) ? rules : rules === undefined || rules === null ? [] : [rules]).map(
    String,
  );
  if (refs.length === 0) throw new HaechiError('rule', "filter has no 'rules' to apply to");
  const compiled = compileDetection(ids, condition, opts);
  return { match: compiled.match, refs };
}

/**
 * Loads every rule, filter and correlation under `paths`. Throws HaechiError('input') only when a
 * path cannot be read at all; problems with individual documents go to `rejected`.
 */
/** One rule file read and parsed (plain data: it can be sent to worker threads). */
export interface ParsedRuleFile {
  file: string;
  /** the file could not be read */
  error?: string;
  docs: { line?: number; doc?: unknown; error?: string; errorLine?: number }[];
}

/**
 * Reads and parses the YAML of every rule file under `paths`. Parsing is most of the cost of
 * loading; `hunt` does it once and hands the result to each worker (`LoadOptions.parsed`).
 */
export function parseRuleFiles(paths: readonly string[]): ParsedRuleFile[] {
  const out: ParsedRuleFile[] = [];
  for (const file of listRuleFiles(paths)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      out.push({ file, error: `cannot read file: ${(e as Error).message}`, docs: [] });
      continue;
    }
    const { LineCounter, parseAllDocuments } = yaml();
    const lc = new LineCounter();
    // an empty file gives an empty stream (an empty array)
    const docs = Array.from(parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true }));
    out.push({
      file,
      docs: docs.map((d) => {
        const start = d.contents?.range?.[0] ?? d.range?.[0];
        const line = start !== undefined ? lc.linePos(start).line : undefined;
        if (d.errors.length > 0) {
          const err = d.errors[0];
          return { line, error: err.message.split('\n')[0], errorLine: err.linePos?.[0]?.line };
        }
        return { line, doc: d.toJS({ maxAliasCount: 1000 }) as unknown };
      }),
    });
  }
  return out;
}

export function loadRules(paths: readonly string[], opts: LoadOptions = {}): LoadResult {
  const logsources =
    typeof opts.logsources === 'string' || opts.logsources === undefined
      ? loadLogsourceMap(opts.logsources)
      : opts.logsources;
  const rules: SigmaRule[] = [];
  const rejected: RejectedRule[] = [];
  const warnings: LoadWarning[] = [];
  const pendingFilters: PendingFilter[] = [];
  const correlations: CorrelationDefinition[] = [];
  const byId = new Map<string, SigmaRule>();
  const byName = new Map<string, SigmaRule>();
  let documents = 0;

  const parsedFiles = opts.parsed ?? parseRuleFiles(paths);
  for (const parsed of parsedFiles) {
    const file = parsed.file;
    if (parsed.error !== undefined) {
      rejected.push({ file, reason: parsed.error });
      continue;
    }
    const multi = parsed.docs.length > 1;
    for (const d of parsed.docs) {
      const line = d.line;
      if (d.error !== undefined) {
        documents++;
        rejected.push({ file, line: d.errorLine ?? line, reason: `invalid YAML: ${d.error}` });
        continue;
      }
      const doc = d.doc;
      if (doc === null || doc === undefined) continue;
      documents++;
      const where = { file, line: multi ? line : undefined };
      if (typeof doc !== 'object' || Array.isArray(doc)) {
        rejected.push({ ...where, reason: 'document is not a map' });
        continue;
      }
      const r = doc as Record<string, unknown>;
      const id = str(r.id);
      const title = str(r.title);
      const fail = (reason: string) => rejected.push({ ...where, id, title, reason });
      try {
        if ('correlation' in r) {
          correlations.push(parseCorrelationDocument(r, file));
        } else if ('filter' in r && !('detection' in r)) {
          const f = compileFilter(r, { placeholders: opts.placeholders, file });
          pendingFilters.push({ doc: r, file, line: where.line, match: f.match, refs: f.refs });
        } else if ('detection' in r) {
          if (r.action !== undefined) {
            fail(`'action: ${String(r.action)}' rule collections are Sigma 1.x syntax, not supported`);
            continue;
          }
          const rule = compileRule(r, { placeholders: opts.placeholders, file });
          const dup = byId.get(rule.id);
          if (dup) {
            fail(`duplicate rule id ${rule.id} (already loaded from ${dup.file})`);
            continue;
          }
          if (rule.name !== undefined) {
            const dn = byName.get(rule.name);
            if (dn) {
              fail(`duplicate rule name '${rule.name}' (already used by ${dn.id} in ${dn.file})`);
              continue;
            }
            byName.set(rule.name, rule);
          }
          byId.set(rule.id, rule);
          rules.push(rule);
          const entry = logsources.lookup(rule.logsource);
          const reachable =
            !entry ||
            !rule.eventIds ||
            entry.sources.some(
              (src) => src.kinds || !src.eventIds || src.eventIds.some((e) => rule.eventIds!.includes(e)),
            );
          if (!reachable) {
            warnings.push({
              kind: 'logsource',
              ...where,
              id: rule.id,
              title: rule.title,
              message: `detection needs EventID ${rule.eventIds!.join('/')}, which log source ${describeLogsource(rule.logsource)} never has; the rule matches no event`,
            });
          }
          if (!entry) {
            warnings.push({
              kind: 'logsource',
              ...where,
              id: rule.id,
              title: rule.title,
              message: `log source ${describeLogsource(rule.logsource)} is not in the log source map; the rule matches no event`,
            });
          }
          if (rule.taxonomy !== 'sigma') {
            warnings.push({
              kind: 'taxonomy',
              ...where,
              id: rule.id,
              title: rule.title,
              message: `taxonomy '${rule.taxonomy}': field names are read as Sigma's`,
            });
          }
          if (rule.status === 'unsupported') {
            warnings.push({
              kind: 'status',
              ...where,
              id: rule.id,
              title: rule.title,
              message: 'status unsupported: its authors say the rule cannot be used as is',
            });
          }
        } else if (r.action !== undefined) {
          fail(`'action: ${String(r.action)}' rule collections are Sigma 1.x syntax, not supported`);
        } else {
          fail("not a Sigma rule, filter or correlation (no 'detection', 'filter' or 'correlation')");
        }
      } catch (e) {
        if (e instanceof HaechiError) fail(e.message);
        else fail(`internal error: ${(e as Error).message}`);
      }
    }
  }

  // Meta filters: `not filter` ANDed onto each referenced rule (filters specification).
  const filters: LoadedFilter[] = [];
  for (const pf of pendingFilters) {
    const title = String(pf.doc.title);
    const fid = str(pf.doc.id);
    const ls: SigmaLogsource = {};
    const rawLs = pf.doc.logsource as Record<string, unknown>;
    for (const k of ['product', 'category', 'service'] as const)
      if (rawLs[k] != null) ls[k] = String(rawLs[k]).toLowerCase();
    const applied: string[] = [];
    for (const ref of pf.refs) {
      const rule = byId.get(ref) ?? byName.get(ref);
      if (!rule) {
        warnings.push({
          kind: 'filter',
          file: pf.file,
          line: pf.line,
          id: fid,
          title,
          message: `filter refers to rule '${ref}', which is not loaded`,
        });
        continue;
      }
      if (logsourceKey(rule.logsource) !== logsourceKey(ls)) {
        warnings.push({
          kind: 'filter',
          file: pf.file,
          line: pf.line,
          id: fid,
          title,
          message: `filter log source ${describeLogsource(ls)} differs from rule ${rule.id}'s (${describeLogsource(rule.logsource)}); applied anyway`,
        });
      }
      const inner = rule.match;
      const filter = pf.match;
      rule.match = (ctx) => inner(ctx) && !filter(ctx);
      rule.filters.push(fid ?? title);
      applied.push(rule.id);
    }
    filters.push({ id: fid, title, file: pf.file, logsource: ls, appliedTo: applied });
  }

  let correlator: Correlator | undefined;
  if (correlations.length > 0) {
    const built = buildCorrelator(
      correlations,
      rules.map((r) => ({ id: r.id, name: r.name, title: r.title, file: r.file })),
    );
    correlator = built.correlator;
    rejected.push(...built.rejected);
  }

  return { rules, filters, correlator, rejected, warnings, logsources, files: parsedFiles.length, documents };
}

/** `file` relative to `base` when inside it, for short messages. */
export function shortPath(file: string, base = process.cwd()): string {
  const r = relative(base, file);
  return r && !r.startsWith('..') ? r : file;
}
