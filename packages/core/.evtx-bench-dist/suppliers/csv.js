export function parseCsv(text, file) {
    const records = [];
    let cells = [];
    let cell = '';
    let quoted = false;
    let line = 1;
    let startLine = 1;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark from spreadsheet exports
    let any = false;
    for (; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"') {
                if (text[i + 1] === '"') {
                    cell += '"';
                    i++;
                }
                else
                    quoted = false;
            }
            else {
                if (ch === '\n')
                    line++;
                cell += ch;
            }
            continue;
        }
        if (ch === '"' && cell === '') {
            quoted = true;
            any = true;
        }
        else if (ch === ',') {
            cells.push(cell);
            cell = '';
            any = true;
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n')
                i++;
            cells.push(cell);
            if (any || cells.length > 1 || cells[0] !== '')
                records.push({ line: startLine, cells });
            cells = [];
            cell = '';
            any = false;
            line++;
            startLine = line;
        }
        else {
            cell += ch;
            any = true;
        }
    }
    if (quoted)
        throw new Error(`${file}:${startLine}: unterminated quoted field`);
    if (any || cell !== '' || cells.length > 0) {
        cells.push(cell);
        records.push({ line: startLine, cells });
    }
    if (records.length === 0)
        return { header: [], rows: [] };
    const header = records[0].cells.map((h) => h.trim().toLowerCase());
    const rows = records.slice(1).map((r) => {
        const values = {};
        header.forEach((h, k) => {
            values[h] = (r.cells[k] ?? '').trim();
        });
        return { line: r.line, values };
    });
    return { header, rows };
}
/** `a;b; c` to `['a','b','c']` (the directory export's and register's list separator) */
export function splitList(s) {
    if (!s)
        return [];
    return s
        .split(/[;|]/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
}
//# sourceMappingURL=csv.js.map