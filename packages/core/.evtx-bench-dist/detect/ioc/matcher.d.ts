import { type IocSpec } from './spec.js';
/** Parses dotted-quad IPv4 without allocating; -1 when it is not one. */
export declare function parseIpv4(s: string): number;
/** Bloom filter over strings (ASCII case-insensitive) and 32-bit integers. */
export declare class BloomFilter {
    private readonly bits;
    private readonly mask;
    constructor(expected: number);
    private set;
    private test;
    addString(s: string, from?: number): void;
    /** may `s.slice(from)` have been added? */
    hasString(s: string, from?: number): boolean;
    addInt(n: number): void;
    hasInt(n: number): boolean;
}
export declare class IocMatcher {
    readonly spec: IocSpec;
    readonly size: number;
    private readonly next;
    private readonly ip4;
    /** segment i covers [segStart[i], segEnd[i]]; its prefixes are segIdx[segOff[i] .. segOff[i+1]) */
    private readonly segStart;
    private readonly segEnd;
    private readonly segOff;
    private readonly segIdx;
    private readonly bucketFirst;
    private readonly ip6;
    private readonly cidr6;
    private readonly domains;
    private readonly urls;
    private readonly hashes;
    private readonly hashesUpper;
    private readonly emails;
    private readonly filenames;
    private readonly bloom;
    constructor(spec: IocSpec);
    private chain;
    /** indicator indices matching an IPv4 address given as a 32-bit unsigned number */
    matchIpv4Int(ip: number, out: number[]): void;
    /** any textual IP (v4, v6, IPv4-mapped v6, bracketed) */
    matchIp(s: string, out: number[]): void;
    /** a host name: the name itself and each parent domain */
    matchDomain(s: string, out: number[]): void;
    matchUrl(s: string, out: number[]): void;
    matchHash(s: string, out: number[]): void;
    matchEmail(s: string, out: number[]): void;
    matchFilename(path: string, out: number[]): void;
    get hasUrls(): boolean;
    get hasEmails(): boolean;
    get hasFilenames(): boolean;
    get hasHashes(): boolean;
}
