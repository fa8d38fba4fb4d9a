/**
 * Thresholds of the network analytics, validated with zod; every field has a documented default,
 * so `networkConfigSchema.parse({})` is the default configuration (`NETWORK_DEFAULTS`).
 * In haechi.yaml they live under `analytics.network` (`analytics: { network: { beacon: { minConnections: 30 } } }`).
 */
import { z } from 'zod';
export declare const beaconConfigSchema: z.ZodObject<{
    minConnections: z.ZodDefault<z.ZodNumber>;
    maxTimestamps: z.ZodDefault<z.ZodNumber>;
    minScore: z.ZodDefault<z.ZodNumber>;
    minIntervalScore: z.ZodDefault<z.ZodNumber>;
    maxRelativeDispersion: z.ZodDefault<z.ZodNumber>;
    maxSizeDispersion: z.ZodDefault<z.ZodNumber>;
    rareSources: z.ZodDefault<z.ZodNumber>;
    rareUserAgentSources: z.ZodDefault<z.ZodNumber>;
    failedShare: z.ZodDefault<z.ZodNumber>;
    prevalentShare: z.ZodDefault<z.ZodNumber>;
    includeInternal: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strip>;
export declare const longConnectionConfigSchema: z.ZodObject<{
    minDuration: z.ZodDefault<z.ZodNumber>;
    fullScoreDuration: z.ZodDefault<z.ZodNumber>;
    includeInternal: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strip>;
export declare const dnsTunnelConfigSchema: z.ZodObject<{
    minUniqueSubdomains: z.ZodDefault<z.ZodNumber>;
    fullScoreSubdomains: z.ZodDefault<z.ZodNumber>;
    maxSubdomains: z.ZodDefault<z.ZodNumber>;
    fullScoreLength: z.ZodDefault<z.ZodNumber>;
    minScore: z.ZodDefault<z.ZodNumber>;
    dgaMinNxDomains: z.ZodDefault<z.ZodNumber>;
    dgaFullScoreNxDomains: z.ZodDefault<z.ZodNumber>;
    dgaMinScore: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const exfiltrationConfigSchema: z.ZodObject<{
    minBytes: z.ZodDefault<z.ZodNumber>;
    fullScoreBytes: z.ZodDefault<z.ZodNumber>;
    firstSeenAfter: z.ZodDefault<z.ZodNumber>;
    rareSources: z.ZodDefault<z.ZodNumber>;
    cloudDomains: z.ZodDefault<z.ZodArray<z.ZodString>>;
    minScore: z.ZodDefault<z.ZodNumber>;
    maxDestinationsPerHost: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const relayConfigSchema: z.ZodObject<{
    interactivePorts: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
    maxHopDelay: z.ZodDefault<z.ZodNumber>;
    maxEntryDelay: z.ZodDefault<z.ZodNumber>;
    fullScoreRepeats: z.ZodDefault<z.ZodNumber>;
    minScore: z.ZodDefault<z.ZodNumber>;
    minOccurrencesInternal: z.ZodDefault<z.ZodNumber>;
    maxSessions: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const inboundScanConfigSchema: z.ZodObject<{
    minSources: z.ZodDefault<z.ZodNumber>;
    minFailedAttempts: z.ZodDefault<z.ZodNumber>;
    fullScoreSources: z.ZodDefault<z.ZodNumber>;
    scannerPorts: z.ZodDefault<z.ZodNumber>;
    minScore: z.ZodDefault<z.ZodNumber>;
    maxSourcesPerTarget: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const networkConfigSchema: z.ZodObject<{
    beacon: z.ZodDefault<z.ZodObject<{
        minConnections: z.ZodDefault<z.ZodNumber>;
        maxTimestamps: z.ZodDefault<z.ZodNumber>;
        minScore: z.ZodDefault<z.ZodNumber>;
        minIntervalScore: z.ZodDefault<z.ZodNumber>;
        maxRelativeDispersion: z.ZodDefault<z.ZodNumber>;
        maxSizeDispersion: z.ZodDefault<z.ZodNumber>;
        rareSources: z.ZodDefault<z.ZodNumber>;
        rareUserAgentSources: z.ZodDefault<z.ZodNumber>;
        failedShare: z.ZodDefault<z.ZodNumber>;
        prevalentShare: z.ZodDefault<z.ZodNumber>;
        includeInternal: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strip>>;
    longConnection: z.ZodDefault<z.ZodObject<{
        minDuration: z.ZodDefault<z.ZodNumber>;
        fullScoreDuration: z.ZodDefault<z.ZodNumber>;
        includeInternal: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strip>>;
    dnsTunnel: z.ZodDefault<z.ZodObject<{
        minUniqueSubdomains: z.ZodDefault<z.ZodNumber>;
        fullScoreSubdomains: z.ZodDefault<z.ZodNumber>;
        maxSubdomains: z.ZodDefault<z.ZodNumber>;
        fullScoreLength: z.ZodDefault<z.ZodNumber>;
        minScore: z.ZodDefault<z.ZodNumber>;
        dgaMinNxDomains: z.ZodDefault<z.ZodNumber>;
        dgaFullScoreNxDomains: z.ZodDefault<z.ZodNumber>;
        dgaMinScore: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    exfiltration: z.ZodDefault<z.ZodObject<{
        minBytes: z.ZodDefault<z.ZodNumber>;
        fullScoreBytes: z.ZodDefault<z.ZodNumber>;
        firstSeenAfter: z.ZodDefault<z.ZodNumber>;
        rareSources: z.ZodDefault<z.ZodNumber>;
        cloudDomains: z.ZodDefault<z.ZodArray<z.ZodString>>;
        minScore: z.ZodDefault<z.ZodNumber>;
        maxDestinationsPerHost: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    relay: z.ZodDefault<z.ZodObject<{
        interactivePorts: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
        maxHopDelay: z.ZodDefault<z.ZodNumber>;
        maxEntryDelay: z.ZodDefault<z.ZodNumber>;
        fullScoreRepeats: z.ZodDefault<z.ZodNumber>;
        minScore: z.ZodDefault<z.ZodNumber>;
        minOccurrencesInternal: z.ZodDefault<z.ZodNumber>;
        maxSessions: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    inboundScan: z.ZodDefault<z.ZodObject<{
        minSources: z.ZodDefault<z.ZodNumber>;
        minFailedAttempts: z.ZodDefault<z.ZodNumber>;
        fullScoreSources: z.ZodDefault<z.ZodNumber>;
        scannerPorts: z.ZodDefault<z.ZodNumber>;
        minScore: z.ZodDefault<z.ZodNumber>;
        maxSourcesPerTarget: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    maxEvidence: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export type BeaconConfig = z.infer<typeof beaconConfigSchema>;
export type LongConnectionConfig = z.infer<typeof longConnectionConfigSchema>;
export type DnsTunnelConfig = z.infer<typeof dnsTunnelConfigSchema>;
export type ExfiltrationConfig = z.infer<typeof exfiltrationConfigSchema>;
export type RelayConfig = z.infer<typeof relayConfigSchema>;
export type InboundScanConfig = z.infer<typeof inboundScanConfigSchema>;
export type NetworkConfig = z.infer<typeof networkConfigSchema>;
/** z.input: every field optional */
export type NetworkConfigInput = z.input<typeof networkConfigSchema>;
export declare const NETWORK_DEFAULTS: NetworkConfig;
