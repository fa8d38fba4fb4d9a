/**
 * Streaming splitter of JSON records, over bytes, for the three containers logs come in:
 *  - concatenated values (evtx_dump's pretty-printed objects one after another),
 *  - JSON lines (one value per line; detected when the first value sits on one line),
 *  - a top-level array (`[{...}, {...}]`), whose elements are the records; never loaded whole.
 *
 * It does not validate JSON (JSON.parse does, per record); it only finds where each record starts
 * and ends by tracking brackets outside strings (RFC 8259 section 7: inside a string only `"` and
 * `\` matter, and a raw line feed cannot occur, so a line feed inside a "string" means the record
 * is broken). Strings are skipped with Buffer.indexOf (native) rather than byte by byte, which is
 * what keeps this near JSON.parse speed.
 *
 * Resynchronisation after a broken record: records of these containers start at the beginning of
 * a line (evtx_dump and pretty printers indent nested values; JSON lines start each record at
 * column 0), so a `{` at or left of the first record's column while a record is still open means
 * the open record was truncated, and after garbage the splitter skips to the next such line.
 */
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const BOM = [0xef, 0xbb, 0xbf];
export class JsonRecordSplitter {
    onRecord;
    onProblem;
    maxRecordBytes;
    mode = 'unknown';
    /** bracket depth, absolute (the top-level array counts as 1) */
    depth = 0;
    /** depth at which records start: 1 inside a top-level array, else 0 */
    base = 0;
    inString = false;
    /** the next byte of a string is escaped (a chunk ended after an odd run of backslashes) */
    escapeCarry = false;
    /** skipping text until the next line where a record can start */
    resync = false;
    /** pieces of the open record from earlier chunks */
    pending = [];
    recordNo = 0;
    recordLine = 0;
    /** the open record crossed a line feed (used to detect JSON lines on the first record) */
    recordMultiline = false;
    /** column of the first record's start; a record start at or left of it begins a new record */
    recordCol = -1;
    line = 1;
    /** bytes already on the current line before this chunk (column tracking across chunks) */
    colCarry = 0;
    firstByte = true;
    bomProbe;
    /** JSON lines mode: partial line from earlier chunks */
    lineParts = [];
    /** bytes held for the open record (pending or lineParts) */
    pendingBytes = 0;
    /** JSON lines mode: skipping the rest of an over-long line */
    skippingLine = false;
    /**
     * `maxRecordBytes` bounds the memory one record may hold: a broken file (an unterminated string
     * swallowing everything after it) is reported and skipped instead of growing without limit.
     */
    constructor(onRecord, onProblem, maxRecordBytes = 32 * 1024 * 1024) {
        this.onRecord = onRecord;
        this.onProblem = onProblem;
        this.maxRecordBytes = maxRecordBytes;
    }
    /** Feeds the next chunk of bytes. */
    push(chunk) {
        let start = 0;
        if (this.firstByte && chunk.length > 0) {
            // UTF-8 byte order mark (RFC 8259 section 8.1 lets parsers ignore it), possibly split over chunks
            if (this.bomProbe)
                chunk = Buffer.concat([this.bomProbe, chunk]);
            this.bomProbe = undefined;
            let prefix = 0;
            while (prefix < 3 && prefix < chunk.length && chunk[prefix] === BOM[prefix])
                prefix++;
            if (prefix === chunk.length && prefix < 3) {
                this.bomProbe = chunk;
                return;
            }
            if (prefix === 3)
                start = 3;
            this.firstByte = false;
        }
        if (this.mode === 'lines')
            this.pushLines(chunk, start);
        else
            this.scan(chunk, start);
    }
    /** Signals the end of the input: an open record is reported as truncated. */
    end() {
        if (this.bomProbe) {
            // an input of one or two bytes that look like the start of a BOM: not JSON, let scan say so
            const b = this.bomProbe;
            this.bomProbe = undefined;
            this.firstByte = false;
            this.scan(b, 0);
        }
        if (this.mode === 'lines') {
            if (this.lineParts.length > 0) {
                const buf = Buffer.concat(this.lineParts);
                this.lineParts = [];
                this.emitLine(buf, 0, buf.length);
            }
            return;
        }
        if (this.depth > this.base || this.inString) {
            this.onProblem({
                reason: 'truncated record: the input ends before the record closes',
                record: this.recordNo,
                line: this.recordLine,
            });
            this.pending = [];
        }
        else if (this.base > 0) {
            this.onProblem({ reason: 'truncated array: the input ends before the closing ]', line: this.line });
        }
        this.depth = 0;
        this.inString = false;
    }
    // -------------------------------------------------------------------------------------------
    // JSON lines: one record per line, found by the native indexOf; a broken line cannot swallow
    // the next one.
    pushLines(chunk, from) {
        let s = from;
        for (;;) {
            const nl = chunk.indexOf(LF, s);
            if (this.skippingLine) {
                if (nl === -1)
                    return;
                this.skippingLine = false;
                this.line++;
                s = nl + 1;
                continue;
            }
            if (nl === -1) {
                if (s < chunk.length) {
                    this.lineParts.push(chunk.subarray(s));
                    this.pendingBytes += chunk.length - s;
                    if (this.pendingBytes > this.maxRecordBytes) {
                        this.recordNo++;
                        this.onProblem({ reason: this.tooLong(), record: this.recordNo, line: this.line });
                        this.lineParts = [];
                        this.pendingBytes = 0;
                        this.skippingLine = true;
                    }
                }
                return;
            }
            this.pendingBytes = 0;
            if (this.lineParts.length > 0) {
                this.lineParts.push(chunk.subarray(s, nl));
                const buf = Buffer.concat(this.lineParts);
                this.lineParts = [];
                this.emitLine(buf, 0, buf.length);
            }
            else {
                this.emitLine(chunk, s, nl);
            }
            this.line++;
            s = nl + 1;
        }
    }
    emitLine(buf, s, e) {
        // skip blank lines and trailing whitespace / CR (CRLF files)
        while (s < e && isWs(buf[s]))
            s++;
        while (e > s && isWs(buf[e - 1]))
            e--;
        if (s === e)
            return;
        this.recordNo++;
        this.onRecord({ text: buf.toString('utf8', s, e), record: this.recordNo, line: this.line });
    }
    // -------------------------------------------------------------------------------------------
    // concatenated values and arrays
    scan(chunk, from) {
        const n = chunk.length;
        let i = from;
        let lineStart = -this.colCarry;
        // the open record began in this chunk at recStart, or in an earlier one (recStart = 0, pending)
        let recStart = this.depth > this.base ? 0 : -1;
        let nextLf = -2; // lazily computed position of the next line feed (for the string check)
        while (i < n) {
            if (this.inString) {
                let from2 = i;
                if (this.escapeCarry) {
                    this.escapeCarry = false;
                    from2 = i + 1;
                }
                // most strings are short (keys, small values): a plain scan of their first bytes beats a
                // native call; a backslash, a line feed or a long string take the general path below
                const lim = Math.min(from2 + 48, n);
                let j = from2;
                for (; j < lim; j++) {
                    const c = chunk[j];
                    if (c === QUOTE || c === BACKSLASH || c === LF)
                        break;
                }
                if (j < lim && chunk[j] === QUOTE) {
                    this.inString = false;
                    i = j + 1;
                    continue;
                }
                if (j === n) {
                    // no backslash before the chunk's end: nothing escapes the next chunk's first byte
                    i = n;
                    break;
                }
                let q = from2 <= n ? chunk.indexOf(QUOTE, from2) : -1;
                while (q !== -1) {
                    let bs = 0;
                    for (let j = q - 1; j >= from2 && chunk[j] === BACKSLASH; j--)
                        bs++;
                    if ((bs & 1) === 0)
                        break;
                    q = chunk.indexOf(QUOTE, q + 1);
                }
                if (nextLf !== -1 && nextLf < i)
                    nextLf = chunk.indexOf(LF, i);
                const end = q === -1 ? n : q;
                if (nextLf !== -1 && nextLf < end) {
                    // a raw line feed inside a string: the record is broken (truncated mid-string)
                    this.onProblem({
                        reason: 'broken record: a line ends inside a string (truncated or unescaped text)',
                        record: this.recordNo,
                        line: this.recordLine,
                    });
                    this.abandonRecord();
                    recStart = -1;
                    this.resync = true;
                    this.line++;
                    i = nextLf + 1;
                    lineStart = i;
                    continue;
                }
                if (q === -1) {
                    // the string continues in the next chunk; remember whether its last byte escapes the next
                    let bs = 0;
                    for (let j = n - 1; j >= from2 && chunk[j] === BACKSLASH; j--)
                        bs++;
                    this.escapeCarry = (bs & 1) === 1;
                    i = n;
                    break;
                }
                this.inString = false;
                i = q + 1;
                continue;
            }
            const b = chunk[i];
            if (b === LF) {
                this.line++;
                i++;
                lineStart = i;
                if (this.depth > this.base)
                    this.recordMultiline = true;
                continue;
            }
            if (b === SPACE || b === TAB || b === CR) {
                // indentation comes in runs
                i++;
                while (i < n && chunk[i] === SPACE)
                    i++;
                continue;
            }
            if (b === QUOTE && !this.resync && this.depth > this.base) {
                // a string inside a record, the most common token: skip a short one here
                const lim = Math.min(i + 49, n);
                let j = i + 1;
                for (; j < lim; j++) {
                    const c = chunk[j];
                    if (c === QUOTE || c === BACKSLASH || c === LF)
                        break;
                }
                if (j < lim && chunk[j] === QUOTE) {
                    i = j + 1;
                    continue;
                }
                this.inString = true; // long, escaped or broken: the general path
                i++;
                continue;
            }
            if (this.resync) {
                // skip text until a line whose first non-blank byte can start a record
                const col = i - lineStart;
                const isFirstOnLine = this.onlyBlanksBefore(chunk, lineStart, i);
                if (isFirstOnLine &&
                    (b === LBRACE || (b === LBRACKET && this.base === 0)) &&
                    col <= Math.max(this.recordCol, 0)) {
                    this.resync = false;
                    // fall through: handled as a record start below
                }
                else if (isFirstOnLine && b === RBRACKET && this.base > 0 && col === 0) {
                    this.resync = false;
                }
                else {
                    const nl = chunk.indexOf(LF, i);
                    if (nl === -1) {
                        i = n;
                        break;
                    }
                    i = nl; // the LF is counted by the loop
                    continue;
                }
            }
            if (this.depth === this.base) {
                // between records
                if (b === LBRACE || b === LBRACKET) {
                    if (b === LBRACKET && this.base === 0 && this.mode !== 'values') {
                        // a top-level array: its elements are the records
                        this.base = 1;
                        this.depth = 1;
                        this.mode = 'values';
                        i++;
                        continue;
                    }
                    this.recordNo++;
                    this.recordLine = this.line;
                    this.recordMultiline = false;
                    if (this.recordCol < 0)
                        this.recordCol = i - lineStart;
                    recStart = i;
                    this.depth++;
                    i++;
                    continue;
                }
                if (b === COMMA && this.base > 0) {
                    i++;
                    continue;
                }
                if (b === RBRACKET && this.base > 0) {
                    this.base = 0;
                    this.depth = 0;
                    i++;
                    continue;
                }
                this.onProblem({
                    reason: `unexpected text ${JSON.stringify(String.fromCharCode(b))} between records`,
                    line: this.line,
                });
                this.resync = true;
                continue;
            }
            // inside a record
            if (b === QUOTE) {
                this.inString = true;
                i++;
                continue;
            }
            if (b === LBRACE || b === LBRACKET) {
                if (b === LBRACE && i - lineStart <= this.recordCol && this.onlyBlanksBefore(chunk, lineStart, i)) {
                    // a record start while the previous one is open: that one was truncated
                    this.onProblem({
                        reason: 'truncated record: a new record starts before it closes',
                        record: this.recordNo,
                        line: this.recordLine,
                    });
                    this.abandonRecord();
                    recStart = -1;
                    continue; // re-examined at depth base as a record start
                }
                this.depth++;
                i++;
                continue;
            }
            if (b === RBRACE || b === RBRACKET) {
                this.depth--;
                i++;
                if (this.depth === this.base) {
                    this.emitRecord(chunk, recStart, i);
                    recStart = -1;
                    if (this.mode === 'unknown') {
                        this.mode = this.recordMultiline || this.base > 0 ? 'values' : this.detectLines(chunk, i);
                        if (this.mode === 'lines') {
                            this.pushLines(chunk, i);
                            return;
                        }
                    }
                }
                continue;
            }
            i++;
        }
        // keep the open record's bytes for the next chunk, up to the size limit
        if (this.depth > this.base || this.inString) {
            if (recStart >= 0) {
                this.pending.push(chunk.subarray(recStart));
                this.pendingBytes += n - recStart;
            }
            if (this.pendingBytes > this.maxRecordBytes) {
                this.onProblem({ reason: this.tooLong(), record: this.recordNo, line: this.recordLine });
                this.abandonRecord();
                this.resync = true;
            }
        }
        this.colCarry = n - lineStart;
    }
    /** After the first record: JSON lines when the rest of its line is blank (or the chunk ends). */
    detectLines(chunk, i) {
        for (let j = i; j < chunk.length; j++) {
            const b = chunk[j];
            if (b === LF)
                return 'lines';
            if (b !== SPACE && b !== TAB && b !== CR)
                return 'values';
        }
        return 'values';
    }
    onlyBlanksBefore(chunk, lineStart, i) {
        for (let j = Math.max(lineStart, 0); j < i; j++) {
            const b = chunk[j];
            if (b !== SPACE && b !== TAB)
                return false;
        }
        // bytes of this line in an earlier chunk are not checked; column still bounds the start
        return true;
    }
    tooLong() {
        return `record larger than ${Math.round(this.maxRecordBytes / 1048576)} MiB: skipped (a broken file, or not JSON records)`;
    }
    abandonRecord() {
        this.pending = [];
        this.pendingBytes = 0;
        this.depth = this.base;
        this.inString = false;
        this.escapeCarry = false;
    }
    emitRecord(chunk, recStart, end) {
        let text;
        if (this.pending.length > 0) {
            this.pending.push(chunk.subarray(0, end));
            text = Buffer.concat(this.pending).toString('utf8');
            this.pending = [];
            this.pendingBytes = 0;
        }
        else {
            text = chunk.toString('utf8', recStart, end);
        }
        this.onRecord({ text, record: this.recordNo, line: this.recordLine });
    }
}
function isWs(b) {
    return b === SPACE || b === TAB || b === CR || b === LF;
}
//# sourceMappingURL=json-stream.js.map