import { argusReader } from './argus.js';
import { eveReader } from './eve.js';
import { zeekJsonReader } from './zeek-json.js';
import { zeekTsvReader } from './zeek-tsv.js';
export { argusReader } from './argus.js';
export { parseIsoTime } from './common.js';
export { eveReader } from './eve.js';
export { fileInput, textInput } from './file-input.js';
export { KNOWN_ZEEK_LOGS, zeekJsonReader } from './zeek-json.js';
export { unescapeZeek, zeekTsvReader } from './zeek-tsv.js';
/** For the format registry, in sniffing priority order. */
export const NETWORK_READERS = [
    zeekTsvReader,
    zeekJsonReader,
    eveReader,
    argusReader,
];
export { readAll } from './read-all.js';
//# sourceMappingURL=index.js.map