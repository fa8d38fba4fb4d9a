/**
 * Whole-file reading on one thread: from a buffer, a file path (random access, chunk by chunk) or
 * a stream (sequential 64 KiB chunks). The parallel reader (`parallel.ts`) splits the same work
 * over worker threads.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { HaechiError } from '../../errors.js';
import type { RecordProblem } from '../types.js';
import {
  CHUNK_SIZE,
  type ChunkOptions,
  chunksInFile,
  type EvtxRecord,
  FILE_HEADER_SIZE,
  type FileHeader,
  headerProblems,
  parseFileHeader,
  readChunk,
  recoverFileHeader,
} from './chunk.js';

export interface EvtxReadOptions extends ChunkOptions {
  onProblem?: (p: RecordProblem) => void;
  /**
   * `onChunk` is done with the records when it returns (it converts them and keeps nothing that
   * reads the chunk later): one buffer then serves every chunk, which spares the garbage collector
   * 64 KiB per chunk.
   */
  reuseBuffer?: boolean;
}

function notEvtx(uri: string): HaechiError {
  return new HaechiError('input', 'not an EVTX file (no "ElfFile" signature)', {
    file: uri,
    field: 'file header',
  });
}

function chunkOptions(h: FileHeader, opts: EvtxReadOptions): ChunkOptions {
  // Format 3.2 files may carry flag 0x4 ("no CRC32"): their chunk checksums are not maintained.
  return { carve: opts.carve, noCrc: opts.noCrc ?? (h.flags & 4) !== 0, usedChunks: h.chunkCount };
}

/** Parses a whole EVTX file held in memory; records in file order. */
export function readEvtxBuffer(buf: Uint8Array, uri: string, opts: EvtxReadOptions = {}): EvtxRecord[] {
  const h = parseFileHeader(buf) ?? recoverFileHeader(buf);
  if (!h) throw notEvtx(uri);
  const problem = opts.onProblem ?? (() => {});
  const n = chunksInFile(buf.length);
  for (const p of headerProblems(h, n, uri)) problem(p);
  trailingProblem(buf.length, uri, problem);
  const out: EvtxRecord[] = [];
  const co = chunkOptions(h, opts);
  for (let i = 0; i < n; i++) {
    const off = FILE_HEADER_SIZE + i * CHUNK_SIZE;
    readChunk(buf.subarray(off, off + CHUNK_SIZE), i, off, uri, co, (r) => out.push(r), problem);
  }
  return out;
}

export function trailingProblem(size: number, uri: string, problem: (p: RecordProblem) => void): void {
  const rest = (size - FILE_HEADER_SIZE) % CHUNK_SIZE;
  if (size > FILE_HEADER_SIZE && rest !== 0) {
    problem({
      file: uri,
      offset: size - rest,
      reason: `file ends with a partial chunk of ${rest} bytes (truncated copy?); ignored`,
      level: 'warning',
    });
  }
}

/** Header and chunk count of a file on disk. */
export function probeEvtxFile(
  path: string,
  uri = path,
): { header: FileHeader; chunks: number; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(FILE_HEADER_SIZE + 8, size));
    readSync(fd, head, 0, head.length, 0);
    const header = parseFileHeader(head) ?? recoverFileHeader(head);
    if (!header) throw notEvtx(uri);
    return { header, chunks: chunksInFile(size), size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads chunks [from, to) of a file on disk, one 64 KiB read at a time, calling `onChunk` with the
 * records of each chunk (in order). Used by the single-threaded path and by each worker thread.
 */
export function readEvtxChunks(
  path: string,
  uri: string,
  header: FileHeader,
  from: number,
  to: number,
  opts: EvtxReadOptions,
  onChunk: (index: number, records: EvtxRecord[]) => void,
): void {
  const list: number[] = [];
  for (let i = from; i < to; i++) list.push(i);
  readEvtxChunkList(path, uri, header, list, opts, onChunk);
}

/** Like readEvtxChunks for an explicit list of chunk indexes (a worker's share). */
export function readEvtxChunkList(
  path: string,
  uri: string,
  header: FileHeader,
  chunks: readonly number[],
  opts: EvtxReadOptions,
  onChunk: (index: number, records: EvtxRecord[]) => void,
): void {
  const fd = openSync(path, 'r');
  const problem = opts.onProblem ?? (() => {});
  const co = chunkOptions(header, opts);
  let shared: Buffer | undefined;
  try {
    for (const i of chunks) {
      // a buffer per chunk: records of planned template instances read their values from it later
      const buf = opts.reuseBuffer
        ? (shared ??= Buffer.allocUnsafe(CHUNK_SIZE))
        : Buffer.allocUnsafe(CHUNK_SIZE);
      const off = FILE_HEADER_SIZE + i * CHUNK_SIZE;
      const got = readSync(fd, buf, 0, CHUNK_SIZE, off);
      const recs: EvtxRecord[] = [];
      readChunk(buf.subarray(0, got), i, off, uri, co, (r) => recs.push(r), problem);
      onChunk(i, recs);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams records from a Readable (stdin, a decompressed zip entry): the header, then each
 * 64 KiB chunk as it arrives. Memory stays at one chunk plus the pending read.
 */
export async function* streamEvtx(
  stream: Readable,
  uri: string,
  opts: EvtxReadOptions = {},
): AsyncGenerator<EvtxRecord[]> {
  const problem = opts.onProblem ?? (() => {});
  let pending: Buffer[] = [];
  let have = 0;
  let header: FileHeader | undefined;
  let co: ChunkOptions = {};
  let index = 0;
  let total = 0;
  const take = (n: number): Buffer => {
    const all = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    const head = all.subarray(0, n);
    const rest = all.subarray(n);
    pending = rest.length ? [rest] : [];
    have = rest.length;
    return head;
  };
  for await (const piece of stream) {
    const b = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
    pending.push(b);
    have += b.length;
    total += b.length;
    if (!header) {
      if (have < FILE_HEADER_SIZE + 8) continue;
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending);
      const h = parseFileHeader(all) ?? recoverFileHeader(all);
      if (!h) throw notEvtx(uri);
      take(FILE_HEADER_SIZE);
      header = h;
      co = chunkOptions(h, opts);
    }
    while (have >= CHUNK_SIZE) {
      const chunk = Buffer.from(take(CHUNK_SIZE));
      const recs: EvtxRecord[] = [];
      const off = FILE_HEADER_SIZE + index * CHUNK_SIZE;
      readChunk(chunk, index, off, uri, co, (r) => recs.push(r), problem);
      index++;
      if (recs.length) yield recs;
    }
  }
  if (!header) {
    // shorter than a header and a chunk signature: a bare header is still an (empty) EVTX file
    const all = Buffer.concat(pending);
    header = parseFileHeader(all);
    if (!header) throw notEvtx(uri);
  }
  for (const p of headerProblems(header, index, uri)) problem(p);
  trailingProblem(total, uri, problem);
}
