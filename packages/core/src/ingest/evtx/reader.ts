/**
 * The `evtx` FormatReader: native EVTX files to normalised `Event`s. Files on disk are read chunk
 * by chunk at random; large ones by several worker threads; streams (stdin, zip entries) chunk by
 * chunk as they arrive.
 */
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { HaechiError } from '../../errors.js';
import type { Event } from '../../model/index.js';
import type { FormatReader, InputSource, ReadOptions, RecordProblem } from '../types.js';
import type { EvtxRecord } from './chunk.js';
import { headerProblems } from './chunk.js';
import { probeEvtxFile, readEvtxChunks, streamEvtx, trailingProblem } from './file.js';
import { convertRecords, type EvtxItem, type EvtxOutputKind } from './output.js';
import { readEvtxParallel } from './parallel.js';

/**
 * Files with at least this many chunks (64 MiB, some 100,000 records) are read by worker threads.
 * Each worker is a fresh isolate that runs cold until the JIT has warmed up, measured at about
 * 0.4 CPU-second per worker, and every Event is copied to the main thread (about 8 us of CPU
 * per Event for serialising and deserialising): on a 160-chunk file two workers took twice the CPU
 * and nearly twice the wall time of one thread, so smaller files stay on the calling thread.
 */
const PARALLEL_MIN_CHUNKS = 1024;

export interface EvtxFileOptions {
  carve?: boolean;
  /** only chunks [from, to) (clamped to the file), on the calling thread; see ReadOptions.chunkRange */
  chunkRange?: readonly [number, number];
  /** worker threads for large files; 1 reads on the calling thread. Default: `defaultThreads()`. */
  threads?: number;
  onProblem?: (p: RecordProblem) => void;
  signal?: AbortSignal;
}

/**
 * Cores, at most 8; but 1 inside a worker thread (a hunt worker reading one file among many):
 * pools of workers inside workers only fight over the same cores.
 */
export function defaultThreads(): number {
  if (!isMainThread) return 1;
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Reads an EVTX file on disk into batches of the wanted output, in file order. Throws
 * HaechiError('input') when the file is not EVTX at all; everything else is a reported problem.
 */
export async function* readEvtxFile(
  path: string,
  kind: EvtxOutputKind,
  opts: EvtxFileOptions = {},
  uri = path,
): AsyncGenerator<EvtxItem[]> {
  const { header, chunks, size } = probeEvtxFile(path, uri);
  const problem = opts.onProblem ?? (() => {});
  const range = opts.chunkRange;
  const from = range ? Math.max(0, Math.min(chunks, range[0])) : 0;
  const end = range ? Math.max(from, Math.min(chunks, range[1])) : chunks;
  if (from === 0) {
    for (const p of headerProblems(header, chunks, uri)) problem(p);
    trailingProblem(size, uri, problem);
  }
  const threads = range ? 1 : (opts.threads ?? defaultThreads());
  if (threads > 1 && chunks >= PARALLEL_MIN_CHUNKS) {
    for await (const c of readEvtxParallel(path, uri, header, chunks, {
      threads,
      kind,
      carve: opts.carve,
      onProblem: problem,
      signal: opts.signal,
    })) {
      if (c.items.length) yield c.items;
    }
    return;
  }
  // One thread: read a chunk, convert it, hand it on (memory: one chunk's worth).
  const pending: EvtxItem[][] = [];
  let i = from;
  while (i < end) {
    opts.signal?.throwIfAborted();
    const to = Math.min(end, i + 8);
    // (the records are converted at once: one chunk buffer serves them all)
    readEvtxChunks(
      path,
      uri,
      header,
      i,
      to,
      { carve: opts.carve, onProblem: problem, reuseBuffer: true },
      (_c, recs) => {
        const items = convertRecords(recs, kind, uri, problem);
        if (items.length) pending.push(items);
      },
    );
    i = to;
    while (pending.length) yield pending.shift() as EvtxItem[];
  }
}

function strictWrap(opts: ReadOptions, uri: string): (p: RecordProblem) => void {
  return (p) => {
    opts.onProblem?.(p);
    if (opts.strict && p.level === 'error') {
      throw new HaechiError('input', p.reason, { file: uri, record: p.record, field: p.field });
    }
  };
}

function rebatch(size: number) {
  let buf: Event[] = [];
  return {
    add(items: EvtxItem[], out: Event[][]) {
      for (const it of items) {
        buf.push(it as Event);
        if (buf.length >= size) {
          out.push(buf);
          buf = [];
        }
      }
    },
    flush(out: Event[][]) {
      if (buf.length) out.push(buf);
      buf = [];
    },
  };
}

export const evtxReader: FormatReader = {
  name: 'evtx',
  description: 'Windows XML Event Log files (.evtx), read natively',
  sniff(name: string, head: Buffer): number {
    if (head.length >= 8 && head.subarray(0, 8).toString('latin1') === 'ElfFile\0') return 1;
    // a damaged file header in front of intact chunks
    if (head.length >= 4104 && head.subarray(4096, 4104).toString('latin1') === 'ElfChnk\0') return 0.9;
    return /\.evtx$/i.test(name) && head.length === 0 ? 0.5 : 0;
  },
  async *read(input: InputSource, opts: ReadOptions): AsyncIterable<Event[]> {
    const size = opts.batchSize ?? 1000;
    const problem = strictWrap(opts, input.uri);
    const settings = opts.settings ?? {};
    const threads = typeof settings.threads === 'number' ? settings.threads : undefined;
    const rb = rebatch(size);
    const out: Event[][] = [];
    if (input.path) {
      for await (const items of readEvtxFile(
        input.path,
        'events',
        { carve: opts.carve, threads, onProblem: problem, signal: opts.signal, chunkRange: opts.chunkRange },
        input.uri,
      )) {
        rb.add(items, out);
        while (out.length) yield out.shift() as Event[];
      }
    } else {
      for await (const recs of streamEvtx(input.open(), input.uri, {
        carve: opts.carve,
        onProblem: problem,
      })) {
        opts.signal?.throwIfAborted();
        rb.add(convertRecords(recs as EvtxRecord[], 'events', input.uri, problem), out);
        while (out.length) yield out.shift() as Event[];
      }
    }
    rb.flush(out);
    while (out.length) yield out.shift() as Event[];
  },
};
