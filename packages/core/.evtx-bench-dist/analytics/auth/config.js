/**
 * Thresholds of the credential-attack analytics, validated with zod; `authConfigSchema.parse({})`
 * is the default configuration (`AUTH_DEFAULTS`). In haechi.yaml they live under `auth:`
 * (`auth.spray.minUsers: 15`, ...). Defaults follow the published detections named beside them.
 */
import { z } from 'zod';
export const authConfigSchema = z.object({
    spray: z
        .object({
        /** Windows / SSH: failures against more than 10 distinct users from one source in 24 hours
         * (Microsoft's and Splunk's password-spraying analytics) */
        windowMinutes: z
            .number()
            .positive()
            .default(24 * 60),
        minUsers: z.number().int().min(2).default(11),
        /** Entra ID: 5 distinct users in 20 minutes (Microsoft Entra password-spray guidance / Sentinel) */
        entraWindowMinutes: z.number().positive().default(20),
        entraMinUsers: z.number().int().min(2).default(5),
    })
        .default({ windowMinutes: 24 * 60, minUsers: 11, entraWindowMinutes: 20, entraMinUsers: 5 }),
    bruteForce: z
        .object({
        /** one user from one source: this many failures within the window (haechi default for
         * Windows and Entra: 10 in 10 minutes, above account-lockout thresholds' noise) */
        windowSeconds: z.number().positive().default(600),
        minFailures: z.number().int().min(2).default(10),
        /** SSH: 10 failures in 15 seconds (fail2ban-style, Elastic "Potential SSH Brute Force") */
        sshWindowSeconds: z.number().positive().default(15),
        sshMinFailures: z.number().int().min(2).default(10),
    })
        .default({ windowSeconds: 600, minFailures: 10, sshWindowSeconds: 15, sshMinFailures: 10 }),
    stuffing: z
        .object({
        /** many distinct user names from one source, mostly names that do not exist here: leaked
         * username/password pairs from elsewhere being replayed */
        windowMinutes: z.number().positive().default(60),
        minUsers: z.number().int().min(2).default(20),
        minUnknownShare: z.number().min(0).max(1).default(0.5),
    })
        .default({ windowMinutes: 60, minUsers: 20, minUnknownShare: 0.5 }),
    failThenSuccess: z
        .object({
        /** a success from a source after at least this many failures from it within the window */
        windowMinutes: z.number().positive().default(60),
        minFailures: z.number().int().min(1).default(5),
        /** or: a source that failed on this many other accounts in the window (a spray) and then
         * got any account in, with or without a failure on that account first */
        sourceMinUsers: z.number().int().min(2).default(5),
    })
        .default({ windowMinutes: 60, minFailures: 5, sourceMinUsers: 5 }),
    kerberoasting: z
        .object({
        /** RC4 (0x17) service tickets for user-account services: one is reported (SigmaHQ's
         * "Kerberoasting Activity - Initial Query" logic), this many distinct services in the window
         * raise it to high */
        windowMinutes: z.number().positive().default(60),
        /** raise where RC4 is still in everyday use, to report only requests for several services */
        minServices: z.number().int().min(1).default(1),
        highServices: z.number().int().min(1).default(3),
    })
        .default({ windowMinutes: 60, minServices: 1, highServices: 3 }),
    travel: z
        .object({
        /** faster than an airliner between two successful sign-ins (Entra ID Protection's atypical
         * travel idea; 500 km/h and 100 km as in the common SIEM rules) */
        maxSpeedKmh: z.number().positive().default(500),
        minDistanceKm: z.number().positive().default(100),
    })
        .default({ maxSpeedKmh: 500, minDistanceKm: 100 }),
    newLocation: z
        .object({
        /** earlier successful sign-ins an account needs before a new country/ASN is news */
        minHistory: z.number().int().min(1).default(3),
        /** supplier accounts are watched from their first known sign-in */
        supplierMinHistory: z.number().int().min(1).default(1),
        countries: z.boolean().default(true),
        asns: z.boolean().default(true),
    })
        .default({ minHistory: 3, supplierMinHistory: 1, countries: true, asns: true }),
    /** account name patterns (`*` wildcard, case-insensitive) of suppliers' staff */
    supplierAccounts: z.array(z.string()).default([]),
    /** account name patterns never reported (scanners, monitoring) */
    ignoreUsers: z.array(z.string()).default([]),
    /** evidence references kept per finding */
    maxEvidence: z.number().int().min(1).default(50),
});
export const AUTH_DEFAULTS = authConfigSchema.parse({});
//# sourceMappingURL=config.js.map