import { z } from 'zod';
declare const ProfileSchema: z.ZodObject<{
    id: z.ZodString;
    name: z.ZodString;
    attack_id: z.ZodOptional<z.ZodString>;
    country: z.ZodOptional<z.ZodString>;
    note: z.ZodOptional<z.ZodString>;
    aliases: z.ZodDefault<z.ZodArray<z.ZodObject<{
        value: z.ZodString;
        source: z.ZodString;
    }, z.core.$strip>>>;
    attribution: z.ZodDefault<z.ZodArray<z.ZodObject<{
        value: z.ZodString;
        source: z.ZodString;
    }, z.core.$strip>>>;
    sectors: z.ZodDefault<z.ZodArray<z.ZodObject<{
        value: z.ZodString;
        source: z.ZodString;
    }, z.core.$strip>>>;
    targets: z.ZodDefault<z.ZodArray<z.ZodObject<{
        value: z.ZodString;
        source: z.ZodString;
    }, z.core.$strip>>>;
    techniques: z.ZodDefault<z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        source: z.ZodString;
        note: z.ZodOptional<z.ZodString>;
    }, z.core.$strip>>>;
    malware: z.ZodDefault<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        attack_id: z.ZodOptional<z.ZodString>;
        kind: z.ZodOptional<z.ZodEnum<{
            malware: "malware";
            tool: "tool";
        }>>;
        source: z.ZodString;
    }, z.core.$strip>>>;
    infrastructure: z.ZodDefault<z.ZodArray<z.ZodObject<{
        kind: z.ZodEnum<{
            domain: "domain";
            url: "url";
            email: "email";
            sha256: "sha256";
            note: "note";
            ipv4: "ipv4";
            ipv6: "ipv6";
            sha1: "sha1";
            cidr4: "cidr4";
            cidr6: "cidr6";
            md5: "md5";
        }>;
        value: z.ZodString;
        source: z.ZodString;
    }, z.core.$strip>>>;
    timing: z.ZodDefault<z.ZodArray<z.ZodObject<{
        tz: z.ZodString;
        hours: z.ZodString;
        note: z.ZodOptional<z.ZodString>;
        source: z.ZodString;
    }, z.core.$strip>>>;
    sources: z.ZodRecord<z.ZodString, z.ZodObject<{
        title: z.ZodString;
        url: z.ZodString;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type ActorProfile = z.infer<typeof ProfileSchema> & {
    file: string;
};
/** The folder of haechi's profiles (works from sources and from the built package). */
export declare function defaultProfilesDir(): string;
export declare function parseProfile(text: string, file: string): ActorProfile;
export declare function loadProfiles(dir?: string): Promise<ActorProfile[]>;
/** "<title> <url>" of a fact's source, for evidence lines */
export declare function citeProfile(p: ActorProfile, sourceKey: string): string;
export {};
