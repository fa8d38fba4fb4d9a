import type { FormatReader } from '../types.js';
/** Decode `\xNN` escapes; runs of escaped bytes are UTF-8 when valid, Latin-1 otherwise. */
export declare function unescapeZeek(s: string): string;
export declare const zeekTsvReader: FormatReader;
