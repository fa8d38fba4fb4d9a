import type { FormatReader } from '../types.js';
export declare const KNOWN_ZEEK_LOGS: Set<string>;
export declare const zeekJsonReader: FormatReader;
