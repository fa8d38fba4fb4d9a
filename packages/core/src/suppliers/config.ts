/**
 * The supplier register, change windows and asset inventory as the organisation declares them
 * (issue 7, "File shapes"), validated with zod. Every problem names the file, the line where the
 * format has one, the entry (index and name/id) and the field:
 *   suppliers.yaml:4: suppliers[0] (Hanil Maintenance): hours.tz 'Asia/Seul' is not a known time zone
 *
 * The shapes (issue 7's keys, plus the ones marked +):
 *   suppliers:
 *     - name: Hanil Maintenance
 *       id: HM-01                                 # + optional stable id
 *       accounts: ["hanil.*", "svc_hanil"]        # globs, case-insensitive, domain part ignored
 *       service_accounts: ["svc_hanil"]           # + should never log on interactively (2, 10, 11, 12)
 *       hosts: ["MES-*", "10.20.0.0/16"]          # host-name globs or CIDRs; absent = no restriction
 *       services: [rdp, smb, vpn]                 # see SERVICES; absent = no restriction
 *       hours: { days: mon-fri, from: "09:00", to: "18:00", tz: Asia/Seoul }  # to <= from spans midnight
 *       sources: { networks: ["203.0.113.0/24"], asns: [4766], countries: [KR] }  # any one matching is expected
 *       contact: ops@hanil.example
 *   windows:
 *     - { id: CHG-1042, start: <RFC 3339 with offset>, end: ..., hosts: [...], relaxed: ..., approved_by: ..., ticket: + }
 *   assets:                                       # + the inventory: names, addresses, tags, administrators
 *     - { host: FS-01, ip: 10.30.0.12, tags: [crown-jewel], admins: ["File Admins", "svc_backup"] }
 *       # tags: crown-jewel (blast radius targets), dc / domain-controller (network logons there are
 *       # domain plumbing, not a grant breach); admins: groups or accounts with admin rights on it
 *   supplier_detection: { many_hosts: 5, many_hosts_minutes: 10, dormant_days: 30,
 *                         bulk_files: 100, bulk_minutes: 10, session_hours: 12 }   # + thresholds
 * In haechi.yaml the same `suppliers:`, `windows:` and `assets:` keys apply and the thresholds sit
 * under `analytics.suppliers`.
 *
 * The validated config is plain data (structured-clonable: hunt hands it to worker threads);
 * `SupplierRegister` and `compileWindows` turn it into matchers.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { HaechiError } from '../errors.js';
import { yaml } from '../util/lazy-yaml.js';
import { parseCsv, splitList } from './csv.js';
import { isKnownTimeZone, parseClock, parseDays } from './hours.js';
import { parseCidr, parseIp } from './match.js';

/**
 * Services a supplier may be granted. `network` stands for any network logon (Windows logon
 * type 3: SMB, WinRM, RPC); `console` for an interactive logon at the machine (type 2).
 */
export const SERVICES = [
  'rdp',
  'smb',
  'winrm',
  'rpc',
  'network',
  'ssh',
  'vpn',
  'console',
  'http',
  'https',
  'sql',
  'ftp',
  'vnc',
  'batch',
  'service',
] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface SupplierEntry {
  name: string;
  id?: string;
  /** account names or globs; domain prefix/suffix ignored, case-insensitive */
  accounts: string[];
  /** accounts (patterns) that should only log on as a service, batch or network logon */
  service_accounts: string[];
  /** host-name globs or CIDR blocks the supplier may reach */
  hosts: string[];
  services: ServiceName[];
  hours?: { days: string; from: string; to: string; tz: string };
  sources?: { networks: string[]; asns: number[]; countries: string[] };
  contact?: string;
}

export interface ChangeWindowEntry {
  id: string;
  /** RFC 3339 as written */
  start: string;
  end: string;
  /** epoch ms UTC */
  startMs: number;
  endMs: number;
  hosts: string[];
  relaxed?: string;
  approved_by?: string;
  ticket?: string;
}

/** The asset inventory: host names, their addresses, tags (`crown-jewel`) and who administers them. */
export interface AssetEntry {
  host: string;
  ips: string[];
  tags: string[];
  /** accounts or groups with administrative rights on the host */
  admins: string[];
}

