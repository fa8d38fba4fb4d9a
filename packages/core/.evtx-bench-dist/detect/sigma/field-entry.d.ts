import type { MatchContext } from './match-context.js';
/** A necessary condition: the (case-folded) text of `field` contains one of `literals`. */
export interface PrefilterAtom {
    /** the rule's field name (aliases are applied by the index), or '*' for any value */
    field: string;
    literals: string[];
}
export type Test = (ctx: MatchContext) => boolean;
export interface CompiledTest {
    test: Test;
    /** OR of atoms: if none holds, the test cannot be true. Undefined: no cheap necessary condition. */
    prefilter?: PrefilterAtom[];
    /** the test can only hold for events whose EventID is one of these (used by the index) */
    eventIds?: number[];
}
export interface FieldCompileOptions {
    /** values for `%name%` placeholders (the `expand` modifier) */
    placeholders?: Readonly<Record<string, readonly string[]>>;
}
export declare const KNOWN_MODIFIERS: ReadonlySet<string>;
/** The dash characters of the `windash` modifier (modifiers appendix, "String Modifiers"). */
export declare const WINDASH_CHARS = "-/\u2013\u2014\u2015";
/** Parses a date value for the time modifiers. Strings without a zone are taken as UTC. */
export declare function parseDateValue(s: string): Date | undefined;
/**
 * Compiles a `re` value. Sigma's flavour is a PCRE subset (modifiers appendix, "Regular
 * Expression"); JavaScript lacks leading inline flags such as `(?i)`, which SigmaHQ rules use, so
 * they become RegExp flags; `(?P<name>` becomes `(?<name>`.
 */
export declare function compileRegex(src: string, flags: string, key: string): RegExp;
/**
 * A literal that every match of a regular expression contains, or undefined. Conservative: only
 * a top-level concatenation (no `|` outside groups) is read; groups, classes, escapes that are not
 * plain characters, `.` and anchors end a run; a character made optional by `?`, `*` or `{0`
 * is dropped. The literal is case-folded (the prefilter reads folded text).
 */
export declare function regexRequiredLiteral(src: string): string | undefined;
/**
 * Compiles `key: value` from a detection map. `key` is `field|mods...` or, for keyword searches,
 * `''`/`|mods`. Throws HaechiError('rule') naming the construct on anything it cannot honour.
 */
export declare function compileFieldEntry(key: string, value: unknown, opts?: FieldCompileOptions): CompiledTest;
