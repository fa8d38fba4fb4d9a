import type { RecordProblem } from '../types.js';
import type { FileHeader } from './chunk.js';
import { type EvtxOutputKind } from './output.js';
export interface WorkerJob {
    path: string;
    uri: string;
    header: FileHeader;
    chunks: number[];
    kind: EvtxOutputKind;
    carve: boolean;
}
export interface WorkerChunkResult {
    chunk: number;
    items: unknown[];
    problems: RecordProblem[];
    records: number;
}
