/** Small helpers shared by the supplier and change-window analytics. */
import type { Event, SourceRef } from '../../model/index.js';

/** a field as a trimmed string; '-' and '' (Windows' "no value") are undefined */
export function str(e: Event, key: string): string | undefined {
  const v = e.fields[key];
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'string' ? v.trim() : String(v);
  return s === '' || s === '-' ? undefined : s;
}

export function num(e: Event, key: string): number | undefined {
  const v = e.fields[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : undefined;
}

export function eventId(e: Event): number | undefined {
  return num(e, 'EventID');
}

export function channel(e: Event): string {
  return String(e.fields.Channel ?? '').toLowerCase();
}

/** the host the event was logged on (Computer; NXLog's Hostname; ECS host.name) */
export function eventHost(e: Event): string | undefined {
  return str(e, 'Computer') ?? str(e, 'Hostname') ?? str(e, 'host.name');
}

export const SYSMON = 'microsoft-windows-sysmon/operational';
export const SECURITY = 'security';

export function isSysmon(e: Event): boolean {
  return channel(e) === SYSMON;
}

/** Security-log events; NXLog/ECS exports sometimes lack the channel, so absent counts too */
export function isSecurity(e: Event): boolean {
  const c = channel(e);
  return c === SECURITY || c === '';
}

export function isZeekConn(e: Event): boolean {
  return (
    e.source.kind === 'zeek.conn' ||
    (e.fields['id.orig_h'] !== undefined &&
      e.fields['id.resp_p'] !== undefined &&
      e.fields.conn_state !== undefined)
  );
}

/** FNV-1a 32-bit, hex: short stable ids for findings */
export function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** evidence kept per finding: enough to re-read, bounded */
export const MAX_EVIDENCE = 20;

export function pushRef(refs: SourceRef[], r: SourceRef): void {
  if (refs.length < MAX_EVIDENCE) refs.push(r);
}

/** a total order on references: uri, then record */
export function compareRefs(a: SourceRef, b: SourceRef): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : (a.record ?? 0) - (b.record ?? 0);
}

export function iso(t: number): string {
  return new Date(t).toISOString();
}

/** the last path component of a Windows or POSIX path, lower-case */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return path.slice(i + 1).toLowerCase();
}
