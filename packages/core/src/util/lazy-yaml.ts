/**
 * The YAML library, loaded on first use. Every hunt worker imports the modules that read YAML
 * (rules, log source map, actor profiles, supplier registers) but gets what they read already
 * parsed, so loading and compiling the library there at start-up (some 25 ms, more while cold) is
 * waste. `yaml` ships CommonJS for Node, which `require` loads synchronously where it is needed.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
const requireHere = createRequire(import.meta.url);
let lib: Yaml | undefined;

export function yaml(): Yaml {
  lib ??= requireHere('yaml') as Yaml;
  return lib;
}
