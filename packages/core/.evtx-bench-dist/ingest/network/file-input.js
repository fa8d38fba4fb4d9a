/**
 * An `InputSource` for a plain or gzip-compressed file on disk. The ingest machinery does this for
 * `hunt`; tests, benchmarks and the demo use it to feed one reader directly.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
export function fileInput(path, uri = path) {
    const fd = openSync(path, 'r');
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    const raw = buf.subarray(0, n);
    const gz = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
    let head = raw;
    if (gz) {
        try {
            head = gunzipSync(raw, { finishFlush: 2 /* Z_SYNC_FLUSH: a partial stream is fine */ }).subarray(0, 65536);
        }
        catch {
            head = Buffer.alloc(0);
        }
    }
    return {
        uri,
        path: gz ? undefined : path,
        head,
        open() {
            const s = createReadStream(path, { highWaterMark: 1 << 20 });
            return gz ? s.pipe(createGunzip()) : s;
        },
    };
}
/** An `InputSource` over text in memory (tests, the demo, stdin already read). */
export function textInput(uri, text) {
    const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    return {
        uri,
        head: buf.subarray(0, 65536),
        open() {
            // several chunks, so line splitting across chunk boundaries is exercised
            const parts = [];
            for (let i = 0; i < buf.length; i += 4096)
                parts.push(buf.subarray(i, i + 4096));
            return Readable.from(parts);
        },
    };
}
//# sourceMappingURL=file-input.js.map