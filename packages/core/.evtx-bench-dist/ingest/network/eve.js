import { DEFAULT_BATCH, flattenInto, lineChunks, parseIsoTime, report } from './common.js';
export const eveReader = {
    name: 'eve',
    description: 'Suricata EVE JSON (flow, alert, dns, http, tls, fileinfo, anomaly, ...)',
    sniff(name, head) {
        const s = head.subarray(0, 8192).toString('utf8');
        const first = s.split('\n', 1)[0].trim();
        if (!first.startsWith('{'))
            return 0;
        if (/"event_type"\s*:/.test(first) && /"timestamp"\s*:/.test(first))
            return 0.97;
        return /eve.*\.json/i.test(name) && /"timestamp"\s*:/.test(first) ? 0.6 : 0;
    },
    async *read(input, opts) {
        const batchSize = opts.batchSize ?? DEFAULT_BATCH;
        const file = input.uri;
        let batch = [];
        for await (const { lines, first } of lineChunks(input.open())) {
            for (let li = 0; li < lines.length; li++) {
                const line = lines[li];
                const lineNo = first + li;
                if (line.length === 0 || /^\s*$/.test(line))
                    continue;
                let obj;
                try {
                    const parsed = JSON.parse(line);
                    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
                        throw new Error('not a JSON object');
                    }
                    obj = parsed;
                }
                catch (err) {
                    report(opts, {
                        file,
                        line: lineNo,
                        level: 'error',
                        reason: `invalid JSON: ${err.message}`,
                    });
                    continue;
                }
                const ts = obj.timestamp;
                const time = typeof ts === 'string' ? parseIsoTime(ts) : Number.NaN;
                if (!Number.isFinite(time)) {
                    report(opts, {
                        file,
                        line: lineNo,
                        field: 'timestamp',
                        level: 'error',
                        reason: `missing or unparsable timestamp ${JSON.stringify(ts)}`,
                    });
                    continue;
                }
                const type = typeof obj.event_type === 'string' ? obj.event_type : '';
                if (!type) {
                    report(opts, {
                        file,
                        line: lineNo,
                        field: 'event_type',
                        level: 'error',
                        reason: 'record without event_type',
                    });
                    continue;
                }
                const fields = {};
                flattenInto(fields, obj, '');
                batch.push({ time, source: { kind: `eve.${type}`, uri: file, record: lineNo }, fields });
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
//# sourceMappingURL=eve.js.map