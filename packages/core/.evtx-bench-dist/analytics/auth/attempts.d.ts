/**
 * One shape for an authentication attempt, whatever log it came from: Windows Security events
 * (4624/4625 logons, 4768/4771 Kerberos TGT requests, 4776 NTLM validation), Linux auth.log/sshd
 * lines (`auth-log` reader) and Entra ID sign-ins (`entra-signin` reader). The analytics work on
 * these, so a spray across SSH and Windows from one address is still one spray.
 */
import type { Event, SourceRef } from '../../model/index.js';
export type AuthOutcome = 'success' | 'failure';
export type AuthProtocol = 'windows' | 'kerberos' | 'ntlm' | 'ssh' | 'entra';
export type FailureKind = 'bad-password' | 'unknown-user' | 'locked' | 'disabled' | 'other';
export interface AuthAttempt {
    time: number;
    /** normalised: lowercase, without `DOMAIN\` or `@realm` (Entra keeps the UPN) */
    user: string;
    /** the source: an IP address, or `ws:NAME` when only a workstation name is known */
    source: string;
    ip?: string;
    /** the host that was logged on to (Computer / sshd host / the Entra application) */
    target?: string;
    outcome: AuthOutcome;
    failure?: FailureKind;
    protocol: AuthProtocol;
    /** Entra: where the sign-in was placed */
    country?: string;
    lat?: number;
    lon?: number;
    asn?: number;
    evidence: SourceRef;
}
/** A service-ticket (4769) or TGT (4768) request, for the roasting analytics. */
export interface KerberosRequest {
    time: number;
    kind: 'tgs' | 'asrep';
    user: string;
    service: string;
    ip?: string;
    encryption: string;
    target?: string;
    evidence: SourceRef;
}
export declare function normalizeUser(raw: string, keepRealm?: boolean): string;
/** Addresses as logged: `::ffff:10.0.0.5` (Kerberos events) becomes `10.0.0.5`; `-` is none. */
export declare function normalizeIp(raw: unknown): string | undefined;
/** Cheap test for `Analytic.wants`: is this event an authentication we read? */
export declare function isAuthEvent(e: Event): boolean;
/** The attempt an event records, or undefined when it is not one (or a system logon). */
export declare function toAttempt(e: Event): AuthAttempt | undefined;
/** 4769 (service ticket) and 4768 (TGT) requests, for the roasting analytics. */
export declare function toKerberosRequest(e: Event): KerberosRequest | undefined;
