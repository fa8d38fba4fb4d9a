/**
 * Services a supplier may be granted. `network` stands for any network logon (Windows logon
 * type 3: SMB, WinRM, RPC); `console` for an interactive logon at the machine (type 2).
 */
export declare const SERVICES: readonly ["rdp", "smb", "winrm", "rpc", "network", "ssh", "vpn", "console", "http", "https", "sql", "ftp", "vnc", "batch", "service"];
export type ServiceName = (typeof SERVICES)[number];
export interface SupplierEntry {
    name: string;
    id?: string;
    /** account names or globs; domain prefix/suffix ignored, case-insensitive */
    accounts: string[];
    /** accounts (patterns) that should only log on as a service, batch or network logon */
    service_accounts: string[];
    /** host-name globs or CIDR blocks the supplier may reach */
    hosts: string[];
    services: ServiceName[];
    hours?: {
        days: string;
        from: string;
        to: string;
        tz: string;
    };
    sources?: {
        networks: string[];
        asns: number[];
        countries: string[];
    };
    contact?: string;
}
export interface ChangeWindowEntry {
    id: string;
    /** RFC 3339 as written */
    start: string;
    end: string;
    /** epoch ms UTC */
    startMs: number;
    endMs: number;
    hosts: string[];
    relaxed?: string;
    approved_by?: string;
    ticket?: string;
}
/** The asset inventory: host names, their addresses, tags (`crown-jewel`) and who administers them. */
export interface AssetEntry {
    host: string;
    ips: string[];
    tags: string[];
    /** accounts or groups with administrative rights on the host */
    admins: string[];
}
/** Thresholds of the supplier detections (documented defaults below). */
export interface SupplierDetectionSettings {
    /** distinct hosts logged on to by one supplier account within `many_hosts_minutes` */
    many_hosts: number;
    many_hosts_minutes: number;
    /** an account unused for this many days is dormant */
    dormant_days: number;
    /** distinct files or shares touched (5145/5140) within `bulk_minutes` */
    bulk_files: number;
    bulk_minutes: number;
    /** how long an address that a supplier account logged on from is attributed to it (Zeek flows) */
    session_hours: number;
}
export declare const DEFAULT_DETECTION: SupplierDetectionSettings;
export interface SupplierConfig {
    suppliers: SupplierEntry[];
    windows: ChangeWindowEntry[];
    assets: AssetEntry[];
    detection: SupplierDetectionSettings;
}
export declare const CROWN_JEWEL_TAG = "crown-jewel";
type PathKey = string | number;
/** finds the line of a path in the source (YAML node, CSV row), walking up to the nearest known */
export type Locate = (path: readonly PathKey[]) => number | undefined;
/**
 * Validates already-parsed data (a YAML/JSON document, or `haechi.yaml`'s effective config) with
 * the keys `suppliers`, `windows`, `assets`, `supplier_detection`. Throws HaechiError('config')
 * naming file, line, entry and field; all problems are listed, the first one in the fields.
 */
export declare function parseSupplierConfig(data: unknown, file: string, locate?: Locate): SupplierConfig;
/** YAML text (a register, a windows file, or haechi.yaml) with line numbers in errors */
export declare function parseSupplierYaml(text: string, file: string): SupplierConfig;
/**
 * The register as CSV, one supplier a row. Columns: name, id, accounts, service_accounts, hosts,
 * services, days, from, to, tz, networks, asns, countries, contact (lists `;`-separated). An
 * absent column is an absent key.
 */
export declare function parseSupplierCsv(text: string, file: string): SupplierConfig;
/** Reads a register/windows/assets file: CSV by its extension, YAML (or JSON) otherwise. */
export declare function loadSupplierFile(path: string): Promise<SupplierConfig>;
/** Several files into one config; a supplier, window or asset declared twice is an error. */
export declare function mergeSupplierConfigs(parts: readonly {
    file: string;
    config: SupplierConfig;
}[]): SupplierConfig;
export {};
