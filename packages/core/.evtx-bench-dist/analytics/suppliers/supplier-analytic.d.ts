/**
 * Supplier detections (issue 7): activity of supplier accounts held against what the register
 * declares. Inputs are Windows Security logons (4624 success, 4625 failure, 4648 explicit
 * credentials), share access (5140, 5145), Sysmon process creation (1) and network connection (3)
 * events, sshd logins from auth.log, Entra ID sign-ins, and Zeek conn records from addresses a
 * supplier account logged on from. (No VPN-concentrator log reader exists yet; VPN sessions show
 * through the logons and flows they lead to.)
 *
 * Rules (stable ids, `detector: "supplier"`):
 *   supplier-outside-hours        logon outside the supplier's allowed hours, in its time zone
 *   supplier-unexpected-source    logon from an address outside its networks, ASNs and countries
 *   supplier-outside-grants       a host or service its grants do not cover
 *   supplier-many-hosts           many distinct hosts within a few minutes
 *   supplier-interactive-service  an interactive logon by a service account (register
 *                                 `service_accounts`, or SPNs in the directory export)
 *   supplier-dormant-account      first use of an account after a long silence (events or the
 *                                 directory's last_logon), or of one the directory lists as disabled
 *   supplier-bulk-file-access     many distinct files or shares read over SMB within minutes
 *   supplier-archive-created      an archive tool run by a supplier account
 *
 * Entities: the supplier is `{type: 'account', value: 'supplier:<name>'}` (an organisation's
 * account with us, not a logon name; the prefix keeps it apart from any sAMAccountName), the logon
 * account is `{type: 'user', value: <bare name>}`, and hosts and addresses as `host` and `ip`.
 * Every finding's `rule.title` starts with the supplier's name and `details.supplier` repeats it.
 *
 * Findings are aggregated per rule, account and host (one finding with a count and up to 20
 * evidence references, timed at the first event), so a night of RDP is one finding, not hundreds.
 */
import type { Event, Finding } from '../../model/index.js';
import type { ServiceName, SupplierDetectionSettings } from '../../suppliers/config.js';
import type { DirectoryAccount } from '../../suppliers/directory.js';
import { type SupplierRegister } from '../../suppliers/register.js';
import type { Analytic } from '../types.js';
/** What an address lookup says (`core/enrich`'s `createEnricher().lookup` fits). */
export interface SourceInfo {
    asn?: number;
    org?: string;
    country?: string;
}
export type SourceLookup = (ip: string) => SourceInfo | undefined;
export interface SupplierAnalyticOptions {
    register: SupplierRegister;
    settings: SupplierDetectionSettings;
    directory?: readonly DirectoryAccount[];
    /** ASN and country of an address; without it only declared networks are checked */
    lookup?: SourceLookup;
}
/** Windows logon types (MS "Audit logon events", 4624 LogonType) to the service they stand for. */
export declare function serviceOfLogonType(type: number | undefined): ServiceName | undefined;
/** destination port (IANA registry) or Zeek's `service` to a register service */
export declare function serviceOfPort(port: number | undefined, zeekService?: string): ServiceName | undefined;
/** archive passwords on command lines (7z/rar -p, -hp) are secrets: never shown */
export declare function redactCommandLine(cmd: string): string;
export declare class SupplierAnalytic implements Analytic {
    readonly name = "supplier";
    private readonly register;
    private readonly settings;
    private readonly lookup?;
    private readonly lastLogon;
    private readonly disabled;
    /** accounts the directory export gives service principal names: service accounts */
    private readonly withSpn;
    private readonly accesses;
    private readonly files;
    private readonly conns;
    private readonly archives;
    constructor(opts: SupplierAnalyticOptions);
    /** runs in reader threads: supplier accounts' events, and connections to remote-access ports */
    wants(e: Event): boolean;
    feed(events: readonly Event[]): void;
    /**
     * sshd (auth.log: `Outcome` success/failure, host `Computer`, service ssh) and Entra ID sign-ins
     * (`ResultType` "0" is success; no host: a cloud sign-in is judged on hours and source only).
     */
    private feedSignIn;
    /** declared in the register's `service_accounts`, or holding SPNs in the directory export */
    private isServiceAccount;
    private isInternalTarget;
    finish(): Finding[];
    /** Zeek connections from an address a supplier account logged on from, while that lasts */
    private flowAccesses;
    private checkAccess;
    /** undefined when the source is expected (or cannot be judged), else why not */
    private judgeSource;
    private checkManyHosts;
    private checkDormant;
    private checkBulkFiles;
    private checkArchives;
}
