import type { Finding } from '../../model/index.js';
import type { AuthAttempt, KerberosRequest } from './attempts.js';
import type { AuthConfig } from './config.js';
export declare const AUTH_DETECTOR = "creds";
export declare const AUTH_RULES: {
    readonly 'password-spray': {
        readonly title: "Password spraying";
        readonly attack: readonly ["T1110.003"];
    };
    readonly 'brute-force': {
        readonly title: "Password guessing (brute force)";
        readonly attack: readonly ["T1110.001"];
    };
    readonly 'credential-stuffing': {
        readonly title: "Credential stuffing";
        readonly attack: readonly ["T1110.004"];
    };
    readonly 'failures-then-success': {
        readonly title: "Failed sign-ins followed by a success";
        readonly attack: readonly ["T1110", "T1078"];
    };
    readonly kerberoasting: {
        readonly title: "Kerberoasting (RC4 service tickets)";
        readonly attack: readonly ["T1558.003"];
    };
    readonly 'asrep-roasting': {
        readonly title: "AS-REP roasting (TGT without pre-authentication)";
        readonly attack: readonly ["T1558.004"];
    };
    readonly 'impossible-travel': {
        readonly title: "Impossible travel between sign-ins";
        readonly attack: readonly ["T1078"];
    };
    readonly 'new-sign-in-location': {
        readonly title: "First sign-in from a new country or network (ASN)";
        readonly attack: readonly ["T1078"];
    };
};
export type AuthRuleId = keyof typeof AUTH_RULES;
export interface GeoInfo {
    country?: string;
    asn?: number;
    org?: string;
    internal?: boolean;
}
export type GeoLookup = (ip: string) => GeoInfo | undefined;
export interface DetectContext {
    config: AuthConfig;
    geo?: GeoLookup;
}
/** Pattern matcher over account names (`hanil.*`), tried on the name and on its local part. */
export declare function accountMatcher(patterns: readonly string[]): (user: string) => boolean;
/** Password spraying and credential stuffing: many users from one source. */
export declare function detectSprayAndStuffing(attempts: readonly AuthAttempt[], ctx: DetectContext): Finding[];
/** Brute force: many failures for one account from one source in a short time. */
export declare function detectBruteForce(attempts: readonly AuthAttempt[], ctx: DetectContext): Finding[];
/** Failures from a source followed by a success from it: the guess that worked. */
export declare function detectFailuresThenSuccess(attempts: readonly AuthAttempt[], ctx: DetectContext): Finding[];
/** Kerberoasting: RC4 service tickets for user-run services, per requester. */
export declare function detectKerberoasting(requests: readonly KerberosRequest[], ctx: DetectContext): Finding[];
/** AS-REP roasting: TGTs issued without pre-authentication, per requesting address. */
export declare function detectAsrepRoasting(requests: readonly KerberosRequest[], ctx: DetectContext): Finding[];
/** Impossible travel: two successful sign-ins of one account farther apart than a plane could fly. */
export declare function detectImpossibleTravel(attempts: readonly AuthAttempt[], ctx: DetectContext): Finding[];
/** The first sign-in of an account from a country or network (ASN) it had not used before. */
export declare function detectNewLocation(attempts: readonly AuthAttempt[], ctx: DetectContext): Finding[];
