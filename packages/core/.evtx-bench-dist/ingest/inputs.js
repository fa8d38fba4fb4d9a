/**
 * Turns the PATH arguments of a command into inputs: folders are walked (sorted by name, hidden
 * entries skipped, symlinks followed without loops), `-` is stdin, `.gz` is gunzipped on the fly and
 * every entry of a `.zip` becomes its own input (`archive.zip!dir/entry.json`). Compression is
 * recognised by its magic bytes (gzip 1f 8b, RFC 1952 section 2.3.1; zip "PK\3\4"), so a renamed
 * file still opens; the `.gz` suffix is dropped from the name readers sniff.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { HaechiError } from '../errors.js';
import { reportProblem } from './problems.js';
import { openZipEntry, readZipDirectory } from './zip.js';
/** How many decompressed bytes readers get for sniffing. */
export const HEAD_BYTES = 64 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
function startsWith(buf, magic) {
    if (buf.length < magic.length)
        return false;
    for (let i = 0; i < magic.length; i++)
        if (buf[i] !== magic[i])
            return false;
    return true;
}
/** The name readers sniff: the file name without a compression suffix. */
function logicalName(name) {
    return name.replace(/\.(gz|gzip)$/i, '');
}
/**
 * Reads up to `n` bytes from the start of a stream, then destroys it. A stream that fails (damaged
 * compressed data) gives what came before the failure, and the error.
 */
async function readHead(stream, n = HEAD_BYTES) {
    const parts = [];
    let len = 0;
    let error;
    try {
        for await (const chunk of stream) {
            const b = chunk;
            parts.push(b);
            len += b.length;
            if (len >= n)
                break;
        }
    }
    catch (err) {
        error = err;
    }
    finally {
        stream.destroy();
    }
    const all = Buffer.concat(parts);
    return { head: all.length > n ? all.subarray(0, n) : all, error };
}
/**
 * The decompressed head of a gzip stream. Damage after the first bytes is left for the reader to
 * report at its place; damage before any byte comes out means there is nothing to read.
 */
