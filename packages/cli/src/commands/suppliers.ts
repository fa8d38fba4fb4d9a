/**
 * `haechi suppliers report`: each supplier's access graph exposure (issue 7) — which crown-jewel
 * assets its accounts can reach and by which shortest paths, and the share of hosts within two
 * hops — from the register, the asset inventory, the directory export and the logons observed in
 * event logs (or in the findings a `hunt --db` stored).
 * `haechi suppliers check`: validates register and window files and says what they declare.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Event, HaechiError } from '@haechi/core';
import { readPaths } from '@haechi/core/ingest';
import {
  type BlastRadius,
  buildAccessGraph,
  formatPath,
  type LogonObservation,
  logonsOf,
  SupplierRegister,
  supplierExposure,
} from '@haechi/core/suppliers';
import { openSqliteStore } from '@haechi/store';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { loadSuppliersInput } from '../hunt/plugins/suppliers.js';
import { createLogger } from '../util/logger.js';

export interface ReportFlags {
  suppliers?: string[];
  windows?: string[];
  directory?: string;
  db?: string;
  config?: string;
  json?: boolean;
  format?: string;
}

export function register(program: Command): void {
  const sup = program.command('suppliers').description('Supplier register, access graph and blast radius.');
  sup
    .command('report')
    .description(
      "Each supplier's reach: crown-jewel assets by shortest path, share of hosts within two hops.",
    )
    .argument('[events...]', 'event logs to read logons from (files or folders; EVTX, JSON ...)')
    .option('--suppliers <files...>', 'supplier register(s), YAML or CSV (config: suppliers, assets)')
    .option('--windows <files...>', 'change windows, YAML (listed in the report)')
    .option('--directory <file>', 'directory export, CSV or JSON (account, supplier, groups, admin, ...)')
    .option('--db <file>', 'read logons from the findings a `haechi hunt --db` stored, instead of event logs')
    .option('--format <name>', 'read every event input as this format instead of detecting it')
    .option('-c, --config <file>', 'configuration file (default ./haechi.yaml when present)')
    .option('--json', 'one JSON document for machines')
    .addHelpText(
      'after',
      `
Examples:
  haechi suppliers report --suppliers suppliers.yaml --directory directory.csv ./logs
  haechi suppliers report --db findings.db --json

Hops are counted from the supplier's accounts; edges: grant (register), member-of and admin-to
(directory, assets[].admins), logon and session (observed 4624 logons). Crown jewels are the
assets tagged crown-jewel in \`assets: [{host, ip, tags: [crown-jewel], admins: [...]}]\`.`,
    )
    .action(async (events: string[], flags: ReportFlags) => {
      process.exitCode = await suppliersReport(events, flags);
    });
  sup
    .command('check')
    .description('Validate supplier register, change window and asset files; print what they declare.')
    .argument('<files...>', 'YAML or CSV files')
    .option('--json', 'JSON output')
    .action(async (files: string[], flags: { json?: boolean }) => {
      const { config } = await loadSuppliersInput({ suppliers: files }, {});
      if (flags.json) process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
      else {
        process.stdout.write(
          `ok: ${config.suppliers.length} supplier(s), ${config.windows.length} change window(s), ${config.assets.length} asset(s)\n`,
        );
        for (const s of config.suppliers)
          process.stdout.write(
            `  supplier ${s.name}: accounts ${s.accounts.join(', ')}; hosts ${s.hosts.join(', ') || 'any'}; services ${s.services.join(', ') || 'any'}${s.hours ? `; ${s.hours.days} ${s.hours.from}-${s.hours.to} ${s.hours.tz}` : ''}\n`,
          );
        for (const w of config.windows)
          process.stdout.write(
            `  window ${w.id}: ${new Date(w.startMs).toISOString()} .. ${new Date(w.endMs).toISOString()} on ${w.hosts.join(', ')}\n`,
          );
      }
    });
}

/** Logons behind stored findings: the matched 4624 events, and supplier findings' account and host. */
function logonsFromStore(file: string): LogonObservation[] {
  if (!existsSync(file)) throw new HaechiError('input', `database not found: ${file}`, { file });
  const store = openSqliteStore(file);
  try {
    const out: LogonObservation[] = [];
    for (const f of store.findings()) {
      if (f.event && Number(f.event.EventID) === 4624) {
        logonsOf(
          [{ time: f.time, source: f.evidence[0] ?? { kind: 'store', uri: file }, fields: f.event } as Event],
          out,
        );
      } else if (f.detector === 'supplier' && f.rule.id !== 'supplier-many-hosts') {
        const user = f.entities.find((e) => e.type === 'user')?.value;
        const host = f.entities.find((e) => e.type === 'host')?.value;
        if (user && host) out.push({ account: user, host, time: f.time });
      }
    }
    return out;
  } finally {
    store.close();
  }
}

