/**
 * The log source map (`logsources.yaml`): data, not code, that says which events a rule's
 * `logsource` selects (rules specification "LogSource"; taxonomy appendix "Log Sources") and which
 * field aliases apply to each kind of event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HaechiError } from '../../errors.js';
import { yaml } from '../../util/lazy-yaml.js';
import type { SigmaLogsource } from './rule.js';

/** One way of producing events of a log source. All given conditions must hold. */
export interface LogsourceSource {
  /** lower-cased channel names; ['*'] = any event that has a Channel */
  channels?: string[];
  eventIds?: number[];
  kinds?: string[];
  /** other fields: lower-cased accepted values */
  where?: Record<string, string[]>;
  /** rule field name -> event field name */
  fields?: Record<string, string>;
}

export interface LogsourceEntry {
  product?: string;
  category?: string;
  service?: string;
  sources: LogsourceSource[];
}

export function logsourceKey(ls: SigmaLogsource): string {
  return `${ls.product ?? ''}/${ls.category ?? ''}/${ls.service ?? ''}`;
}

export function describeLogsource(ls: SigmaLogsource): string {
  const parts = (['product', 'category', 'service'] as const)
    .filter((k) => ls[k])
    .map((k) => `${k}=${ls[k]}`);
  return parts.length ? parts.join(' ') : '(empty logsource)';
}

export class LogsourceMap {
  readonly entries: readonly LogsourceEntry[];
  readonly file: string;
  private byKey = new Map<string, LogsourceEntry>();

  constructor(entries: LogsourceEntry[], file: string) {
    this.entries = entries;
    this.file = file;
    for (const e of entries) this.byKey.set(logsourceKey(e), e);
  }

  /** The entry for exactly this product/category/service, or undefined (unmapped). */
  lookup(ls: SigmaLogsource): LogsourceEntry | undefined {
    return this.byKey.get(logsourceKey(ls));
  }
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/**
 * Parses and validates a log source map (YAML, or JSON when `file` ends in `.json`). Errors are
 * HaechiError('config') naming file and entry.
 */
export function parseLogsourceMap(text: string, file: string): LogsourceMap {
  let doc: unknown;
  const json = file.endsWith('.json');
  try {
    doc = json ? JSON.parse(text) : yaml().parse(text);
  } catch (e) {
    throw new HaechiError(
      'config',
      `log source map is not valid ${json ? 'JSON' : 'YAML'}: ${(e as Error).message}`,
      {
        file,
        cause: e,
      },
    );
  }
  const bad = (where: string, msg: string): never => {
    throw new HaechiError('config', `log source map ${where}: ${msg}`, { file });
  };
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as Record<string, unknown>).logsources)) {
    bad('', "expected a 'logsources' list");
  }
  const entries: LogsourceEntry[] = [];
  const seen = new Set<string>();
  (doc as { logsources: unknown[] }).logsources.forEach((raw, i) => {
    const where = `entry ${i + 1}`;
    if (!raw || typeof raw !== 'object') bad(where, 'not a map');
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) {
      if (!['product', 'category', 'service', 'sources'].includes(k)) bad(where, `unknown key '${k}'`);
    }
    const entry: LogsourceEntry = { sources: [] };
    for (const k of ['product', 'category', 'service'] as const) {
      if (r[k] !== undefined) entry[k] = String(r[k]).toLowerCase();
    }
    const key = logsourceKey(entry);
    if (key === '//') bad(where, 'names no product, category or service');
    if (seen.has(key)) bad(where, `duplicate logsource ${describeLogsource(entry)}`);
    seen.add(key);
    const sources = list(r.sources);
    if (sources.length === 0) bad(where, `${describeLogsource(entry)} has no sources`);
    sources.forEach((s, j) => {
      const w = `${where} (${describeLogsource(entry)}) source ${j + 1}`;
      if (!s || typeof s !== 'object') bad(w, 'not a map');
      const src = s as Record<string, unknown>;
      const out: LogsourceSource = {};
      for (const k of Object.keys(src)) {
        if (!['Channel', 'EventID', 'kind', 'where', 'fields'].includes(k)) bad(w, `unknown key '${k}'`);
      }
      if (src.Channel !== undefined) out.channels = list(src.Channel).map((c) => String(c).toLowerCase());
      if (src.EventID !== undefined) {
        out.eventIds = list(src.EventID).map((e) => {
          const n = Number(e);
          if (!Number.isInteger(n)) bad(w, `EventID '${String(e)}' is not an integer`);
          return n;
        });
      }
      if (src.kind !== undefined) out.kinds = list(src.kind).map(String);
      if (src.where !== undefined) {
        if (typeof src.where !== 'object' || Array.isArray(src.where)) bad(w, "'where' must be a map");
        out.where = {};
        for (const [f, v] of Object.entries(src.where as Record<string, unknown>))
          out.where[f] = list(v).map((x) => String(x).toLowerCase());
      }
      if (src.fields !== undefined) {
        if (typeof src.fields !== 'object' || Array.isArray(src.fields)) bad(w, "'fields' must be a map");
        out.fields = {};
        for (const [f, v] of Object.entries(src.fields as Record<string, unknown>)) out.fields[f] = String(v);
      }
      if (!out.channels && !out.kinds) bad(w, "needs 'Channel' or 'kind' (the index keys)");
      entry.sources.push(out);
    });
    entries.push(entry);
  });
  return new LogsourceMap(entries, file);
}

/**
 * Where the built-in map lives. Next to this module when running from sources; the build copies
 * it beside the compiled module, and a checkout's `src/` copy is the fallback for `dist/`.
 */
function defaultMapPath(): string {
  const candidates = [
    // the build writes the YAML as JSON beside the compiled module (parsed in a millisecond)
    new URL('./logsources.json', import.meta.url),
    new URL('./logsources.yaml', import.meta.url),
    new URL('../../../src/detect/sigma/logsources.yaml', import.meta.url),
  ].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new HaechiError('config', `built-in log source map not found (looked at ${candidates.join(', ')})`);
  return found;
}

let builtin: LogsourceMap | undefined;

/** Loads a log source map from `file`, or the built-in one (cached) when no file is given. */
export function loadLogsourceMap(file?: string): LogsourceMap {
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new HaechiError('config', `cannot read log source map: ${(e as Error).message}`, {
        file,
        cause: e,
      });
    }
    return parseLogsourceMap(text, file);
  }
  if (!builtin) {
    const path = defaultMapPath();
    builtin = parseLogsourceMap(readFileSync(path, 'utf8'), path);
  }
  return builtin;
}
