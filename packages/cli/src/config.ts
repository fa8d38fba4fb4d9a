/**
 * Effective configuration: `haechi.yaml` (or `--config FILE`), then `HAECHI_*` environment
 * variables (`__` nests: HAECHI_HUNT__THREADS=4 sets hunt.threads), then flags, which win.
 * Sections owned by plugins are validated by those plugins; this schema checks the shape of the
 * shared keys and rejects unknown top-level keys with the key's name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HaechiError } from '@haechi/core';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const configSchema = z
  .object({
    rules: z.array(z.string()).optional(),
    /** Sigma `expand` placeholders: name (without %) -> values */
    placeholders: z
      .record(z.string(), z.array(z.union([z.string(), z.number()]).transform(String)))
      .optional(),
    hunt: z
      .object({
        threads: z.number().int().min(1).max(256).optional(),
        /** EVTX files of at least this many 64 KiB chunks are split between the workers */
        evtx_split_chunks: z.number().int().min(16).optional(),
        /** inputs smaller than this many bytes are read on one thread */
        parallel_min_bytes: z.number().int().min(0).optional(),
        min_level: z.string().optional(),
        fail_on: z.string().optional(),
      })
      .strict()
      .optional(),
    internal: z.array(z.string()).optional(),
    suppliers: z.array(z.unknown()).optional(),
    windows: z.array(z.unknown()).optional(),
    assets: z.array(z.unknown()).optional(),
    analytics: z.record(z.string(), z.unknown()).optional(),
    creds: z.record(z.string(), z.unknown()).optional(),
    intel: z.record(z.string(), z.unknown()).optional(),
    enrich: z.record(z.string(), z.unknown()).optional(),
    server: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type HaechiConfig = z.infer<typeof configSchema>;

/** HAECHI_* variables that are not configuration keys (tests, logging, benchmarks). */
const NOT_CONFIG = new Set(['HAECHI_SHARED_DATA', 'HAECHI_LOG_LEVEL', 'HAECHI_REPORT_RSS']);

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let o = obj;
  for (const k of path.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[path[path.length - 1]] = value;
}

/** An environment value: JSON when it parses (numbers, lists), else the string itself. */
function envValue(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export function loadConfig(file?: string, env: NodeJS.ProcessEnv = process.env): HaechiConfig {
  const path = file ? resolve(file) : existsSync('haechi.yaml') ? resolve('haechi.yaml') : undefined;
  let raw: Record<string, unknown> = {};
  if (path) {
    if (!existsSync(path)) throw new HaechiError('config', 'configuration file not found', { file: path });
    try {
      raw = (parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>) ?? {};
    } catch (cause) {
      throw new HaechiError('config', `not valid YAML: ${(cause as Error).message}`, { file: path, cause });
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new HaechiError('config', 'the configuration must be a mapping of keys', { file: path });
    }
  }
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith('HAECHI_') || v === undefined || NOT_CONFIG.has(k)) continue;
    setPath(raw, k.slice('HAECHI_'.length).toLowerCase().split('__'), envValue(v));
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.');
    const keys =
      issue.code === 'unrecognized_keys' ? ` ${(issue as { keys: string[] }).keys.join(', ')}` : '';
    throw new HaechiError('config', `${where ? `${where}: ` : ''}${issue.message}${keys}`, {
      file: path ?? '(environment)',
      field: where || undefined,
    });
  }
  return parsed.data;
}

const SECRET_KEY = /pass(word)?|secret|token|api[_-]?key|private|credential/i;

/** A copy with every value under a secret-looking key replaced, for printing. */
export function redactConfig(value: unknown, key = ''): unknown {
  if (SECRET_KEY.test(key) && value !== undefined && value !== null) return '[redacted]';
  if (Array.isArray(value)) return value.map((v) => redactConfig(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactConfig(v, k)]));
  }
  return value;
}