async function logonsFromEvents(
  paths: string[],
  format: string | undefined,
): Promise<{ logons: LogonObservation[]; events: number; problems: number }> {
  const logons: LogonObservation[] = [];
  let events = 0;
  let problems = 0;
  for await (const input of readPaths(paths, { format, onProblem: () => problems++ })) {
    for await (const batch of input.batches) {
      events += batch.length;
      logonsOf(batch, logons);
    }
    if (input.stats.error) process.stderr.write(`haechi: ${input.stats.uri}: ${input.stats.error}\n`);
  }
  return { logons, events, problems };
}

/** `write` receives the report (stdout by default; tests pass their own). */
export async function suppliersReport(
  paths: string[],
  flags: ReportFlags,
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  if (flags.db && paths.length > 0)
    throw new HaechiError('usage', 'give either --db FILE or event paths, not both');
  const config = loadConfig(flags.config);
  const log = createLogger();
  const { config: sc, directory } = await loadSuppliersInput(flags, config as Record<string, unknown>, log);
  if (sc.suppliers.length === 0 && !directory.some((d) => d.supplier))
    throw new HaechiError(
      'usage',
      'no suppliers: give --suppliers FILE, a `suppliers:` section in haechi.yaml, or a directory export with a supplier column',
    );
  let logons: LogonObservation[] = [];
  let source = 'no logons (give event logs or --db)';
  if (flags.db) {
    logons = logonsFromStore(resolve(flags.db));
    source = `${logons.length} logon(s) from the findings in ${flags.db}`;
  } else if (paths.length > 0) {
    const r = await logonsFromEvents(paths, flags.format);
    logons = r.logons;
    source = `${r.logons.length} logon(s) in ${r.events} event(s)${r.problems ? `, ${r.problems} record problem(s)` : ''}`;
  }
  const register = new SupplierRegister(sc, directory);
  const graph = buildAccessGraph({ register, directory, logons });
  const radius = supplierExposure(graph, register);
  const kinds: Record<string, number> = {};
  graph.forEachEdge((_e, a) => {
    kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  });
  const crown = graph
    .filterNodes((_k, a) => a.kind === 'host' && a.crown === true)
    .map((k) => graph.getNodeAttribute(k, 'label'));
  if (flags.json) {
    write(
      `${JSON.stringify(
        {
          graph: {
            nodes: graph.order,
            edges: graph.size,
            edge_kinds: Object.fromEntries(Object.entries(kinds).sort()),
            crown_jewels: crown.sort(),
          },
          logons: logons.length,
          suppliers: radius.map((r) => ({
            ...r,
            contact: sc.suppliers.find((s) => s.name === r.supplier)?.contact,
          })),
          windows: sc.windows.map((w) => ({
            id: w.id,
            start: new Date(w.startMs).toISOString(),
            end: new Date(w.endMs).toISOString(),
            hosts: w.hosts,
            relaxed: w.relaxed,
            approved_by: w.approved_by,
          })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const out: string[] = [];
  out.push(
    `Supplier access report: ${graph.order} nodes, ${graph.size} edges (${Object.entries(kinds)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}); ${source}`,
  );
  out.push(
    `Crown jewels: ${crown.sort().join(', ') || 'none tagged (assets: [{host, tags: [crown-jewel]}])'}`,
  );
  for (const r of radius)
    out.push('', ...describeRadius(r, sc.suppliers.find((s) => s.name === r.supplier)?.contact));
  if (sc.windows.length > 0) {
    out.push('', 'Change windows:');
    for (const w of sc.windows)
      out.push(
        `  ${w.id}  ${new Date(w.startMs).toISOString()} .. ${new Date(w.endMs).toISOString()}  ${w.hosts.join(', ')}${w.relaxed ? `  (${w.relaxed})` : ''}${w.approved_by ? `  approved by ${w.approved_by}` : ''}`,
      );
  }
  write(`${out.join('\n')}\n`);
  return 0;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function describeRadius(r: BlastRadius, contact?: string): string[] {
  const lines = [`${r.supplier}${contact ? `  (contact ${contact})` : ''}`];
  lines.push(
    `  accounts: ${r.accounts.join(', ') || 'none seen (no matching account in the directory or the logons)'}`,
  );
  lines.push(
    `  reach: ${r.reachable_hosts} of ${r.hosts_total} host(s); within two hops: ${r.within_two_hops} (${pct(r.share_within_two_hops)})`,
  );
  if (r.crown_jewels.length === 0) lines.push('  crown jewels reachable: none');
  else {
    lines.push('  crown jewels reachable:');
    for (const c of r.crown_jewels) {
      lines.push(`    ${c.host}  ${c.hops} hop(s), ${c.shortest_paths} shortest path(s)`);
      lines.push(`      ${formatPath(c.path)}`);
    }
  }
  if (r.crown_jewels_unreachable.length > 0)
    lines.push(`  crown jewels not reachable: ${r.crown_jewels_unreachable.join(', ')}`);
  if (r.hosts.length > 0) lines.push(`  hosts: ${r.hosts.map((h) => `${h.host} (${h.hops})`).join(', ')}`);
  return lines;
}
