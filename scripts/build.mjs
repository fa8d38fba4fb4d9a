#!/usr/bin/env node
// Builds the packages in dependency order (core -> store -> cli) with tsc. Run by `npm run build`
// and by `prepare`, so `npm ci` leaves a working `npx haechi`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  const res = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (res.status !== 0) {
    console.error(`build: packages/${pkg} failed`);
    process.exit(res.status ?? 1);
  }
  copyAssets(join(dir, 'src'), join(dir, 'dist'));
}
// The built-in Sigma log source map also as JSON: every hunt worker loads it, and JSON.parse
// spares each one the YAML library (loading and parsing it took some 100 ms per worker).
{
  const { parse } = await import('yaml');
  const yml = join(root, 'packages', 'core', 'dist', 'detect', 'sigma', 'logsources.yaml');
  writeFileSync(yml.replace(/\.yaml$/, '.json'), JSON.stringify(parse(readFileSync(yml, 'utf8'))));
}

/** Data files beside the sources (YAML mappings, JSON tables) go to dist/ at the same place. */
function copyAssets(src, dist) {
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'testing') walk(p);
      } else if (/\.(ya?ml|json|csv|txt)$/.test(name)) {
        const to = join(dist, relative(src, p));
        cpSync(p, to);
      }
    }
  };
  walk(src);
}
