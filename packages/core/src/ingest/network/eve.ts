/**
 * Suricata EVE JSON (one object per line; `timestamp` in ISO 8601 with a `+hhmm` offset,
 * `event_type` naming the record: flow, alert, dns, http, tls, fileinfo, anomaly, netflow, ...).
 * Nested objects are flattened to dotted names (`alert.signature`, `dns.rrname`, `flow.bytes_toserver`)
 * so rules and analytics address them the same way; `source.kind` is `eve.<event_type>`.
 */
import type { Event } from '../../model/index.js';
import type { FormatReader, InputSource, ReadOptions } from '../types.js';
import {
  DEFAULT_BATCH,
  flattenInto,
  lineChunks,
  parseIsoTime,
  parseJsonObjectLine,
  report,
} from './common.js';

export const eveReader: FormatReader = {
  name: 'eve',
  description: 'Suricata EVE JSON (flow, alert, dns, http, tls, fileinfo, anomaly, ...)',
  sniff(name: string, head: Buffer): number {
    const s = head.subarray(0, 8192).toString('utf8');
    const first = s.split('\n', 1)[0]!.trim();
    if (!first.startsWith('{')) return 0;
    if (/"event_type"\s*:/.test(first) && /"timestamp"\s*:/.test(first)) return 0.97;
    return /eve.*\.json/i.test(name) && /"timestamp"\s*:/.test(first) ? 0.6 : 0;
  },
  async *read(input: InputSource, opts: ReadOptions): AsyncIterable<Event[]> {
    const batchSize = opts.batchSize ?? DEFAULT_BATCH;
    const file = input.uri;
    let batch: Event[] = [];
    for await (const { lines, first } of lineChunks(input.open())) {
      for (let li = 0; li < lines.length; li++) {
        const line = lines[li]!;
        const lineNo = first + li;
        if (line.length === 0 || /^\s*$/.test(line)) continue;
        const obj = parseJsonObjectLine(line, lineNo, file, opts);
        if (!obj) continue;
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
        const fields: Record<string, unknown> = {};
        flattenInto(fields, obj, '');
        batch.push({ time, source: { kind: `eve.${type}`, uri: file, record: lineNo }, fields });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  },
};
