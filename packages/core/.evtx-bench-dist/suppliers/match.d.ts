/**
 * Matching helpers for the supplier register and change windows: account and host globs, and
 * IPv4/IPv6 CIDR blocks. Everything here is case-insensitive because Windows account and host names
 * are (MS-ADTS 3.1.1.5.1.1: sAMAccountName comparisons are case-insensitive).
 */
/**
 * The bare account name: `SJP\hanil.park`, `hanil.park@sjp.example` and `HANIL.PARK` all give
 * `hanil.park`. The domain part is dropped because a register names people, not domains; logs
 * spell the same logon in both forms (down-level and UPN, MS-DTYP 2.4.2.2 / RFC 822 style).
 */
export declare function bareAccount(name: string): string;
/** The short host name, upper-case: `mes-02.sjp.example` gives `MES-02`. An IP stays as it is. */
export declare function shortHost(name: string): string;
/**
 * A glob (`*` any run, `?` one character, everything else literal) compiled to an anchored,
 * case-insensitive regular expression.
 */
export declare function compileGlob(pattern: string): RegExp;
/** Account patterns: matched against the bare account name (domain prefix or suffix ignored). */
export declare class AccountMatcher {
    private readonly exact;
    private readonly globs;
    constructor(patterns: readonly string[]);
    matches(account: string): boolean;
}
export interface ParsedIp {
    v: 4 | 6;
    /** IPv4 as an unsigned 32-bit number widened to bigint, IPv6 as a 128-bit bigint */
    n: bigint;
}
export declare function parseIp(s: string): ParsedIp | undefined;
export interface Cidr {
    v: 4 | 6;
    base: bigint;
    bits: number;
    text: string;
}
/** `10.20.0.0/16`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export declare function parseCidr(s: string): Cidr | undefined;
export declare function cidrContains(c: Cidr, ip: ParsedIp): boolean;
/**
 * Host patterns as the register and windows write them: host-name globs (`MES-*`) or CIDR blocks
 * (`10.20.0.0/16`). A host is matched by its short name and, when its address is known (asset
 * inventory, or the host is written as an address), by address.
 */
export declare class HostMatcher {
    private readonly names;
    readonly cidrs: Cidr[];
    constructor(patterns: readonly string[]);
    get empty(): boolean;
    /** `host` is a name or an address; `ips` are addresses known for it */
    matches(host: string | undefined, ips?: readonly string[]): boolean;
    matchesIp(address: string): boolean;
}
export declare function isPrivateIp(address: string): boolean;
