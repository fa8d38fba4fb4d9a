/**
 * IP address and CIDR parsing without allocation-heavy libraries: IPv4 as an unsigned 32-bit
 * number, IPv6 as a 128-bit bigint (RFC 4291 section 2.2 text forms, including `::` and an
 * embedded dotted IPv4 tail, and a `%zone` suffix which is dropped).
 */
/** -1 when `s` is not a dotted-quad IPv4 address. */
export declare function parseIPv4(s: string): number;
/** undefined when `s` is not an IPv6 address. */
export declare function parseIPv6(s: string): bigint | undefined;
export declare function isIP(s: string): boolean;
export interface Cidr {
    v6: boolean;
    /** IPv4: first and last address as numbers; IPv6: as bigints */
    first: number | bigint;
    last: number | bigint;
    text: string;
}
/** `10.0.0.0/8`, `fd00::/8`, or a bare address (a /32 or /128). Undefined when invalid. */
export declare function parseCidr(text: string): Cidr | undefined;
/**
 * A set of address ranges with binary-search membership. Ranges are sorted and merged once,
 * IPv4 in typed arrays, IPv6 as bigints (lists carry few IPv6 ranges).
 */
export declare class CidrSet {
    private v4first;
    private v4last;
    private v6;
    readonly size: number;
    constructor(cidrs: Iterable<Cidr>);
    hasV4(n: number): boolean;
    hasV6(n: bigint): boolean;
    has(ip: string): boolean;
}
