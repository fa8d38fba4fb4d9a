/**
 * Everything attribution needs, loaded once: ATT&CK (optional), haechi's profiles, the group
 * profiles built from both, the scorer, and name lookups for readable evidence.
 */
import {
  type ActorProfile,
  type ActorRef,
  AttackIndex,
  type AttackKnowledge,
  actorResolver,
  loadAttack,
  loadProfiles,
} from '../intel/index.js';
import { Attributor } from './attributor.js';
import { buildGroupProfiles, type GroupProfile } from './profiles.js';

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
export const DPRK_GROUPS = ['G0032', 'G0067', 'G0082', 'G0094', 'G0138', 'G1036', 'G1049', 'G1052'] as const;

export function attributionContext(
  knowledge: AttackKnowledge | undefined,
  profiles: ActorProfile[],
): AttributionContext {
  const index = knowledge ? new AttackIndex(knowledge) : undefined;
  const groups = buildGroupProfiles(knowledge, profiles);
  const attributor = new Attributor(groups);
  const profileNames = new Map(profiles.map((p) => [p.attack_id ?? p.id, p.name]));
  return {
    knowledge,
    index,
    profiles,
    groups,
    attributor,
    resolveActor: actorResolver(index, profiles),
    nameOf: (id: string) => index?.nameOf(id) ?? profileNames.get(id) ?? id,
  };
}

/** loads ATT&CK (bundle or cache; optional) and the profiles (default folder unless given) */
export async function loadAttributionContext(
  opts: { attack?: string; profilesDir?: string } = {},
): Promise<AttributionContext> {
  const [k, profiles] = await Promise.all([
    opts.attack ? loadAttack(opts.attack) : Promise.resolve(undefined),
    loadProfiles(opts.profilesDir),
  ]);
  return attributionContext(k, profiles);
}
