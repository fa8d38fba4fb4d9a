/**
 * Network analytics over Zeek / Suricata EVE / Argus events: beacons, long connections, DNS
 * tunnelling and DGA lookups, exfiltration, relay chains, probing from the Internet. `createNetworkAnalytics` builds all of
 * them with one configuration and one enricher.
 */
import { createEnricher } from '../../enrich/index.js';
import { BeaconAnalytic } from './beacon.js';
import { networkConfigSchema } from './config.js';
import { DnsTunnelAnalytic } from './dns-tunnel.js';
import { ExfiltrationAnalytic } from './exfiltration.js';
import { InboundScanAnalytic } from './inbound-scan.js';
import { LongConnectionAnalytic } from './long-connection.js';
import { RelayChainAnalytic } from './relay-chain.js';
export { BeaconAnalytic } from './beacon.js';
export { CLOUD_STORAGE_DOMAINS, cloudServiceOf } from './cloud-storage.js';
export * from './config.js';
export { DnsTunnelAnalytic } from './dns-tunnel.js';
export { ExfiltrationAnalytic } from './exfiltration.js';
export { FAILED_STATES, FLOW_KINDS, isFailed, isFlowEvent, toFlow } from './flow.js';
export { InboundScanAnalytic } from './inbound-scan.js';
export { LongConnectionAnalytic } from './long-connection.js';
export { RelayChainAnalytic } from './relay-chain.js';
export { bowleySkew, entropy, madm } from './stats.js';
export const NETWORK_DETECTORS = [
    'beacon',
    'long-connection',
    'dns-tunnel',
    'dga',
    'exfiltration',
    'relay-chain',
];
export function createNetworkAnalytics(opts = {}) {
    const cfg = networkConfigSchema.parse(opts.config ?? {});
    const enricher = opts.enricher ?? createEnricher();
    const maxEvidence = cfg.maxEvidence;
    const all = [
        new BeaconAnalytic({ config: cfg.beacon, enricher, maxEvidence }),
        new LongConnectionAnalytic({ config: cfg.longConnection, enricher, maxEvidence }),
        new DnsTunnelAnalytic({ config: cfg.dnsTunnel, enricher, maxEvidence }),
        new ExfiltrationAnalytic({ config: cfg.exfiltration, enricher, maxEvidence }),
        new RelayChainAnalytic({ config: cfg.relay, enricher, maxEvidence }),
        new InboundScanAnalytic({ config: cfg.inboundScan, enricher, maxEvidence }),
    ];
    return opts.only ? all.filter((a) => opts.only.includes(a.name)) : all;
}
//# sourceMappingURL=index.js.map