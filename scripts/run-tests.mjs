#!/usr/bin/env node
// Runs every test file with node's own test runner. Node 20 does not expand globs, so this script
// lists the files: `*.test.ts` beside the code and under packages/*/test/. TypeScript runs through
// tsx; `--conditions=haechi-src` makes workspace packages resolve to their sources, so no build is
// needed first. Extra arguments are passed on (for example a file or `--test-name-pattern`).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const fileArgs = args.filter((a) => !a.startsWith('-'));
const flagArgs = args.filter((a) => a.startsWith('-'));

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = fileArgs.length > 0 ? fileArgs : walk(join(root, 'packages'), []).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
console.error(`running ${files.length} test files`);
const res = spawnSync(
  process.execPath,
  [
    '--conditions=haechi-src',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    ...flagArgs,
    ...files.map((f) => relative(process.cwd(), f) || f),
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } },
);
process.exit(res.status ?? 1);
