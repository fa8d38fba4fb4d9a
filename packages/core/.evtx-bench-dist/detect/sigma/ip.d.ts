/**
 * IP addresses and CIDR ranges for the `cidr` modifier (Sigma modifiers appendix, "IP Modifiers":
 * IPv4 and IPv6 notations). Addresses are parsed to 16-byte arrays; IPv4 is stored as an
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d) so that a v4 range also matches the mapped form that
 * dual-stack sockets log.
 */
/** Parses an IPv4 or IPv6 address (zone id and brackets tolerated) to 16 bytes, or undefined. */
export declare function parseIp(input: string): Uint8Array | undefined;
export interface Cidr {
    bytes: Uint8Array;
    /** prefix length in bits over the 128-bit form */
    bits: number;
}
/** Parses `a.b.c.d/n` or `x::y/n` (a bare address is a /32 or /128). Throws a reason on error. */
export declare function parseCidr(spec: string): Cidr;
export declare function cidrContains(c: Cidr, ip: Uint8Array): boolean;
