/**
 * Worker thread entry for parallel EVTX reading: parses the chunks it is given (chunks are
 * independent; templates are chunk-scoped) and posts each chunk's output back in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readEvtxChunkList } from './file.js';
import { convertRecords } from './output.js';
const job = workerData;
if (parentPort && job) {
    const port = parentPort;
    let problems = [];
    readEvtxChunkList(job.path, job.uri, job.header, job.chunks, { carve: job.carve, onProblem: (p) => problems.push(p) }, (chunk, recs) => {
        const items = convertRecords(recs, job.kind, job.uri, (p) => problems.push(p));
        const msg = { chunk, items, problems, records: recs.length };
        port.postMessage(msg);
        problems = [];
    });
    port.postMessage({ done: true });
}
//# sourceMappingURL=worker.js.map