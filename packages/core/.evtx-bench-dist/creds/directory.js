/**
 * Directory export: account attributes as CSV with a header row (RFC 4180 quoting) or JSON
 * records (an array, `{"accounts": [...]}`, or one object per line). Column names are the
 * issue's: `account` (sAMAccountName, the key), `enabled`, `admin`, `supplier`, `personal_emails`,
 * `spns`, `preauth_required`, `smartcard_required`, `password_never_expires`,
 * `password_not_required`, `des_only`, `aes_keys`, `trusted_for_delegation`, `groups`, `last_logon`,
 * `password_last_set`. A column that is absent from the whole export is recorded as such, so the
 * checks that need it say they could not run rather than guessing.
 */
import { HaechiError } from '../errors.js';
export const DIRECTORY_COLUMNS = [
    'account',
    'enabled',
    'admin',
    'supplier',
    'personal_emails',
    'spns',
    'preauth_required',
    'smartcard_required',
    'password_never_expires',
    'password_not_required',
    'des_only',
    'aes_keys',
    'trusted_for_delegation',
    'groups',
    'last_logon',
    'password_last_set',
];
/**
 * RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF, embedded newlines in quotes. Lines
 * without a quote (the common case) are split directly; quoted records go through a small state
 * machine.
 */
export function parseCsv(text) {
    const rows = [];
    const lines = [];
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    while (pos < text.length) {
        let nl = text.indexOf('\n', pos);
        if (nl < 0)
            nl = text.length;
        let end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        const raw = text.slice(pos, end);
        if (!raw.includes('"')) {
            if (raw !== '') {
                rows.push(raw.split(','));
                lines.push(line);
            }
            pos = nl + 1;
            line++;
            continue;
        }
        // quoted record: may continue over several lines
        const startLine = line;
        const row = [];
        let field = '';
        let inQuotes = false;
        let i = pos;
        for (; i < text.length; i++) {
            const ch = text[i];
            if (inQuotes) {
                if (ch === '"') {
                    if (text[i + 1] === '"') {
                        field += '"';
                        i++;
                    }
                    else
                        inQuotes = false;
                }
                else {
                    if (ch === '\n')
                        line++;
                    field += ch;
                }
                continue;
            }
            if (ch === '"' && field === '')
                inQuotes = true;
            else if (ch === ',') {
                row.push(field);
                field = '';
            }
            else if (ch === '\n' || ch === '\r')
                break;
            else
                field += ch;
        }
        row.push(field);
        rows.push(row);
        lines.push(startLine);
        end = i;
        if (text[end] === '\r' && text[end + 1] === '\n')
            end++;
        pos = end + 1;
        line++;
    }
    return { rows, lines };
}
const TRUE = new Set(['true', 'yes', 'y', '1', 'enabled', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'disabled', 'off']);
function toBool(v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v === 'boolean')
        return v;
    if (typeof v === 'number')
        return v !== 0;
    const s = String(v).trim().toLowerCase();
    if (TRUE.has(s))
        return true;
    if (FALSE.has(s))
        return false;
    return new Error(`not a boolean: ${JSON.stringify(String(v).slice(0, 40))}`);
}
function toList(v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    const items = Array.isArray(v) ? v.map(String) : String(v).split(';');
    return items.map((s) => s.trim()).filter((s) => s !== '');
}
function toTime(v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    const s = String(v).trim();
    if (s.toLowerCase() === 'never')
        return undefined;
    // RFC 3339; a bare date or a time without zone is read as UTC
    const iso = /^\d{4}-\d\d-\d\d$/.test(s) ? `${s}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? new Error(`not an RFC 3339 time: ${JSON.stringify(s.slice(0, 40))}`) : t;
}
function buildRecord(obj, report) {
    const account = String(obj.account ?? '').trim();
    if (!account) {
        report('missing account name', 'account');
        return undefined;
    }
    const name = account.includes('\\') ? account.slice(account.lastIndexOf('\\') + 1) : account;
    const rec = { account: name };
    const bool = (col) => {
        const v = toBool(obj[col]);
        if (v instanceof Error) {
            report(v.message, col);
            return undefined;
        }
        return v;
    };
    const time = (col) => {
        const v = toTime(obj[col]);
        if (v instanceof Error) {
            report(v.message, col);
            return undefined;
        }
        return v;
    };
    rec.enabled = bool('enabled');
    rec.admin = bool('admin');
    if ('supplier' in obj)
        rec.supplier = obj.supplier == null ? '' : String(obj.supplier).trim();
    rec.personalEmails = toList(obj.personal_emails)?.map((e) => e.toLowerCase());
    rec.spns = toList(obj.spns);
    rec.preauthRequired = bool('preauth_required');
    rec.smartcardRequired = bool('smartcard_required');
    rec.passwordNeverExpires = bool('password_never_expires');
    rec.passwordNotRequired = bool('password_not_required');
    rec.desOnly = bool('des_only');
    rec.aesKeys = bool('aes_keys');
    rec.trustedForDelegation = bool('trusted_for_delegation');
    rec.groups = toList(obj.groups);
    rec.lastLogon = time('last_logon');
    rec.passwordLastSet = time('password_last_set');
    return rec;
}
/** Parses a directory export (CSV or JSON, sniffed from the first non-blank character). */
export function parseDirectory(text, file, opts = {}) {
    const records = new Map();
    const columns = new Set();
    const known = new Set(DIRECTORY_COLUMNS);
    const problem = (where, reason, field) => {
        if (opts.strict)
            throw new HaechiError('input', reason, { file, ...where, field });
        opts.onProblem?.({ file, ...where, reason, field, level: 'error' });
    };
    const add = (obj, where) => {
        const rec = buildRecord(obj, (reason, field) => problem(where, reason, field));
        if (rec)
            records.set(rec.account.toLowerCase(), rec);
    };
    const trimmed = text.trimStart().replace(/^\uFEFF/, '');
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
        let items;
        try {
            const v = JSON.parse(trimmed);
            items = Array.isArray(v)
                ? v
                : v && typeof v === 'object' && Array.isArray(v.accounts)
                    ? v.accounts
                    : [v];
        }
        catch {
            items = undefined;
        }
        const addItem = (item, where) => {
            if (!item || typeof item !== 'object' || Array.isArray(item)) {
                problem(where, 'not a JSON object');
                return;
            }
            for (const k of Object.keys(item))
                if (known.has(k))
                    columns.add(k);
            add(item, where);
        };
        if (items) {
            for (let i = 0; i < items.length; i++)
                addItem(items[i], { record: i + 1 });
        }
        else {
            // JSON lines
            const lines = text.split(/\r?\n/);
            lines.forEach((l, i) => {
                if (!l.trim())
                    return;
                try {
                    addItem(JSON.parse(l), { line: i + 1 });
                }
                catch (err) {
                    problem({ line: i + 1 }, `invalid JSON: ${err.message}`);
                }
            });
        }
        return { records, columns, file };
    }
    const { rows, lines } = parseCsv(text);
    if (rows.length === 0)
        throw new HaechiError('input', 'directory export is empty', { file });
    const header = rows[0].map((h) => h.trim().toLowerCase());
    if (!header.includes('account')) {
        throw new HaechiError('input', 'directory CSV has no "account" column in its header', { file, line: 1 });
    }
    for (const h of header)
        if (known.has(h))
            columns.add(h);
    for (let r = 1; r < rows.length; r++) {
        const row = rows[r];
        if (row.length !== header.length) {
            problem({ line: lines[r] }, `expected ${header.length} columns, found ${row.length}`);
            continue;
        }
        const obj = {};
        header.forEach((h, i) => {
            obj[h] = row[i];
        });
        add(obj, { line: lines[r] });
    }
    return { records, columns, file };
}
//# sourceMappingURL=directory.js.map