import type { EventDetector } from '../../analytics/types.js';
import type { Entity, Event, Finding } from '../../model/index.js';
import { type LogsourceMap } from './logsource-map.js';
import { MatchContext } from './match-context.js';
import type { SigmaRule } from './rule.js';
export interface SigmaDetectorOptions {
    /** the log source map; the built-in `logsources.yaml` when absent */
    logsources?: LogsourceMap;
    /** rules are prefiltered by literals only in plans with at least this many rules (default 8) */
    prefilterMin?: number;
    /** turn the literal prefilter off (for the benchmark's comparison) */
    prefilter?: boolean;
}
/** Entities of a matched event (DESIGN.md "Entity"), read through the source's aliases. */
export declare function entitiesOf(ctx: MatchContext): Entity[];
export declare class SigmaDetector implements EventDetector {
    readonly name = "sigma";
    readonly rules: readonly SigmaRule[];
    /** rules whose log source is not in the map: they never run */
    readonly unmapped: readonly SigmaRule[];
    private readonly prefilterMin;
    private readonly usePrefilter;
    private readonly byKind;
    /** lower-case channel or '*' -> event id or -1 (any) -> slots */
    private readonly byChannel;
    private readonly plans;
    /** groups by their slot list: events of another kind with the same rules share automata */
    private readonly groups;
    private slotCount;
    private readonly channelLower;
    private readonly ctx;
    /** events seen and rule evaluations run, for the benchmark */
    readonly stats: {
        events: number;
        evaluations: number;
        matches: number;
    };
    constructor(rules: readonly SigmaRule[], opts?: SigmaDetectorOptions);
    /** The rules an event of this kind/channel/event id is checked against, in rule order. */
    rulesFor(event: Event): SigmaRule[];
    private planFor;
    private buildPlan;
    private buildGroup;
    /** Runs the rules over a batch, appending one finding per (rule, event) match. */
    detect(events: readonly Event[], out: Finding[]): void;
    private finding;
}
