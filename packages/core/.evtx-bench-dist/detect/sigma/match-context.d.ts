/**
 * The view of one event that compiled rules read. Field values are converted to strings and
 * case-folded at most once per event (whatever the number of rules that look at them), and
 * per-logsource field aliases (Security 4688 `NewProcessName` read as `Image`) are applied here.
 */
/** A field value as matchers see it: absent/null, one string, or several (arrays). */
export type FieldText = string | string[] | null;
export declare class MatchContext {
    fields: Readonly<Record<string, unknown>>;
    /** rule field name -> event field name, for the log source variant being evaluated */
    aliases: Readonly<Record<string, string>> | undefined;
    private raw;
    private lower;
    private allValues;
    /** Points the context at a new event and forgets the previous event's cached values. */
    reset(fields: Readonly<Record<string, unknown>>): this;
    /** The event field a rule's field name reads, after aliases. */
    resolve(name: string): string;
    /** The raw value (no conversion); dotted names also reach into nested objects. */
    value(name: string): unknown;
    has(name: string): boolean;
    text(name: string): FieldText;
    folded(name: string): FieldText;
    /** Every field value as text, for keyword (field-less) searches. */
    values(): string[];
}
