import type { RecordProblem } from '../ingest/types.js';
export interface DirectoryAccount {
    /** bare, lower-case sAMAccountName */
    account: string;
    /** the supplier company for its staff; undefined for the organisation's own people */
    supplier?: string;
    groups: string[];
    /** service principal names: present for service accounts */
    spns?: string[];
    /** member of an administrative group (domain-wide administrative rights) */
    admin?: boolean;
    enabled?: boolean;
    /** epoch ms */
    lastLogon?: number;
}
/** Parses the export's text. `onProblem` receives every record or value that was dropped. */
export declare function parseDirectory(text: string, file: string, onProblem?: (p: RecordProblem) => void): DirectoryAccount[];
export declare function loadDirectory(path: string, onProblem?: (p: RecordProblem) => void): Promise<DirectoryAccount[]>;
