/**
 * Parallel reading of one large EVTX file: chunks are independent (their templates and strings are
 * chunk-scoped), so N worker threads parse interleaved chunks (k, k+N, k+2N...) and the results
 * are put back in chunk order, which is the order a single thread gives.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../util/workers.js';
import type { RecordProblem } from '../types.js';
import type { FileHeader } from './chunk.js';
import type { EvtxItem, EvtxOutputKind } from './output.js';
import type { WorkerChunkResult, WorkerJob } from './worker.js';

export interface ParallelOptions {
  threads: number;
  kind: EvtxOutputKind;
  carve?: boolean;
  onProblem?: (p: RecordProblem) => void;
  signal?: AbortSignal;
  /** false: the workers convert the records but send back only counts (benchmarks) */
  deliver?: boolean;
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
  const url = new URL('./worker.js', import.meta.url);
  for (let k = 0; k < n; k++) {
    const chunks: number[] = [];
    for (let i = k; i < chunkCount; i += n) chunks.push(i);
    const job: WorkerJob = {
      path,
      uri,
      header,
      chunks,
      kind: opts.kind,
      carve: !!opts.carve,
      deliver: opts.deliver,
    };
    // a larger young generation suits the readers' many short-lived objects (as hunt's workers)
    const w = startWorker(url, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
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
