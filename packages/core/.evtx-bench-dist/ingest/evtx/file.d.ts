import type { Readable } from 'node:stream';
import type { RecordProblem } from '../types.js';
import { type ChunkOptions, type EvtxRecord, type FileHeader } from './chunk.js';
export interface EvtxReadOptions extends ChunkOptions {
    onProblem?: (p: RecordProblem) => void;
}
/** Parses a whole EVTX file held in memory; records in file order. */
export declare function readEvtxBuffer(buf: Uint8Array, uri: string, opts?: EvtxReadOptions): EvtxRecord[];
export declare function trailingProblem(size: number, uri: string, problem: (p: RecordProblem) => void): void;
/** Header and chunk count of a file on disk. */
export declare function probeEvtxFile(path: string, uri?: string): {
    header: FileHeader;
    chunks: number;
    size: number;
};
/**
 * Reads chunks [from, to) of a file on disk, one 64 KiB read at a time, calling `onChunk` with the
 * records of each chunk (in order). Used by the single-threaded path and by each worker thread.
 */
export declare function readEvtxChunks(path: string, uri: string, header: FileHeader, from: number, to: number, opts: EvtxReadOptions, onChunk: (index: number, records: EvtxRecord[]) => void): void;
/** Like readEvtxChunks for an explicit list of chunk indexes (a worker's share). */
export declare function readEvtxChunkList(path: string, uri: string, header: FileHeader, chunks: readonly number[], opts: EvtxReadOptions, onChunk: (index: number, records: EvtxRecord[]) => void): void;
/**
 * Streams records from a Readable (stdin, a decompressed zip entry): the header, then each
 * 64 KiB chunk as it arrives. Memory stays at one chunk plus the pending read.
 */
export declare function streamEvtx(stream: Readable, uri: string, opts?: EvtxReadOptions): AsyncGenerator<EvtxRecord[]>;
