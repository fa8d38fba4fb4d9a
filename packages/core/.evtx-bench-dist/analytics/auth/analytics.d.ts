/**
 * The credential-attack analytics as `Analytic`s (analytics/types.ts). `createAuthAnalytics`
 * gives one Analytic per detection, each with its own memory; `createCredentialAttackAnalytic`
 * gives a single Analytic that collects the attempts once and runs every detection (what the hunt
 * plugin uses). Memory: one compact attempt per authentication event, capped by `maxAttempts`
 * (beyond it the oldest-first order is not guaranteed, so collection stops and the findings say so).
 */
import type { Event } from '../../model/index.js';
import type { Analytic } from '../types.js';
import { type AuthAttempt, type KerberosRequest } from './attempts.js';
import { type AuthConfig } from './config.js';
import { type GeoLookup } from './detect.js';
export interface AuthAnalyticsOptions {
    /** thresholds; anything missing takes its default */
    config?: unknown;
    /** country/ASN of an address (core/enrich's `createEnricher().lookup` fits) */
    geo?: GeoLookup;
    /** attempts kept at most (default 5,000,000) */
    maxAttempts?: number;
}
/** Collected attempts and Kerberos requests. */
export declare class AuthStore {
    private readonly max;
    readonly attempts: AuthAttempt[];
    readonly kerberos: KerberosRequest[];
    dropped: number;
    constructor(max?: number);
    /** sorts the collected attempts and requests by time (once; the detections then keep order) */
    sort(): this;
    add(events: readonly Event[]): void;
}
export declare function parseAuthConfig(raw: unknown): AuthConfig;
/** One Analytic per detection (spray and stuffing are one, as they split the same evidence). */
export declare function createAuthAnalytics(opts?: AuthAnalyticsOptions): Analytic[];
/** Every credential-attack detection over one collection of attempts. */
export declare function createCredentialAttackAnalytic(opts?: AuthAnalyticsOptions): Analytic & {
    readonly store: AuthStore;
};
