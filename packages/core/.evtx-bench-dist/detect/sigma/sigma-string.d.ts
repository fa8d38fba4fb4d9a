/**
 * Sigma string values: parsing of wildcards and escapes, and compilation of the resulting pattern
 * into the cheapest matcher that implements it.
 *
 * Sigma rules specification v2.1.0, "String Wildcard" and "Escape Character":
 * - `*` matches any run of characters (also empty), `?` exactly one character;
 * - `\*` and `\?` are a plain `*` / `?`; `\\` is one plain backslash; a backslash followed by
 *   anything else is a plain backslash. So `\\*` is a backslash then a wildcard, `\\\*` a backslash
 *   then a plain `*`, and three or four backslashes make two plain ones.
 * - "Placeholders": with the `expand` modifier, `%name%` is a placeholder and `\%` a plain `%`.
 */
/** One element of a parsed Sigma string. */
export type Token = {
    t: 'lit';
    v: string;
} | {
    t: 'star';
} | {
    t: 'one';
}
/** one character out of `chars` (the `windash` modifier) */
 | {
    t: 'class';
    chars: string;
}
/** a `%name%` placeholder, replaced by the `expand` modifier */
 | {
    t: 'ph';
    name: string;
};
export declare const STAR: Token;
export declare const ONE: Token;
/** Parses a rule value into tokens. `placeholders` turns on `%name%` recognition (expand). */
export declare function parseSigmaString(raw: string, placeholders?: boolean): Token[];
/** Merges adjacent literals and collapses runs of stars (`**` is `*`). */
export declare function normalizeTokens(tokens: readonly Token[]): Token[];
export declare function hasWildcards(tokens: readonly Token[]): boolean;
/** The plain text of tokens that hold only literals (callers check `hasWildcards` first). */
export declare function tokensText(tokens: readonly Token[]): string;
/** Renders tokens back to Sigma notation, for messages. */
export declare function renderTokens(tokens: readonly Token[]): string;
/** A test over one (already case-folded when the matcher is case-insensitive) string. */
export type StringTest = (s: string) => boolean;
export interface CompiledPattern {
    test: StringTest;
    /**
     * Literal substrings of which at least one must occur in any matching value, case-folded like
     * the input of `test`. Undefined when no such literal exists (e.g. `*` or `?`). Used by the
     * literal prefilter.
     */
    required?: string[];
    /** how the pattern was compiled: eq, eq-set, prefix, suffix, contains, contains-set, any, empty, regex, any-of */
    kind: string;
}
/**
 * Compiles normalized tokens to a test. `fold` lower-cases the literals: the caller lower-cases the
 * event value once, so case-insensitive matching costs nothing per rule.
 */
export declare function compilePattern(input: readonly Token[], fold: boolean): CompiledPattern;
/** OR of several patterns; the required literals are the union (each alternative needs one). */
export declare function anyOf(parts: CompiledPattern[]): CompiledPattern;
