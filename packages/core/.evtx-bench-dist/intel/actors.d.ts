/**
 * Resolves actor names as feeds write them ("HIDDEN COBRA", "Onyx Sleet", "G0138", "Operation Dream
 * Job") to one canonical actor: an ATT&CK group id where one is known.
 */
import type { AttackIndex } from './attack.js';
import type { ActorProfile } from './profiles.js';
export type ActorRef = {
    id: string;
    name: string;
};
export declare function actorResolver(index: AttackIndex | undefined, profiles: readonly ActorProfile[]): (s: string) => ActorRef | undefined;