/** Thresholds of the supplier detections (documented defaults below). */
export interface SupplierDetectionSettings {
  /** distinct hosts logged on to by one supplier account within `many_hosts_minutes` */
  many_hosts: number;
  many_hosts_minutes: number;
  /** an account unused for this many days is dormant */
  dormant_days: number;
  /** distinct files or shares touched (5145/5140) within `bulk_minutes` */
  bulk_files: number;
  bulk_minutes: number;
  /** how long an address that a supplier account logged on from is attributed to it (Zeek flows) */
  session_hours: number;
}

export const DEFAULT_DETECTION: SupplierDetectionSettings = {
  many_hosts: 5,
  many_hosts_minutes: 10,
  dormant_days: 30,
  bulk_files: 100,
  bulk_minutes: 10,
  session_hours: 12,
};

export interface SupplierConfig {
  suppliers: SupplierEntry[];
  windows: ChangeWindowEntry[];
  assets: AssetEntry[];
  detection: SupplierDetectionSettings;
}

export const CROWN_JEWEL_TAG = 'crown-jewel';

// ---------------------------------------------------------------------------------------------
// schemas

const list = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((v) =>
    (typeof v === 'string' ? [v] : v.map(String)).map((s) => s.trim()).filter((s) => s !== ''),
  );

const hostPatterns = list.superRefine((v, ctx) => {
  v.forEach((p, k) => {
    if (p.includes('/') && !parseCidr(p))
      ctx.addIssue({ code: 'custom', path: [k], message: `'${p}' is not a valid CIDR block` });
  });
});

const clock = z.string().superRefine((v, ctx) => {
  if (parseClock(v) === undefined)
    ctx.addIssue({ code: 'custom', message: `'${v}' is not a time of day (HH:MM)` });
});

const hoursSchema = z.strictObject({
  days: z
    .union([z.string(), z.array(z.string())])
    .default('mon-sun')
    .transform((v) => (typeof v === 'string' ? v : v.join(',')))
    .superRefine((v, ctx) => {
      try {
        parseDays(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `'${v}': ${(err as Error).message}` });
      }
    }),
  from: clock,
  to: clock,
  tz: z.string().superRefine((v, ctx) => {
    if (!isKnownTimeZone(v)) ctx.addIssue({ code: 'custom', message: `'${v}' is not a known time zone` });
  }),
});

const asn = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v.trim().replace(/^AS/i, ''));
  if (!Number.isInteger(n) || n < 0 || n > 4294967295) {
    ctx.addIssue({ code: 'custom', message: `'${v}' is not an AS number` });
    return z.NEVER;
  }
  return n;
});

const sourcesSchema = z.strictObject({
  networks: list.default([]).superRefine((v, ctx) => {
    v.forEach((p, k) => {
      if (!parseCidr(p))
        ctx.addIssue({ code: 'custom', path: [k], message: `'${p}' is not an address or CIDR block` });
    });
  }),
  asns: z
    .union([asn, z.array(asn)])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v])),
  countries: list.default([]).transform((v, ctx) => {
    return v.map((c, k) => {
      if (!/^[A-Za-z]{2}$/.test(c))
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `'${c}' is not an ISO 3166-1 alpha-2 country code`,
        });
      return c.toUpperCase();
    });
  }),
});

const servicesSchema = list.transform((v, ctx) =>
  v.map((s, k) => {
    const low = s.toLowerCase();
    if (!(SERVICES as readonly string[]).includes(low))
      ctx.addIssue({
        code: 'custom',
        path: [k],
        message: `'${s}' is not a known service (one of ${SERVICES.join(', ')})`,
      });
    return low as ServiceName;
  }),
);

const supplierSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  accounts: list.refine((v) => v.length > 0, 'must name at least one account or pattern'),
  service_accounts: list.default([]),
  hosts: hostPatterns.default([]),
  services: servicesSchema.default([]),
  hours: hoursSchema.optional(),
  sources: sourcesSchema.optional(),
  contact: z.string().optional(),
});

