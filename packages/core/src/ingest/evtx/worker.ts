/**
 * Worker thread entry for parallel EVTX reading: parses the chunks it is given (chunks are
 * independent; templates are chunk-scoped) and posts each chunk's output back in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordProblem } from '../types.js';
import type { FileHeader } from './chunk.js';
import { readEvtxChunkList } from './file.js';
import { convertRecords, type EvtxOutputKind } from './output.js';

export interface WorkerJob {
  path: string;
  uri: string;
  header: FileHeader;
  chunks: number[];
  kind: EvtxOutputKind;
  carve: boolean;
  /** false: convert, but send back only the counts (for measuring the reading alone) */
  deliver?: boolean;
}

export interface WorkerChunkResult {
  chunk: number;
  items: unknown[];
  problems: RecordProblem[];
  records: number;
}

const job = workerData as WorkerJob;
if (parentPort && job) {
  const port = parentPort;
  let problems: RecordProblem[] = [];
  readEvtxChunkList(
    job.path,
    job.uri,
    job.header,
    job.chunks,
    // (each chunk's records are converted at once: one buffer serves every chunk)
    { carve: job.carve, onProblem: (p) => problems.push(p), reuseBuffer: true },
    (chunk, recs) => {
      const items = convertRecords(recs, job.kind, job.uri, (p) => problems.push(p));
      const msg: WorkerChunkResult = {
        chunk,
        items: job.deliver === false ? [] : items,
        problems,
        records: recs.length,
      };
      port.postMessage(msg);
      problems = [];
    },
  );
  port.postMessage({ done: true });
}
