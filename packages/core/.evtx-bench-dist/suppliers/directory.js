/**
 * The directory export (issue 6's format: CSV with a header or JSON records) as the supplier side
 * sees it: `account` (the key), `supplier`, `groups`, `spns` (an account with service principal
 * names is a service account), `admin`, `enabled`, `last_logon`. The credentials domain owns the
 * parser; this adapter keeps only what the access graph and the supplier detections use.
 */
import { readFile } from 'node:fs/promises';
import { parseDirectory as parseDirectoryExport } from '../creds/index.js';
import { HaechiError } from '../errors.js';
import { bareAccount } from './match.js';
/** Parses the export's text. `onProblem` receives every record or value that was dropped. */
export function parseDirectory(text, file, onProblem = () => { }) {
    const dir = parseDirectoryExport(text, file, { onProblem });
    const out = [];
    for (const r of dir.records.values()) {
        const a = { account: bareAccount(r.account), groups: r.groups ?? [] };
        if (r.spns?.length)
            a.spns = r.spns;
        if (r.supplier?.trim())
            a.supplier = r.supplier.trim();
        if (r.admin !== undefined)
            a.admin = r.admin;
        if (r.enabled !== undefined)
            a.enabled = r.enabled;
        if (r.lastLogon !== undefined)
            a.lastLogon = r.lastLogon;
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