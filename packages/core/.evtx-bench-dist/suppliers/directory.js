/**
 * The few columns of the directory export (issue 6's format: CSV with a header or JSON records)
 * that the supplier side needs: `account` (the key), `supplier`, `groups` (`;`-separated),
 * `admin`, `enabled`, `last_logon` (RFC 3339), `spns` (`;`-separated: an account with service
 * principal names is a service account). The credentials domain (`core/creds`) reads the
 * full export; this reader is deliberately narrow so the two can evolve apart.
 * A bad value is reported (file, line/record, field) and that value dropped; the row is kept.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { HaechiError } from '../errors.js';
import { parseCsv, splitList } from './csv.js';
import { bareAccount } from './match.js';
function parseBool(v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v === 'boolean')
        return v;
    const s = String(v).trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(s))
        return true;
    if (['false', 'no', 'n', '0'].includes(s))
        return false;
    return null;
}
function parseTime(v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    const s = String(v).trim();
    // "never" / 0 FILETIME exports: no logon recorded
    if (/^(never|0|1601-01-01.*)$/i.test(s))
        return undefined;
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : t;
}
function toList(v) {
    if (Array.isArray(v))
        return v
            .map(String)
            .map((s) => s.trim())
            .filter(Boolean);
    if (typeof v === 'string')
        return splitList(v);
    return [];
}
/** Parses the export's text. `onProblem` receives every dropped value. */
export function parseDirectory(text, file, onProblem = () => { }) {
    const name = basename(file);
    let records;
    const trimmed = text.trimStart();
    if (extname(file).toLowerCase() === '.json' ||
        extname(file).toLowerCase() === '.jsonl' ||
        trimmed.startsWith('[') ||
        trimmed.startsWith('{')) {
        records = [];
        if (trimmed.startsWith('[')) {
            let arr;
            try {
                arr = JSON.parse(text);
            }
            catch (err) {
                throw new HaechiError('input', `not valid JSON: ${err.message}`, {
                    file: name,
                    cause: err,
                });
            }
            arr.forEach((r, i) => {
                records.push({ where: { record: i + 1 }, values: (r ?? {}) });
            });
        }
        else {
            text.split('\n').forEach((l, i) => {
                if (!l.trim())
                    return;
                try {
                    records.push({ where: { line: i + 1 }, values: JSON.parse(l) });
                }
                catch (err) {
                    onProblem({
                        file: name,
                        line: i + 1,
                        reason: `not valid JSON: ${err.message}`,
                        level: 'error',
                    });
                }
            });
        }
    }
    else {
        let parsed;
        try {
            parsed = parseCsv(text, name);
        }
        catch (err) {
            throw new HaechiError('input', err.message, { file: name, cause: err });
        }
        if (!parsed.header.includes('account'))
            throw new HaechiError('input', `the directory export has no 'account' column (got ${parsed.header.join(', ') || 'nothing'})`, {
                file: name,
                line: 1,
            });
        records = parsed.rows.map((r) => ({ where: { line: r.line }, values: r.values }));
    }
    const out = [];
    for (const { where, values } of records) {
        const raw = values.account ?? values.sAMAccountName ?? values.samaccountname;
        if (typeof raw !== 'string' || raw.trim() === '') {
            onProblem({
                file: name,
                ...where,
                field: 'account',
                reason: 'missing account; record skipped',
                level: 'error',
            });
            continue;
        }
        const a = { account: bareAccount(raw), groups: toList(values.groups) };
        const spns = toList(values.spns);
        if (spns.length > 0)
            a.spns = spns;
        const supplier = values.supplier;
        if (typeof supplier === 'string' && supplier.trim() !== '')
            a.supplier = supplier.trim();
        for (const key of ['admin', 'enabled']) {
            const b = parseBool(values[key]);
            if (b === null)
                onProblem({
                    file: name,
                    ...where,
                    field: key,
                    reason: `'${values[key]}' is not a boolean; value ignored`,
                    level: 'warning',
                });
            else if (b !== undefined)
                a[key] = b;
        }
        const t = parseTime(values.last_logon);
        if (t === null)
            onProblem({
                file: name,
                ...where,
                field: 'last_logon',
                reason: `'${values.last_logon}' is not an RFC 3339 time; value ignored`,
                level: 'warning',
            });
        else if (t !== undefined)
            a.lastLogon = t;
        out.push(a);
    }
    return out;
}
export async function loadDirectory(path, onProblem) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        throw new HaechiError('input', `cannot read ${path}: ${err.code ?? err}`, {
            cause: err,
            file: path,
        });
    }
    return parseDirectory(text, path, onProblem);
}
//# sourceMappingURL=directory.js.map