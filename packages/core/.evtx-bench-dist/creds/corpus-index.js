/**
 * A compact on-disk index of a breach corpus (HIBP Pwned Passwords, NTLM or SHA-1, or a plain
 * wordlist hashed to NT), queried from disk so that two billion entries need little RAM.
 *
 * Layout (little-endian; all offsets in bytes):
 *   header (64 bytes): magic "HAECHIPW", version u32, algorithm u32 (1 ntlm, 2 sha1),
 *     prefixBits P u32, suffixBytes S u32 (5), countBytes u32 (4), entries u64, lines u64,
 *     tableOffset u64, reserved
 *   data at 64: `entries` records of S + 4 bytes, sorted: bits [P, P+40) of the hash's first 64
 *     bits, big-endian, then the corpus count as u32 (saturating)
 *   table at tableOffset: 2^P + 1 u32 record indices; bucket b (the top P bits of the hash) holds
 *     records [table[b], table[b+1])
 *
 * So a record keeps P + 40 bits of the hash (60 for ten million entries, 64 at two billion): the
 * chance that a random absent hash matches is about (bucket size) / 2^40, around 1e-10 at two
 * billion entries; the audit says "matched on N bits". P grows with the corpus (16..24) so a
 * bucket holds about 16 records: a lookup is one read of a few hundred bytes, and sorted batches
 * read the file in large sequential windows (about a million lookups per second or more).
 *
 * Building: HIBP files are ordered by hash, so they stream straight into the index in one pass.
 * A file found out of order, and every wordlist, goes through a two-pass external sort: records are
 * partitioned by their top byte into 256 temporary files next to the output, then each partition is
 * radix-sorted in memory (1/256 of the corpus at a time) and appended.
 */
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync, } from 'node:fs';
import { join } from 'node:path';
import { HaechiError } from '../errors.js';
import { ntHashWords } from './md4.js';
const MAGIC = 'HAECHIPW';
const VERSION = 1;
const HEADER = 64;
const SUFFIX_BYTES = 5;
const REC = SUFFIX_BYTES + 4;
const TWO32 = 0x100000000;
const HEXVAL = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++)
    HEXVAL[48 + i] = i;
for (let i = 0; i < 6; i++) {
    HEXVAL[65 + i] = 10 + i;
    HEXVAL[97 + i] = 10 + i;
}
function bswap(v) {
    return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}
