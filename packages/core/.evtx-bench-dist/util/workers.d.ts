import { Worker, type WorkerOptions } from 'node:worker_threads';
/**
 * `entry` is the URL of the worker module as the caller would write it for the built code
 * (`new URL('./worker.js', import.meta.url)`); when that file does not exist, its `.ts` source is
 * started through tsx.
 */
export declare function startWorker(entry: URL, options?: WorkerOptions): Worker;
