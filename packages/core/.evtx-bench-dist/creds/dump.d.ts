import type { RecordProblem } from '../ingest/types.js';
export interface DumpAccount {
    /** sAMAccountName as written in the dump (case kept), without the domain */
    name: string;
    domain?: string;
    rid?: number;
    /** 32 lowercase hex, or undefined when the dump had no usable NT hash */
    nt?: string;
    /** 32 lowercase hex; undefined or EMPTY_LM when LM storage is off */
    lm?: string;
    /** previous NT hashes, newest first (`_history0` is the newest) */
    history: string[];
    enabled?: boolean;
    pwdLastSet?: number;
    /** from `.kerberos`: the key types present (`aes256-cts-hmac-sha1-96`, `des-cbc-md5`, ...) */
    kerberosKeys: string[];
    /** from `.cleartext`: the password was stored with reversible encryption */
    cleartext?: {
        nt: string;
        sha1: string;
    };
    /** where it came from, for the report */
    sources: string[];
}
export interface DumpParseOptions {
    onProblem?: (p: RecordProblem) => void;
    strict?: boolean;
}
/** Accounts keyed by lowercase sAMAccountName. */
export type AccountMap = Map<string, DumpAccount>;
/**
 * Parses one dump file's text into `map` (merging with what is already there). Handles the main
 * hash lines, `_history` lines, `.kerberos` key lines and `.cleartext` lines in any mix, so a user can
 * pass the three secretsdump files in any order.
 */
export declare function parseDump(text: string, file: string, map?: AccountMap, opts?: DumpParseOptions): AccountMap;
