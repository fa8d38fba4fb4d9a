/**
 * Stateful analytics (DESIGN.md: detectors over the merged stream). `wants` runs where events are
 * read (possibly in a worker thread), so only the events an analytic needs travel to it; `feed`
 * and `finish` run once, in the main thread.
 */
import type { Event, Finding } from '../model/index.js';
export interface Analytic {
    readonly name: string;
    /** cheap test: should this event be sent to `feed`? */
    wants(event: Event): boolean;
    /** events this analytic wanted, in batches; time order is not guaranteed across inputs */
    feed(events: readonly Event[]): void;
    /** after all input is read: the findings, deterministic order */
    finish(): Finding[];
}
/** A stateless per-event detector (Sigma, indicators). Runs where events are read. */
export interface EventDetector {
    readonly name: string;
    /** append findings for these events to `out` */
    detect(events: readonly Event[], out: Finding[]): void;
}
