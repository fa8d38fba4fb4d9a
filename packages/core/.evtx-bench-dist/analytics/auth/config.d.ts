/**
 * Thresholds of the credential-attack analytics, validated with zod; `authConfigSchema.parse({})`
 * is the default configuration (`AUTH_DEFAULTS`). In haechi.yaml they live under `auth:`
 * (`auth.spray.minUsers: 15`, ...). Defaults follow the published detections named beside them.
 */
import { z } from 'zod';
export declare const authConfigSchema: z.ZodObject<{
    spray: z.ZodDefault<z.ZodObject<{
        windowMinutes: z.ZodDefault<z.ZodNumber>;
        minUsers: z.ZodDefault<z.ZodNumber>;
        entraWindowMinutes: z.ZodDefault<z.ZodNumber>;
        entraMinUsers: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    bruteForce: z.ZodDefault<z.ZodObject<{
        windowSeconds: z.ZodDefault<z.ZodNumber>;
        minFailures: z.ZodDefault<z.ZodNumber>;
        sshWindowSeconds: z.ZodDefault<z.ZodNumber>;
        sshMinFailures: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    stuffing: z.ZodDefault<z.ZodObject<{
        windowMinutes: z.ZodDefault<z.ZodNumber>;
        minUsers: z.ZodDefault<z.ZodNumber>;
        minUnknownShare: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    failThenSuccess: z.ZodDefault<z.ZodObject<{
        windowMinutes: z.ZodDefault<z.ZodNumber>;
        minFailures: z.ZodDefault<z.ZodNumber>;
        sourceMinUsers: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    kerberoasting: z.ZodDefault<z.ZodObject<{
        windowMinutes: z.ZodDefault<z.ZodNumber>;
        minServices: z.ZodDefault<z.ZodNumber>;
        highServices: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    travel: z.ZodDefault<z.ZodObject<{
        maxSpeedKmh: z.ZodDefault<z.ZodNumber>;
        minDistanceKm: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    newLocation: z.ZodDefault<z.ZodObject<{
        minHistory: z.ZodDefault<z.ZodNumber>;
        supplierMinHistory: z.ZodDefault<z.ZodNumber>;
        countries: z.ZodDefault<z.ZodBoolean>;
        asns: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strip>>;
    supplierAccounts: z.ZodDefault<z.ZodArray<z.ZodString>>;
    ignoreUsers: z.ZodDefault<z.ZodArray<z.ZodString>>;
    maxEvidence: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export type AuthConfig = z.infer<typeof authConfigSchema>;
export declare const AUTH_DEFAULTS: AuthConfig;
