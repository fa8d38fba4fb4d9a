/**
 * The `haechi` command. Data goes to stdout; progress and logs to stderr. Exit codes
 * (DESIGN.md): 0 ok, 1 findings at or above --fail-on, 2 usage or config error, 3 input error,
 * 130/143 on signals.
 */
import { exitCodeOf, HaechiError } from '@haechi/core';
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('haechi')
    .description(
      'Detect, investigate and attribute state-sponsored intrusions into defense-industry companies and their subcontractors.',
    )
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  // `haechi hunt ... | head`: a closed pipe ends the output, not the program with a stack trace
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  if (process.env.HAECHI_REPORT_RSS) {
    // for benchmarks: the peak resident memory of the whole process, worker threads included
    process.once('exit', () =>
      process.stderr.write(`haechi: peak RSS ${process.resourceUsage().maxRSS} kB\n`),
    );
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof HaechiError) {
      process.stderr.write(`haechi: ${err.describe()}\n`);
      return exitCodeOf(err);
    }
    process.stderr.write(`haechi: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 70;
  }
}