/** RFC 3339 with an explicit offset: a window written in local time without one is ambiguous. */
const instant = z.union([z.string(), z.date()]).transform((v, ctx) => {
  if (v instanceof Date) return v.toISOString();
  const s = v.trim();
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    ctx.addIssue({
      code: 'custom',
      message: `'${s}' is not an RFC 3339 time with an offset (e.g. 2026-03-02T22:00:00+09:00)`,
    });
    return z.NEVER;
  }
  if (Number.isNaN(Date.parse(s))) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is not a valid date` });
    return z.NEVER;
  }
  return s;
});

const windowSchema = z
  .strictObject({
    id: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().trim().min(1, 'must not be empty')),
    start: instant,
    end: instant,
    hosts: hostPatterns.refine((v) => v.length > 0, 'must name at least one host or subnet'),
    relaxed: z.string().optional(),
    approved_by: z.string().optional(),
    ticket: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .superRefine((w, ctx) => {
    if (Date.parse(w.end) <= Date.parse(w.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: `'${w.end}' is not after start '${w.start}'` });
  })
  .transform((w) => ({ ...w, startMs: Date.parse(w.start), endMs: Date.parse(w.end) }));

const assetSchema = z
  .strictObject({
    host: z.string().trim().min(1, 'must not be empty'),
    ip: list.optional(),
    ips: list.optional(),
    tags: list.default([]),
    admins: list.default([]),
  })
  .superRefine((a, ctx) => {
    for (const key of ['ip', 'ips'] as const) {
      (a[key] ?? []).forEach((p, k) => {
        if (!parseIp(p))
          ctx.addIssue({ code: 'custom', path: [key, k], message: `'${p}' is not an IP address` });
      });
    }
  })
  .transform((a) => ({
    host: a.host,
    ips: [...(a.ip ?? []), ...(a.ips ?? [])],
    tags: a.tags.map((t) => t.toLowerCase()),
    admins: a.admins,
  }));

const positive = z.number().positive();
const detectionSchema = z.strictObject({
  many_hosts: positive.int().optional(),
  many_hosts_minutes: positive.optional(),
  dormant_days: positive.optional(),
  bulk_files: positive.int().optional(),
  bulk_minutes: positive.optional(),
  session_hours: positive.optional(),
});

const fileSchema = z.looseObject({
  suppliers: z.array(z.unknown()).optional(),
  windows: z.array(z.unknown()).optional(),
  assets: z.array(z.unknown()).optional(),
  supplier_detection: z.unknown().optional(),
});

// ---------------------------------------------------------------------------------------------
// errors

type PathKey = string | number;
/** finds the line of a path in the source (YAML node, CSV row), walking up to the nearest known */
export type Locate = (path: readonly PathKey[]) => number | undefined;

function fieldPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) {
    if (typeof k === 'number') s += `[${k}]`;
    else s += s === '' ? String(k) : `.${String(k)}`;
  }
  return s;
}

/**
 * A union's complaint comes from the branch that got furthest (the deepest path): for
 * `asns: [AS4766, "x"]` that is the list branch saying item 1 is not an AS number.
 */
function flattenIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[] = [],
): { path: PropertyKey[]; issue: z.core.$ZodIssue } {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    let best: z.core.$ZodIssue | undefined;
    for (const branch of issue.errors) {
      const first = branch[0];
      if (first && (!best || first.path.length > best.path.length)) best = first;
    }
    if (best) return flattenIssue(best, path);
  }
  return { path, issue };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    // zod 4 leaves the input out of issues; its message ends with "received <type>"
    const received = /received (\w+)/.exec(issue.message)?.[1];
    if (received === 'undefined') return 'is missing';
    const name = (t: string | undefined) =>
      t === 'object'
        ? 'a mapping'
        : t === 'array'
          ? 'a list'
          : t === 'null'
            ? 'null'
            : t === undefined
              ? 'another type'
              : `a ${t}`;
    return `must be ${name(issue.expected)}${received ? `, not ${received === 'array' ? 'a list' : received}` : ''}`;
  }
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  return issue.message;
}

interface Problem {
  line?: number;
  text: string;
  field: string;
}

function problemsOf(
  section: string,
  index: number,
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
  locate: Locate | undefined,
): Problem[] {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const label = r.name ?? r.id ?? r.host;
  const entry = `${section}[${index}]${typeof label === 'string' || typeof label === 'number' ? ` (${label})` : ''}`;
  return issues.map((raw) => {
    const { path, issue: iss } = flattenIssue(raw);
    const field = fieldPath(path);
    const keys = iss.code === 'unrecognized_keys' ? [...path, iss.keys[0]] : path;
    const line = locate?.([section, index, ...(keys as PathKey[])]);
    const text = field ? `${entry}: ${field} ${describeIssue(iss)}` : `${entry}: ${describeIssue(iss)}`;
    return {
      line,
      text,
      field: `${section}[${index}]${field ? (field.startsWith('[') ? field : `.${field}`) : ''}`,
    };
  });
}

function raise(file: string, problems: Problem[]): never {
  const first = problems[0];
  const more = problems.slice(1, 20).map((p) => `\n  ${p.line ? `line ${p.line}: ` : ''}${p.text}`);
  const rest = problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : '';
  // the field is named in the message; HaechiError.field would repeat it in describe()
  throw new HaechiError('config', `${first.text}${more.join('')}${rest}`, { file, line: first.line });
}

/**
 * Validates already-parsed data (a YAML/JSON document, or `haechi.yaml`'s effective config) with
 * the keys `suppliers`, `windows`, `assets`, `supplier_detection`. Throws HaechiError('config')
 * naming file, line, entry and field; all problems are listed, the first one in the fields.
 */
export function parseSupplierConfig(data: unknown, file: string, locate?: Locate): SupplierConfig {
  const name = basename(file);
  const top = fileSchema.safeParse(data ?? {});
  if (!top.success) {
    raise(name, [
      {
        text: `expected a mapping with 'suppliers:', 'windows:' or 'assets:' (${top.error.issues
          .map((i) => flattenIssue(i))
          .map((i) => `${fieldPath(i.path) || 'top level'} ${describeIssue(i.issue)}`)
          .join('; ')})`,
        field: fieldPath(top.error.issues[0]?.path ?? []),
        line: locate?.(top.error.issues[0]?.path as PathKey[]),
      },
    ]);
  }
  const problems: Problem[] = [];
  const section = <T>(key: 'suppliers' | 'windows' | 'assets', schema: z.ZodType<T>): T[] => {
    const out: T[] = [];
    (top.data[key] ?? []).forEach((raw, i) => {
      const res = schema.safeParse(raw);
      if (res.success) out.push(res.data);
      else problems.push(...problemsOf(key, i, raw, res.error.issues, locate));
    });
    return out;
  };
  const suppliers = section('suppliers', supplierSchema) as SupplierEntry[];
  const windows = section('windows', windowSchema) as ChangeWindowEntry[];
  const assets = section('assets', assetSchema) as AssetEntry[];
  let detection = { ...DEFAULT_DETECTION };
  if (top.data.supplier_detection !== undefined) {
    const res = detectionSchema.safeParse(top.data.supplier_detection);
    if (res.success) detection = { ...detection, ...res.data };
    else
      for (const raw of res.error.issues) {
        const { path, issue: iss } = flattenIssue(raw);
        problems.push({
          line: locate?.(['supplier_detection', ...(path as PathKey[])]),
          text: `supplier_detection: ${fieldPath(path)} ${describeIssue(iss)}`,
          field: `supplier_detection.${fieldPath(path)}`,
        });
      }
  }
  // duplicates (valid or not, by their original index): two entries with one name make findings ambiguous
  const dup = (key: 'suppliers' | 'windows' | 'assets', field: string) => {
    const seen = new Map<string, number>();
    (top.data[key] ?? []).forEach((raw, i) => {
      const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : undefined;
      if (typeof v !== 'string' && typeof v !== 'number') return;
      const k = String(v).trim().toLowerCase();
      const prev = seen.get(k);
      if (prev !== undefined)
        problems.push({
          line: locate?.([key, i]),
          text: `${key}[${i}] (${v}): duplicates ${key}[${prev}]`,
          field: `${key}[${i}]`,
        });
      else seen.set(k, i);
    });
  };
  dup('suppliers', 'name');
  dup('windows', 'id');
  dup('assets', 'host');
  if (problems.length > 0) raise(name, problems);
  return { suppliers, windows, assets, detection };
}

/** YAML text (a register, a windows file, or haechi.yaml) with line numbers in errors */
export function parseSupplierYaml(text: string, file: string): SupplierConfig {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new HaechiError('config', `not valid YAML: ${e.message.split('\n')[0]}`, {
      file: basename(file),
      line,
    });
  }
  const locate: Locate = (path) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return parseSupplierConfig(doc.toJS(), file, locate);
}

/**
 * The register as CSV, one supplier a row. Columns: name, id, accounts, service_accounts, hosts,
 * services, days, from, to, tz, networks, asns, countries, contact (lists `;`-separated). An
 * absent column is an absent key.
 */
export function parseSupplierCsv(text: string, file: string): SupplierConfig {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text, basename(file));
  } catch (err) {
    throw new HaechiError('config', (err as Error).message, { file: basename(file) });
  }
  const { header, rows } = parsed;
  if (!header.includes('name') || !header.includes('accounts'))
    throw new HaechiError(
      'config',
      `a supplier CSV needs a header with at least 'name' and 'accounts' (got ${header.join(', ') || 'nothing'})`,
      {
        file: basename(file),
        line: 1,
      },
    );
  const known = new Set([
    'name',
    'id',
    'accounts',
    'service_accounts',
    'hosts',
    'services',
    'days',
    'from',
    'to',
    'tz',
    'networks',
    'asns',
    'countries',
    'contact',
  ]);
  const unknown = header.filter((h) => h !== '' && !known.has(h));
  if (unknown.length > 0)
    throw new HaechiError(
      'config',
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}`,
      {
        file: basename(file),
        line: 1,
      },
    );
  const suppliers = rows.map((r) => {
    const v = r.values;
    const o: Record<string, unknown> = { name: v.name, accounts: splitList(v.accounts) };
    if (v.id) o.id = v.id;
    for (const k of ['service_accounts', 'hosts', 'services'] as const) if (v[k]) o[k] = splitList(v[k]);
    if (v.from || v.to || v.tz || v.days)
      o.hours = { days: v.days || 'mon-sun', from: v.from, to: v.to, tz: v.tz };
    if (v.networks || v.asns || v.countries)
      o.sources = {
        networks: splitList(v.networks),
        asns: splitList(v.asns),
        countries: splitList(v.countries),
      };
    if (v.contact) o.contact = v.contact;
    return o;
  });
  const lines = rows.map((r) => r.line);
  return parseSupplierConfig({ suppliers }, file, (path) =>
    path[0] === 'suppliers' ? lines[path[1] as number] : undefined,
  );
}

