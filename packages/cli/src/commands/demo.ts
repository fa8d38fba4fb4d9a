/**
 * `haechi demo`: writes the demo scenario's data into a folder, hunts it with haechi's own rules
 * and prints the summary and where the outputs are.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditFiles } from '@haechi/core/creds';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { writeDemoCreds } from '../demo/creds.js';
import { writeDemoIntel } from '../demo/intel.js';
import { writeDemoNetwork } from '../demo/network.js';
import { SUPPLIER, TIMELINE } from '../demo/scenario.js';
import { writeDemoSuppliers } from '../demo/suppliers.js';
import { writeDemoWindows } from '../demo/windows.js';
import { renderAudit } from './creds.js';
import { huntCommand } from './hunt.js';
import { suppliersReport } from './suppliers.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'Generate a realistic intrusion through a supplier (deterministic), hunt it and show the results.',
    )
    .option('-d, --dir <dir>', 'where to write the demo data and outputs', 'haechi-demo')
    .option('-t, --threads <n>', 'worker threads')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      `
The demo writes:
  DIR/data/windows/     the scenario's Windows events (evtx_dump JSON, one event per line)
  DIR/data/network/     its Zeek logs (conn, dns, http, ssl)
  DIR/creds/            an account dump, directory export, small breach corpus and exposures
  DIR/suppliers.yaml    the supplier register and crown-jewel assets
  DIR/windows.yaml      the declared change window
  DIR/demo-intel.stix.json  demo indicators (STIX 2.1) pointing to the planted actor
  DIR/haechi.yaml       its configuration (supplier accounts for haechi's supplier rule)
  DIR/timeline.jsonl    the findings, one JSON object per line
  DIR/findings.db       the findings and incidents in SQLite (for later commands and the server)
  DIR/navigator/        ATT&CK Navigator layers of the hunt and of each incident`,
    )
    .action(async (flags: { dir: string; threads?: string; progress: boolean }) => {
      process.exitCode = await runDemo(flags);
    });
}

export async function runDemo(flags: { dir: string; threads?: string; progress: boolean }): Promise<number> {
  const dir = resolve(flags.dir);
  const data = join(dir, 'data');
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  writeDemoWindows(data);
  await writeDemoNetwork(join(data, 'network'));
  const creds = await writeDemoCreds(join(dir, 'creds'));
  const sup = await writeDemoSuppliers(dir);
  const ioc = await writeDemoIntel(dir);
  const configFile = join(dir, 'haechi.yaml');
  writeFileSync(
    configFile,
    `# The demo organisation's configuration (written by \`haechi demo\`).\n${stringify({
      placeholders: { supplier_accounts: SUPPLIER.accounts },
    })}`,
  );
  const timeline = join(dir, 'timeline.jsonl');
  const db = join(dir, 'findings.db');
  rmSync(db, { force: true });
  process.stderr.write(`haechi demo: scenario written to ${data}\n`);
  const code = await huntCommand([data], {
    defaultRules: true,
    config: configFile,
    threads: flags.threads,
    jsonl: true,
    out: timeline,
    db,
    progress: flags.progress,
    suppliers: [sup.suppliers],
    windows: [sup.windows],
    directory: sup.directory,
    ioc: [ioc],
    navigator: join(dir, 'navigator'),
  });

  process.stdout.write('\n== Credential hygiene (haechi creds audit)\n');
  const audit = auditFiles({
    hashes: [creds.hashes, `${creds.hashes}.kerberos`, `${creds.hashes}.cleartext`],
    directory: creds.directory,
    corpus: creds.corpus,
    exposures: creds.exposures,
    // the audit is judged as of the morning after the intrusion, so the demo never changes with the clock
    now: TIMELINE.beaconUntil,
    staleDays: 90,
    onProblem: (p) => process.stderr.write(`haechi: ${p.file}: ${p.reason}\n`),
  });
  process.stdout.write(renderAudit(audit));

  process.stdout.write('\n== Supplier blast radius (haechi suppliers report)\n');
  await suppliersReport([join(data, 'windows')], { suppliers: [sup.suppliers], directory: sup.directory });

  process.stdout.write(
    `\nOutputs:\n  timeline   ${timeline}\n  database   ${db}\n  navigator  ${join(dir, 'navigator')}\n  config     ${configFile}\n  data       ${data}\n`,
  );
  return code;
}
