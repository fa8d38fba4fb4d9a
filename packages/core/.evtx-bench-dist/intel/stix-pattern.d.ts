/**
 * A parser for the STIX 2.1 patterning language (STIX 2.1 Part 5 / §9 "STIX Patterning"), reduced to
 * what indicator matching needs: the comparison atoms over observables haechi matches, combined
 * with AND/OR. Qualifiers (WITHIN, START/STOP, REPEATS) and FOLLOWEDBY are parsed and reported as
 * not enforced; comparisons haechi cannot match (LIKE, MATCHES, !=, <, >, unsupported object
 * paths) are reported, never dropped silently.
 */
export type Literal = string | number | boolean | string[];
export interface Comparison {
    kind: 'cmp';
    /** object type, e.g. `ipv4-addr` */
    object: string;
    /** property path after the colon, with quoted steps unquoted: `hashes.SHA-256` */
    path: string;
    op: string;
    negated: boolean;
    value: Literal;
}
export interface BoolExpr {
    kind: 'and' | 'or';
    items: PatternExpr[];
}
export type PatternExpr = Comparison | BoolExpr;
export interface ParsedPattern {
    expr: PatternExpr;
    /** qualifiers and operators that were parsed but are not enforced by matching */
    ignored: string[];
}
export declare class PatternError extends Error {
    readonly offset: number;
    constructor(message: string, offset: number);
}
export declare function parseStixPattern(pattern: string): ParsedPattern;
/**
 * Disjunctive normal form: a list of alternatives, each a list of comparisons that must all hold.
 * Capped, because a product of ORs can explode; beyond the cap the caller reports the pattern.
 */
export declare function toDnf(e: PatternExpr, cap?: number): Comparison[][] | undefined;
