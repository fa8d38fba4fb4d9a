/**
 * Whole-file reading on one thread: from a buffer, a file path (random access, chunk by chunk) or
 * a stream (sequential 64 KiB chunks). The parallel reader (`parallel.ts`) splits the same work
 * over worker threads.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { HaechiError } from '../../errors.js';
import { CHUNK_SIZE, chunksInFile, FILE_HEADER_SIZE, headerProblems, parseFileHeader, readChunk, recoverFileHeader, } from './chunk.js';
function notEvtx(uri) {
    return new HaechiError('input', 'not an EVTX file (no "ElfFile" signature)', {
        file: uri,
        field: 'file header',
    });
}
function chunkOptions(h, opts) {
    // Format 3.2 files may carry flag 0x4 ("no CRC32"): their chunk checksums are not maintained.
    return { carve: opts.carve, noCrc: opts.noCrc ?? (h.flags & 4) !== 0, usedChunks: h.chunkCount };
}
/** Parses a whole EVTX file held in memory; records in file order. */
export function readEvtxBuffer(buf, uri, opts = {}) {
    const h = parseFileHeader(buf) ?? recoverFileHeader(buf);
    if (!h)
        throw notEvtx(uri);
    const problem = opts.onProblem ?? (() => { });
    const n = chunksInFile(buf.length);
    for (const p of headerProblems(h, n, uri))
        problem(p);
    trailingProblem(buf.length, uri, problem);
    const out = [];
    const co = chunkOptions(h, opts);
    for (let i = 0; i < n; i++) {
        const off = FILE_HEADER_SIZE + i * CHUNK_SIZE;
        readChunk(buf.subarray(off, off + CHUNK_SIZE), i, off, uri, co, (r) => out.push(r), problem);
    }
    return out;
}
export function trailingProblem(size, uri, problem) {
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
export function probeEvtxFile(path, uri = path) {
    const fd = openSync(path, 'r');
    try {
        const size = fstatSync(fd).size;
        const head = Buffer.alloc(Math.min(FILE_HEADER_SIZE + 8, size));
        readSync(fd, head, 0, head.length, 0);
        const header = parseFileHeader(head) ?? recoverFileHeader(head);
        if (!header)
            throw notEvtx(uri);
        return { header, chunks: chunksInFile(size), size };
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Reads chunks [from, to) of a file on disk, one 64 KiB read at a time, calling `onChunk` with the
 * records of each chunk (in order). Used by the single-threaded path and by each worker thread.
 */
export function readEvtxChunks(path, uri, header, from, to, opts, onChunk) {
    const list = [];
    for (let i = from; i < to; i++)
        list.push(i);
    readEvtxChunkList(path, uri, header, list, opts, onChunk);
}
/** Like readEvtxChunks for an explicit list of chunk indexes (a worker's share). */
export function readEvtxChunkList(path, uri, header, chunks, opts, onChunk) {
    const fd = openSync(path, 'r');
    const problem = opts.onProblem ?? (() => { });
    const co = chunkOptions(header, opts);
    try {
        const buf = Buffer.allocUnsafe(CHUNK_SIZE);
        for (const i of chunks) {
            const off = FILE_HEADER_SIZE + i * CHUNK_SIZE;
            const got = readSync(fd, buf, 0, CHUNK_SIZE, off);
            const recs = [];
            readChunk(buf.subarray(0, got), i, off, uri, co, (r) => recs.push(r), problem);
            onChunk(i, recs);
        }
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Streams records from a Readable (stdin, a decompressed zip entry): the header, then each
 * 64 KiB chunk as it arrives. Memory stays at one chunk plus the pending read.
 */
export async function* streamEvtx(stream, uri, opts = {}) {
    const problem = opts.onProblem ?? (() => { });
    let pending = [];
    let have = 0;
    let header;
    let co = {};
    let index = 0;
    let total = 0;
    const take = (n) => {
        const all = pending.length === 1 ? pending[0] : Buffer.concat(pending);
        const head = all.subarray(0, n);
        const rest = all.subarray(n);
        pending = rest.length ? [rest] : [];
        have = rest.length;
        return head;
    };
    for await (const piece of stream) {
        const b = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
        pending.push(b);
        have += b.length;
        total += b.length;
        if (!header) {
            if (have < FILE_HEADER_SIZE + 8)
                continue;
            const all = pending.length === 1 ? pending[0] : Buffer.concat(pending);
            const h = parseFileHeader(all) ?? recoverFileHeader(all);
            if (!h)
                throw notEvtx(uri);
            take(FILE_HEADER_SIZE);
            header = h;
            co = chunkOptions(h, opts);
        }
        while (have >= CHUNK_SIZE) {
            const chunk = Buffer.from(take(CHUNK_SIZE));
            const recs = [];
            const off = FILE_HEADER_SIZE + index * CHUNK_SIZE;
            readChunk(chunk, index, off, uri, co, (r) => recs.push(r), problem);
            index++;
            if (recs.length)
                yield recs;
        }
    }
    if (!header) {
        // shorter than a header and a chunk signature: a bare header is still an (empty) EVTX file
        const all = Buffer.concat(pending);
        header = parseFileHeader(all);
        if (!header)
            throw notEvtx(uri);
    }
    for (const p of headerProblems(header, index, uri))
        problem(p);
    trailingProblem(total, uri, problem);
}
//# sourceMappingURL=file.js.map