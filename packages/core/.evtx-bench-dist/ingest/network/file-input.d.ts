import type { InputSource } from '../types.js';
export declare function fileInput(path: string, uri?: string): InputSource;
/** An `InputSource` over text in memory (tests, the demo, stdin already read). */
export declare function textInput(uri: string, text: string | Buffer): InputSource;
