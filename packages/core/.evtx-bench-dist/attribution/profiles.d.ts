/**
 * Group profiles for attribution: what each actor is known to use, built from ATT&CK
 * (group `uses` technique/software, software `uses` technique, campaigns `attributed-to` a group
 * contributing their own `uses`) and from haechi's actor profiles.
 *
 * Hold-out for evaluation: a `uses` relationship whose citations are all in `excludeSources` is
 * ignored (the query's own report), and so are excluded campaigns (a campaign query must not find
 * itself).
 */
import type { ActorProfile, AttackKnowledge } from '../intel/index.js';
export interface TechniqueUse {
    /** 'group' (the group's own uses), 'campaign:<id>', 'software:<id>', 'profile:<source key>' */
    via: string;
    /** citations (report names) or profile source titles */
    cites: string[];
}
export interface GroupProfile {
    id: string;
    name: string;
    aliases: string[];
    /** techniques the group (or its campaigns, or haechi's profile) is reported to use */
    techniques: Map<string, TechniqueUse>;
    /** techniques only known through software the group uses */
    softwareTechniques: Map<string, string>;
    /** software ids (ATT&CK) or lower-case names (profiles without ids) -> how it is known */
    software: Map<string, TechniqueUse>;
    /** lower-case software names and aliases, for observations that name malware instead of ids */
    softwareNames: Map<string, string>;
    /** what each report (citation) says the group uses: report name -> technique and software ids */
    reports: Map<string, Set<string>>;
    /** from haechi's profile: timing windows */
    timing: {
        tz: string;
        from: number;
        to: number;
        note?: string;
        cite: string;
    }[];
    sectors: string[];
    /** the haechi profile behind it, if any */
    profile?: ActorProfile;
}
export interface BuildOptions {
    excludeSources?: ReadonlySet<string>;
    excludeCampaigns?: ReadonlySet<string>;
    /** include software-derived techniques (default true) */
    softwareTechniques?: boolean;
}
export declare function buildGroupProfiles(k: AttackKnowledge | undefined, actorProfiles?: readonly ActorProfile[], opts?: BuildOptions): GroupProfile[];
/** minutes past midnight of `t` (epoch ms) in a profile time zone */
export declare function localMinutes(t: number, tz: string): number;
