import type { Event, Finding } from '../../model/index.js';
import type { Analytic } from '../types.js';
export declare function readNetworkLogs(...paths: string[]): Promise<Event[]>;
export interface ConnSpec {
    time: number;
    src: string;
    dst: string;
    dport: number;
    sport?: number;
    proto?: string;
    duration?: number;
    origBytes?: number;
    respBytes?: number;
    state?: string;
    service?: string;
    uid?: string;
}
/** A Zeek conn event as the TSV reader produces it. */
export declare function connEvent(c: ConnSpec, uri?: string): Event;
/** Feed events (in batches, as hunt does) to the analytic and return its findings. */
export declare function runAnalytic(a: Analytic, events: readonly Event[], batch?: number): Finding[];
/** A small deterministic PRNG (mulberry32) for injected activity. */
export declare function prng(seed: number): () => number;
