/**
 * Network analytics over Zeek / Suricata EVE / Argus events: beacons, long connections, DNS
 * tunnelling and DGA lookups, exfiltration, relay chains, probing from the Internet. `createNetworkAnalytics` builds all of
 * them with one configuration and one enricher.
 */
import { createEnricher, type Enricher } from '../../enrich/index.js';
import type { Analytic } from '../types.js';
import { BeaconAnalytic } from './beacon.js';
import { type NetworkConfigInput, networkConfigSchema } from './config.js';
import { DnsTunnelAnalytic } from './dns-tunnel.js';
import { ExfiltrationAnalytic } from './exfiltration.js';
import { InboundScanAnalytic } from './inbound-scan.js';
import { LongConnectionAnalytic } from './long-connection.js';
import { RelayChainAnalytic } from './relay-chain.js';

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

export const NETWORK_DETECTORS = [
  'beacon',
  'long-connection',
  'dns-tunnel',
  'dga',
  'exfiltration',
  'relay-chain',
] as const;

export interface NetworkAnalyticsOptions {
  config?: NetworkConfigInput;
  enricher?: Enricher;
  /** which analytics to run (all by default) */
  only?: readonly string[];
}

export function createNetworkAnalytics(opts: NetworkAnalyticsOptions = {}): Analytic[] {
  const cfg = networkConfigSchema.parse(opts.config ?? {});
  const enricher = opts.enricher ?? createEnricher();
  const maxEvidence = cfg.maxEvidence;
  const all: Analytic[] = [
    new BeaconAnalytic({ config: cfg.beacon, enricher, maxEvidence }),
    new LongConnectionAnalytic({ config: cfg.longConnection, enricher, maxEvidence }),
    new DnsTunnelAnalytic({ config: cfg.dnsTunnel, enricher, maxEvidence }),
    new ExfiltrationAnalytic({ config: cfg.exfiltration, enricher, maxEvidence }),
    new RelayChainAnalytic({ config: cfg.relay, enricher, maxEvidence }),
    new InboundScanAnalytic({ config: cfg.inboundScan, enricher, maxEvidence }),
  ];
  return opts.only ? all.filter((a) => opts.only!.includes(a.name)) : all;
}
