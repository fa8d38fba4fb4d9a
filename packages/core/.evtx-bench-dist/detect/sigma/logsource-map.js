/**
 * The log source map (`logsources.yaml`): data, not code, that says which events a rule's
 * `logsource` selects (rules specification "LogSource"; taxonomy appendix "Log Sources") and which
 * field aliases apply to each kind of event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { HaechiError } from '../../errors.js';
export function logsourceKey(ls) {
    return `${ls.product ?? ''}/${ls.category ?? ''}/${ls.service ?? ''}`;
}
export function describeLogsource(ls) {
    const parts = ['product', 'category', 'service']
        .filter((k) => ls[k])
        .map((k) => `${k}=${ls[k]}`);
    return parts.length ? parts.join(' ') : '(empty logsource)';
}
export class LogsourceMap {
    entries;
    file;
    byKey = new Map();
    constructor(entries, file) {
        this.entries = entries;
        this.file = file;
        for (const e of entries)
            this.byKey.set(logsourceKey(e), e);
    }
    /** The entry for exactly this product/category/service, or undefined (unmapped). */
    lookup(ls) {
        return this.byKey.get(logsourceKey(ls));
    }
}
function list(v) {
    return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}
/** Parses and validates a log source map. Errors are HaechiError('config') naming file and entry. */
export function parseLogsourceMap(text, file) {
    let doc;
    try {
        doc = parse(text);
    }
    catch (e) {
        throw new HaechiError('config', `log source map is not valid YAML: ${e.message}`, {
            file,
            cause: e,
        });
    }
    const bad = (where, msg) => {
        throw new HaechiError('config', `log source map ${where}: ${msg}`, { file });
    };
    if (!doc || typeof doc !== 'object' || !Array.isArray(doc.logsources)) {
        bad('', "expected a 'logsources' list");
    }
    const entries = [];
    const seen = new Set();
    doc.logsources.forEach((raw, i) => {
        const where = `entry ${i + 1}`;
        if (!raw || typeof raw !== 'object')
            bad(where, 'not a map');
        const r = raw;
        for (const k of Object.keys(r)) {
            if (!['product', 'category', 'service', 'sources'].includes(k))
                bad(where, `unknown key '${k}'`);
        }
        const entry = { sources: [] };
        for (const k of ['product', 'category', 'service']) {
            if (r[k] !== undefined)
                entry[k] = String(r[k]).toLowerCase();
        }
        const key = logsourceKey(entry);
        if (key === '//')
            bad(where, 'names no product, category or service');
        if (seen.has(key))
            bad(where, `duplicate logsource ${describeLogsource(entry)}`);
        seen.add(key);
        const sources = list(r.sources);
        if (sources.length === 0)
            bad(where, `${describeLogsource(entry)} has no sources`);
        sources.forEach((s, j) => {
            const w = `${where} (${describeLogsource(entry)}) source ${j + 1}`;
            if (!s || typeof s !== 'object')
                bad(w, 'not a map');
            const src = s;
            const out = {};
            for (const k of Object.keys(src)) {
                if (!['Channel', 'EventID', 'kind', 'where', 'fields'].includes(k))
                    bad(w, `unknown key '${k}'`);
            }
            if (src.Channel !== undefined)
                out.channels = list(src.Channel).map((c) => String(c).toLowerCase());
            if (src.EventID !== undefined) {
                out.eventIds = list(src.EventID).map((e) => {
                    const n = Number(e);
                    if (!Number.isInteger(n))
                        bad(w, `EventID '${String(e)}' is not an integer`);
                    return n;
                });
            }
            if (src.kind !== undefined)
                out.kinds = list(src.kind).map(String);
            if (src.where !== undefined) {
                if (typeof src.where !== 'object' || Array.isArray(src.where))
                    bad(w, "'where' must be a map");
                out.where = {};
                for (const [f, v] of Object.entries(src.where))
                    out.where[f] = list(v).map((x) => String(x).toLowerCase());
            }
            if (src.fields !== undefined) {
                if (typeof src.fields !== 'object' || Array.isArray(src.fields))
                    bad(w, "'fields' must be a map");
                out.fields = {};
                for (const [f, v] of Object.entries(src.fields))
                    out.fields[f] = String(v);
            }
            if (!out.channels && !out.kinds)
                bad(w, "needs 'Channel' or 'kind' (the index keys)");
            entry.sources.push(out);
        });
        entries.push(entry);
    });
    return new LogsourceMap(entries, file);
}
/**
 * Where the built-in map lives. Next to this module when running from sources; the build copies
 * it beside the compiled module, and a checkout's `src/` copy is the fallback for `dist/`.
 */
function defaultMapPath() {
    const candidates = [
        new URL('./logsources.yaml', import.meta.url),
        new URL('../../../src/detect/sigma/logsources.yaml', import.meta.url),
    ].map((u) => fileURLToPath(u));
    const found = candidates.find((p) => existsSync(p));
    if (!found)
        throw new HaechiError('config', `built-in log source map not found (looked at ${candidates.join(', ')})`);
    return found;
}
let builtin;
/** Loads a log source map from `file`, or the built-in one (cached) when no file is given. */
export function loadLogsourceMap(file) {
    if (file) {
        let text;
        try {
            text = readFileSync(file, 'utf8');
        }
        catch (e) {
            throw new HaechiError('config', `cannot read log source map: ${e.message}`, {
                file,
                cause: e,
            });
        }
        return parseLogsourceMap(text, file);
    }
    if (!builtin) {
        const path = defaultMapPath();
        builtin = parseLogsourceMap(readFileSync(path, 'utf8'), path);
    }
    return builtin;
}
//# sourceMappingURL=logsource-map.js.map