import type { FormatReader } from '../types.js';
export declare const eveReader: FormatReader;
