export type IndicatorType = 'ipv4' | 'ipv6' | 'cidr4' | 'cidr6' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'sha512' | 'email' | 'filename';
export declare const INDICATOR_TYPES: readonly IndicatorType[];
/** TLP 2.0 labels (https://www.first.org/tlp/) */
export type Tlp = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';
export interface Indicator {
    /** the STIX indicator id, or `<source>#<line>` for list imports */
    id: string;
    type: IndicatorType;
    /** normalised value (lower-case host names and hashes, canonical IPs) */
    value: string;
    name?: string;
    /** feed or file the indicator came from */
    source: string;
    /** 0-100 (STIX 2.1 §3.2 confidence scale) */
    confidence?: number;
    /** epoch ms */
    validFrom?: number;
    validUntil?: number;
    tlp?: Tlp;
    /** actors the source links it to: ATT&CK ids where resolved, else names as given */
    actors: string[];
    /** malware families the source links it to (names) */
    malware?: string[];
    /** the STIX pattern it came from */
    pattern?: string;
    /**
     * part of an AND pattern over different observables: a match of this atom alone is only one of
     * `of` conditions
     */
    partOf?: {
        group: string;
        of: number;
    };
}
/** A problem with one input item: reported and skipped, the rest is imported. */
export interface IntelProblem {
    file: string;
    /** line (lists) or object index (bundles), 1-based */
    line?: number;
    /** the STIX object id */
    object?: string;
    message: string;
}
export interface IndicatorImport {
    indicators: Indicator[];
    problems: IntelProblem[];
}
export declare function isIpv4(s: string): boolean;
export declare function ipv4ToInt(s: string): number;
export declare function intToIpv4(n: number): string;
/** Expands an IPv6 address to 8 groups of 4 hex digits; undefined when it is not one. */
export declare function canonicalIpv6(s: string): string | undefined;
/** Maps `::ffff:a.b.c.d` (IPv4-mapped IPv6) to the IPv4 address, else undefined. */
export declare function mappedIpv4(s: string): string | undefined;
export declare function hashTypeOf(hex: string): IndicatorType | undefined;
export declare function normaliseDomain(s: string): string;
/**
 * Lower-cases scheme and host and drops a default port and the fragment: the parts of a URL whose
 * case or presence does not change what it names (RFC 3986 §6.2.2).
 */
export declare function normaliseUrl(s: string): string | undefined;
/**
 * Reads one observable value and says what it is. The type can be forced (CSV `type` column);
 * otherwise it is inferred. Undefined when the value is not a supported observable.
 */
export declare function classifyValue(raw: string, forced?: IndicatorType): {
    type: IndicatorType;
    value: string;
} | undefined;
export declare function parseTlp(s: string | undefined): Tlp | undefined;
/** true when the indicator is valid at `t` (epoch ms); no bounds means always */
export declare function validAt(ind: Pick<Indicator, 'validFrom' | 'validUntil'>, t: number): boolean;
export declare function parseTime(s: unknown, what: string, file: string, line?: number): number | undefined;
