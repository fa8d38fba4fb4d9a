/**
 * Zeek's JSON logs (`LogAscii::use_json=T`, one object per line) and Corelight's export of them.
 * `ts` is epoch seconds (Zeek's default `JSON::TS_EPOCH`), or an ISO 8601 string (`JSON::TS_ISO8601`,
 * Corelight); `_path` names the log stream (Corelight, zeek `json-streaming-logs`), otherwise the
 * file name does (`conn.log`, `dns.04:00:00-05:00:00.log.gz`). Nested objects (`{"id":{"orig_h"..}}`
 * written by some shippers) are flattened back to Zeek's dotted names.
 */
import type { Event } from '../../model/index.js';
import type { FormatReader, InputSource, ReadOptions } from '../types.js';
import {
  baseTimeOf,
  DEFAULT_BATCH,
  flattenInto,
  hasNested,
  lineChunks,
  logNameOf,
  parseIsoTime,
  parseJsonObjectLine,
  report,
  zeekSecondsToMs,
} from './common.js';

/** Zeek log streams recognised by their fields, for files whose name says nothing (`ORIGINALdns.log`). */
const SIGNATURES: [string, string[]][] = [
  ['conn', ['conn_state']],
  ['dns', ['qtype_name']],
  ['dns', ['query', 'trans_id']],
  ['http', ['method', 'uri']],
  ['http', ['host', 'uri']],
  ['ssl', ['server_name']],
  ['ssl', ['cipher']],
  ['x509', ['certificate.subject']],
  ['files', ['fuid', 'mime_type']],
  ['notice', ['note']],
];

export const KNOWN_ZEEK_LOGS = new Set([
  'conn',
  'open_conn',
  'dns',
  'http',
  'open_http',
  'ssl',
  'open_ssl',
  'x509',
  'files',
  'notice',
  'weird',
  'ssh',
  'rdp',
  'smb_mapping',
  'smb_files',
  'ntlm',
  'kerberos',
  'dhcp',
  'dce_rpc',
  'ftp',
  'smtp',
  'sip',
  'snmp',
  'software',
  'known_hosts',
  'known_services',
  'known_certs',
  'tunnel',
  'pe',
  'dpd',
  'capture_loss',
  'stats',
  'reporter',
  'loaded_scripts',
  'packet_filter',
  'arp',
  'irc',
  'mysql',
  'radius',
  'socks',
  'syslog',
  'modbus',
  'dnp3',
  'intel',
  'signatures',
  'ocsp',
  'quic',
]);

function pathFromFields(f: Record<string, unknown>): string | undefined {
  for (const [path, keys] of SIGNATURES) {
    if (keys.every((k) => k in f)) return path;
  }
  return undefined;
}

function looksZeekJson(obj: Record<string, unknown>): boolean {
  return (
    ('ts' in obj || '_path' in obj) &&
    ('uid' in obj || 'id.orig_h' in obj || '_path' in obj || 'fuid' in obj || 'id' in obj)
  );
}

export const zeekJsonReader: FormatReader = {
  name: 'zeek-json',
  description: 'Zeek JSON logs (one object per line; epoch or ISO ts; Corelight _path)',
  sniff(name: string, head: Buffer): number {
    const s = head.subarray(0, 8192).toString('utf8');
    const first = s.split('\n', 1)[0]!.trim();
    if (!first.startsWith('{')) return 0;
    try {
      const obj = JSON.parse(first) as Record<string, unknown>;
      if ('event_type' in obj && 'timestamp' in obj) return 0; // Suricata EVE
      if (looksZeekJson(obj)) return 0.95;
      // logs without uid (arp, notice, software): known by the file name
      return KNOWN_ZEEK_LOGS.has(logNameOf(name)) ? 0.85 : 0;
    } catch {
      // the head may cut the first line: look for Zeek's keys in the text instead
      return /^\{"(?:_path|ts)":/.test(first) && /"(?:uid|id\.orig_h)":/.test(first) ? 0.8 : 0;
    }
  },
  async *read(input: InputSource, opts: ReadOptions): AsyncIterable<Event[]> {
    const batchSize = opts.batchSize ?? DEFAULT_BATCH;
    const file = input.uri;
    const fileName = logNameOf(file);
    const filePath = KNOWN_ZEEK_LOGS.has(fileName) ? fileName : undefined;
    const base = baseTimeOf(opts);
    const warned = { relative: false };
    let warnedNoTs = false;
    let batch: Event[] = [];
    for await (const { lines, first } of lineChunks(input.open())) {
      for (let li = 0; li < lines.length; li++) {
        const line = lines[li]!;
        const lineNo = first + li;
        if (line.length === 0 || /^\s*$/.test(line)) continue;
        const obj = parseJsonObjectLine(line, lineNo, file, opts);
        if (!obj) continue;
        let fields: Record<string, unknown> = obj;
        if (hasNested(obj)) {
          fields = {};
          flattenInto(fields, obj, '');
        }
        const ts = fields.ts;
        let time: number;
        if (typeof ts === 'number') {
          if (ts > 1e11) {
            time = Math.round(ts); // already milliseconds (some shippers)
          } else {
            time = zeekSecondsToMs(ts, { file, line: lineNo, base, opts, warned });
          }
        } else if (typeof ts === 'string') {
          time = parseIsoTime(ts);
          if (!Number.isFinite(time)) {
            const n = Number(ts);
            time = Number.isFinite(n) && ts.length > 0 ? Math.round(n * 1000) : Number.NaN;
          }
          if (!Number.isFinite(time)) {
            report(opts, {
              file,
              line: lineNo,
              field: 'ts',
              level: 'error',
              reason: `unparsable ts ${JSON.stringify(ts)}`,
            });
            continue;
          }
        } else if (fileName === 'loaded_scripts' || fields._path === 'loaded_scripts') {
          // a log without timestamps by design: nothing to place on a timeline
          if (!warnedNoTs) {
            warnedNoTs = true;
            report(opts, {
              file,
              line: lineNo,
              field: 'ts',
              level: 'warning',
              reason: 'log without timestamps; its records are not read',
            });
          }
          continue;
        } else {
          report(opts, {
            file,
            line: lineNo,
            field: 'ts',
            level: 'error',
            reason: 'record without a ts value',
          });
          continue;
        }
        const p =
          typeof fields._path === 'string' ? fields._path : (filePath ?? pathFromFields(fields) ?? fileName);
        batch.push({ time, source: { kind: `zeek.${p}`, uri: file, record: lineNo }, fields });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  },
};
