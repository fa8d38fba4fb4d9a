import type { FormatReader, RecordProblem } from '../types.js';
import { type EvtxItem, type EvtxOutputKind } from './output.js';
export interface EvtxFileOptions {
    carve?: boolean;
    /** worker threads for large files; 1 reads on the calling thread. Default: available cores, at most 8. */
    threads?: number;
    onProblem?: (p: RecordProblem) => void;
    signal?: AbortSignal;
}
export declare function defaultThreads(): number;
/**
 * Reads an EVTX file on disk into batches of the wanted output, in file order. Throws
 * HaechiError('input') when the file is not EVTX at all; everything else is a reported problem.
 */
export declare function readEvtxFile(path: string, kind: EvtxOutputKind, opts?: EvtxFileOptions, uri?: string): AsyncGenerator<EvtxItem[]>;
export declare const evtxReader: FormatReader;
