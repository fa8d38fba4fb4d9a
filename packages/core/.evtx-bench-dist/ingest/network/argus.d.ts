import type { FormatReader } from '../types.js';
export declare const argusReader: FormatReader;
