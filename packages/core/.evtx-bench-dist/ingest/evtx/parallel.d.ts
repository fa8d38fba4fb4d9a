import type { RecordProblem } from '../types.js';
import type { FileHeader } from './chunk.js';
import type { EvtxItem, EvtxOutputKind } from './output.js';
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
export declare function readEvtxParallel(path: string, uri: string, header: FileHeader, chunkCount: number, opts: ParallelOptions): AsyncGenerator<ChunkOutput>;
