export type CorpusAlgorithm = 'ntlm' | 'sha1';
export type CorpusFormat = 'auto' | 'hash' | 'wordlist';
/** The first 64 bits of a hash given as hex, as two big-endian u32s, or undefined. */
export declare function hexKey(hex: string): {
    hi: number;
    lo: number;
} | undefined;
/** The key of an NT hash computed by `ntHashWords` (little-endian MD4 words). */
export declare function ntWordsKey(w: Uint32Array): {
    hi: number;
    lo: number;
};
export interface BuildProgress {
    lines: number;
    file: string;
}
export interface BuildOptions {
    /** 'auto' (default) sniffs: HASH[:COUNT] lines are a hash corpus, anything else a wordlist */
    format?: CorpusFormat;
    onProgress?: (p: BuildProgress) => void;
    /** a malformed line in a hash corpus is reported here and skipped */
    onProblem?: (p: {
        file: string;
        line: number;
        reason: string;
    }) => void;
}
export interface BuildResult {
    algorithm: CorpusAlgorithm;
    format: 'hash' | 'wordlist';
    lines: number;
    entries: number;
    skipped: number;
    /** true when a hash corpus was not in order and had to be sorted */
    sorted: boolean;
    prefixBits: number;
}
/**
 * Converts a corpus (file, or folder of prefix files) into an index at `out`. Returns what was
 * read. The output is written to `out` directly; on failure it is removed.
 */
export declare function buildCorpusIndex(input: string, out: string, opts?: BuildOptions): BuildResult;
export interface CorpusIndex {
    readonly path: string;
    readonly algorithm: CorpusAlgorithm;
    readonly entries: number;
    /** bits of each hash the index keeps (P + 40) */
    readonly bits: number;
    /** corpus count of one hash (hex), 0 when absent */
    lookupHex(hex: string): number;
    /** counts for many keys at once (first 64 bits of each hash as big-endian hi/lo) */
    lookupMany(hi: Uint32Array, lo: Uint32Array): Uint32Array;
    close(): void;
}
/** Is this file a corpus index (by its magic)? */
export declare function isCorpusIndex(path: string): boolean;
export declare function openCorpusIndex(path: string): CorpusIndex;