/** The first 64 bits of a hash given as hex, as two big-endian u32s, or undefined. */
export function hexKey(hex) {
    if (hex.length < 16)
        return undefined;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 8; i++) {
        const v = HEXVAL[hex.charCodeAt(i) & 0xff];
        if (v < 0 || hex.charCodeAt(i) > 0xff)
            return undefined;
        hi = (hi << 4) | v;
    }
    for (let i = 8; i < 16; i++) {
        const v = HEXVAL[hex.charCodeAt(i) & 0xff];
        if (v < 0 || hex.charCodeAt(i) > 0xff)
            return undefined;
        lo = (lo << 4) | v;
    }
    return { hi: hi >>> 0, lo: lo >>> 0 };
}
/** The key of an NT hash computed by `ntHashWords` (little-endian MD4 words). */
export function ntWordsKey(w) {
    return { hi: bswap(w[0]), lo: bswap(w[1]) };
}
function choosePrefixBits(entries) {
    const p = Math.round(Math.log2(Math.max(1, entries) / 16));
    return Math.min(24, Math.max(16, p));
}
/** bits [P, P+40) of the 64-bit key, as an exact double */
function suffixOf(hi, lo, p) {
    const rh = 32 - p; // bits of hi left after the prefix (8..16)
    const hiRem = hi & ((1 << rh) - 1);
    const fromLo = 40 - rh; // 24..32
    const loPart = fromLo === 32 ? lo >>> 0 : lo >>> (32 - fromLo);
    return hiRem * 2 ** fromLo + loPart;
}
/** Buffered sequential writer over a file descriptor. */
class Writer {
    fd;
    buf = Buffer.allocUnsafe(1 << 20);
    used = 0;
    pos;
    constructor(fd, start) {
        this.fd = fd;
        this.pos = start;
    }
    record(suffix, count) {
        if (this.used + REC > this.buf.length)
            this.flush();
        const b = this.buf;
        const o = this.used;
        const top = Math.floor(suffix / TWO32);
        b[o] = top & 0xff;
        b.writeUInt32BE(suffix - top * TWO32, o + 1);
        b.writeUInt32LE(Math.min(count, 0xffffffff), o + 5);
        this.used += REC;
    }
    bytes(data) {
        this.flush();
        let off = 0;
        while (off < data.length)
            off += writeSync(this.fd, data, off, data.length - off, this.pos + off);
        this.pos += data.length;
    }
    flush() {
        let off = 0;
        while (off < this.used)
            off += writeSync(this.fd, this.buf, off, this.used - off, this.pos + off);
        this.pos += this.used;
        this.used = 0;
    }
}
/** Accepts (key, count) in ascending key order, merges equal truncated keys, builds the table. */
class IndexSink {
    p;
    table;
    entries = 0;
    lastBucket = -1;
    lastSuffix = -1;
    pendingCount = 0;
    w;
    constructor(fd, p) {
        this.p = p;
        this.table = new Uint32Array((1 << p) + 1);
        this.w = new Writer(fd, HEADER);
    }
    /** returns false when the key is below the previous one (input not sorted) */
    add(hi, lo, count) {
        const b = hi >>> (32 - this.p);
        const s = suffixOf(hi, lo, this.p);
        if (b === this.lastBucket) {
            if (s === this.lastSuffix) {
                this.pendingCount += count;
                return true;
            }
            if (s < this.lastSuffix)
                return false;
        }
        else if (b < this.lastBucket)
            return false;
        this.emit();
        for (let x = this.lastBucket + 1; x <= b; x++)
            this.table[x] = this.entries;
        this.lastBucket = b;
        this.lastSuffix = s;
        this.pendingCount = count;
        return true;
    }
    emit() {
        if (this.lastSuffix < 0)
            return;
        this.w.record(this.lastSuffix, this.pendingCount);
        this.entries++;
        if (this.entries > 0xffffffff)
            throw new HaechiError('input', 'corpus has more than 2^32 entries');
    }
    finish() {
        this.emit();
        this.lastSuffix = -1;
        for (let x = this.lastBucket + 1; x < this.table.length; x++)
            this.table[x] = this.entries;
        this.w.flush();
        const tableOffset = this.w.pos;
        this.w.bytes(Buffer.from(this.table.buffer, this.table.byteOffset, this.table.byteLength));
        return { tableOffset };
    }
}
/** Calls `onLine(buf, start, end)` for every line of a file, reading 4 MB at a time. */
function forEachLine(path, onLine) {
    const fd = openSync(path, 'r');
    try {
        const CH = 4 << 20;
        let buf = Buffer.allocUnsafe(CH);
        let carry = 0;
        let lineNo = 0;
        for (;;) {
            if (carry === buf.length) {
                const bigger = Buffer.allocUnsafe(buf.length * 2);
                buf.copy(bigger, 0, 0, carry);
                buf = bigger;
            }
            const n = readSync(fd, buf, carry, buf.length - carry, null);
            const end = carry + n;
            let s = 0;
            for (;;) {
                const nl = buf.indexOf(10, s);
                if (nl < 0 || nl >= end)
                    break;
                let e = nl;
                if (e > s && buf[e - 1] === 13)
                    e--;
                onLine(buf, s, e, ++lineNo);
                s = nl + 1;
            }
            if (n === 0) {
                if (s < end) {
                    let e = end;
                    if (e > s && buf[e - 1] === 13)
                        e--;
                    onLine(buf, s, e, ++lineNo);
                }
                return lineNo;
            }
            carry = end - s;
            buf.copy(buf, 0, s, end);
        }
    }
    finally {
        closeSync(fd);
    }
}
function listSource(input) {
    let st;
    try {
        st = statSync(input);
    }
    catch (err) {
        throw new HaechiError('input', `cannot read corpus: ${err.message}`, {
            file: input,
            cause: err,
        });
    }
    if (!st.isDirectory())
        return { files: [{ path: input }] };
    // HIBP's downloader writes one file per 5-hex prefix (`00000.txt` or `00000`), lines SUFFIX:COUNT
    const files = readdirSync(input)
        .filter((f) => /^[0-9A-Fa-f]{5}(\.txt)?$/.test(f))
        .sort((a, b) => (a.toUpperCase() < b.toUpperCase() ? -1 : a.toUpperCase() > b.toUpperCase() ? 1 : 0))
        .map((f) => ({ path: join(input, f), prefix: f.slice(0, 5) }));
    if (files.length === 0) {
        throw new HaechiError('input', 'corpus folder has no files named by a 5-hex prefix (00000.txt ...)', {
            file: input,
        });
    }
    return { files };
}
/** Reads the first line of the first file to tell a hash corpus (and its algorithm) from a wordlist. */
function sniff(src) {
    const f = src.files[0];
    const fd = openSync(f.path, 'r');
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const lines = head
        .subarray(0, n)
        .toString('latin1')
        .split(/\r?\n/)
        .filter((l) => l !== '')
        .slice(0, 20);
    if (n === head.length)
        lines.pop(); // last may be cut
    const pre = f.prefix ?? '';
    const hashLine = /^([0-9A-Fa-f]+)(:\d+)?$/;
    const lens = lines.map((l) => {
        const m = hashLine.exec(l);
        return m ? pre.length + m[1].length : -1;
    });
    if (lens.length > 0 && lens.every((x) => x === 32))
        return { format: 'hash', algorithm: 'ntlm' };
    if (lens.length > 0 && lens.every((x) => x === 40))
        return { format: 'hash', algorithm: 'sha1' };
    if (f.prefix)
        throw new HaechiError('input', 'prefix file lines are not SUFFIX:COUNT hashes', { file: f.path });
    return { format: 'wordlist', algorithm: 'ntlm' };
}
class NotSorted extends Error {
}
/**
 * Converts a corpus (file, or folder of prefix files) into an index at `out`. Returns what was
 * read. The output is written to `out` directly; on failure it is removed.
 */
