/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF, a header row) for the
 * register and directory files. Rows carry their 1-based line number so errors can point at them.
 */
export interface CsvRow {
    line: number;
    values: Record<string, string>;
}
export declare function parseCsv(text: string, file: string): {
    header: string[];
    rows: CsvRow[];
};
/** `a;b; c` to `['a','b','c']` (the directory export's and register's list separator) */
export declare function splitList(s: string | undefined): string[];
