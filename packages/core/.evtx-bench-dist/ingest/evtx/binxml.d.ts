/**
 * Binary XML (libevtx-format.asciidoc, "Binary XML"): the token stream of templates and records,
 * parsed into small node trees, and template instances resolved into concrete element trees.
 *
 * Templates are chunk-scoped (a template instance names its definition by chunk offset), so each
 * chunk keeps its own cache of parsed template bodies and names. Every read is bounds-checked and
 * every recursion is depth-limited: a damaged record throws `BinXmlError`, never loops.
 */
import { type Scalar } from './values.js';
export declare const K_ELEM = 0;
export declare const K_TEXT = 1;
export declare const K_SUBST = 2;
export declare const K_CHARREF = 3;
export declare const K_ENTITY = 4;
export declare const K_CDATA = 5;
export declare const K_PI = 6;
export declare const K_TEMPLATE = 7;
export declare const K_VALUE = 8;
export interface XElem {
    k: 0;
    name: string;
    attrs: XAttr[];
    children: XNode[];
    /** memo: no substitution or template instance below (resolution can share the node) */
    fixed?: boolean;
    /** memo: the attribute values hold no substitution (resolution can share `attrs`) */
    fixedAttrs?: boolean;
}
export interface XAttr {
    name: string;
    value: XNode[];
}
export interface XText {
    k: 1;
    s: string;
}
export interface XSubst {
    k: 2;
    /** substitution index into the template instance's values */
    i: number;
    optional: boolean;
    /** declared value type */
    t: number;
}
export interface XCharRef {
    k: 3;
    c: number;
}
export interface XEntity {
    k: 4;
    n: string;
}
export interface XCData {
    k: 5;
    s: string;
}
export interface XPI {
    k: 6;
    target: string;
    data: string;
}
export interface XTemplate {
    k: 7;
    body: XNode[];
    vals: Values;
}
export interface XValue {
    k: 8;
    /** value type (0x80 set for arrays) */
    t: number;
    v: Scalar | Scalar[] | null;
}
export type XNode = XElem | XText | XSubst | XCharRef | XEntity | XCData | XPI | XTemplate | XValue;
/** The substitution values of one template instance: positions in the chunk buffer. */
export interface Values {
    buf: Uint8Array;
    /** per value: type, start and end offsets in `buf`, flattened (3 numbers per value) */
    desc: number[];
    count: number;
}
export declare class BinXmlError extends Error {
    readonly offset: number;
    constructor(message: string, offset: number);
}
/** Bounds of one template's parsed body, cached per chunk by definition offset. */
interface TemplateDef {
    body: XNode[];
}
/**
 * Parsing state for one 64 KiB chunk: the chunk bytes, and caches of names and templates keyed
 * by chunk offset (the common string and template tables of the chunk header are such offsets).
 */
export declare class ChunkContext {
    readonly buf: Uint8Array;
    readonly names: Map<number, string>;
    readonly templates: Map<number, TemplateDef | null>;
    /** record-scoped nesting budget (embedded BinXML can nest template instances) */
    depth: number;
    /** set when a record names a template offset that does not hold a template definition */
    missingTemplate: boolean;
    constructor(buf: Uint8Array);
    private u16;
    private u32;
    private need;
    /** Name structure (libevtx-format.asciidoc, "Name"): unknown u32, hash u16, count u16, UTF-16, NUL. */
    private nameAt;
    /** Reads a name reference at p (a u32 chunk offset; the name may follow inline). Returns the new p. */
    private readName;
    /**
     * Element start (libevtx-format.asciidoc, "Element start"). The dependency identifier is
     * present in chunk templates but omitted in some embedded BinXML (value type 0x21); we take
     * the layout whose name offset is plausible (inline or earlier in the chunk).
     */
    private elementHeaderLayout;
    /**
     * Parses a token stream from p up to `end` (a fragment: fragment headers, elements, template
     * instances, PIs) until EOF or `end`. Returns the nodes and the position after the stream.
     */
    parseFragment(p: number, end: number, out: XNode[]): number;
    private parsePI;
    private parseElement;
    /**
     * Content (libevtx-format.asciidoc, "Content"): value text, substitutions, character and entity
     * references, CDATA, PIs, child elements. For an attribute value, only value-like tokens; the
     * value ends at the next structural token.
     */
    private parseContent;
    /** Template instance (libevtx-format.asciidoc, "Template instance", "Template instance data"). */
    private parseTemplateInstance;
    /** The parsed body of the template defined at chunk offset `o` (cached), or null if damaged. */
    templateAt(o: number): TemplateDef | null;
    /** Parses a record's BinXML [p, end) and resolves it into concrete nodes. */
    parseRecord(p: number, end: number): XNode[];
    /** Parses embedded BinXML (value type 0x21) into raw nodes. */
    parseEmbedded(p: number, end: number): XNode[];
}
export {};
