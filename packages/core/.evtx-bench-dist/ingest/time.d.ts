/**
 * Timestamp parsing shared by the readers. Strict on purpose: a value that is not a real date is
 * rejected (the caller reports the record) instead of becoming NaN or a silently shifted time.
 */
export interface ParsedTime {
    /** epoch ms UTC */
    ms: number;
    /** false when the text carried no zone and `defaultOffsetMinutes` (or UTC) was assumed */
    zoned: boolean;
}
/**
 * Parses a date-time string. Without a zone in the text, the time is taken as local time at
 * `defaultOffsetMinutes` east of UTC (0 = UTC). Returns undefined for anything that is not a valid
 * calendar date and time.
 */
export declare function parseTimestamp(text: string, defaultOffsetMinutes?: number): ParsedTime | undefined;
/**
 * A time zone setting as minutes east of UTC: `UTC`, `Z`, `+09:00`, `-0400`. IANA names are not
 * accepted here because their offset changes with the date (use a fixed offset for the period).
 */
export declare function parseUtcOffset(text: string): number | undefined;
/** Epoch ms from a JSON number: milliseconds, or seconds when it is too small to be ms after 1973. */
export declare function epochFromNumber(n: number): number | undefined;
