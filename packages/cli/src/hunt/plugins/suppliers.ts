/**
 * Suppliers and change windows in `haechi hunt` (issue 7).
 *
 * Flags: `--suppliers FILE...` (a register in YAML or CSV; config: `suppliers:`), `--windows
 * FILE...` (change windows in YAML; config: `windows:`), `--directory FILE` (the directory export;
 * its `supplier` column names supplier staff, `last_logon` feeds the dormant-account check).
 * `assets:` (host, ip, tags, admins) may sit in any of these files or in haechi.yaml; thresholds
 * are config `analytics.suppliers` (or `supplier_detection:` in a register file).
 *
 * Worker threads select the events (supplier accounts' logons, share access and processes;
 * connections to remote-access ports; what change windows care about on their hosts); the main
 * thread runs the supplier detections and the end-of-window sweep, then escalates every finding
 * inside a window on its hosts (`transform`).
 */
import { resolve } from 'node:path';
import { type Event, type Finding, HaechiError } from '@haechi/core';
import {
  ChangeWindowSweep,
  compileWindows,
  escalateInWindows,
  type SourceLookup,
  SupplierAnalytic,
} from '@haechi/core/analytics/suppliers';
import { createEnricher } from '@haechi/core/enrich';
import {
  type DirectoryAccount,
  loadDirectory,
  loadSupplierFile,
  mergeSupplierConfigs,
  parseSupplierConfig,
  type SupplierConfig,
  SupplierRegister,
} from '@haechi/core/suppliers';
import type { Command } from 'commander';
import type { HuntContext, HuntPlugin, MainPart, WorkerPart } from '../plugin.js';

export interface SuppliersSpec {
  config: SupplierConfig;
  directory: DirectoryAccount[];
  internal?: string[];
}

