/**
 * Relay chains (stepping stones): an interactive session into a host (SSH, RDP, VNC, Telnet,
 * WinRM, or a VPN) followed within seconds by an interactive session out of the same host, the
 * timing correlation of Zhang & Paxson ("Detecting Stepping Stones", USENIX Security 2000) reduced
 * to what connection logs carry: start times, durations and volumes. Hops are stitched session by
 * session into chains from the outside origin to the last internal target, and chains following the
 * same path are counted together.
 * Score: 0.35 timing (how soon each next hop starts) + 0.25 repetition (the same path again)
 * + 0.2 matching activity (similar volumes on consecutive hops) + 0.1 external origin + 0.1 length.
 */
import type { Enricher } from '../../enrich/index.js';
import type { Event, Finding } from '../../model/index.js';
import type { Analytic } from '../types.js';
import { type RelayConfig } from './config.js';
export interface RelayChainOptions {
    config?: Partial<RelayConfig>;
    enricher: Enricher;
    maxEvidence?: number;
}
export declare class RelayChainAnalytic implements Analytic {
    private opts;
    readonly name = "relay-chain";
    private cfg;
    private ports;
    private sessions;
    private dropped;
    constructor(opts: RelayChainOptions);
    wants(e: Event): boolean;
    feed(events: readonly Event[]): void;
    private link;
    private chains;
    finish(): Finding[];
}
