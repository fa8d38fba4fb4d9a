/**
 * Indicators from CSV files and plain lists, and `loadIndicatorFile` which picks the reader.
 *
 * Plain list: one value per line; `#` starts a comment; defanged values (`hxxp`, `[.]`) are
 * accepted; the type is inferred. CSV (RFC 4180, first line a header): a `value` (or `indicator`,
 * `ioc`) column and optional `type`, `actor`/`actors` (`;`-separated), `source`, `confidence`,
 * `valid_from`, `valid_until`, `tlp`, `malware`, `name` columns.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HaechiError } from '../errors.js';
import { classifyValue, INDICATOR_TYPES, parseTlp, } from './indicator.js';
import { importStixBundle } from './stix.js';
export function importPlainList(text, opts = {}) {
    const file = opts.file ?? '(list)';
    const source = opts.source ?? basename(file);
    const indicators = [];
    const problems = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i].replace(/\s+#.*$/, '').trim();
        if (!raw || raw.startsWith('#'))
            continue;
        const c = classifyValue(raw);
        if (!c) {
            problems.push({
                file,
                line: i + 1,
                message: `not an indicator haechi can match: ${JSON.stringify(raw.slice(0, 120))}`,
            });
            continue;
        }
        const ind = {
            id: `${source}#${i + 1}`,
            type: c.type,
            value: c.value,
            source,
            actors: opts.actors ?? [],
        };
        if (opts.tlp)
            ind.tlp = opts.tlp;
        if (opts.confidence !== undefined)
            ind.confidence = opts.confidence;
        indicators.push(ind);
    }
    return { indicators, problems };
}
/** RFC 4180 record splitter (quoted fields with "" escapes and embedded newlines). */
export function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let q = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (q) {
            if (c === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i++;
                }
                else
                    q = false;
            }
            else
                field += c;
            continue;
        }
        if (c === '"' && field === '')
            q = true;
        else if (c === ',') {
            row.push(field);
            field = '';
        }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n')
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else
            field += c;
    }
    if (field !== '' || row.length > 0) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}
const TYPE_ALIASES = {
    ip: 'ipv4',
    'ipv4-addr': 'ipv4',
    'ip-dst': 'ipv4',
    'ip-src': 'ipv4',
    'ipv6-addr': 'ipv6',
    cidr: 'cidr4',
    'domain-name': 'domain',
    hostname: 'domain',
    host: 'domain',
    fqdn: 'domain',
    uri: 'url',
    'sha-1': 'sha1',
    'sha-256': 'sha256',
    'sha-512': 'sha512',
    'email-addr': 'email',
    'email-src': 'email',
    'file-name': 'filename',
    'file:name': 'filename',
};
export function importCsv(text, opts = {}) {
    const file = opts.file ?? '(csv)';
    const rows = parseCsv(text);
    if (rows.length === 0)
        return { indicators: [], problems: [] };
    const header = rows[0].map((h) => h.trim().toLowerCase());
    const col = (...names) => header.findIndex((h) => names.includes(h));
    const iValue = col('value', 'indicator', 'ioc', 'observable');
    if (iValue < 0) {
        throw new HaechiError('input', `CSV header has no value column (value, indicator, ioc): ${rows[0].join(',')}`, {
            file,
            line: 1,
        });
    }
    const iType = col('type', 'kind');
    const iActor = col('actor', 'actors', 'group', 'threat_actor');
    const iSource = col('source', 'feed');
    const iConf = col('confidence');
    const iFrom = col('valid_from', 'first_seen');
    const iUntil = col('valid_until', 'expires');
    const iTlp = col('tlp');
    const iMal = col('malware', 'family');
    const iName = col('name', 'description');
    const source0 = opts.source ?? basename(file);
    const indicators = [];
    const problems = [];
    for (let r = 1; r < rows.length; r++) {
        const row = rows[r];
        const line = r + 1;
        if (row.length === 1 && row[0].trim() === '')
            continue;
        const get = (i) => (i >= 0 ? (row[i] ?? '').trim() : '');
        const rawType = get(iType).toLowerCase();
        let forced;
        if (rawType) {
            forced =
                TYPE_ALIASES[rawType] ??
                    (INDICATOR_TYPES.includes(rawType) ? rawType : undefined);
            if (!forced) {
                problems.push({
                    file,
                    line,
                    message: `unknown indicator type ${JSON.stringify(rawType)} (field type)`,
                });
                continue;
            }
        }
        const value = get(iValue);
        // an "ipv4" column value with a prefix is a CIDR; let classification decide between the two
        const c = classifyValue(value, forced === 'ipv4' && value.includes('/') ? undefined : forced);
        if (!c) {
            problems.push({
                file,
                line,
                message: `value ${JSON.stringify(value.slice(0, 120))} is not a valid ${forced ?? 'indicator'} (field value)`,
            });
            continue;
        }
        const ind = {
            id: `${source0}#${line}`,
            type: c.type,
            value: c.value,
            source: get(iSource) || source0,
            actors: [
                ...new Set([
                    ...(opts.actors ?? []),
                    ...get(iActor)
                        .split(/[;|]/)
                        .map((s) => s.trim())
                        .filter(Boolean),
                ]),
            ],
        };
        const conf = get(iConf);
        if (conf) {
            const n = Number(conf);
            if (!Number.isFinite(n) || n < 0 || n > 100) {
                problems.push({
                    file,
                    line,
                    message: `confidence ${JSON.stringify(conf)} is not 0-100 (field confidence)`,
                });
                continue;
            }
            ind.confidence = n;
        }
        else if (opts.confidence !== undefined)
            ind.confidence = opts.confidence;
        for (const [i, key] of [
            [iFrom, 'validFrom'],
            [iUntil, 'validUntil'],
        ]) {
            const s = get(i);
            if (!s)
                continue;
            const t = Date.parse(s);
            if (!Number.isFinite(t)) {
                problems.push({
                    file,
                    line,
                    message: `${header[i]} ${JSON.stringify(s)} is not a time (field ${header[i]})`,
                });
                continue;
            }
            ind[key] = t;
        }
        const tlp = parseTlp(get(iTlp)) ?? opts.tlp;
        if (tlp)
            ind.tlp = tlp;
        const mal = get(iMal);
        if (mal)
            ind.malware = mal
                .split(/[;|]/)
                .map((s) => s.trim())
                .filter(Boolean);
        const name = get(iName);
        if (name)
            ind.name = name;
        indicators.push(ind);
    }
    return { indicators, problems };
}
/** Reads a STIX 2.1 bundle (`.json`), a CSV (`.csv`) or a plain list (anything else). */
export async function loadIndicatorFile(path, opts = {}) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        throw new HaechiError('input', `cannot read indicators: ${err.message}`, {
            file: path,
            cause: err,
        });
    }
    const o = { ...opts, file: path };
    const head = text.trimStart().slice(0, 1);
    if (/\.json$/i.test(path) || head === '{')
        return importStixBundle(text, o);
    if (/\.csv$/i.test(path))
        return importCsv(text, o);
    return importPlainList(text, o);
}
//# sourceMappingURL=lists.js.map