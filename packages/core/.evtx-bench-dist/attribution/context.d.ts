/**
 * Everything attribution needs, loaded once: ATT&CK (optional), haechi's profiles, the group
 * profiles built from both, the scorer, and name lookups for readable evidence.
 */
import { type ActorProfile, type ActorRef, AttackIndex, type AttackKnowledge } from '../intel/index.js';
import { Attributor } from './attributor.js';
import { type GroupProfile } from './profiles.js';
export interface AttributionContext {
    knowledge?: AttackKnowledge;
    index?: AttackIndex;
    profiles: ActorProfile[];
    groups: GroupProfile[];
    attributor: Attributor;
    resolveActor: (s: string) => ActorRef | undefined;
    nameOf: (id: string) => string;
}
/** the eight North Korean groups ATT&CK lists (v18.1) */
export declare const DPRK_GROUPS: readonly ["G0032", "G0067", "G0082", "G0094", "G0138", "G1036", "G1049", "G1052"];
export declare function attributionContext(knowledge: AttackKnowledge | undefined, profiles: ActorProfile[]): AttributionContext;
/** loads ATT&CK (bundle or cache; optional) and the profiles (default folder unless given) */
export declare function loadAttributionContext(opts?: {
    attack?: string;
    profilesDir?: string;
}): Promise<AttributionContext>;
