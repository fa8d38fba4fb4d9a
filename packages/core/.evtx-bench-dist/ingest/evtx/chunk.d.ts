import type { RecordProblem } from '../types.js';
import { type XNode } from './binxml.js';
export declare const FILE_HEADER_SIZE = 4096;
export declare const CHUNK_SIZE = 65536;
export interface FileHeader {
    firstChunk: number;
    lastChunk: number;
    nextRecordId: number;
    headerSize: number;
    minorVersion: number;
    majorVersion: number;
    headerBlockSize: number;
    chunkCount: number;
    /** 0x1 dirty, 0x2 full, 0x4 no CRC32 (format 3.2) */
    flags: number;
    checksumOk: boolean;
    /** the header itself was unreadable; these are neutral values (see recoverFileHeader) */
    recovered?: boolean;
}
export interface EvtxRecord {
    /** the record identifier (EventRecordID) from the record header */
    id: number;
    /** the record's written time, epoch ms */
    written: number;
    /** chunk index in the file */
    chunk: number;
    /** byte offset of the record in the file */
    offset: number;
    /** recovered from chunk slack space (`carve`), not a live record */
    carved: boolean;
    /** the resolved BinXML tree */
    nodes: XNode[];
}
/** Parses the 4096-byte file header, or returns undefined when the signature is not EVTX. */
export declare function parseFileHeader(b: Uint8Array): FileHeader | undefined;
/**
 * The header of a file whose own header is damaged ("Corrupted file header", libevtx-format
 * .asciidoc, "Corruption scenarios") but whose first chunk is where it belongs: the chunks are
 * still readable, so reading goes on with neutral header values.
 */
export declare function recoverFileHeader(b: Uint8Array): FileHeader | undefined;
/** Problems found in the file header, as warnings (none of them stops the reading). */
export declare function headerProblems(h: FileHeader, fileChunks: number, uri: string): RecordProblem[];
export interface ChunkOptions {
    carve?: boolean;
    /** chunks the file header says are in use: a zeroed chunk among them is reported */
    usedChunks?: number;
    /** skip checksum verification (format 3.2 files flagged "no CRC32") */
    noCrc?: boolean;
}
/**
 * Parses one chunk. `emit` receives each record (live records in offset order, then carved ones);
 * `problem` receives warnings and errors. Never throws for damaged data.
 */
export declare function readChunk(buf: Uint8Array, index: number, fileOffset: number, uri: string, opts: ChunkOptions, emit: (r: EvtxRecord) => void, problem: (p: RecordProblem) => void): void;
/** Number of whole chunks in a file of `size` bytes. */
export declare function chunksInFile(size: number): number;