export function buildCorpusIndex(input, out, opts = {}) {
    const src = listSource(input);
    const sn = sniff(src);
    const format = opts.format && opts.format !== 'auto' ? opts.format : sn.format;
    const algorithm = format === 'wordlist' ? 'ntlm' : sn.algorithm;
    const hexLen = algorithm === 'ntlm' ? 32 : 40;
    let skipped = 0;
    let lines = 0;
    // during the streaming attempt problems are held back: if the input turns out unordered it is
    // read again, and each problem must be reported once
    let heldBack;
    const problem = (file, line, reason) => {
        skipped++;
        if (!heldBack)
            opts.onProblem?.({ file, line, reason });
        else if (heldBack.length < 10_000)
            heldBack.push({ file, line, reason });
    };
    /** every (hi, lo, count) of the corpus, in file order */
    const scan = (emit) => {
        lines = 0;
        skipped = 0;
        const words = new Uint32Array(4);
        for (const f of src.files) {
            const pre = f.prefix ? f.prefix : '';
            const preNibbles = [...pre].map((c) => HEXVAL[c.charCodeAt(0)]);
            const n = forEachLine(f.path, (buf, s, e, lineNo) => {
                if (format === 'wordlist') {
                    if (e === s)
                        return;
                    const pw = buf.toString('utf8', s, e);
                    ntHashWords(pw, words);
                    emit(bswap(words[0]), bswap(words[1]), 1);
                    return;
                }
                // HASH[:COUNT], HASH possibly without its 5-hex prefix (folder form)
                let i = s;
                while (i < e && HEXVAL[buf[i]] >= 0)
                    i++;
                const nh = i - s + pre.length;
                if (nh !== hexLen || (i < e && buf[i] !== 58)) {
                    if (e > s)
                        problem(f.path, lineNo, `expected ${hexLen} hex digits[:count]`);
                    return;
                }
                let count = 1;
                if (i < e) {
                    count = 0;
                    for (let j = i + 1; j < e; j++) {
                        const d = buf[j] - 48;
                        if (d < 0 || d > 9) {
                            problem(f.path, lineNo, 'count is not a number');
                            return;
                        }
                        count = count * 10 + d;
                    }
                }
                let hi = 0;
                let lo = 0;
                for (let k = 0; k < 16; k++) {
                    const v = k < pre.length ? preNibbles[k] : HEXVAL[buf[s + k - pre.length]];
                    if (k < 8)
                        hi = (hi << 4) | v;
                    else
                        lo = (lo << 4) | v;
                }
                emit(hi >>> 0, lo >>> 0, count);
            });
            lines += n;
            opts.onProgress?.({ lines, file: f.path });
        }
    };
    const fd = openSync(out, 'w');
    let result;
    try {
        if (format === 'hash') {
            // one streaming pass; P from the size of the input (about 40 bytes a line)
            let bytes = 0;
            for (const f of src.files)
                bytes += statSync(f.path).size;
            const estimate = bytes / (hexLen - (src.files[0].prefix ? 5 : 0) + 6);
            const p = choosePrefixBits(estimate);
            const sink = new IndexSink(fd, p);
            heldBack = [];
            try {
                scan((hi, lo, c) => {
                    if (!sink.add(hi, lo, c))
                        throw new NotSorted();
                });
                for (const q of heldBack)
                    opts.onProblem?.(q);
                heldBack = undefined;
                const { tableOffset } = sink.finish();
                writeHeader(fd, algorithm, p, sink.entries, lines, tableOffset);
                result = { algorithm, format, lines, entries: sink.entries, skipped, sorted: false, prefixBits: p };
            }
            catch (err) {
                if (!(err instanceof NotSorted))
                    throw err;
                heldBack = undefined;
            }
        }
        if (!result) {
            ftruncateSync(fd, 0);
            result = externalSortBuild(fd, out, algorithm, format, scan, () => ({ lines, skipped }));
        }
    }
    catch (err) {
        closeSync(fd);
        rmSync(out, { force: true });
        throw err;
    }
    closeSync(fd);
    return result;
}
function writeHeader(fd, algorithm, p, entries, lines, tableOffset) {
    const h = Buffer.alloc(HEADER);
    h.write(MAGIC, 0, 'latin1');
    h.writeUInt32LE(VERSION, 8);
    h.writeUInt32LE(algorithm === 'ntlm' ? 1 : 2, 12);
    h.writeUInt32LE(p, 16);
    h.writeUInt32LE(SUFFIX_BYTES, 20);
    h.writeUInt32LE(4, 24);
    h.writeBigUInt64LE(BigInt(entries), 28);
    h.writeBigUInt64LE(BigInt(lines), 36);
    h.writeBigUInt64LE(BigInt(tableOffset), 44);
    writeSync(fd, h, 0, HEADER, 0);
}
const PARTS = 256;
function externalSortBuild(fd, out, algorithm, format, scan, stats) {
    const tmp = `${out}.parts`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    try {
        // pass 1: partition by the top byte; 12-byte temp records (hi, lo, count)
        const fds = [];
        const bufs = [];
        const used = new Uint32Array(PARTS);
        const pos = new Float64Array(PARTS);
        const sizes = new Float64Array(PARTS);
        const PB = 1 << 16;
        for (let i = 0; i < PARTS; i++) {
            fds.push(openSync(join(tmp, `${i}`), 'w+'));
            bufs.push(Buffer.allocUnsafe(PB));
        }
        const flush = (i) => {
            let off = 0;
            while (off < used[i])
                off += writeSync(fds[i], bufs[i], off, used[i] - off, pos[i] + off);
            pos[i] += used[i];
            used[i] = 0;
        };
        let total = 0;
        scan((hi, lo, count) => {
            const i = hi >>> 24;
            if (used[i] + 12 > PB)
                flush(i);
            const b = bufs[i];
            const o = used[i];
            b.writeUInt32LE(hi, o);
            b.writeUInt32LE(lo, o + 4);
            b.writeUInt32LE(Math.min(count, 0xffffffff), o + 8);
            used[i] = o + 12;
            sizes[i] += 1;
            total++;
        });
        for (let i = 0; i < PARTS; i++)
            flush(i);
        // pass 2: sort each partition in memory and append
        const p = choosePrefixBits(total);
        const sink = new IndexSink(fd, p);
        for (let i = 0; i < PARTS; i++) {
            const n = sizes[i];
            if (n > 0) {
                const raw = Buffer.allocUnsafe(n * 12);
                let off = 0;
                while (off < raw.length)
                    off += readSync(fds[i], raw, off, raw.length - off, off);
                const hi = new Uint32Array(n);
                const lo = new Uint32Array(n);
                const cnt = new Uint32Array(n);
                for (let k = 0; k < n; k++) {
                    hi[k] = raw.readUInt32LE(k * 12);
                    lo[k] = raw.readUInt32LE(k * 12 + 4);
                    cnt[k] = raw.readUInt32LE(k * 12 + 8);
                }
                const order = radixOrder(hi, lo);
                for (let k = 0; k < n; k++) {
                    const j = order[k];
                    sink.add(hi[j], lo[j], cnt[j]);
                }
            }
            closeSync(fds[i]);
        }
        const { tableOffset } = sink.finish();
        const { lines, skipped } = stats();
        writeHeader(fd, algorithm, p, sink.entries, lines, tableOffset);
        return {
            algorithm,
            format,
            lines,
            entries: sink.entries,
            skipped,
            sorted: format === 'hash',
            prefixBits: p,
        };
    }
    finally {
        rmSync(tmp, { recursive: true, force: true });
    }
}
/** LSD radix sort of (hi, lo) pairs on 56 bits (the top byte is the partition): returns the order. */
function radixOrder(hi, lo) {
    const n = hi.length;
    let a = new Uint32Array(n);
    let b = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        a[i] = i;
    const counts = new Uint32Array(65536);
    // digits: lo & 0xffff, lo >>> 16, hi & 0xffff, (hi >>> 16) & 0xff
    const passes = [
        [lo, 0, 0xffff],
        [lo, 16, 0xffff],
        [hi, 0, 0xffff],
        [hi, 16, 0xff],
    ];
    for (const [src, shift, mask] of passes) {
        counts.fill(0);
        for (let i = 0; i < n; i++)
            counts[(src[a[i]] >>> shift) & mask]++;
        let sum = 0;
        for (let d = 0; d <= mask; d++) {
            const c = counts[d];
            counts[d] = sum;
            sum += c;
        }
        for (let i = 0; i < n; i++) {
            const idx = a[i];
            b[counts[(src[idx] >>> shift) & mask]++] = idx;
        }
        const t = a;
        a = b;
        b = t;
    }
    return a;
}
/** Is this file a corpus index (by its magic)? */
export function isCorpusIndex(path) {
    try {
        if (!statSync(path).isFile())
            return false;
        const fd = openSync(path, 'r');
        const b = Buffer.alloc(8);
        readSync(fd, b, 0, 8, 0);
        closeSync(fd);
        return b.toString('latin1') === MAGIC;
    }
    catch {
        return false;
    }
}
export function openCorpusIndex(path) {
    let fd;
    try {
        fd = openSync(path, 'r');
    }
    catch (err) {
        throw new HaechiError('input', `cannot open corpus index: ${err.message}`, {
            file: path,
            cause: err,
        });
    }
    const h = Buffer.alloc(HEADER);
    readSync(fd, h, 0, HEADER, 0);
    if (h.toString('latin1', 0, 8) !== MAGIC) {
        closeSync(fd);
        throw new HaechiError('input', 'not a haechi corpus index (bad magic); build one with `haechi creds index`', {
            file: path,
        });
    }
    const version = h.readUInt32LE(8);
    if (version !== VERSION || h.readUInt32LE(20) !== SUFFIX_BYTES || h.readUInt32LE(24) !== 4) {
        closeSync(fd);
        throw new HaechiError('input', `unsupported corpus index version ${version}`, { file: path });
    }
    const algorithm = h.readUInt32LE(12) === 1 ? 'ntlm' : 'sha1';
    const p = h.readUInt32LE(16);
    const entries = Number(h.readBigUInt64LE(28));
    const tableOffset = Number(h.readBigUInt64LE(44));
    const size = fstatSync(fd).size;
    const tableBytes = ((1 << p) + 1) * 4;
    if (p < 16 || p > 24 || tableOffset + tableBytes !== size || HEADER + entries * REC !== tableOffset) {
        closeSync(fd);
        throw new HaechiError('input', 'corpus index is truncated or corrupt (sizes do not add up)', {
            file: path,
        });
    }
    const table = new Uint32Array(tableBytes / 4);
    const tb = Buffer.from(table.buffer);
    let off = 0;
    while (off < tableBytes) {
        const n = readSync(fd, tb, off, tableBytes - off, tableOffset + off);
        if (n === 0)
            break;
        off += n;
    }
    // window for batched reads
    const WIN_RECS = 1 << 15; // 288 KB
    let win = Buffer.allocUnsafe(WIN_RECS * REC);
    let winStart = 0;
    let winEnd = 0; // records [winStart, winEnd) are in `win`
    const load = (start, count) => {
        const bytes = count * REC;
        if (win.length < bytes)
            win = Buffer.allocUnsafe(bytes);
        let got = 0;
        while (got < bytes) {
            const n = readSync(fd, win, got, bytes - got, HEADER + (start + got / REC) * REC);
            if (n === 0)
                break;
            got += n;
        }
        winStart = start;
        winEnd = start + Math.floor(got / REC);
    };
    /** binary search records [s, e) (which must be loaded) for the suffix */
    const search = (s, e, suffix) => {
        let lo = s - winStart;
        let hi = e - winStart - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const o = mid * REC;
            const v = win[o] * TWO32 + (((win[o + 1] << 24) | (win[o + 2] << 16) | (win[o + 3] << 8) | win[o + 4]) >>> 0);
            if (v === suffix)
                return (win[o + 5] | (win[o + 6] << 8) | (win[o + 7] << 16) | (win[o + 8] << 24)) >>> 0;
            if (v < suffix)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return 0;
    };
    const lookupOne = (hi, lo, windowRecs) => {
        const b = hi >>> (32 - p);
        const s = table[b];
        const e = table[b + 1];
        if (s === e)
            return 0;
        if (s < winStart || e > winEnd)
            load(s, Math.max(e - s, Math.min(windowRecs, entries - s)));
        return search(s, e, suffixOf(hi, lo, p));
    };
    let closed = false;
    return {
        path,
        algorithm,
        entries,
        bits: p + 40,
        lookupHex(hex) {
            const k = hexKey(hex);
            if (!k)
                return 0;
            return lookupOne(k.hi, k.lo, 0);
        },
        lookupMany(his, los) {
            const n = his.length;
            const out = new Uint32Array(n);
            if (n === 0 || entries === 0)
                return out;
            // queries in bucket order, then one pass over the file: dense batches read large sequential
            // windows, sparse ones read single buckets. Small batches sort (bucket, index) pairs packed
            // in doubles natively; large ones use a counting sort over the buckets.
            const nb = 1 << p;
            const shift = 32 - p;
            let order;
            if (n < nb >>> 4 && n < 1 << 21) {
                const keys = new Float64Array(n);
                for (let i = 0; i < n; i++)
                    keys[i] = (his[i] >>> shift) * 2097152 + i;
                keys.sort();
                order = new Uint32Array(n);
                for (let i = 0; i < n; i++)
                    order[i] = keys[i] % 2097152;
            }
            else {
                const starts = new Uint32Array(nb + 1);
                for (let i = 0; i < n; i++)
                    starts[(his[i] >>> shift) + 1]++;
                for (let b = 0; b < nb; b++)
                    starts[b + 1] += starts[b];
                order = new Uint32Array(n);
                for (let i = 0; i < n; i++)
                    order[starts[his[i] >>> shift]++] = i;
            }
            const gap = entries / n; // records between consecutive queries
            const windowRecs = gap * 8 < WIN_RECS ? WIN_RECS : 0;
            for (let k = 0; k < n; k++) {
                const i = order[k];
                out[i] = lookupOne(his[i], los[i], windowRecs);
            }
            return out;
        },
        close() {
            if (!closed)
                closeSync(fd);
            closed = true;
        },
    };
}
//# sourceMappingURL=corpus-index.js.map