import { z } from 'zod';
import { type GeoDb } from './geo-db.js';
import { type Cidr } from './ip.js';
export declare const DEFAULT_INTERNAL: string[];
export interface IpInfo {
    ip: string;
    /** inside the operator's networks */
    internal: boolean;
    /** a special-purpose range (loopback, link-local, multicast, ...) */
    special?: string;
    asn?: number;
    org?: string;
    country?: string;
    hosting?: boolean;
    vpn?: boolean;
    tor?: boolean;
}
export type ListKind = 'hosting' | 'vpn' | 'tor';
export interface ReputationLists {
    cidrs: Partial<Record<ListKind, Cidr[]>>;
    asns: Partial<Record<ListKind, number[]>>;
    /** the files read, for the user's log */
    files: string[];
}
export declare const enricherOptionsSchema: z.ZodObject<{
    internal: z.ZodOptional<z.ZodArray<z.ZodString>>;
    listsDir: z.ZodOptional<z.ZodString>;
    geo: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strip>;
export type EnricherOptions = z.infer<typeof enricherOptionsSchema> & {
    lists?: ReputationLists;
    geoDb?: GeoDb;
};
export interface Enricher {
    lookup(ip: string): IpInfo;
    isInternal(ip: string): boolean;
    /** the internal networks in force */
    readonly internal: readonly string[];
}
/**
 * Read hosting/VPN/Tor lists from a folder, recursively. A file's kind comes from its path
 * (`datacenter`/`hosting`/`cloud` -> hosting, `vpn`/`proxy` -> vpn, `tor`/`exit-nodes` -> tor),
 * as in X4BNet's `lists_vpn` layout. Each line is an address, a CIDR, or an ASN (`AS12345`), with
 * `#` comments; other lines are counted as problems and reported in the error when nothing parses.
 */
export declare function loadReputationLists(dir: string): ReputationLists;
export declare function createEnricher(opts?: EnricherOptions): Enricher;
