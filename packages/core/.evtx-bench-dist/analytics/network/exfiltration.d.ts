/**
 * Exfiltration: an internal host sending much more than it receives to one external destination,
 * measured against the host's own outbound baseline (its hourly outbound volume: median and MAD),
 * weighted up when the destination is new for the host (first seen late in the observed period),
 * rare (few internal hosts talk to it), a cloud-storage/file-sharing service, or on a non-web port.
 * Score: 0.3 upload share + 0.25 volume (log scale) + 0.2 baseline excess + 0.15 novelty/rarity
 * + 0.1 destination kind (cloud storage 1, non-standard port 0.5).
 */
import type { Enricher } from '../../enrich/index.js';
import type { Event, Finding } from '../../model/index.js';
import type { Analytic } from '../types.js';
import { type ExfiltrationConfig } from './config.js';
export interface ExfiltrationOptions {
    config?: Partial<ExfiltrationConfig>;
    enricher: Enricher;
    maxEvidence?: number;
}
export declare class ExfiltrationAnalytic implements Analytic {
    private opts;
    readonly name = "exfiltration";
    private cfg;
    private hosts;
    private dstSources;
    /** address -> a server name seen for it (SNI, Host, DNS answer) */
    private names;
    private maxEvidence;
    constructor(opts: ExfiltrationOptions);
    wants(e: Event): boolean;
    private nameFor;
    feed(events: readonly Event[]): void;
    finish(): Finding[];
}
