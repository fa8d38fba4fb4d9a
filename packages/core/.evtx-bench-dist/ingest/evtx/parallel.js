import { startWorker } from '../../util/workers.js';
export async function* readEvtxParallel(path, uri, header, chunkCount, opts) {
    const n = Math.max(1, Math.min(opts.threads, chunkCount));
    const results = new Map();
    let failure;
    let wake;
    const notify = () => {
        const w = wake;
        wake = undefined;
        w?.();
    };
    const workers = [];
    const url = new URL('./worker.js', import.meta.url);
    for (let k = 0; k < n; k++) {
        const chunks = [];
        for (let i = k; i < chunkCount; i += n)
            chunks.push(i);
        const job = { path, uri, header, chunks, kind: opts.kind, carve: !!opts.carve };
        const w = startWorker(url, { workerData: job });
        w.on('message', (m) => {
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
            if (code !== 0)
                failure ??= new Error(`EVTX worker exited with code ${code}`);
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
                if (failure)
                    throw failure;
                await new Promise((r) => {
                    wake = r;
                });
            }
            const r = results.get(next);
            results.delete(next);
            for (const p of r.problems)
                opts.onProblem?.(p);
            yield { chunk: r.chunk, items: r.items, records: r.records };
        }
    }
    finally {
        opts.signal?.removeEventListener('abort', onAbort);
        await Promise.all(workers.map((w) => w.terminate()));
    }
}
//# sourceMappingURL=parallel.js.map