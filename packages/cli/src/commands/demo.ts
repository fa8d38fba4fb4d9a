/**
 * `haechi demo`: writes the demo scenario's data into a folder, hunts it with haechi's own rules
 * and prints the summary and where the outputs are.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { SUPPLIER } from '../demo/scenario.js';
import { writeDemoWindows } from '../demo/windows.js';
import { huntCommand } from './hunt.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description('Generate a realistic intrusion through a supplier (deterministic), hunt it and show the results.')
    .option('-d, --dir <dir>', 'where to write the demo data and outputs', 'haechi-demo')
    .option('-t, --threads <n>', 'worker threads')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      `
The demo writes:
  DIR/data/          the scenario's logs (Windows events as evtx_dump JSON)
  DIR/haechi.yaml    its configuration (supplier accounts for haechi's supplier rule)
  DIR/timeline.jsonl the findings, one JSON object per line
  DIR/findings.db    the findings in SQLite (for later commands and the server)`,
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
  });
  process.stdout.write(
    `\nOutputs:\n  timeline  ${timeline}\n  database  ${db}\n  config    ${configFile}\n  data      ${data}\n`,
  );
  return code;
}
