/**
 * FormatReaders for Windows events as JSON. The container (concatenated pretty objects, JSON
 * lines, a JSON array) is recognised by the splitter; the flavour (evtx_dump, NXLog flat,
 * Winlogbeat/ECS) is sniffed per file to pick the reader and detected again per record, so a file
 * mixing flavours still reads. `--format NAME` forces one flavour for every record.
 */
import { Readable } from 'node:stream';
import { HaechiError } from '../../errors.js';
import { JsonRecordSplitter } from '../json-stream.js';
import { reportProblem } from '../problems.js';
import { parseUtcOffset } from '../time.js';
import { detectWindowsFlavour, learnFlatTimeOffset, newFlatTimeState, normalizeWindowsRecord, Rejection, } from './normalize.js';
export const DEFAULT_BATCH_SIZE = 1000;
/** The head as text for sniffing: BOM removed, UTF-16 decoded. */
export function headText(head) {
    if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe)
        return new TextDecoder('utf-16le').decode(head);
    if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff)
        return new TextDecoder('utf-16be').decode(head);
    const s = head.toString('utf8');
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
/** How much the head looks like each flavour (0 = not at all). */
export function sniffWindowsJson(name, head) {
    const none = { 'evtx-json': 0, 'nxlog-json': 0, 'ecs-json': 0 };
    const text = headText(head);
    const first = /\S/.exec(text);
    if (!first || (first[0] !== '{' && first[0] !== '['))
        return none;
    const jsonName = /\.(json|jsonl|ndjson|js)$/i.test(name) ? 0.04 : 0;
    const evtx = /"Event"\s*:\s*\{/.test(text) && /"System"\s*:\s*\{/.test(text) ? 0.9 : 0;
    const ecs = /"winlog"\s*:\s*\{/.test(text) || /"winlog\.(event_id|channel)"\s*:/.test(text) ? 0.85 : 0;
    const nxlog = /"EventID"\s*:/.test(text) && /"(Channel|Hostname|SourceName|Computer)"\s*:/.test(text) && !evtx
        ? 0.8
        : 0;
    return {
        'evtx-json': evtx && evtx + jsonName,
        'nxlog-json': nxlog && nxlog + jsonName,
        'ecs-json': ecs && ecs + jsonName,
    };
}
/** UTF-16 exports (PowerShell `Out-File` writes UTF-16LE with a BOM) are read as UTF-8. */
function utf8Stream(input) {
    const raw = input.open();
    const h = input.head;
    const enc = h.length >= 2 && h[0] === 0xff && h[1] === 0xfe
        ? 'utf-16le'
        : h.length >= 2 && h[0] === 0xfe && h[1] === 0xff
            ? 'utf-16be'
            : undefined;
    if (!enc)
        return raw;
    const dec = new TextDecoder(enc);
    return Readable.from((async function* () {
        for await (const c of raw) {
            const s = dec.decode(c, { stream: true });
            if (s)
                yield Buffer.from(s, 'utf8');
        }
        const tail = dec.decode();
        if (tail)
            yield Buffer.from(tail, 'utf8');
    })(), { objectMode: false });
}
/** The `timezone` reader setting (for times written without a zone), as minutes east of UTC. */
export function timezoneSetting(opts) {
    const tz = opts.settings?.timezone;
    if (tz === undefined || tz === null || tz === '')
        return undefined;
    const m = typeof tz === 'number' ? tz : parseUtcOffset(String(tz));
    if (m === undefined)
        throw new HaechiError('config', `invalid timezone ${JSON.stringify(tz)}: use UTC or an offset such as +09:00`, {
            field: 'timezone',
        });
    return m;
}
/** Look-ahead bounds (see readWindowsJson): records and bytes of JSON text held at most. */
export const LOOKAHEAD_RECORDS = 2000;
export const LOOKAHEAD_BYTES = 8 * 1024 * 1024;
/** A flat record whose time is a TimeCreated of unknown clock (see normalize.ts, flatTimeCreated). */
function flatClockHost(obj, forced) {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
        return undefined;
    const rec = obj;
    if ((forced ?? detectWindowsFlavour(rec)) !== 'nxlog-json')
        return undefined;
    if (rec.TimeCreated === undefined || rec.TimeCreated === null)
        return undefined;
    return typeof rec.Hostname === 'string' ? rec.Hostname : '';
}
/**
 * Reads Windows JSON events from one input. `forced`: normalise every record as that flavour
 * (from --format); otherwise each record's flavour is detected.
 *
 * Flat exports whose TimeCreated clock must be measured against Sysmon's UtcTime (see
 * normalize.ts, flatTimeCreated) are read with a bounded look-ahead at the start: records are held
 * (at most LOOKAHEAD_RECORDS / LOOKAHEAD_BYTES) until every host met so far has a measured clock,
 * so that the records before a host's first Sysmon event get the same correction as the rest.
 */
export async function* readWindowsJson(input, opts, forced) {
    const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
    const state = newFlatTimeState();
    const nopts = { offsetMinutes: timezoneSetting(opts), state };
    let warnedUtc = false;
    let warnedCorrected = false;
    const uri = input.uri;
    let out = [];
    let lastRecord = 0;
    // the look-ahead: undefined once over
    let held = [];
    let heldBytes = 0;
    const unmeasured = new Set();
    const emit = (obj, record, line) => {
        const ev = normalizeWindowsRecord(obj, { kind: 'winjson', uri, record }, forced, nopts);
        if (ev instanceof Rejection) {
            reportProblem(opts, { file: uri, record, line, field: ev.field, reason: ev.reason, level: 'error' });
            return;
        }
        out.push(ev);
        if (state.corrected && !warnedCorrected) {
            warnedCorrected = true;
            const h = state.corrected.offsetMs / 3600_000;
            reportProblem(opts, {
                file: uri,
                record,
                line,
                field: 'TimeCreated',
                reason: `TimeCreated of ${state.corrected.host || 'this input'} is ${h > 0 ? '+' : ''}${h} h off Sysmon's UtcTime although it carries a zone: corrected by the measured offset`,
                level: 'warning',
            });
        }
        if (state.assumedUtc && !warnedUtc) {
            warnedUtc = true;
            reportProblem(opts, {
                file: uri,
                record,
                line,
                field: 'TimeCreated',
                reason: 'TimeCreated has no time zone and no Sysmon UtcTime in this input to measure it: taken as UTC (set the timezone reader setting if it is local time)',
                level: 'warning',
            });
        }
    };
    const endLookahead = () => {
        const h = held;
        held = undefined;
        if (h)
            for (const x of h)
                emit(x.obj, x.record, x.line);
    };
    const splitter = new JsonRecordSplitter((r) => {
        lastRecord = r.record;
        let obj;
        try {
            obj = JSON.parse(r.text);
        }
        catch (err) {
            reportProblem(opts, {
                file: uri,
                record: r.record,
                line: r.line,
                reason: `invalid JSON: ${err.message}`,
                level: 'error',
            });
            return;
        }
        if (held === undefined) {
            emit(obj, r.record, r.line);
            return;
        }
        const host = flatClockHost(obj, forced);
        if (host !== undefined) {
            learnFlatTimeOffset(obj, state);
            if (state.offsets.has(host))
                unmeasured.delete(host);
            else
                unmeasured.add(host);
            for (const u of unmeasured)
                if (state.offsets.has(u))
                    unmeasured.delete(u);
        }
        held.push({ obj, record: r.record, line: r.line });
        heldBytes += r.text.length;
        if (unmeasured.size === 0 || held.length >= LOOKAHEAD_RECORDS || heldBytes >= LOOKAHEAD_BYTES)
            endLookahead();
    }, (p) => reportProblem(opts, { file: uri, record: p.record, line: p.line, reason: p.reason, level: 'error' }));
    const stream = utf8Stream(input);
    const it = stream[Symbol.asyncIterator]();
    try {
        for (;;) {
            if (opts.signal?.aborted)
                throw opts.signal.reason ?? new Error('aborted');
            let r;
            try {
                r = await it.next();
            }
            catch (err) {
                // unreadable bytes (corrupt gzip or zip data, an I/O error): what came before is kept
                reportProblem(opts, {
                    file: uri,
                    record: lastRecord || undefined,
                    reason: `input ends abnormally after record ${lastRecord}: ${err.message}`,
                    level: 'error',
                });
                break;
            }
            if (r.done)
                break;
            splitter.push(r.value);
            if (out.length >= batchSize) {
                yield out;
                out = [];
            }
        }
        splitter.end();
        endLookahead();
    }
    finally {
        stream.destroy();
    }
    if (out.length > 0)
        yield out;
}
function windowsReader(name, description) {
    return {
        name,
        description,
        sniff: (file, head) => sniffWindowsJson(file, head)[name],
        read: (input, opts) => readWindowsJson(input, opts, opts.format === name ? name : undefined),
    };
}
export const evtxJsonReader = windowsReader('evtx-json', 'Windows events as evtx_dump JSON ({"Event": {"System": ..., "EventData": ...}}), concatenated, JSON lines or array');
export const nxlogJsonReader = windowsReader('nxlog-json', 'Windows events as flat JSON (NXLog im_msvistalog, OTRF Security-Datasets, Get-WinEvent exports)');
export const ecsJsonReader = windowsReader('ecs-json', 'Windows events from Winlogbeat / Elastic Agent (ECS JSON with winlog.*), JSON lines or array');
//# sourceMappingURL=json-reader.js.map