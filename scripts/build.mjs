#!/usr/bin/env node
// Builds the packages in dependency order (core -> store -> cli) with tsc. Run by `npm run build`
// and by `prepare`, so `npm ci` leaves a working `npx haechi`.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  // `npm ci --omit=dev` has no compiler; the published packages carry dist/.
  console.error('build: typescript is not installed; skipping');
  process.exit(0);
}
for (const pkg of ['core', 'store', 'cli']) {
  const dir = join(root, 'packages', pkg);
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const res = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`build: packages/${pkg} failed`);
    process.exit(res.status ?? 1);
  }
}
