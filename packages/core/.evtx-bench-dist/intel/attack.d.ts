export declare const KNOWLEDGE_FORMAT = "haechi-attack-knowledge/1";
export interface AttackTechnique {
    /** T1059 or T1059.001 */
    id: string;
    name: string;
    /** tactic short names (kill_chain_phases of mitre-attack) */
    tactics: string[];
    /** the parent technique of a sub-technique */
    parent?: string;
}
export interface AttackTactic {
    id: string;
    name: string;
    shortname: string;
}
export interface AttackGroup {
    id: string;
    name: string;
    aliases: string[];
    description?: string;
}
export interface AttackSoftware {
    id: string;
    name: string;
    kind: 'malware' | 'tool';
    aliases: string[];
}
export interface AttackCampaign {
    id: string;
    name: string;
    aliases: string[];
    firstSeen?: string;
    lastSeen?: string;
}
export type AttackRelationType = 'uses' | 'attributed-to';
export interface AttackRelation {
    type: AttackRelationType;
    /** ATT&CK id of the source (G…, S…, C…) */
    source: string;
    /** ATT&CK id of the target (T…, S…, G…) */
    target: string;
    /** `source_name` of every citation on the relationship (the reports that support it) */
    citations: string[];
}
export interface AttackKnowledge {
    format: typeof KNOWLEDGE_FORMAT;
    /** where it was loaded from */
    origin: string;
    /** ATT&CK release, when the bundle names it (x-mitre-collection) */
    version?: string;
    techniques: AttackTechnique[];
    tactics: AttackTactic[];
    groups: AttackGroup[];
    software: AttackSoftware[];
    campaigns: AttackCampaign[];
    relations: AttackRelation[];
    /** citation source_name -> URL, for evidence that names its report */
    references: Record<string, string>;
}
/** Builds the compact knowledge from a parsed STIX 2.1 bundle. */
export declare function attackFromBundle(bundle: unknown, origin?: string): AttackKnowledge;
/**
 * Reads an ATT&CK STIX bundle or a haechi knowledge cache (what `saveKnowledge` wrote); the two are
 * told apart by the cache's `format` field.
 */
export declare function loadAttack(path: string): Promise<AttackKnowledge>;
export declare function saveKnowledge(k: AttackKnowledge, path: string): Promise<void>;
/** Lookups over the knowledge: by id, by name or alias (case-insensitive). */
export declare class AttackIndex {
    readonly knowledge: AttackKnowledge;
    readonly techniques: Map<string, AttackTechnique>;
    readonly groups: Map<string, AttackGroup>;
    readonly software: Map<string, AttackSoftware>;
    readonly campaigns: Map<string, AttackCampaign>;
    private readonly names;
    constructor(knowledge: AttackKnowledge);
    private addName;
    /** ATT&CK id for an id or a name/alias of a group, software or campaign. */
    resolve(nameOrId: string): string | undefined;
    /** the groups a campaign is attributed to */
    campaignGroups(campaignId: string): string[];
    nameOf(id: string): string;
}
