/**
 * Parallel reading of one large EVTX file: chunks are independent (their templates and strings are
 * chunk-scoped), so N worker threads parse interleaved chunks (k, k+N, k+2N...) and the results
 * are put back in chunk order, which is the order a single thread gives.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RecordProblem } from '../types.js';
import type { FileHeader } from './chunk.js';
import type { EvtxItem, EvtxOutputKind } from './output.js';
import type { WorkerChunkResult, WorkerJob } from './worker.js';

/**
 * The worker module: `worker.js` beside the compiled code, or `worker.ts` when running from
 * sources under tsx (workers inherit the parent's `--import tsx`).
 */
export function workerModuleUrl(): URL {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return js;
  return new URL('./worker.ts', import.meta.url);
}

/**
 * Starts a worker on `url`. Node 20 does not apply `--import tsx` inside workers, so from sources
 * (a `.ts` worker) a tiny bootstrap registers tsx's loader in the worker first.
 */
function startWorker(url: URL, job: WorkerJob): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: job });
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: job });
}

export interface ParallelOptions {
  threads: number;
  kind: EvtxOutputKind;
  carve?: boolean;
  onProblem?: (p: RecordProblem) => void;
  signal?: AbortSignal;
}

export interface ChunkOutput {
  chunk: number;
  items: EvtxItem[];
  records: number;
}

export async function* readEvtxParallel(
  path: string,
  uri: string,
  header: FileHeader,
  chunkCount: number,
  opts: ParallelOptions,
): AsyncGenerator<ChunkOutput> {
  const n = Math.max(1, Math.min(opts.threads, chunkCount));
  const results = new Map<number, WorkerChunkResult>();
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const workers: Worker[] = [];
  const url = workerModuleUrl();
  for (let k = 0; k < n; k++) {
    const chunks: number[] = [];
    for (let i = k; i < chunkCount; i += n) chunks.push(i);
    const job: WorkerJob = { path, uri, header, chunks, kind: opts.kind, carve: !!opts.carve };
    const w = startWorker(url, job);
    w.on('message', (m: WorkerChunkResult | { done: true }) => {
      if ('chunk' in m) {
        results.set(m.chunk, m);
        notify();
      }
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`EVTX worker exited with code ${code}`);
      notify();
    });
    workers.push(w);
  }
  const onAbort = () => {
    failure ??= opts.signal?.reason ?? new Error('aborted');
    notify();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let next = 0; next < chunkCount; next++) {
      while (!results.has(next)) {
        if (failure) throw failure;
        await new Promise<void>((r) => {
          wake = r;
        });
      }
      const r = results.get(next) as WorkerChunkResult;
      results.delete(next);
      for (const p of r.problems) opts.onProblem?.(p);
      yield { chunk: r.chunk, items: r.items as EvtxItem[], records: r.records };
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
