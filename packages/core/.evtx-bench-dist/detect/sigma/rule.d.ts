import { type Severity } from '../../model/index.js';
import { type CompiledTest, type FieldCompileOptions, type PrefilterAtom, type Test } from './field-entry.js';
export interface SigmaLogsource {
    product?: string;
    category?: string;
    service?: string;
}
export interface CompileOptions extends FieldCompileOptions {
    /** the file the rule came from, for messages and the derived id of rules without one */
    file?: string;
}
/** A compiled detection rule. */
export interface SigmaRule {
    /** the rule's `id`; rules without one get `sha1:<hash of file and title>` */
    id: string;
    /** the rule's `name` (referenced by correlations and filters) */
    name?: string;
    title: string;
    /** `level`, 'medium' when absent */
    level: Severity;
    status?: string;
    description?: string;
    author?: string;
    references: string[];
    falsepositives: string[];
    tags: string[];
    /** ATT&CK technique ids from the tags (`attack.t1059.001` -> `T1059.001`) */
    attack: string[];
    logsource: SigmaLogsource;
    /** the taxonomy named by the rule ('sigma' when absent) */
    taxonomy: string;
    file: string;
    /** the condition, as written */
    condition: string[];
    /** true when the event view matches the detection (after meta filters) */
    match: Test;
    /**
     * A necessary condition for `match` (OR of "field contains literal"), used by the detector's
     * literal prefilter; undefined when the rule has none (keywords, negations, regexes...).
     */
    prefilter?: PrefilterAtom[];
    /** the rule can only match events with one of these EventIDs (undefined: any) */
    eventIds?: number[];
    /** ids of the meta filters applied to this rule */
    filters: string[];
    /** the parsed YAML document */
    doc: Readonly<Record<string, unknown>>;
}
/** `attack.t1059.001` -> `T1059.001`; other tags are ignored. Sorted, unique. */
export declare function attackFromTags(tags: readonly string[]): string[];
/** AND of EventID constraints: the intersection (undefined children do not constrain). */
export declare function intersectIds(children: (number[] | undefined)[]): number[] | undefined;
/** OR of EventID constraints: the union, only when every branch is constrained. */
export declare function unionIds(children: (number[] | undefined)[]): number[] | undefined;
/** AND: any one child's necessary condition is necessary for the whole; pick the best. */
export declare function bestOf(children: (PrefilterAtom[] | undefined)[]): PrefilterAtom[] | undefined;
/** OR: every branch needs its own condition; the union is necessary. */
export declare function unionOf(children: (PrefilterAtom[] | undefined)[]): PrefilterAtom[] | undefined;
/** A search identifier: a map (AND), a list of maps (OR), or a keyword list ("Lists", "Maps"). */
export declare function compileSearchIdentifier(name: string, value: unknown, opts: CompileOptions): CompiledTest;
/** The `%name%` placeholders of `|expand` values that `placeholders` has no value for, sorted. */
export declare function missingPlaceholders(detection: Record<string, unknown>, placeholders: FieldCompileOptions['placeholders']): string[];
/** Compiles a `detection` section (identifiers and condition). Shared by rules and meta filters. */
export declare function compileDetection(detection: Record<string, unknown>, condition: unknown, opts: CompileOptions): {
    match: Test;
    prefilter?: PrefilterAtom[];
    eventIds?: number[];
    condition: string[];
};
export declare function derivedRuleId(file: string, title: string): string;
/**
 * Compiles one detection rule document. Throws HaechiError('rule') with a reason that names the
 * construct (`unknown modifier 'foo' in field 'CommandLine|foo'`, `condition: unknown identifier
 * 'sel2'`, `placeholder %Admins% has no value ...`).
 */
export declare function compileRule(doc: Record<string, unknown>, opts?: CompileOptions): SigmaRule;
