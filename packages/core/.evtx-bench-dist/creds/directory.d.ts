import type { RecordProblem } from '../ingest/types.js';
export declare const DIRECTORY_COLUMNS: readonly ["account", "enabled", "admin", "supplier", "personal_emails", "spns", "preauth_required", "smartcard_required", "password_never_expires", "password_not_required", "des_only", "aes_keys", "trusted_for_delegation", "groups", "last_logon", "password_last_set"];
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];
export interface DirectoryRecord {
    account: string;
    enabled?: boolean;
    admin?: boolean;
    /** company name for a supplier's staff; '' for own staff */
    supplier?: string;
    personalEmails?: string[];
    spns?: string[];
    preauthRequired?: boolean;
    smartcardRequired?: boolean;
    passwordNeverExpires?: boolean;
    passwordNotRequired?: boolean;
    desOnly?: boolean;
    aesKeys?: boolean;
    trustedForDelegation?: boolean;
    groups?: string[];
    lastLogon?: number;
    passwordLastSet?: number;
}
export interface Directory {
    /** keyed by lowercase account */
    records: Map<string, DirectoryRecord>;
    /** the columns present in the export */
    columns: Set<DirectoryColumn>;
    file: string;
}
/**
 * RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF, embedded newlines in quotes. Lines
 * without a quote (the common case) are split directly; quoted records go through a small state
 * machine.
 */
export declare function parseCsv(text: string): {
    rows: string[][];
    lines: number[];
};
/** Parses a directory export (CSV or JSON, sniffed from the first non-blank character). */
export declare function parseDirectory(text: string, file: string, opts?: {
    onProblem?: (p: RecordProblem) => void;
    strict?: boolean;
}): Directory;
