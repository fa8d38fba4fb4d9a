/** Readers of network evidence: Zeek (TSV and JSON), Suricata EVE, Argus flows. */
import type { FormatReader } from '../types.js';
export { argusReader } from './argus.js';
export { parseIsoTime } from './common.js';
export { eveReader } from './eve.js';
export { fileInput, textInput } from './file-input.js';
export { KNOWN_ZEEK_LOGS, zeekJsonReader } from './zeek-json.js';
export { unescapeZeek, zeekTsvReader } from './zeek-tsv.js';
/** For the format registry, in sniffing priority order. */
export declare const NETWORK_READERS: readonly FormatReader[];
export { readAll } from './read-all.js';
