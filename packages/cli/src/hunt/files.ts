/**
 * Expands the PATH arguments of `hunt` into a deterministic list of files: folders are walked
 * (sorted, hidden entries and symlinked folders skipped), `-` stands for stdin.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HaechiError } from '@haechi/core';

export interface InputFile {
  path: string;
  size: number;
}

export function listInputFiles(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(p);
      } catch {
        continue; // a dangling link: nothing to read
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push({ path: p, size: st.size });
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push({ path: '-', size: 0 });
      continue;
    }
    const abs = resolve(p);
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(abs);
    } catch {
      throw new HaechiError('input', 'no such file or folder', { file: p });
    }
    if (st.isDirectory()) walk(abs);
    else out.push({ path: abs, size: st.size });
  }
  return out;
}
