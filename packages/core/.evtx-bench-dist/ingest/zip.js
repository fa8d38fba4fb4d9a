/**
 * A small ZIP reader (PKWARE APPNOTE.TXT 6.3.x): finds the central directory from the end of
 * central directory record (section 4.3.16, zip64 in 4.3.14/4.3.15), lists the entries, and streams
 * one entry's bytes, inflated with node:zlib for deflate (method 8) or as they are for stored
 * (method 0), checking CRC-32 and size at the end. It needs random access, so it reads files on
 * disk only (not stdin). Other methods and encrypted entries are listed with `unsupported` set so
 * the caller can report them instead of failing the whole archive.
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { HaechiError } from '../errors.js';
const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
const METHOD_NAMES = {
    1: 'shrink',
    6: 'implode',
    9: 'deflate64',
    12: 'bzip2',
    14: 'lzma',
    93: 'zstandard',
    95: 'xz',
    98: 'ppmd',
    99: 'AES encryption',
};
function bad(file, why) {
    return new HaechiError('input', `not a readable zip archive: ${why}`, { file });
}
/** Reads the central directory of the zip file at `path`. */
export async function readZipDirectory(path) {
    const fh = await open(path, 'r');
    try {
        const { size } = await fh.stat();
        if (size < 22)
            throw bad(path, 'too short for an end of central directory record');
        // the EOCD is the last 22 bytes plus a comment of up to 65535 bytes
        const tailLen = Math.min(size, 22 + 0xffff);
        const tail = Buffer.alloc(tailLen);
        await fh.read(tail, 0, tailLen, size - tailLen);
        let eocd = -1;
        for (let i = tailLen - 22; i >= 0; i--) {
            if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tailLen) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0)
            throw bad(path, 'no end of central directory record');
        let total = tail.readUInt16LE(eocd + 10);
        let cdSize = tail.readUInt32LE(eocd + 12);
        let cdOffset = tail.readUInt32LE(eocd + 16);
        if (total === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
            // zip64: the locator sits just before the EOCD
            const loc = eocd - 20;
            if (loc < 0 || tail.readUInt32LE(loc) !== EOCD64_LOCATOR_SIG)
                throw bad(path, 'zip64 locator missing');
            const rec64Off = Number(tail.readBigUInt64LE(loc + 8));
            const rec = Buffer.alloc(56);
            await fh.read(rec, 0, 56, rec64Off);
            if (rec.readUInt32LE(0) !== EOCD64_SIG)
                throw bad(path, 'zip64 end of central directory record missing');
            total = Number(rec.readBigUInt64LE(32));
            cdSize = Number(rec.readBigUInt64LE(40));
            cdOffset = Number(rec.readBigUInt64LE(48));
        }
        if (cdOffset + cdSize > size)
            throw bad(path, 'central directory lies beyond the end of the file (truncated?)');
        const cd = Buffer.alloc(cdSize);
        await fh.read(cd, 0, cdSize, cdOffset);
        const entries = [];
        let p = 0;
        for (let n = 0; n < total; n++) {
            if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG)
                throw bad(path, `central directory entry ${n + 1} is corrupt`);
            const flags = cd.readUInt16LE(p + 8);
            const method = cd.readUInt16LE(p + 10);
            const crc = cd.readUInt32LE(p + 16);
            let compressedSize = cd.readUInt32LE(p + 20);
            let uncompressed = cd.readUInt32LE(p + 24);
            const nameLen = cd.readUInt16LE(p + 28);
            const extraLen = cd.readUInt16LE(p + 30);
            const commentLen = cd.readUInt16LE(p + 32);
            let localOffset = cd.readUInt32LE(p + 42);
            // bit 11: the name is UTF-8; otherwise IBM 437, of which ASCII (all that real log names use) is a subset
            const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
            // zip64 extended information extra field (section 4.5.3): only the saturated values are present
            let e = p + 46 + nameLen;
            const extraEnd = e + extraLen;
            while (e + 4 <= extraEnd) {
                const id = cd.readUInt16LE(e);
                const len = cd.readUInt16LE(e + 2);
                if (id === 0x0001) {
                    let q = e + 4;
                    if (uncompressed === U32_MAX && q + 8 <= e + 4 + len) {
                        uncompressed = Number(cd.readBigUInt64LE(q));
                        q += 8;
                    }
                    if (compressedSize === U32_MAX && q + 8 <= e + 4 + len) {
                        compressedSize = Number(cd.readBigUInt64LE(q));
                        q += 8;
                    }
                    if (localOffset === U32_MAX && q + 8 <= e + 4 + len)
                        localOffset = Number(cd.readBigUInt64LE(q));
                }
                e += 4 + len;
            }
            const isDirectory = name.endsWith('/');
            let unsupported;
            if (flags & 0x1)
                unsupported = 'encrypted entry';
            else if (method !== 0 && method !== 8)
                unsupported = `unsupported compression method ${method}${METHOD_NAMES[method] ? ` (${METHOD_NAMES[method]})` : ''}`;
            entries.push({
                name,
                method,
                flags,
                crc,
                compressedSize,
                size: uncompressed,
                localOffset,
                isDirectory,
                unsupported,
            });
            p = extraEnd + commentLen;
        }
        return entries;
    }
    finally {
        await fh.close();
    }
}
/**
 * Streams the uncompressed bytes of one entry. Errors (corrupt data, CRC or size mismatch) are
 * HaechiError('input') naming `uri`.
 */
export function openZipEntry(path, entry, uri) {
    if (entry.unsupported)
        throw new HaechiError('input', entry.unsupported, { file: uri });
    async function* bytes() {
        const fh = await open(path, 'r');
        let crc = 0;
        let total = 0;
        try {
            const lfh = Buffer.alloc(30);
            await fh.read(lfh, 0, 30, entry.localOffset);
            if (lfh.readUInt32LE(0) !== LFH_SIG)
                throw new HaechiError('input', 'zip local file header is corrupt', { file: uri });
            const dataStart = entry.localOffset + 30 + lfh.readUInt16LE(26) + lfh.readUInt16LE(28);
            if (entry.compressedSize === 0)
                return;
            const raw = fh.createReadStream({
                start: dataStart,
                end: dataStart + entry.compressedSize - 1,
                autoClose: false,
            });
            const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
            // a corrupt deflate stream errors the inflater; the raw stream's errors must reach it too
            if (entry.method === 8)
                raw.on('error', (err) => source.destroy(err));
            for await (const chunk of source) {
                crc = crc32(chunk, crc);
                total += chunk.length;
                yield chunk;
            }
        }
        catch (err) {
            if (err instanceof HaechiError)
                throw err;
            throw new HaechiError('input', `corrupt zip entry: ${err.message}`, {
                file: uri,
                cause: err,
            });
        }
        finally {
            await fh.close();
        }
        if (total !== entry.size)
            throw new HaechiError('input', `zip entry size mismatch: ${total} bytes, directory says ${entry.size}`, {
                file: uri,
            });
        if (crc >>> 0 !== entry.crc)
            throw new HaechiError('input', 'zip entry CRC-32 mismatch (corrupt archive)', { file: uri });
    }
    return Readable.from(bytes(), { objectMode: false });
}
//# sourceMappingURL=zip.js.map