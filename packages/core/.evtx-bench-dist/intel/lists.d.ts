import { type Indicator, type IndicatorImport } from './indicator.js';
export interface ListImportOptions {
    file?: string;
    source?: string;
    /** actors linked to every indicator of the list */
    actors?: string[];
    tlp?: Indicator['tlp'];
    confidence?: number;
}
export declare function importPlainList(text: string, opts?: ListImportOptions): IndicatorImport;
/** RFC 4180 record splitter (quoted fields with "" escapes and embedded newlines). */
export declare function parseCsv(text: string): string[][];
export declare function importCsv(text: string, opts?: ListImportOptions): IndicatorImport;
/** Reads a STIX 2.1 bundle (`.json`), a CSV (`.csv`) or a plain list (anything else). */
export declare function loadIndicatorFile(path: string, opts?: ListImportOptions): Promise<IndicatorImport>;
