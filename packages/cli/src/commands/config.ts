import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadConfig, redactConfig } from '../config.js';

export function register(program: Command): void {
  const cfg = program.command('config').description('Show the effective configuration.');
  cfg
    .command('print')
    .description('print the effective configuration (haechi.yaml + HAECHI_* environment), secrets redacted')
    .option('-c, --config <file>', 'configuration file (default ./haechi.yaml when present)')
    .option('--json', 'as JSON')
    .action((flags: { config?: string; json?: boolean }) => {
      const c = redactConfig(loadConfig(flags.config));
      process.stdout.write(flags.json ? `${JSON.stringify(c, null, 2)}\n` : stringify(c));
    });
}
