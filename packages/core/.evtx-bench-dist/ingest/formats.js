/**
 * The format registry: every reader `hunt` and the other commands can use, in sniffing priority
 * order (on equal scores the earlier reader wins).
 *
 * To add a reader: ONE import and ONE entry below, in your section, e.g.
 *     import { zeekTsvReader } from './network/zeek-tsv.js';
 *     ...
 *     zeekTsvReader,
 * Its `name` is what `--format` accepts; its `sniff(name, head)` says how sure it is (0..1) from
 * the file name and the first 64 KiB of decompressed bytes. Keep sniffing cheap and specific: a
 * reader that answers > 0 for anything steals other formats' files.
 */
import { HaechiError } from '../errors.js';
import { authLogReader, entraSignInReader } from './auth/index.js';
import { evtxReader } from './evtx/index.js';
import { argusReader, eveReader, zeekJsonReader, zeekTsvReader } from './network/index.js';
import { ecsJsonReader, evtxJsonReader, nxlogJsonReader } from './windows/json-reader.js';
export const FORMATS = [
    // Native EVTX (ingest/evtx)
    evtxReader,
    // Windows events as JSON (ingest/windows)
    evtxJsonReader,
    ecsJsonReader,
    nxlogJsonReader,
    // Network evidence (ingest/network)
    zeekTsvReader,
    zeekJsonReader,
    eveReader,
    argusReader,
    // Authentication logs (ingest/auth)
    authLogReader,
    entraSignInReader,
];
/** The reader named `name` (as given to --format), or undefined. */
export function findFormat(name) {
    return FORMATS.find((f) => f.name === name);
}
/** `name1, name2, ...` for messages. */
export function knownFormatNames() {
    return FORMATS.map((f) => f.name).join(', ');
}
/** The reader named `name`, or HaechiError('usage') listing the known ones. */
export function requireFormat(name) {
    const f = findFormat(name);
    if (!f)
        throw new HaechiError('usage', `unknown format ${JSON.stringify(name)}; known formats: ${knownFormatNames()}`);
    return f;
}
/**
 * The reader most sure about an input (highest sniff score; ties to the earlier reader).
 * Throws HaechiError('input') naming the input and listing the known formats when none fits.
 */
export function sniffFormat(name, head, uri = name) {
    let best;
    let bestScore = 0;
    for (const f of FORMATS) {
        let s = 0;
        try {
            s = f.sniff(name, head);
        }
        catch {
            s = 0; // a reader that cannot even look at these bytes does not want them
        }
        if (s > bestScore) {
            best = f;
            bestScore = s;
        }
    }
    if (!best) {
        throw new HaechiError('input', `no reader recognises this input (${head.length === 0 ? 'it is empty' : 'unknown content'}); known formats: ${knownFormatNames()}; use --format to force one`, { file: uri });
    }
    return best;
}
//# sourceMappingURL=formats.js.map