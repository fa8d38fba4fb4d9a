/**
 * Long connections (RITA's "long connections"): the summed duration of the connections of a pair
 * (source, destination, port, protocol), open connections included (Zeek `open_conn`, RITA's
 * open-connection plugin). A connection logged more than once (open, then closed) counts once, with
 * its longest duration.
 */
import type { Enricher } from '../../enrich/index.js';
import type { Event, Finding } from '../../model/index.js';
import type { Analytic } from '../types.js';
import { type LongConnectionConfig } from './config.js';
export interface LongConnectionOptions {
    config?: Partial<LongConnectionConfig>;
    enricher: Enricher;
    maxEvidence?: number;
}
export declare class LongConnectionAnalytic implements Analytic {
    private opts;
    readonly name = "long-connection";
    private cfg;
    private pairs;
    /** open_conn records by uid: a connection logged open, then again (longer, or closed) counts once */
    private openByUid;
    /** uids of closed connections long enough to have been logged open before (bounded) */
    private closedUids;
    constructor(opts: LongConnectionOptions);
    wants(e: Event): boolean;
    feed(events: readonly Event[]): void;
    private retract;
    finish(): Finding[];
}
