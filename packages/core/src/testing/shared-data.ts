/**
 * Tests read the real data in `../shared/data/` (relative to the repository root) and skip, with a
 * visible message, where it is absent. Never copy that data into the repository.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'packages')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
}

export const REPO_ROOT = findRepoRoot();
export const SHARED_DATA = resolve(process.env.HAECHI_SHARED_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));

/** Absolute path of a file or folder under ../shared/data. */
export function sharedData(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/**
 * For `test(name, { skip: skipUnlessData('evtx/samples') }, ...)`: false when the data is there,
 * else a message saying what is missing (node:test prints it as the skip reason).
 */
export function skipUnlessData(...parts: string[]): false | string {
  const p = sharedData(...parts);
  if (existsSync(p)) return false;
  const msg = `shared test data not found: ${p} (see ../shared/data/README.md)`;
  process.stderr.write(`# SKIP ${msg}\n`);
  return msg;
}
