import type { FormatReader } from '../types.js';
interface SshdFields {
    AuthEvent: string;
    Outcome?: 'success' | 'failure';
    TargetUserName?: string;
    IpAddress?: string;
    IpPort?: number;
    AuthMethod?: string;
    InvalidUser?: boolean;
}
/** The authentication facts of one sshd message, or undefined for other messages. */
export declare function parseSshdMessage(msg: string): SshdFields | undefined;
export declare const authLogReader: FormatReader;
export {};