function list(v: unknown): string[] {
  if (v === undefined || v === null || v === false) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/**
 * The register, windows and inventory from haechi.yaml and the given files, merged; and the
 * directory export. Shared by `hunt` and `haechi suppliers report`.
 */
export async function loadSuppliersInput(
  opts: { suppliers?: unknown; windows?: unknown; directory?: unknown },
  config: Readonly<Record<string, unknown>>,
  log?: HuntContext['log'],
): Promise<{ config: SupplierConfig; directory: DirectoryAccount[] }> {
  const cfg = config as {
    suppliers?: unknown;
    windows?: unknown;
    assets?: unknown;
    analytics?: { suppliers?: unknown };
  };
  const parts: { file: string; config: SupplierConfig }[] = [];
  if (cfg.suppliers || cfg.windows || cfg.assets || cfg.analytics?.suppliers) {
    parts.push({
      file: 'haechi.yaml',
      config: parseSupplierConfig(
        {
          suppliers: cfg.suppliers,
          windows: cfg.windows,
          assets: cfg.assets,
          supplier_detection: cfg.analytics?.suppliers,
        },
        'haechi.yaml',
      ),
    });
  }
  for (const f of [...list(opts.suppliers), ...list(opts.windows)]) {
    const file = resolve(f);
    parts.push({ file, config: await loadSupplierFile(file) });
  }
  const merged = mergeSupplierConfigs(parts);
  let directory: DirectoryAccount[] = [];
  const dir = list(opts.directory)[0];
  if (dir) {
    let problems = 0;
    directory = await loadDirectory(resolve(dir), (p) => {
      problems++;
      log?.warn(p, `directory: ${p.file}:${p.line ?? p.record ?? ''} ${p.field ?? ''} ${p.reason}`);
    });
    if (problems > 0)
      process.stderr.write(`haechi: directory export ${dir}: ${problems} value(s) ignored (see the log)\n`);
  }
  return { config: merged, directory };
}

function analyticsOf(spec: SuppliersSpec, lookup?: SourceLookup) {
  const register = new SupplierRegister(spec.config, spec.directory);
  const supplier =
    spec.config.suppliers.length > 0 || spec.directory.some((d) => d.supplier)
      ? new SupplierAnalytic({ register, settings: spec.config.detection, directory: spec.directory, lookup })
      : undefined;
  const sweep =
    spec.config.windows.length > 0
      ? new ChangeWindowSweep({ windows: spec.config.windows, register })
      : undefined;
  return { register, supplier, sweep };
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return new Map([...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export const suppliersPlugin: HuntPlugin = {
  name: 'suppliers',
  addOptions(cmd: Command): void {
    cmd.option('--suppliers <files...>', 'supplier register(s), YAML or CSV (config: suppliers)');
    cmd.option('--windows <files...>', 'change windows, YAML (config: windows)');
    // the credentials plugin may declare the same flag for the same file; one declaration serves both
    if (!cmd.options.some((o) => o.long === '--directory'))
      cmd.option(
        '--directory <file>',
        'directory export, CSV or JSON (account, supplier, groups, admin, last_logon, ...)',
      );
  },
  async prepare(opts, ctx): Promise<SuppliersSpec | null> {
    const { config, directory } = await loadSuppliersInput(opts, ctx.config, ctx.log);
    if (config.suppliers.length === 0 && config.windows.length === 0 && !directory.some((d) => d.supplier))
      return null;
    ctx.log.info(
      {
        suppliers: config.suppliers.length,
        windows: config.windows.length,
        assets: config.assets.length,
        directory: directory.length,
      },
      'suppliers: register loaded',
    );
    const internal = (ctx.config as { internal?: unknown }).internal;
    return { config, directory, internal: Array.isArray(internal) ? internal.map(String) : undefined };
  },
  worker(raw: unknown): WorkerPart {
    if (!raw) return {};
    const { supplier, sweep } = analyticsOf(raw as SuppliersSpec);
    return { wants: (e: Event) => !!supplier?.wants(e) || !!sweep?.wants(e) };
  },
  main(raw: unknown, ctx: HuntContext): MainPart {
    if (!raw) return {};
    const spec = raw as SuppliersSpec;
    // ASN and country only matter when a supplier declares them; the database load is skipped otherwise
    const needsGeo = spec.config.suppliers.some(
      (s) => (s.sources?.asns.length ?? 0) + (s.sources?.countries.length ?? 0) > 0,
    );
    let lookup: SourceLookup | undefined;
    if (needsGeo) {
      try {
        const enricher = createEnricher({ internal: spec.internal });
        lookup = (ip) => {
          const i = enricher.lookup(ip);
          return { asn: i.asn, org: i.org, country: i.country };
        };
      } catch (err) {
        if (err instanceof HaechiError) throw err;
        ctx.log.warn(
          { err: String(err) },
          'suppliers: no ASN/country lookup; only declared networks are checked',
        );
      }
    }
    const { register, supplier, sweep } = analyticsOf(spec, lookup);
    const windows = compileWindows(spec.config.windows);
    return {
      feed(events: readonly Event[]): void {
        if (supplier) {
          const mine = events.filter((e) => supplier.wants(e));
          if (mine.length) supplier.feed(mine);
        }
        if (sweep) {
          const mine = events.filter((e) => sweep.wants(e));
          if (mine.length) sweep.feed(mine);
        }
      },
      finish(): Finding[] {
        return [...(supplier?.finish() ?? []), ...(sweep?.finish() ?? [])];
      },
      transform(findings: Finding[]): Finding[] {
        return escalateInWindows(findings, windows, register);
      },
      summary(findings: readonly Finding[]): string[] {
        const lines: string[] = [];
        const sup = findings.filter((f) => f.detector === 'supplier');
        if (spec.config.suppliers.length > 0 || sup.length > 0) {
          const bySupplier = countBy(sup, (f) => String(f.details?.supplier));
          lines.push(
            `suppliers: ${sup.length} finding(s)${bySupplier.size ? ` (${[...bySupplier].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`,
          );
          for (const [rule, n] of countBy(sup, (f) => f.rule.id)) lines.push(`  ${rule}: ${n}`);
        }
        for (const w of spec.config.windows) {
          const escalated = findings.filter(
            (f) => f.window === w.id && f.detector !== 'change-window',
          ).length;
          const swept = findings.filter((f) => f.window === w.id && f.detector === 'change-window');
          const notRestored = swept.some((f) => f.rule.id === 'change-window-not-restored');
          lines.push(
            `change window ${w.id} (${w.start} .. ${w.end}): ${escalated} finding(s) escalated, ${swept.length - (notRestored ? 1 : 0)} leftover(s) after it${notRestored ? ', controls NOT restored' : ''}`,
          );
        }
        return lines;
      },
      json(findings: readonly Finding[]): unknown {
        const sup = findings.filter((f) => f.detector === 'supplier');
        return {
          suppliers: spec.config.suppliers.map((s) => ({
            name: s.name,
            findings: sup.filter((f) => f.details?.supplier === s.name).length,
            rules: Object.fromEntries(
              countBy(
                sup.filter((f) => f.details?.supplier === s.name),
                (f) => f.rule.id,
              ),
            ),
          })),
          windows: spec.config.windows.map((w) => ({
            id: w.id,
            start: new Date(w.startMs).toISOString(),
            end: new Date(w.endMs).toISOString(),
            escalated: findings
              .filter((f) => f.window === w.id && f.detector !== 'change-window')
              .map((f) => f.id),
            sweep: findings
              .filter((f) => f.window === w.id && f.detector === 'change-window')
              .map((f) => f.id),
          })),
        };
      },
    };
  },
};
