const str = (v) => v === undefined || v === null ? undefined : typeof v === 'string' ? v : String(v);
const num = (v) => {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && v.trim() !== '') {
        const n = /^0x/i.test(v) ? Number.parseInt(v, 16) : Number(v);
        return Number.isNaN(n) ? undefined : n;
    }
    return undefined;
};
export function normalizeUser(raw, keepRealm = false) {
    let u = raw.trim().toLowerCase();
    const bs = u.lastIndexOf('\\');
    if (bs >= 0)
        u = u.slice(bs + 1);
    if (!keepRealm) {
        const at = u.indexOf('@');
        if (at > 0)
            u = u.slice(0, at);
    }
    return u;
}
/** Addresses as logged: `::ffff:10.0.0.5` (Kerberos events) becomes `10.0.0.5`; `-` is none. */
export function normalizeIp(raw) {
    const s = str(raw)?.trim();
    if (!s || s === '-' || s === '::1' || s === '127.0.0.1' || s === '0.0.0.0')
        return undefined;
    return s.toLowerCase().startsWith('::ffff:') ? s.slice(7) : s;
}
const SYSTEM_USERS = new Set(['system', 'local service', 'network service', 'anonymous logon', '-', '']);
function ignorableWindowsUser(u) {
    return SYSTEM_USERS.has(u) || u.endsWith('$') || u.startsWith('dwm-') || u.startsWith('umfd-');
}
/** NTSTATUS of 4625 / 4776 (MS-ERREF 2.3.1) to a failure kind. */
function ntStatusKind(status, sub) {
    const s = status === 0xc000006d && sub !== undefined && sub !== 0 ? sub : status;
    switch (s) {
        case 0xc000006a:
            return 'bad-password';
        case 0xc0000064:
            return 'unknown-user';
        case 0xc0000234:
            return 'locked';
        case 0xc0000072:
        case 0xc0000193:
            return 'disabled';
        default:
            return 'other';
    }
}
/** Kerberos error codes of 4768 / 4771 (RFC 4120 section 7.5.9). */
function kerberosKind(status) {
    switch (status) {
        case 0x18:
            return 'bad-password';
        case 0x6:
            return 'unknown-user';
        case 0x12:
            return 'locked';
        default:
            return 'other';
    }
}
/** Entra ID error codes (AADSTS) to failure kinds; interrupts (MFA required, ...) return undefined. */
const ENTRA_BAD_PASSWORD = new Set([50126, 50055, 50056, 50144]);
const ENTRA_UNKNOWN_USER = new Set([50034, 50059, 90072]);
const ENTRA_LOCKED = new Set([50053]);
const ENTRA_DISABLED = new Set([50057]);
/** the password was right but something else is asked for: neither a failure nor a success */
const ENTRA_INTERRUPT = new Set([
    50058, 50072, 50074, 50076, 50079, 50097, 50125, 50129, 50140, 50158, 53000, 53001, 53002, 53003, 53004,
    81010, 81012, 16000, 16001, 16003, 65001, 700082, 7000218, 530032, 500121,
]);
const WINDOWS_AUTH_IDS = new Set([4624, 4625, 4768, 4769, 4771, 4776]);
/** interactive, network, unlock, network-cleartext, new-credentials, remote-interactive, cached */
const INTERACTIVE_LOGON_TYPES = new Set([2, 3, 7, 8, 9, 10, 11]);
/** Cheap test for `Analytic.wants`: is this event an authentication we read? */
export function isAuthEvent(e) {
    const k = e.source.kind;
    if (k === 'auth-log')
        return e.fields.Outcome !== undefined;
    if (k === 'entra-signin')
        return true;
    const id = e.fields.EventID;
    return ((typeof id === 'number' ? WINDOWS_AUTH_IDS.has(id) : WINDOWS_AUTH_IDS.has(Number(id))) &&
        e.fields.Channel !== 'System');
}
/** The attempt an event records, or undefined when it is not one (or a system logon). */
export function toAttempt(e) {
    const f = e.fields;
    const kind = e.source.kind;
    if (kind === 'auth-log') {
        const user = str(f.TargetUserName);
        const outcome = f.Outcome === 'success' ? 'success' : f.Outcome === 'failure' ? 'failure' : undefined;
        if (!user || !outcome)
            return undefined;
        const ip = normalizeIp(f.IpAddress);
        return {
            time: e.time,
            user: normalizeUser(user),
            source: ip ?? `host:${str(f.Computer) ?? '?'}`,
            ip,
            target: str(f.Computer),
            outcome,
            failure: outcome === 'failure' ? (f.InvalidUser === true ? 'unknown-user' : 'bad-password') : undefined,
            protocol: 'ssh',
            evidence: e.source,
        };
    }
    if (kind === 'entra-signin') {
        const user = str(f.UserPrincipalName);
        const code = num(f.ResultType);
        if (!user || code === undefined)
            return undefined;
        let outcome;
        let failure;
        if (code === 0)
            outcome = 'success';
        else if (ENTRA_INTERRUPT.has(code))
            return undefined;
        else {
            outcome = 'failure';
            failure = ENTRA_BAD_PASSWORD.has(code)
                ? 'bad-password'
                : ENTRA_UNKNOWN_USER.has(code)
                    ? 'unknown-user'
                    : ENTRA_LOCKED.has(code)
                        ? 'locked'
                        : ENTRA_DISABLED.has(code)
                            ? 'disabled'
                            : 'other';
        }
        const ip = normalizeIp(f.IPAddress);
        const lat = num(f['LocationDetails.geoCoordinates.latitude']);
        const lon = num(f['LocationDetails.geoCoordinates.longitude']);
        return {
            time: e.time,
            user: normalizeUser(user, true),
            source: ip ?? 'entra:unknown',
            ip,
            target: str(f.AppDisplayName),
            outcome,
            failure,
            protocol: 'entra',
            country: str(f['LocationDetails.countryOrRegion']) ?? str(f.Location),
            lat: lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0) ? lat : undefined,
            lon: lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0) ? lon : undefined,
            asn: num(f.AutonomousSystemNumber),
            evidence: e.source,
        };
    }
    const id = num(f.EventID);
    if (id === undefined || !WINDOWS_AUTH_IDS.has(id))
        return undefined;
    const rawUser = str(f.TargetUserName);
    if (!rawUser)
        return undefined;
    const user = normalizeUser(rawUser);
    if (ignorableWindowsUser(user))
        return undefined;
    const target = str(f.Computer);
    const ip = normalizeIp(f.IpAddress);
    const ws = str(f.WorkstationName ?? f.Workstation)?.trim();
    const source = ip ?? (ws && ws !== '-' ? `ws:${ws.toUpperCase()}` : `host:${target ?? '?'}`);
    // one object per attempt, all fields at once (a million logons make the shape matter)
    const mk = (outcome, protocol, failure) => ({
        time: e.time,
        user,
        source,
        ip,
        target,
        outcome,
        failure,
        protocol,
        evidence: e.source,
    });
    switch (id) {
        case 4624: {
            const lt = num(f.LogonType);
            // interactive, network, unlock, network-cleartext, new-credentials, remote-interactive, cached
            if (lt !== undefined && !INTERACTIVE_LOGON_TYPES.has(lt))
                return undefined;
            return mk('success', 'windows');
        }
        case 4625:
            return mk('failure', 'windows', ntStatusKind(num(f.Status), num(f.SubStatus)));
        case 4776: {
            const st = num(f.Status) ?? 0;
            return st === 0 ? mk('success', 'ntlm') : mk('failure', 'ntlm', ntStatusKind(st, undefined));
        }
        case 4768:
        case 4771: {
            const st = num(f.Status) ?? 0;
            if (user === 'krbtgt')
                return undefined;
            if (id === 4768 && st === 0)
                return mk('success', 'kerberos');
            if (st === 0)
                return undefined;
            // 0x25 clock skew and 0x17 expired password say nothing about guessing
            if (st === 0x25)
                return undefined;
            return mk('failure', 'kerberos', kerberosKind(st));
        }
        default:
            return undefined;
    }
}
/** 4769 (service ticket) and 4768 (TGT) requests, for the roasting analytics. */
export function toKerberosRequest(e) {
    const f = e.fields;
    const id = num(f.EventID);
    if (id !== 4769 && id !== 4768)
        return undefined;
    if ((num(f.Status) ?? 0) !== 0)
        return undefined;
    const enc = (str(f.TicketEncryptionType) ?? '').toLowerCase();
    const user = normalizeUser(str(f.TargetUserName) ?? '');
    const service = (str(f.ServiceName) ?? '').toLowerCase();
    const base = {
        time: e.time,
        user,
        ip: normalizeIp(f.IpAddress),
        target: str(f.Computer),
        evidence: e.source,
    };
    if (id === 4769) {
        // RC4-HMAC (0x17) tickets for services run by user accounts are what Kerberoasting cracks
        // offline; computer accounts ($) and krbtgt have random keys
        if (num(enc) !== 0x17 || !service || service.endsWith('$') || service === 'krbtgt')
            return undefined;
        return { ...base, kind: 'tgs', service, encryption: '0x17' };
    }
    // 4768 with PreAuthType 0: a TGT issued without pre-authentication (AS-REP roastable and roasted)
    const pre = str(f.PreAuthType)?.trim();
    if (pre !== '0' || !user)
        return undefined;
    return { ...base, kind: 'asrep', service: 'krbtgt', encryption: enc || '?' };
}
//# sourceMappingURL=attempts.js.map