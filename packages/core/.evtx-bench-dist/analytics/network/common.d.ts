import type { Enricher } from '../../enrich/index.js';
import type { Entity, Severity, SourceRef } from '../../model/index.js';
export declare function findingId(detector: string, key: string): string;
export declare function severityOf(score: number): Severity;
/** What attribution needs about an address: ASN, organisation, country, list memberships. */
export declare function addressDetails(enricher: Enricher, ip: string): Record<string, unknown>;
/** Entities in a stable order, without duplicates. */
export declare function entities(list: (Entity | undefined)[]): Entity[];
/** Keep the first `cap` evidence references (and say how many there were in `details`). */
export declare class EvidenceList {
    readonly cap: number;
    refs: SourceRef[];
    total: number;
    constructor(cap: number);
    add(r: SourceRef): void;
}
/**
 * The same for the millions of pairs analytics keep: a plain array and a counter on the owner,
 * allocated on first use, so a pair costs a few words until it has evidence.
 */
export declare function pushCapped<T>(arr: T[] | undefined, item: T, cap: number): T[];
export declare const isoTime: (ms: number) => string;
