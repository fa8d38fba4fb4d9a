/**
 * The credential hygiene audit: account hashes + directory attributes + a breach corpus +
 * exposures in, findings with stable check names out. Accounts and 5-hex hash prefixes are the
 * only identifiers in the output; no plaintext or full hash leaves this module.
 */
import type { Severity } from '../model/index.js';
import type { CorpusIndex } from './corpus-index.js';
import type { Directory, DirectoryRecord } from './directory.js';
import type { AccountMap, DumpAccount } from './dump.js';
import type { ExposureSummary, LinkedTarget } from './exposures.js';
export declare const CHECKS: readonly ["duplicate-password", "breached-password", "personal-reuse", "username-as-password", "empty-password", "lm-hash", "default-computer-password", "cleartext-stored", "password-never-expires", "password-not-required", "kerberoastable", "asrep-roastable", "des-only", "aes-keys-missing", "delegatable-admin", "stale-account", "history-breached"];
export type CheckName = (typeof CHECKS)[number];
export interface AuditFinding {
    check: CheckName;
    severity: Severity;
    accounts: string[];
    [detail: string]: unknown;
}
export interface CheckStatus {
    check: CheckName;
    ran: boolean;
    /** why it could not run (an absent column or input) */
    reason?: string;
}
export interface AuditResult {
    accounts: number;
    findings: AuditFinding[];
    checks: CheckStatus[];
    /** accounts left out of the checks because they are disabled */
    disabled: number;
    exposures?: Omit<ExposureSummary, 'matches'>;
    corpus?: {
        algorithm: string;
        entries: number;
        bits: number;
    };
}
export interface AuditOptions {
    /** the reference time for staleness (epoch ms); pass it for reproducible output */
    now: number;
    /** an enabled account not used for this many days is stale (90, as most AD assessments use) */
    staleDays?: number;
    /** names of groups that make an account an administrator when the `admin` column is absent */
    adminGroups?: string[];
}
export declare const DEFAULT_ADMIN_GROUPS: string[];
/** One account as the checks see it: hashes from the dump and attributes from the directory. */
export interface AuditAccount {
    key: string;
    name: string;
    dump?: DumpAccount;
    dir?: DirectoryRecord;
    computer: boolean;
    admin: boolean;
    supplier: string;
    enabled: boolean;
}
export declare function mergeAccounts(dumps: AccountMap, directory: Directory | undefined, adminGroups?: string[]): AuditAccount[];
/** Links personal addresses to accounts for the exposure reader. */
export declare function exposureLinker(accounts: AuditAccount[]): (email: string) => LinkedTarget[] | undefined;
export declare function runAudit(accounts: AuditAccount[], inputs: {
    directory?: Directory;
    corpus?: CorpusIndex;
    exposures?: ExposureSummary;
}, opts: AuditOptions): AuditResult;
