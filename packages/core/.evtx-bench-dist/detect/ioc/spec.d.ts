/**
 * The compiled form of an indicator set: columns of plain arrays, so that it is structured-clonable
 * (it travels to every hunt worker thread) and compact (a million indicators share a small table
 * of provenance records instead of a million objects).
 */
import type { Indicator, IndicatorType, Tlp } from '../../intel/index.js';
import type { ActorEvidence } from '../../model/index.js';
export declare const TYPE_CODES: readonly IndicatorType[];
export interface IocMeta {
    source: string;
    confidence?: number;
    tlp?: Tlp;
    validFrom?: number;
    validUntil?: number;
    /** resolved actor links: id (ATT&CK group id where known), display name */
    actors: {
        id: string;
        name: string;
    }[];
    malware?: string[];
    name?: string;
    pattern?: string;
    partOf?: {
        group: string;
        of: number;
    };
}
export interface IocSpec {
    kind: 'haechi-ioc-spec/1';
    ids: string[];
    types: Uint8Array;
    values: string[];
    meta: Uint32Array;
    metas: IocMeta[];
}
export type ActorResolver = (nameOrId: string) => {
    id: string;
    name: string;
} | undefined;
/** Packs indicators into an IocSpec; `resolveActor` maps names/aliases to canonical actor ids. */
export declare function compileIocSpec(indicators: readonly Indicator[], resolveActor?: ActorResolver): IocSpec;
/** How much an indicator match says about an actor: observable kind times the source's confidence. */
export declare function indicatorWeight(type: IndicatorType, m: IocMeta): number;
export type { ActorEvidence };
