/**
 * Starting worker threads from both the built JavaScript (dist/) and the TypeScript sources run
 * through tsx (tests, benchmarks). Node 20 workers do not inherit tsx's module hooks, so a `.ts`
 * entry goes through a small bootstrap that registers tsx first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
/**
 * `entry` is the URL of the worker module as the caller would write it for the built code
 * (`new URL('./worker.js', import.meta.url)`); when that file does not exist, its `.ts` source is
 * started through tsx.
 */
export function startWorker(entry, options = {}) {
    if (existsSync(fileURLToPath(entry)))
        return new Worker(entry, options);
    const ts = new URL(entry.href.replace(/\.js$/, '.ts'));
    const boot = new URL('./ts-worker-boot.mjs', import.meta.url);
    return new Worker(boot, { ...options, argv: [...(options.argv ?? []), ts.href] });
}
//# sourceMappingURL=workers.js.map