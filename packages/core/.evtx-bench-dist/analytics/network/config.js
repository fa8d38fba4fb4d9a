/**
 * Thresholds of the network analytics, validated with zod; every field has a documented default,
 * so `networkConfigSchema.parse({})` is the default configuration (`NETWORK_DEFAULTS`).
 * In haechi.yaml they live under `analytics.network` (`analytics: { network: { beacon: { minConnections: 30 } } }`).
 */
import { z } from 'zod';
export const beaconConfigSchema = z.object({
    /** pairs with fewer connections are not scored (RITA's default connection threshold is 20) */
    minConnections: z.number().int().min(3).default(20),
    /** timestamps kept per pair; RITA caps at 86,400 (one a second for a day) */
    maxTimestamps: z.number().int().min(10).default(86_400),
    /** findings below this score are not reported */
    minScore: z.number().min(0).max(1).default(0.7),
    /** series whose interval score (skew and dispersion of the gaps) is below this are not beacons, whatever their other scores */
    minIntervalScore: z.number().min(0).max(1).default(0.5),
    /** interval dispersion at which the dispersion score reaches 0, as a fraction of the median interval (exponential gaps of random traffic give about 0.7) */
    maxRelativeDispersion: z.number().positive().default(0.7),
    /** RITA: size dispersion at which the size dispersion score reaches 0, bytes */
    maxSizeDispersion: z.number().positive().default(32),
    /** a destination contacted by at most this many internal sources is rare (modifier +0.05) */
    rareSources: z.number().int().min(1).default(2),
    /** a user agent seen from at most this many sources is rare (modifier +0.05) */
    rareUserAgentSources: z.number().int().min(1).default(2),
    /** share of failed attempts (S0/REJ) from which a series counts as a failed-C2 beacon */
    failedShare: z.number().min(0).max(1).default(0.8),
    /** a destination contacted by at least this share of internal sources is prevalent (modifier -0.3 x the share) */
    prevalentShare: z.number().min(0).max(1).default(0.5),
    /** score internal-to-internal pairs too (off: beacons that matter leave the network) */
    includeInternal: z.boolean().default(false),
});
export const longConnectionConfigSchema = z.object({
    /** summed duration per pair from which it is reported, seconds (RITA: 1 hour) */
    minDuration: z.number().positive().default(3600),
    /** summed duration that scores 1, seconds */
    fullScoreDuration: z.number().positive().default(86_400),
    includeInternal: z.boolean().default(false),
});
export const dnsTunnelConfigSchema = z.object({
    /** registered domains with fewer unique subdomains are not scored */
    minUniqueSubdomains: z.number().int().min(2).default(10),
    /** unique subdomains that give the full volume score (log scale) */
    fullScoreSubdomains: z.number().int().min(10).default(500),
    /** unique subdomains kept per registered domain (memory bound; counting goes on past it) */
    maxSubdomains: z.number().int().min(100).default(20_000),
    /** mean subdomain length that gives the full length score */
    fullScoreLength: z.number().positive().default(40),
    minScore: z.number().min(0).max(1).default(0.55),
    /** DGA: a host with at least this many unique NXDOMAIN registered domains is scored */
    dgaMinNxDomains: z.number().int().min(2).default(15),
    /** DGA: unique NXDOMAIN registered domains that give the full score (log scale) */
    dgaFullScoreNxDomains: z.number().int().min(10).default(200),
    dgaMinScore: z.number().min(0).max(1).default(0.5),
});
export const exfiltrationConfigSchema = z.object({
    /** outbound bytes to one destination below which nothing is reported */
    minBytes: z.number().positive().default(5_000_000),
    /** outbound bytes for the full volume score (log scale between minBytes and this) */
    fullScoreBytes: z.number().positive().default(500_000_000),
    /** a destination first seen after this share of the host's observed time is "new" */
    firstSeenAfter: z.number().min(0).max(1).default(0.1),
    /** a destination contacted by at most this many internal hosts is rare */
    rareSources: z.number().int().min(1).default(1),
    /** extra cloud-storage / file-sharing registered domains (added to the built-in list) */
    cloudDomains: z.array(z.string()).default([]),
    minScore: z.number().min(0).max(1).default(0.6),
    /** destinations kept per host (memory bound) */
    maxDestinationsPerHost: z.number().int().min(10).default(5000),
});
export const relayConfigSchema = z.object({
    /** TCP ports of interactive sessions (SSH, Telnet, RDP, VNC, WinRM) and VPN entry (OpenVPN, PPTP, IPsec NAT-T) */
    interactivePorts: z
        .array(z.number().int())
        .default([22, 23, 3389, 5900, 5901, 5902, 5985, 5986, 1194, 1723, 4500]),
    /** the next hop must start within this many seconds of the session into the host */
    maxHopDelay: z.number().positive().default(60),
    /** from an external origin, a hop may start later while the session into the host is still open (VPN, RDP from outside), up to this many seconds */
    maxEntryDelay: z.number().positive().default(900),
    /** chains seen at least this often get the full repetition score */
    fullScoreRepeats: z.number().int().min(1).default(3),
    minScore: z.number().min(0).max(1).default(0.55),
    /** a chain that starts inside the network must be seen this often (admins hop between servers too) */
    minOccurrencesInternal: z.number().int().min(1).default(2),
    /** sessions kept (memory bound) */
    maxSessions: z.number().int().min(100).default(500_000),
});
export const inboundScanConfigSchema = z.object({
    /** a host probed by fewer distinct outside sources is not reported */
    minSources: z.number().int().min(1).default(20),
    /** nor one with fewer unanswered attempts (S0/REJ) */
    minFailedAttempts: z.number().int().min(1).default(50),
    /** distinct sources that give the full volume score (log scale) */
    fullScoreSources: z.number().int().min(2).default(2000),
    /** a source trying at least this many ports is counted as a port scanner */
    scannerPorts: z.number().int().min(2).default(10),
    minScore: z.number().min(0).max(1).default(0.5),
    /** sources kept per target (memory bound) */
    maxSourcesPerTarget: z.number().int().min(100).default(100_000),
});
export const networkConfigSchema = z.object({
    beacon: beaconConfigSchema.default(beaconConfigSchema.parse({})),
    longConnection: longConnectionConfigSchema.default(longConnectionConfigSchema.parse({})),
    dnsTunnel: dnsTunnelConfigSchema.default(dnsTunnelConfigSchema.parse({})),
    exfiltration: exfiltrationConfigSchema.default(exfiltrationConfigSchema.parse({})),
    relay: relayConfigSchema.default(relayConfigSchema.parse({})),
    inboundScan: inboundScanConfigSchema.default(inboundScanConfigSchema.parse({})),
    /** evidence references kept per finding */
    maxEvidence: z.number().int().min(1).default(20),
});
export const NETWORK_DEFAULTS = networkConfigSchema.parse({});
//# sourceMappingURL=config.js.map