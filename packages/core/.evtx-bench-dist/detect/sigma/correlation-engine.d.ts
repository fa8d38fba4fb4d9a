import type { Finding } from '../../model/index.js';
import { type CorrelationDefinition } from './correlation-parse.js';
/** A loaded detection rule as buildCorrelator sees it (`file` helps to resolve duplicate names). */
export interface CorrelationRuleRef {
    id: string;
    name?: string;
    title: string;
    file?: string;
}
export interface CorrelationRejection {
    file: string;
    id?: string;
    title?: string;
    reason: string;
}
export type Target = {
    kind: 'rule';
    id: string;
} | {
    kind: 'corr';
    index: number;
};
/** @internal a correlation ready to run */
export interface CompiledNode {
    def: CorrelationDefinition;
    id: string;
    title: string;
    /** per entry of `rules`: what it resolved to */
    targets: Target[];
    /** indices (into the topological node list) of referenced correlations */
    upstream: number[];
    /** per entry of `rules`: the event field read for each group-by name (aliases applied) */
    groupFields: string[][];
    /** per entry of `rules`: the event fields of `condition.field` (aliases applied) */
    valueFields: string[][] | undefined;
    mode: 'sliding' | 'window';
    attack: string[];
    suppressed: boolean;
    /** downstream consumers of this node's findings: node index and position in its `rules` */
    consumers: {
        node: number;
        ref: number;
    }[];
}
export declare function buildCorrelator(defs: readonly CorrelationDefinition[], rules: readonly CorrelationRuleRef[]): {
    correlator: Correlator;
    rejected: CorrelationRejection[];
};
export interface CorrelationInfo {
    id: string;
    title: string;
    type: CorrelationDefinition['type'];
    file: string;
    /** its findings are not reported because a correlation chains it without `generate: true` */
    suppressed: boolean;
}
export declare class Correlator {
    /** Detection rule ids that some correlation references: feed their findings to `process`. */
    readonly inputRuleIds: ReadonlySet<string>;
    /**
     * Referenced detection rule ids whose own findings should not be reported: the spec's "Generate"
     * defaults to generating only the correlation. A rule stays reported when any correlation that
     * references it sets `generate: true`.
     */
    readonly suppressedRuleIds: ReadonlySet<string>;
    /** The loaded correlations, referenced ones before those that chain them. */
    readonly correlations: readonly CorrelationInfo[];
    /** @internal */
    readonly nodes: readonly CompiledNode[];
    /** @internal detection rule id -> (node, position in its rules) */
    readonly byRule: ReadonlyMap<string, readonly {
        node: number;
        ref: number;
    }[]>;
    private defaultSession;
    /** @internal use buildCorrelator */
    constructor(nodes: CompiledNode[], inputRuleIds: Set<string>, suppressedRuleIds: Set<string>);
    get size(): number;
    /**
     * Runs every correlation over base findings sorted by time (the caller sorts) and returns the
     * reported correlation findings sorted by time, then rule id, then id. Findings of rules no
     * correlation references are ignored. Each call starts from a clean state.
     */
    process(findings: readonly Finding[]): Finding[];
    /** A fresh incremental evaluation: `push` findings in time order, then `flush` once. */
    session(): CorrelationSession;
    /** Incremental API on a default session (see `session()`). */
    push(finding: Finding): Finding[];
    /** Ends the default session: evaluates the open windows and returns their findings. */
    flush(observedUntil?: number): Finding[];
}
export declare function compareFindings(a: Finding, b: Finding): number;
/** Counters of what a session did, for the hunt summary and for tests. */
export interface CorrelationStats {
    /** base findings of referenced rules taken in */
    inputs: number;
    /** inputs left out because their event lacks a group-by or value field */
    missingField: number;
    /** correlation findings produced (reported or not) */
    fired: number;
    /** groups currently held in memory */
    openGroups: number;
}
export declare class CorrelationSession {
    private readonly c;
    private readonly states;
    private now;
    private seq;
    private out;
    private done;
    readonly stats: CorrelationStats;
    constructor(c: Correlator);
    /**
     * Takes one base finding (in time order) and returns the correlation findings it completed.
     * Findings of windowed correlations (see the module comment) come out once stream time has
     * passed their window, so the stream of returned findings is not strictly time-ordered.
     */
    push(finding: Finding): Finding[];
    /** Tells the session that the stream has reached `time` (closes windows that ended before). */
    advance(time: number): Finding[];
    /**
     * Ends the stream: evaluates every open window. Windows reaching past `observedUntil` (default:
     * the latest time pushed) were not fully observed; their findings say `details.partial: true`.
     */
    flush(observedUntil?: number): Finding[];
    private observedUntil;
    private take;
    /**
     * Runs the nodes in topological order. A node consumes its queued inputs up to a watermark: the
     * stream time, lowered to what its upstream correlations may still emit, so that chained
     * correlations see their inputs in time order.
     */
    private pump;
    /** The oldest open window or episode: entries closed out of order are dropped from the front. */
    private openHead;
    private consume;
    /** Sliding window ending at the current event; fires as soon as the lower bound is reached. */
    private slide;
    /** Emits the finding of an episode, with the aggregate over all of its events. */
    private closeEpisode;
    private account;
    private unaccount;
    /** Evaluates a finished window `[start, start + timespan]` of one group. */
    private closeWindow;
    private emit;
}
