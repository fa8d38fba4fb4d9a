/**
 * Everything attribution needs, loaded once: ATT&CK (optional), haechi's profiles, the group
 * profiles built from both, the scorer, and name lookups for readable evidence.
 */
import { AttackIndex, actorResolver, loadAttack, loadProfiles, } from '../intel/index.js';
import { Attributor } from './attributor.js';
import { buildGroupProfiles } from './profiles.js';
/** the eight North Korean groups ATT&CK lists (v18.1) */
export const DPRK_GROUPS = ['G0032', 'G0067', 'G0082', 'G0094', 'G0138', 'G1036', 'G1049', 'G1052'];
export function attributionContext(knowledge, profiles) {
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
        nameOf: (id) => index?.nameOf(id) ?? profileNames.get(id) ?? id,
    };
}
/** loads ATT&CK (bundle or cache; optional) and the profiles (default folder unless given) */
export async function loadAttributionContext(opts = {}) {
    const [k, profiles] = await Promise.all([
        opts.attack ? loadAttack(opts.attack) : Promise.resolve(undefined),
        loadProfiles(opts.profilesDir),
    ]);
    return attributionContext(k, profiles);
}
//# sourceMappingURL=context.js.map