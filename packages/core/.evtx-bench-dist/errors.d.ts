/**
 * One error type for the whole project (DESIGN.md, "Conventions"). Codes map to exit codes and
 * HTTP statuses here and only here.
 */
export type ErrorCode = 'usage' | 'config' | 'input' | 'rule' | 'not-found' | 'auth' | 'forbidden' | 'conflict' | 'internal';
export interface ErrorDetails {
    cause?: unknown;
    file?: string;
    line?: number;
    record?: number;
    field?: string;
}
export declare class HaechiError extends Error {
    readonly code: ErrorCode;
    readonly file?: string;
    readonly line?: number;
    readonly record?: number;
    readonly field?: string;
    constructor(code: ErrorCode, message: string, details?: ErrorDetails);
    /** "file:line: message" style, the way people read it in a terminal. */
    describe(): string;
}
export declare function exitCodeOf(err: unknown): number;
export declare function httpStatusOf(err: unknown): number;
