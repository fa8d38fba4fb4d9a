interface V4Table {
    first: Uint32Array;
    last: Uint32Array;
    value: Uint32Array;
}
/** index of the row containing `ip`, or -1 */
export declare function findV4(t: V4Table, ip: number): number;
export interface GeoAnswer {
    asn?: number;
    org?: string;
    country?: string;
}
export declare class GeoDb {
    private asn4?;
    private asn6?;
    private cc4?;
    private cc6?;
    private orgs;
    private loadAsn4;
    private loadAsn6;
    private loadCc4;
    private loadCc6;
    private asnOf;
    /** Load every table now (benchmarks, servers that want no first-lookup delay). */
    preload(): void;
    lookupV4(ip: number): GeoAnswer;
    lookupV6(ip: bigint): GeoAnswer;
}
/** One database per process: the tables are large and read-only. */
export declare function sharedGeoDb(): GeoDb;
export {};
