/**
 * Network analytics over Zeek / Suricata EVE / Argus events: beacons, long connections, DNS
 * tunnelling and DGA lookups, exfiltration, relay chains, probing from the Internet. `createNetworkAnalytics` builds all of
 * them with one configuration and one enricher.
 */
import { type Enricher } from '../../enrich/index.js';
import type { Analytic } from '../types.js';
import { type NetworkConfigInput } from './config.js';
export { BeaconAnalytic, type BeaconOptions } from './beacon.js';
export { CLOUD_STORAGE_DOMAINS, cloudServiceOf } from './cloud-storage.js';
export * from './config.js';
export { DnsTunnelAnalytic, type DnsTunnelOptions } from './dns-tunnel.js';
export { ExfiltrationAnalytic, type ExfiltrationOptions } from './exfiltration.js';
export { FAILED_STATES, FLOW_KINDS, type Flow, isFailed, isFlowEvent, toFlow } from './flow.js';
export { InboundScanAnalytic, type InboundScanOptions } from './inbound-scan.js';
export { LongConnectionAnalytic, type LongConnectionOptions } from './long-connection.js';
export { RelayChainAnalytic, type RelayChainOptions } from './relay-chain.js';
export { bowleySkew, entropy, madm } from './stats.js';
export declare const NETWORK_DETECTORS: readonly ["beacon", "long-connection", "dns-tunnel", "dga", "exfiltration", "relay-chain"];
export interface NetworkAnalyticsOptions {
    config?: NetworkConfigInput;
    enricher?: Enricher;
    /** which analytics to run (all by default) */
    only?: readonly string[];
}
export declare function createNetworkAnalytics(opts?: NetworkAnalyticsOptions): Analytic[];
