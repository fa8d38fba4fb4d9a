import { Readable } from 'node:stream';
import type { InputSource, ReadOptions } from './types.js';
/** How many decompressed bytes readers get for sniffing. */
export declare const HEAD_BYTES: number;
export interface DiscoverOptions extends ReadOptions {
    /** the stream `-` stands for (default process.stdin; tests pass their own) */
    stdin?: Readable;
    /** also read hidden files and folders met while walking (named paths are always read) */
    includeHidden?: boolean;
}
/**
 * The inputs behind `paths`, in a deterministic order: each path in the order given, folders
 * walked depth-first with names sorted by code point. A named path that does not exist throws
 * HaechiError('input'); unreadable files met while walking and broken archives are reported
 * through `opts.onProblem` and skipped (strict mode throws).
 */
export declare function discoverInputs(paths: readonly string[], opts?: DiscoverOptions): AsyncGenerator<InputSource>;
