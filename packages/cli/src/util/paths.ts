import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds haechi's own content (rules/), found from this module's location. */
export function haechiHome(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'rules')) && existsSync(join(dir, 'packages'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find haechi’s home folder (with rules/)');
    dir = up;
  }
}

/** Haechi's own Sigma rule pack, used when no --rules is given and added to any --rules. */
export function ownRulesDir(): string {
  return join(haechiHome(), 'rules');
}
