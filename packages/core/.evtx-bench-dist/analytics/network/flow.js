const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
export const FLOW_KINDS = new Set(['zeek.conn', 'zeek.open_conn', 'eve.flow', 'eve.netflow', 'argus']);
export function isFlowEvent(e) {
    return FLOW_KINDS.has(e.source.kind);
}
export function toFlow(e) {
    const f = e.fields;
    const kind = e.source.kind;
    if (kind === 'zeek.conn' || kind === 'zeek.open_conn') {
        const src = str(f['id.orig_h']);
        const dst = str(f['id.resp_h']);
        if (!src || !dst)
            return undefined;
        return {
            time: e.time,
            src,
            sport: num(f['id.orig_p']),
            dst,
            dport: num(f['id.resp_p']),
            proto: str(f.proto) || 'tcp',
            duration: num(f.duration),
            origBytes: f.orig_bytes === undefined ? num(f.orig_ip_bytes) : num(f.orig_bytes),
            respBytes: f.resp_bytes === undefined ? num(f.resp_ip_bytes) : num(f.resp_bytes),
            state: str(f.conn_state),
            service: str(f.service) || undefined,
            uid: str(f.uid) || undefined,
            open: kind === 'zeek.open_conn',
            ref: e.source,
        };
    }
    if (kind === 'eve.flow' || kind === 'eve.netflow') {
        const src = str(f.src_ip);
        const dst = str(f.dest_ip);
        if (!src || !dst)
            return undefined;
        const pre = kind === 'eve.flow' ? 'flow.' : 'netflow.';
        const start = Date.parse(str(f[`${pre}start`]));
        const end = Date.parse(str(f[`${pre}end`]));
        const state = str(f[`${pre}state`]);
        return {
            time: e.time,
            src,
            sport: num(f.src_port),
            dst,
            dport: num(f.dest_port),
            proto: str(f.proto).toLowerCase() || 'tcp',
            duration: Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, (end - start) / 1000) : 0,
            origBytes: num(f[`${pre}bytes_toserver`] ?? f[`${pre}bytes`]),
            respBytes: num(f[`${pre}bytes_toclient`]),
            // EVE: 'new' means no reply was seen (the S0 of Zeek)
            state: state === 'new' ? 'S0' : state,
            service: str(f.app_proto) || undefined,
            uid: f.flow_id === undefined ? undefined : str(f.flow_id),
            open: false,
            ref: e.source,
        };
    }
    if (kind === 'argus') {
        const src = str(f.SrcAddr);
        const dst = str(f.DstAddr);
        if (!src || !dst)
            return undefined;
        const tot = num(f.TotBytes);
        const srcBytes = num(f.SrcBytes);
        const st = str(f.State);
        return {
            time: e.time,
            src,
            sport: num(f.Sport),
            dst,
            dport: num(f.Dport),
            proto: str(f.Proto).toLowerCase(),
            duration: num(f.Dur),
            origBytes: srcBytes,
            respBytes: f.DstBytes === undefined ? Math.max(0, tot - srcBytes) : num(f.DstBytes),
            // Argus TCP states: REQ/INT = no answer (S0), RST with no data from the responder ~ REJ
            state: st === 'REQ' || st === 'INT' ? 'S0' : st,
            open: false,
            ref: e.source,
        };
    }
    return undefined;
}
/** Zeek conn states where the responder never took part (RITA counts these as failed attempts). */
export const FAILED_STATES = new Set(['S0', 'REJ', 'RSTOS0', 'RSTRH', 'SH', 'SHR', 'OTH-failed']);
export function isFailed(fl) {
    return (FAILED_STATES.has(fl.state) ||
        (fl.proto === 'tcp' && fl.respBytes === 0 && fl.state === 'RSTO' && fl.origBytes === 0));
}
//# sourceMappingURL=flow.js.map