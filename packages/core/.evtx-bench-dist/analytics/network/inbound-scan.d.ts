/**
 * Internet exposure: internal hosts that outside addresses keep trying to reach — port scans,
 * worm and botnet probing (Telnet, SMB, RDP, SSH, databases) and password guessing. One finding per
 * targeted host, with the sources ranked by attempts (addresses, ASN, country) so the analyst sees
 * what the host exposes and who knocks; a source that tries many ports or many attempts on its own
 * is named in the title. ATT&CK: T1595 (Active Scanning); T1110 (Brute Force) when the attempts
 * hit authentication services.
 * Score: 0.4 number of distinct sources (log scale) + 0.3 share of unanswered attempts (S0/REJ)
 * + 0.3 authentication services among the ports probed.
 */
import type { Enricher } from '../../enrich/index.js';
import type { Event, Finding } from '../../model/index.js';
import type { Analytic } from '../types.js';
import { type InboundScanConfig } from './config.js';
export interface InboundScanOptions {
    config?: Partial<InboundScanConfig>;
    enricher: Enricher;
    maxEvidence?: number;
}
export declare class InboundScanAnalytic implements Analytic {
    private opts;
    readonly name = "inbound-scan";
    private cfg;
    private targets;
    private maxEvidence;
    constructor(opts: InboundScanOptions);
    wants(e: Event): boolean;
    feed(events: readonly Event[]): void;
    finish(): Finding[];
}
