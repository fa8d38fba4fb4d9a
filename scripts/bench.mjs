#!/usr/bin/env node
// `npm run bench` runs every benchmark in bench/; `npm run bench -- NAME [args]` runs bench/NAME.ts
// and passes the remaining arguments on. Benchmarks read ../shared/data and print their figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const [name, ...rest] = process.argv.slice(2);
const names = name ? [name] : all;
let failed = 0;
for (const n of names) {
  if (!all.includes(n)) {
    console.error(`no benchmark named ${n}; there are: ${all.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== bench ${n}`);
  const res = spawnSync(
    process.execPath,
    ['--conditions=haechi-src', '--import', 'tsx', '--expose-gc', join(benchDir, `${n}.ts`), ...rest],
    { stdio: 'inherit' },
  );
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
