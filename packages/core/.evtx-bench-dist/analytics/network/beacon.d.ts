/**
 * Beacon detection scored the way RITA scores it (activecm/rita, beacon analysis):
 *  - interval regularity: Bowley skew of the gaps between connections (1 - |skew|) and their
 *    median absolute deviation (MADM) relative to the median gap;
 *  - size regularity: Bowley skew and MADM of the bytes sent (RITA's 32-byte cut-off) and the
 *    smallness of the most common size;
 *  - duration: how much of the observed time the pair covers, and how consistently, hour by hour;
 *  - spread over the day: the share of the day's hours with connections;
 * averaged with equal weights (RITA 5), then modifiers: rare destination, HTTP without a Host
 * header, rare user agent, hosting/VPN/Tor infrastructure (+), destinations most hosts talk to (down to -0.3).
 * Series of failed attempts (S0/REJ) to one destination are reported as failed-C2 beacons.
 * Pairs are source and destination address, and source and server name (SNI/Host) when a name is
 * served from several addresses. Per pair at most `maxTimestamps` times are kept (RITA: 86,400).
 */
import type { Enricher } from '../../enrich/index.js';
import type { Event, Finding, SourceRef } from '../../model/index.js';
import type { Analytic } from '../types.js';
import { type BeaconConfig } from './config.js';
interface Series {
    src: string;
    dst: string;
    /**
     * per kept connection (at most maxTimestamps): start time in seconds and bytes sent by the
     * source, interleaved in one array (one allocation per pair: there are millions of pairs)
     */
    samples: number[];
    count: number;
    failed: number;
    first: number;
    last: number;
    /** the first destination port, and up to 9 others once there are others */
    port: number;
    ports?: number[];
    /** the rest is allocated on first use: most pairs never need it */
    names?: Set<string>;
    http: number;
    httpNoHost: number;
    agents?: Set<string>;
    services?: Set<string>;
    evidence?: SourceRef[];
    evidenceTotal: number;
}
export interface BeaconOptions {
    config?: Partial<BeaconConfig>;
    enricher: Enricher;
    maxEvidence?: number;
}
export declare class BeaconAnalytic implements Analytic {
    private opts;
    readonly name = "beacon";
    private cfg;
    private pairs;
    private named;
    private nameDsts;
    private dstSources;
    private uaSources;
    private sources;
    private minTime;
    private maxTime;
    private maxEvidence;
    constructor(opts: BeaconOptions);
    wants(e: Event): boolean;
    private series;
    private evidence;
    /** Outbound (or external-to-external) pairs only: inbound and, by default, internal-internal are not beacons. */
    private relevant;
    feed(events: readonly Event[]): void;
    private feedApp;
    /** The RITA-style score of one series; undefined when there are too few intervals. */
    scoreSeries(s: Series, withSizes: boolean): {
        score: number;
        parts: Record<string, number>;
    } | undefined;
    finish(): Finding[];
}
export {};
