/** Runs the CLI from sources in a child process, as a user would run `haechi`. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const devBin = fileURLToPath(new URL('../src/dev-bin.ts', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const res = spawnSync(process.execPath, ['--conditions=haechi-src', '--import', 'tsx', devBin, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}
