/**
 * Resolves actor names as feeds write them ("HIDDEN COBRA", "Onyx Sleet", "G0138", "Operation Dream
 * Job") to one canonical actor: an ATT&CK group id where one is known.
 */
import type { AttackIndex } from './attack.js';
import type { ActorProfile } from './profiles.js';

export type ActorRef = { id: string; name: string };

export function actorResolver(
  index: AttackIndex | undefined,
  profiles: readonly ActorProfile[],
): (s: string) => ActorRef | undefined {
  const byName = new Map<string, ActorRef>();
  for (const p of profiles) {
    const ref = { id: p.attack_id ?? p.id, name: p.name };
    for (const n of [p.id, p.name, p.attack_id, ...p.aliases.map((a) => a.value)]) {
      if (n && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), ref);
    }
  }
  return (s: string) => {
    const key = s.trim().toLowerCase();
    if (index) {
      const id = index.resolve(s);
      if (id?.startsWith('G')) return { id, name: index.nameOf(id) };
      if (id?.startsWith('C')) {
        const gs = index.campaignGroups(id);
        if (gs.length === 1) return { id: gs[0], name: index.nameOf(gs[0]) };
      }
    }
    return byName.get(key);
  };
}
