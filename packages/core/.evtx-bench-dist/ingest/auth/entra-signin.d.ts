import type { FormatReader } from '../types.js';
type Obj = Record<string, unknown>;
export type EntraNormalized = {
    time: number;
    fields: Obj;
} | {
    error: string;
    field?: string;
};
/** One sign-in record (any of the three shapes) to an event's time and fields. */
export declare function normalizeEntraSignIn(rec: Obj): EntraNormalized;
export declare const entraSignInReader: FormatReader;
export {};
