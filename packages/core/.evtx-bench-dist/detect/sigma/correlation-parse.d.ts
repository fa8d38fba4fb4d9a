import { type Severity } from '../../model/index.js';
/** "Correlation type" and the v2.1 metric types ("Value Sum", "Value Average", "Value Percentile"). */
export declare const CORRELATION_TYPES: readonly ["event_count", "value_count", "temporal", "temporal_ordered", "value_sum", "value_avg", "value_percentile"];
export type CorrelationType = (typeof CORRELATION_TYPES)[number];
/** The condition operators of the spec's "Condition" section (`neq` since v2.1). */
export declare const CONDITION_OPERATORS: readonly ["gt", "gte", "lt", "lte", "eq", "neq"];
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];
/**
 * A correlation condition: one or more operators joined by AND (the spec's range form `gt: 100`
 * with `lte: 200`), an optional `field` (value_* types) and, as pySigma's extension for
 * value_percentile, an optional `percentile` rank.
 */
export interface CorrelationCondition {
    ops: Partial<Record<ConditionOperator, number>>;
    /** value_count may name several fields (their values are joined by AND: tuples are counted). */
    field?: string[];
    /** pySigma extension: compare the value at this percentile (0-100) of a numeric field. */
    percentile?: number;
}
export interface CorrelationDefinition {
    file: string;
    /** `id` when the document has one; otherwise undefined (buildCorrelator derives a stable one). */
    id?: string;
    name?: string;
    title: string;
    type: CorrelationType;
    /** `correlation.rules` as written: ids or names of detection rules or other correlations. */
    rules: string[];
    /** empty when the document has no `group-by` (one group for all events). */
    groupBy: string[];
    timespan: string;
    timespanMs: number;
    condition: CorrelationCondition;
    /**
     * `aliases`: alias name -> (rule name or id -> field name in that rule's events). buildCorrelator
     * checks that each rule named here is one of `rules` (by id or name, once resolved).
     */
    aliases: Record<string, Record<string, string>>;
    /** "Generate": whether the referenced rules also report on their own (default false). */
    generate: boolean;
    level?: Severity;
    tags: string[];
    status?: string;
    description?: string;
}
/** `5m` -> 300000; undefined when the text is not a duration in the spec's `number + letter` form. */
export declare function parseTimespan(text: unknown): number | undefined;
export declare function isCorrelationDocument(doc: unknown): boolean;
/** Validates one YAML document whose top level has `correlation:`. */
export declare function parseCorrelationDocument(doc: Record<string, unknown>, file: string): CorrelationDefinition;
/** True when every operator is a lower bound: the aggregate only needs to reach it. */
export declare function isLowerBoundOnly(cond: CorrelationCondition): boolean;
export declare function conditionHolds(cond: CorrelationCondition, value: number): boolean;
/** `gte 10`, `gt 100 and lte 200`: for messages and finding details. */
export declare function describeCondition(cond: CorrelationCondition): string;
