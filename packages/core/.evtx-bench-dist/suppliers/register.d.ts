/**
 * The compiled register: which supplier an account belongs to, what it may reach and when, and
 * the asset inventory (host <-> address, tags). Built once from a `SupplierConfig` (and optionally
 * the directory export, whose `supplier` column also names supplier staff).
 */
import type { AssetEntry, ServiceName, SupplierConfig, SupplierEntry } from './config.js';
import type { DirectoryAccount } from './directory.js';
import { type AllowedHours } from './hours.js';
import { AccountMatcher, type Cidr, HostMatcher } from './match.js';
export interface CompiledSupplier {
    readonly name: string;
    /** false for a supplier named only by the directory export (no grants, hours or sources declared) */
    readonly declared: boolean;
    readonly entry?: SupplierEntry;
    readonly accounts: AccountMatcher;
    readonly serviceAccounts: AccountMatcher;
    /** empty: no host restriction declared */
    readonly hosts: HostMatcher;
    /** empty: no service restriction declared */
    readonly services: ReadonlySet<ServiceName>;
    readonly hours?: AllowedHours;
    readonly networks: readonly Cidr[];
    readonly asns: ReadonlySet<number>;
    readonly countries: ReadonlySet<string>;
}
export declare function serviceGranted(s: CompiledSupplier, service: ServiceName): boolean;
export declare class SupplierRegister {
    readonly config: SupplierConfig;
    readonly suppliers: readonly CompiledSupplier[];
    readonly assets: readonly AssetEntry[];
    private readonly byAccount;
    private readonly directorySupplier;
    private readonly hostIps;
    private readonly ipHost;
    private readonly tags;
    constructor(config: SupplierConfig, directory?: readonly DirectoryAccount[]);
    /**
     * The supplier an account belongs to: the register's patterns first (in register order), then
     * the directory export's `supplier` column.
     */
    supplierOf(account: string | undefined): CompiledSupplier | undefined;
    /** the addresses the inventory gives for a host (by short name) */
    ipsOf(host: string): string[];
    /** the inventory's host name for an address */
    hostOfIp(ip: string): string | undefined;
    tagsOf(host: string): ReadonlySet<string>;
    isCrownJewel(host: string): boolean;
    /** `host` may be a name or an address; true when the supplier's grants cover it */
    hostGranted(s: CompiledSupplier, host: string): boolean;
}
/** whether an address falls in any of the blocks */
export declare function inAnyCidr(address: string, blocks: readonly Cidr[]): boolean;
