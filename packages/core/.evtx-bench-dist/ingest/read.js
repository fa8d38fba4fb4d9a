/**
 * Reading events from inputs: pick the reader (by --format or by sniffing) and delegate; and a
 * convenience over paths that also keeps per-input statistics (records read, skipped and why).
 */
import { basename } from 'node:path';
import { requireFormat, sniffFormat } from './formats.js';
import { discoverInputs } from './inputs.js';
/** The reader for an input: the one named by `opts.format`, else the best sniff. */
export function readerFor(input, opts = {}) {
    if (opts.format)
        return requireFormat(opts.format);
    return sniffFormat(input.name ?? basename(input.uri), input.head, input.uri);
}
/**
 * The events of one input, in batches. Throws HaechiError('input') when no reader recognises the
 * input, ('usage') for an unknown `opts.format`; record problems go to `opts.onProblem` (or throw
 * under `opts.strict`).
 */
export async function* readEvents(input, opts = {}) {
    // an empty input has no records to read or to skip, whatever its format
    if (input.head.length === 0 && !opts.format)
        return;
    yield* readerFor(input, opts).read(input, opts);
}
/** A reason with its specific values blanked: `invalid TimeCreated "x"` and `"y"` group together. */
export function reasonKey(p) {
    const r = p.reason.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N');
    return p.field ? `${r} [${p.field}]` : r;
}
/**
 * Every input behind `paths` with its events and statistics. Problems are counted against the
 * input they name and passed on to `opts.onProblem`. An input no reader recognises (or that fails
 * as a whole) gets `stats.error` and no events, unless `opts.strict`, which throws.
 */
export async function* readPaths(paths, opts = {}) {
    let current;
    const onProblem = (p) => {
        if (current && p.file === current.uri) {
            if (p.level === 'error') {
                current.skipped++;
                if (p.record !== undefined)
                    current.records++;
            }
            else
                current.warnings++;
            const k = reasonKey(p);
            current.reasons[k] = (current.reasons[k] ?? 0) + 1;
        }
        opts.onProblem?.(p);
    };
    const inner = { ...opts, onProblem };
    for await (const input of discoverInputs(paths, inner)) {
        const stats = { uri: input.uri, records: 0, events: 0, skipped: 0, warnings: 0, reasons: {} };
        current = stats;
        async function* batches() {
            if (input.head.length === 0 && !opts.format)
                return; // empty: nothing to read or skip
            let reader;
            try {
                reader = readerFor(input, opts);
            }
            catch (err) {
                if (opts.strict)
                    throw err;
                stats.error = err.message;
                return;
            }
            stats.format = reader.name;
            for await (const b of reader.read(input, inner)) {
                stats.events += b.length;
                stats.records += b.length;
                yield b;
            }
        }
        yield { input, stats, batches: batches() };
        current = undefined;
    }
}
//# sourceMappingURL=read.js.map