import { DEFAULT_BATCH, lineChunks, report } from './common.js';
const NUMERIC = new Set([
    'Dur',
    'sTos',
    'dTos',
    'TotPkts',
    'TotBytes',
    'SrcBytes',
    'DstBytes',
    'SrcPkts',
    'DstPkts',
    'sTtl',
    'dTtl',
    'Load',
    'Rate',
    'Loss',
]);
const PORTS = new Set(['Sport', 'Dport']);
const ARGUS_TIME = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?$/;
function parseArgusTime(s, offsetMin) {
    const m = ARGUS_TIME.exec(s);
    if (m) {
        const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
        return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + frac - offsetMin * 60_000);
    }
    const n = Number(s);
    return s.length > 0 && Number.isFinite(n) ? Math.round(n * 1000) : Number.NaN;
}
export const argusReader = {
    name: 'argus',
    description: 'Argus bidirectional flow CSV (ra -c output, CTU .binetflow)',
    sniff(name, head) {
        const first = head.subarray(0, 2048).toString('latin1').split('\n', 1)[0];
        if (/^StartTime[,\t]/.test(first) && /SrcAddr/.test(first) && /DstAddr/.test(first))
            return 0.95;
        return /\.binetflow$/i.test(name) ? 0.5 : 0;
    },
    async *read(input, opts) {
        const batchSize = opts.batchSize ?? DEFAULT_BATCH;
        const file = input.uri;
        const off = Number(opts.settings?.utcOffsetMinutes ?? 0) || 0;
        let header;
        let sep = ',';
        let timeIdx = -1;
        let batch = [];
        for await (const { lines, first } of lineChunks(input.open())) {
            for (let li = 0; li < lines.length; li++) {
                const line = lines[li];
                const lineNo = first + li;
                if (line.length === 0)
                    continue;
                if (!header) {
                    sep = line.includes('\t') && !line.includes(',') ? '\t' : ',';
                    header = line.split(sep).map((h) => h.trim());
                    timeIdx = header.indexOf('StartTime');
                    if (timeIdx < 0) {
                        report(opts, {
                            file,
                            line: lineNo,
                            field: 'StartTime',
                            level: 'error',
                            reason: 'Argus header without StartTime',
                        });
                        return;
                    }
                    continue;
                }
                const cols = line.split(sep);
                if (cols.length !== header.length) {
                    report(opts, {
                        file,
                        line: lineNo,
                        level: 'error',
                        reason: `expected ${header.length} columns, found ${cols.length}`,
                    });
                    continue;
                }
                const time = parseArgusTime(cols[timeIdx].trim(), off);
                if (!Number.isFinite(time)) {
                    report(opts, {
                        file,
                        line: lineNo,
                        field: 'StartTime',
                        level: 'error',
                        reason: `unparsable StartTime ${JSON.stringify(cols[timeIdx])}`,
                    });
                    continue;
                }
                const fields = {};
                for (let i = 0; i < header.length; i++) {
                    const name = header[i];
                    const raw = cols[i].trim();
                    if (raw.length === 0)
                        continue;
                    if (NUMERIC.has(name) || (PORTS.has(name) && /^\d+$/.test(raw))) {
                        const n = Number(raw);
                        fields[name] = Number.isFinite(n) ? n : raw;
                    }
                    else {
                        fields[name] = raw;
                    }
                }
                batch.push({ time, source: { kind: 'argus', uri: file, record: lineNo }, fields });
                if (batch.length >= batchSize) {
                    yield batch;
                    batch = [];
                }
            }
        }
        if (batch.length > 0)
            yield batch;
    },
};
//# sourceMappingURL=argus.js.map