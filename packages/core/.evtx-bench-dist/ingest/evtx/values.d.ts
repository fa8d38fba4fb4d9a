export declare enum VT {
    Null = 0,
    String = 1,
    Ansi = 2,
    Int8 = 3,
    UInt8 = 4,
    Int16 = 5,
    UInt16 = 6,
    Int32 = 7,
    UInt32 = 8,
    Int64 = 9,
    UInt64 = 10,
    Real32 = 11,
    Real64 = 12,
    Bool = 13,
    Binary = 14,
    Guid = 15,
    SizeT = 16,
    FileTime = 17,
    SysTime = 18,
    Sid = 19,
    HexInt32 = 20,
    HexInt64 = 21,
    EvtHandle = 32,
    BinXml = 33,
    EvtXml = 35,
    Array = 128
}
/** A FILETIME split exactly: whole seconds since 1601-01-01 and the 100 ns remainder. */
export interface FileTime {
    readonly secs: number;
    readonly frac: number;
}
/** A SYSTEMTIME as stored (libevtx-format.asciidoc, "Systemtime"). */
export interface SysTime {
    readonly y: number;
    readonly mo: number;
    readonly d: number;
    readonly h: number;
    readonly mi: number;
    readonly s: number;
    readonly ms: number;
}
/**
 * A decoded scalar: string (strings, GUID text, SID, hex integers, binary as hex), number,
 * boolean, FileTime or SysTime. Arrays are JS arrays of scalars.
 */
export type Scalar = string | number | bigint | boolean | FileTime | SysTime;
/**
 * UTF-16LE to string. Very short strings are built with String.fromCharCode; the rest go through
 * Buffer's native UCS-2 slice, which is several times cheaper than TextDecoder for the short
 * values EVTX is full of (surrogate pairs pass through unchanged, as in UTF-16).
 */
export declare function decodeUtf16(buf: Uint8Array, start: number, end: number): string;
/** UTF-16 up to the first NUL unit (how Windows and evtx_dump read substitution strings). */
export declare function decodeUtf16Z(buf: Uint8Array, start: number, end: number): string;
export declare function hexUpper(buf: Uint8Array, start: number, end: number): string;
/** GUID text in evtx_dump form: upper-case, no braces (data1-3 little-endian). */
export declare function guidText(buf: Uint8Array, p: number): string;
/** SID text `S-R-A-S1-..` (MS-DTYP 2.4.2.1); a truncated SID shows the parts that are there. */
export declare function sidText(buf: Uint8Array, p: number, end: number): string;
export declare function fileTimeAt(buf: Uint8Array, p: number): FileTime;
export declare function fileTimeMs(ft: FileTime): number;
/** evtx_dump form: microseconds. */
export declare function fileTimeJson(ft: FileTime): string;
/** Windows form: 100 ns. */
export declare function fileTimeXml(ft: FileTime): string;
export declare function isFileTime(v: unknown): v is FileTime;
export declare function isSysTime(v: unknown): v is SysTime;
export declare function sysTimeMs(t: SysTime): number;
/** Decode one scalar of type `t` stored in [p, end). Returns undefined when the size is wrong. */
export declare function decodeScalar(t: number, buf: Uint8Array, p: number, end: number): Scalar | undefined;
/** Decode an array value (type | 0x80): strings are NUL-terminated, the rest fixed-width. */
export declare function decodeArray(t: number, buf: Uint8Array, p: number, end: number): Scalar[] | undefined;
/** Text of a scalar for JSON (evtx_dump) output. */
export declare function scalarJsonText(t: number, v: Scalar): string;
/** Text of a scalar for Windows-style XML output. */
export declare function scalarXmlText(t: number, v: Scalar): string;
/** JSON-native form evtx_dump uses when an element's content is one value of this type. */
export declare function isJsonNumberType(t: number): boolean;
