/**
 * The demo's supplier side (issue 7): the register (the supplier of the scenario, and the asset
 * inventory with FS-01 as the crown jewel), the declared change window, and a small directory
 * export naming the supplier's staff, groups and administrators for the access graph.
 * Deterministic: everything comes from scenario.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { CHANGE_WINDOW, HOSTS, SUPPLIER } from './scenario.js';

/** Asset tags: FS-01 holds the design files (crown jewel); DC-01 is a domain controller. */
function assets() {
  const admins: Record<string, string[]> = {
    [HOSTS.fileServer.name]: ['File Admins', 'Backup Operators'],
    [HOSTS.dc.name]: ['Domain Admins'],
    [HOSTS.mes.name]: ['MES Admins'],
    [HOSTS.jump.name]: ['IT Operations'],
    [HOSTS.vpnGateway.name]: ['IT Operations'],
    [HOSTS.workstation.name]: ['Helpdesk'],
  };
  const tags: Record<string, string[]> = {
    [HOSTS.fileServer.name]: ['crown-jewel'],
    [HOSTS.dc.name]: ['dc'],
  };
  return Object.values(HOSTS).map((h) => ({
    host: h.name,
    ip: h.ip,
    ...(tags[h.name] ? { tags: tags[h.name] } : {}),
    admins: admins[h.name] ?? [],
  }));
}

/** The directory export's columns (issue 6) that the supplier side reads, for a few accounts. */
function directoryCsv(): string {
  const rows: [string, boolean, boolean, string, string[], string][] = [
    // account, enabled, admin, supplier, groups, last_logon
    [SUPPLIER.account, true, false, SUPPLIER.name, ['MES Maintenance', 'VPN Users'], '2026-02-27T01:40:00Z'],
    ['svc_hanil', true, false, SUPPLIER.name, ['MES Maintenance'], '2025-09-30T02:00:00Z'],
    ['kim.it', true, true, '', ['Domain Admins', 'IT Operations'], '2026-03-02T00:10:00Z'],
    ['svc_backup', true, false, '', ['Backup Operators'], '2026-03-02T17:05:00Z'],
    ['lee.mes', true, false, '', ['MES Admins'], '2026-03-01T23:00:00Z'],
    ['kim.minjun', true, false, '', ['Engineering'], '2026-03-02T00:20:00Z'],
    ['lee.seoyeon', true, false, '', ['Engineering', 'Helpdesk'], '2026-03-02T00:25:00Z'],
  ];
  const csv = rows.map(([a, e, ad, s, g, l]) => [a, String(e), String(ad), s, g.join(';'), l].join(','));
  return `account,enabled,admin,supplier,groups,last_logon\n${csv.join('\n')}\n`;
}

export async function writeDemoSuppliers(
  dir: string,
): Promise<{ suppliers: string; windows: string; directory?: string }> {
  await mkdir(dir, { recursive: true });
  const suppliers = join(dir, 'suppliers.yaml');
  const windows = join(dir, 'windows.yaml');
  const directory = join(dir, 'suppliers-directory.csv');
  const { account: _account, personalEmail: _email, ...entry } = SUPPLIER;
  await writeFile(
    suppliers,
    `# The demo organisation's supplier register and asset inventory (written by \`haechi demo\`).\n${stringify(
      {
        suppliers: [{ ...entry, service_accounts: ['svc_hanil'] }],
        assets: assets(),
      },
    )}`,
  );
  await writeFile(
    windows,
    `# Declared change windows (written by \`haechi demo\`).\n${stringify({ windows: [CHANGE_WINDOW] })}`,
  );
  await writeFile(directory, directoryCsv());
  return { suppliers, windows, directory };
}
