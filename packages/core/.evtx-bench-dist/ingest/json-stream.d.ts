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
export interface SplitRecord {
    /** the record's JSON text */
    text: string;
    /** 1-based index of the record in the input (broken records count too) */
    record: number;
    /** 1-based line where the record starts */
    line: number;
}
export interface SplitProblem {
    reason: string;
    /** set when the problem is a (broken) record rather than stray text between records */
    record?: number;
    line: number;
}
export declare class JsonRecordSplitter {
    private readonly onRecord;
    private readonly onProblem;
    private readonly maxRecordBytes;
    private mode;
    /** bracket depth, absolute (the top-level array counts as 1) */
    private depth;
    /** depth at which records start: 1 inside a top-level array, else 0 */
    private base;
    private inString;
    /** the next byte of a string is escaped (a chunk ended after an odd run of backslashes) */
    private escapeCarry;
    /** skipping text until the next line where a record can start */
    private resync;
    /** pieces of the open record from earlier chunks */
    private pending;
    private recordNo;
    private recordLine;
    /** the open record crossed a line feed (used to detect JSON lines on the first record) */
    private recordMultiline;
    /** column of the first record's start; a record start at or left of it begins a new record */
    private recordCol;
    private line;
    /** bytes already on the current line before this chunk (column tracking across chunks) */
    private colCarry;
    private firstByte;
    private bomProbe;
    /** JSON lines mode: partial line from earlier chunks */
    private lineParts;
    /** bytes held for the open record (pending or lineParts) */
    private pendingBytes;
    /** JSON lines mode: skipping the rest of an over-long line */
    private skippingLine;
    /**
     * `maxRecordBytes` bounds the memory one record may hold: a broken file (an unterminated string
     * swallowing everything after it) is reported and skipped instead of growing without limit.
     */
    constructor(onRecord: (r: SplitRecord) => void, onProblem: (p: SplitProblem) => void, maxRecordBytes?: number);
    /** Feeds the next chunk of bytes. */
    push(chunk: Buffer): void;
    /** Signals the end of the input: an open record is reported as truncated. */
    end(): void;
    private pushLines;
    private emitLine;
    private scan;
    /** After the first record: JSON lines when the rest of its line is blank (or the chunk ends). */
    private detectLines;
    private onlyBlanksBefore;
    private tooLong;
    private abandonRecord;
    private emitRecord;
}