async function gzipHead(open, uri) {
    const { head, error } = await readHead(open());
    if (error && head.length === 0)
        throw new HaechiError('input', `corrupt gzip data: ${error.message}`, { file: uri, cause: error });
    return head;
}
async function readFileHead(path, n) {
    const fh = await open(path, 'r');
    try {
        const buf = Buffer.alloc(n);
        const { bytesRead } = await fh.read(buf, 0, n, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
/**
 * The gunzipped bytes of `source` (multi-member gzip files are read to the end, RFC 1952 section
 * 2.2). Stream errors (corrupt or truncated data) surface to the reader, which reports them.
 */
function gunzipped(source) {
    const gz = createGunzip();
    source.on('error', (err) => gz.destroy(err));
    gz.on('close', () => source.destroy());
    return source.pipe(gz);
}
/** One plain or gzipped file on disk. */
async function fileInput(path, uri) {
    const magic = await readFileHead(path, 4);
    if (startsWith(magic, GZIP_MAGIC)) {
        const openGz = () => gunzipped(createReadStream(path));
        return { uri, name: logicalName(basename(path)), open: openGz, head: await gzipHead(openGz, uri) };
    }
    return {
        uri,
        path,
        name: basename(path),
        open: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
        head: await readFileHead(path, HEAD_BYTES),
    };
}
function isZip(path, magic) {
    return startsWith(magic, ZIP_MAGIC) || startsWith(magic, ZIP_EMPTY_MAGIC) || /\.zip$/i.test(path);
}
/** Entries macOS adds to archives (resource forks) and hidden files: metadata, not logs. */
function isHiddenEntry(name) {
    return (name.startsWith('__MACOSX/') || name.split('/').some((part) => part.startsWith('.') && part.length > 0));
}
async function* zipInputs(path, displayPath, opts) {
    let entries;
    try {
        entries = await readZipDirectory(path);
    }
    catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        reportProblem(opts, { file: displayPath, reason, level: 'error' });
        return;
    }
    // central directory order is the archive's; sort for a deterministic order across tools
    const files = entries.filter((e) => !e.isDirectory && !isHiddenEntry(e.name));
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of files) {
        const uri = `${displayPath}!${entry.name}`;
        if (entry.unsupported) {
            reportProblem(opts, { file: uri, reason: `${entry.unsupported}; entry skipped`, level: 'error' });
            continue;
        }
        const raw = () => openZipEntry(path, entry, uri);
        const { head, error } = await readHead(raw());
        if (error && head.length === 0) {
            reportProblem(opts, { file: uri, reason: error.message, level: 'error' });
            continue;
        }
        const base = entry.name.slice(entry.name.lastIndexOf('/') + 1);
        if (startsWith(head, GZIP_MAGIC)) {
            const openGz = () => gunzipped(raw());
            let gzHead;
            try {
                gzHead = await gzipHead(openGz, uri);
            }
            catch (err) {
                reportProblem(opts, { file: uri, reason: err.message, level: 'error' });
                continue;
            }
            yield { uri, name: logicalName(base), open: openGz, head: gzHead };
        }
        else if (startsWith(head, ZIP_MAGIC)) {
            reportProblem(opts, {
                file: uri,
                reason: 'a zip archive inside a zip archive is not read; extract it first',
                level: 'warning',
            });
        }
        else {
            yield { uri, name: base, open: raw, head };
        }
    }
}
/** stdin can be read once: the head is kept and replayed in front of the rest. */
async function stdinInput(stdin) {
    const it = stdin[Symbol.asyncIterator]();
    const parts = [];
    let len = 0;
    let done = false;
    while (len < HEAD_BYTES) {
        const r = await it.next();
        if (r.done) {
            done = true;
            break;
        }
        const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
        parts.push(b);
        len += b.length;
    }
    const first = Buffer.concat(parts);
    let opened = false;
    const openRaw = () => {
        if (opened)
            throw new HaechiError('input', 'stdin can be read only once', { file: '-' });
        opened = true;
        return Readable.from((async function* () {
            if (first.length)
                yield first;
            if (done)
                return;
            for (;;) {
                const r = await it.next();
                if (r.done)
                    return;
                yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
            }
        })(), { objectMode: false });
    };
    if (startsWith(first, GZIP_MAGIC)) {
        // the decompressed head must come from the one stream we have: peek it, then replay it
        const gz = gunzipped(openRaw());
        const git = gz[Symbol.asyncIterator]();
        const hp = [];
        let hl = 0;
        let gdone = false;
        let gerr;
        while (hl < HEAD_BYTES) {
            let r;
            try {
                r = await git.next();
            }
            catch (err) {
                if (hl > 0) {
                    gerr = err; // damage after the first bytes: replayed to the reader, which reports it
                    break;
                }
                throw new HaechiError('input', `corrupt gzip data: ${err.message}`, {
                    file: '-',
                    cause: err,
                });
            }
            if (r.done) {
                gdone = true;
                break;
            }
            hp.push(r.value);
            hl += r.value.length;
        }
        const head = Buffer.concat(hp);
        let used = false;
        return {
            uri: '-',
            name: 'stdin',
            head: head.subarray(0, HEAD_BYTES),
            open: () => {
                if (used)
                    throw new HaechiError('input', 'stdin can be read only once', { file: '-' });
                used = true;
                return Readable.from((async function* () {
                    if (head.length)
                        yield head;
                    if (gerr)
                        throw gerr;
                    if (gdone)
                        return;
                    for (;;) {
                        const r = await git.next();
                        if (r.done)
                            return;
                        yield r.value;
                    }
                })(), { objectMode: false });
            },
        };
    }
    if (startsWith(first, ZIP_MAGIC)) {
        throw new HaechiError('input', 'a zip archive cannot be read from stdin (it needs random access); pass the file', {
            file: '-',
        });
    }
    return { uri: '-', name: 'stdin', head: first.subarray(0, HEAD_BYTES), open: openRaw };
}
/**
 * The inputs behind `paths`, in a deterministic order: each path in the order given, folders
 * walked depth-first with names sorted by code point. A named path that does not exist throws
 * HaechiError('input'); unreadable files met while walking and broken archives are reported
 * through `opts.onProblem` and skipped (strict mode throws).
 */
export async function* discoverInputs(paths, opts = {}) {
    for (const p of paths) {
        if (p === '-') {
            yield await stdinInput(opts.stdin ?? process.stdin);
            continue;
        }
        let st;
        try {
            st = await stat(p);
        }
        catch (err) {
            throw new HaechiError('input', `cannot open: ${err.code ?? err.message}`, {
                file: p,
                cause: err,
            });
        }
        if (st.isDirectory())
            yield* walk(p, opts, new Set());
        else
            yield* fileInputs(p, opts);
    }
}
async function* fileInputs(path, opts) {
    let magic;
    try {
        magic = await readFileHead(path, 4);
    }
    catch (err) {
        reportProblem(opts, { file: path, reason: `cannot read: ${err.message}`, level: 'error' });
        return;
    }
    if (isZip(path, magic)) {
        yield* zipInputs(path, path, opts);
        return;
    }
    try {
        yield await fileInput(path, path);
    }
    catch (err) {
        reportProblem(opts, { file: path, reason: `cannot read: ${err.message}`, level: 'error' });
    }
}
async function* walk(dir, opts, seen) {
    let real;
    let names;
    try {
        real = await realpath(dir);
        if (seen.has(real))
            return; // a symlink loop, or a folder reached twice
        seen.add(real);
        names = await readdir(dir);
    }
    catch (err) {
        reportProblem(opts, {
            file: dir,
            reason: `cannot list folder: ${err.message}`,
            level: 'error',
        });
        return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
        if (!opts.includeHidden && name.startsWith('.'))
            continue;
        const p = join(dir, name);
        let st;
        try {
            st = await stat(p);
        }
        catch (err) {
            reportProblem(opts, { file: p, reason: `cannot open: ${err.message}`, level: 'warning' });
            continue;
        }
        if (st.isDirectory())
            yield* walk(p, opts, seen);
        else if (st.isFile())
            yield* fileInputs(p, opts);
    }
}
//# sourceMappingURL=inputs.js.map