/** Reads a register/windows/assets file: CSV by its extension, YAML (or JSON) otherwise. */
export async function loadSupplierFile(path: string): Promise<SupplierConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new HaechiError('config', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`, {
      cause: err,
      file: path,
    });
  }
  return extname(path).toLowerCase() === '.csv'
    ? parseSupplierCsv(text, path)
    : parseSupplierYaml(text, path);
}

/** Several files into one config; a supplier, window or asset declared twice is an error. */
export function mergeSupplierConfigs(
  parts: readonly { file: string; config: SupplierConfig }[],
): SupplierConfig {
  const out: SupplierConfig = { suppliers: [], windows: [], assets: [], detection: { ...DEFAULT_DETECTION } };
  const owners = new Map<string, string>();
  for (const { file, config } of parts) {
    const claim = (kind: string, key: string) => {
      const k = `${kind}\0${key.toLowerCase()}`;
      const prev = owners.get(k);
      if (prev !== undefined && prev !== file)
        throw new HaechiError(
          'config',
          `${kind} '${key}' is declared in both ${basename(prev)} and ${basename(file)}`,
          {
            file: basename(file),
          },
        );
      owners.set(k, file);
    };
    for (const s of config.suppliers) claim('supplier', s.name);
    for (const w of config.windows) claim('window', w.id);
    for (const a of config.assets) claim('asset', a.host);
    out.suppliers.push(...config.suppliers);
    out.windows.push(...config.windows);
    out.assets.push(...config.assets);
    for (const [k, v] of Object.entries(config.detection) as [keyof SupplierDetectionSettings, number][])
      if (v !== DEFAULT_DETECTION[k]) out.detection[k] = v;
  }
  return out;
}
