/** a field as a trimmed string; '-' and '' (Windows' "no value") are undefined */
export function str(e, key) {
    const v = e.fields[key];
    if (v === undefined || v === null)
        return undefined;
    const s = typeof v === 'string' ? v.trim() : String(v);
    return s === '' || s === '-' ? undefined : s;
}
export function num(e, key) {
    const v = e.fields[key];
    if (v === undefined || v === null || v === '')
        return undefined;
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    return Number.isFinite(n) ? n : undefined;
}
export function eventId(e) {
    return num(e, 'EventID');
}
export function channel(e) {
    return String(e.fields.Channel ?? '').toLowerCase();
}
/** the host the event was logged on (Computer; NXLog's Hostname; ECS host.name) */
export function eventHost(e) {
    return str(e, 'Computer') ?? str(e, 'Hostname') ?? str(e, 'host.name');
}
export const SYSMON = 'microsoft-windows-sysmon/operational';
export const SECURITY = 'security';
export function isSysmon(e) {
    return channel(e) === SYSMON;
}
/** Security-log events; NXLog/ECS exports sometimes lack the channel, so absent counts too */
export function isSecurity(e) {
    const c = channel(e);
    return c === SECURITY || c === '';
}
export function isZeekConn(e) {
    return (e.source.kind === 'zeek.conn' ||
        (e.fields['id.orig_h'] !== undefined &&
            e.fields['id.resp_p'] !== undefined &&
            e.fields.conn_state !== undefined));
}
/** FNV-1a 32-bit, hex: short stable ids for findings */
export function fnv(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16).padStart(8, '0');
}
/** evidence kept per finding: enough to re-read, bounded */
export const MAX_EVIDENCE = 20;
export function pushRef(refs, r) {
    if (refs.length < MAX_EVIDENCE)
        refs.push(r);
}
/** a total order on references: uri, then record */
export function compareRefs(a, b) {
    return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : (a.record ?? 0) - (b.record ?? 0);
}
export function iso(t) {
    return new Date(t).toISOString();
}
/** the last path component of a Windows or POSIX path, lower-case */
export function baseName(path) {
    const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    return path.slice(i + 1).toLowerCase();
}
//# sourceMappingURL=common.js.map