import type { SigmaLogsource } from './rule.js';
/** One way of producing events of a log source. All given conditions must hold. */
export interface LogsourceSource {
    /** lower-cased channel names; ['*'] = any event that has a Channel */
    channels?: string[];
    eventIds?: number[];
    kinds?: string[];
    /** other fields: lower-cased accepted values */
    where?: Record<string, string[]>;
    /** rule field name -> event field name */
    fields?: Record<string, string>;
}
export interface LogsourceEntry {
    product?: string;
    category?: string;
    service?: string;
    sources: LogsourceSource[];
}
export declare function logsourceKey(ls: SigmaLogsource): string;
export declare function describeLogsource(ls: SigmaLogsource): string;
export declare class LogsourceMap {
    readonly entries: readonly LogsourceEntry[];
    readonly file: string;
    private byKey;
    constructor(entries: LogsourceEntry[], file: string);
    /** The entry for exactly this product/category/service, or undefined (unmapped). */
    lookup(ls: SigmaLogsource): LogsourceEntry | undefined;
}
/** Parses and validates a log source map. Errors are HaechiError('config') naming file and entry. */
export declare function parseLogsourceMap(text: string, file: string): LogsourceMap;
/** Loads a log source map from `file`, or the built-in one (cached) when no file is given. */
export declare function loadLogsourceMap(file?: string): LogsourceMap;
