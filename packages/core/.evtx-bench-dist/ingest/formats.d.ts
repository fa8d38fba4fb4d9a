import type { FormatReader } from './types.js';
export declare const FORMATS: FormatReader[];
/** The reader named `name` (as given to --format), or undefined. */
export declare function findFormat(name: string): FormatReader | undefined;
/** `name1, name2, ...` for messages. */
export declare function knownFormatNames(): string;
/** The reader named `name`, or HaechiError('usage') listing the known ones. */
export declare function requireFormat(name: string): FormatReader;
/**
 * The reader most sure about an input (highest sniff score; ties to the earlier reader).
 * Throws HaechiError('input') naming the input and listing the known formats when none fits.
 */
export declare function sniffFormat(name: string, head: Buffer, uri?: string): FormatReader;
