export interface ExposureMatch {
    /** lowercase account key */
    account: string;
    email: string;
    match: 'exact' | 'variant';
    against: 'current' | 'history';
}
export interface ExposureSummary {
    lines: number;
    /** lines whose address belongs to an employee */
    linked: number;
    /** linked lines given as plaintext (variants checked) */
    plaintext: number;
    /** linked lines given as an NT hash (exact reuse only) */
    ntHashes: number;
    /** linked lines given as SHA-1, which cannot be compared with NT hashes */
    sha1Hashes: number;
    malformed: number;
    matches: ExposureMatch[];
}
export interface LinkedTarget {
    key: string;
    current?: string;
    history: string[];
}
/**
 * Calls `visit` with every simple variant of `password` (itself first), as the root part and the
 * ending (so the caller can hash them without joining strings); stops when it returns true. Returns the number of candidates visited. A root of fewer than three letters is too
 * weak to call a variant "the same password", so only the exact password is tried.
 */
export declare function forEachVariant(password: string, visit: (head: string, tail: string) => boolean): number;
/**
 * Reads exposure lines, comparing each linked one with its accounts at once. `linkOf(email)` gives
 * the accounts that list that personal address.
 */
export declare function checkExposures(lines: Iterable<string>, linkOf: (email: string) => LinkedTarget[] | undefined, opts?: {
    file?: string;
    onProblem?: (p: {
        file: string;
        line: number;
        reason: string;
    }) => void;
}): ExposureSummary;
/**
 * The lines of a file, read 4 MB at a time: combo lists run to gigabytes, and only the lines of
 * employees' addresses matter, so the file is never held whole.
 */
export declare function fileLines(path: string): Generator<string>;
/** Splits text into lines lazily. */
export declare function textLines(text: string): Generator<string>;
export declare function assertNotEmpty(sum: ExposureSummary, file: string): void;
