import { type Correlator } from './correlation.js';
import { type LogsourceMap } from './logsource-map.js';
import { type SigmaLogsource, type SigmaRule } from './rule.js';
export interface LoadOptions {
    /** values for `%name%` placeholders of rules using `|expand` */
    placeholders?: Readonly<Record<string, readonly string[]>>;
    /** a log source map (object or file path); the built-in one when absent */
    logsources?: LogsourceMap | string;
}
export interface RejectedRule {
    file: string;
    /** line of the YAML document in the file (multi-document files) */
    line?: number;
    id?: string;
    title?: string;
    reason: string;
}
export interface LoadWarning {
    /** what it is about: a log source with no mapping, a filter, a taxonomy, a rule status */
    kind: 'logsource' | 'filter' | 'taxonomy' | 'status';
    file: string;
    line?: number;
    id?: string;
    title?: string;
    message: string;
}
export interface LoadedFilter {
    id?: string;
    title: string;
    file: string;
    logsource: SigmaLogsource;
    /** the rule ids it was applied to */
    appliedTo: string[];
}
export interface LoadResult {
    rules: SigmaRule[];
    filters: LoadedFilter[];
    /** built when at least one correlation rule loaded */
    correlator?: Correlator;
    rejected: RejectedRule[];
    warnings: LoadWarning[];
    /** the log source map the rules were checked against (pass it on to SigmaDetector) */
    logsources: LogsourceMap;
    /** files read and YAML documents seen */
    files: number;
    documents: number;
}
/** Lists the rule files under the given files and folders, sorted, without duplicates. */
export declare function listRuleFiles(paths: readonly string[]): string[];
/**
 * Loads every rule, filter and correlation under `paths`. Throws HaechiError('input') only when a
 * path cannot be read at all; problems with individual documents go to `rejected`.
 */
export declare function loadRules(paths: readonly string[], opts?: LoadOptions): LoadResult;
/** `file` relative to `base` when inside it, for short messages. */
export declare function shortPath(file: string, base?: string): string;
