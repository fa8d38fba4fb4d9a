/**
 * Linux `auth.log` / `secure` (syslog) lines, with sshd's authentication messages parsed.
 *
 * Timestamps: RFC 3164 (`Mar  2 14:12:07`, local time, no year) or the ISO form rsyslog writes with
 * RSYSLOG_FileFormat and current Debian/Ubuntu defaults (`2026-03-02T14:12:07.123456+09:00`), or
 * journalctl's `short-iso`. RFC 3164 times are taken at the `timezone` reader setting (default UTC)
 * in the `year` setting's year; without `year`, the year of the reading is assumed, stepping back a
 * year for dates that would lie in the future, and a warning says so once per input.
 *
 * Every line becomes an event (`Computer`, `Program`, `Pid`, `Message`), so keyword rules can run on
 * them; sshd's messages add `AuthEvent`, `TargetUserName`, `IpAddress`, `IpPort`, `AuthMethod`,
 * `InvalidUser` and, for the ones that are a password guess or a login, `Outcome` ('failure' or
 * 'success'). Publickey failures and "Invalid user" notices carry no Outcome: the first happens at
 * every login with several keys, the second is followed by the "Failed password" that counts.
 * rsyslog's "message repeated N times: [ ... ]" is expanded into N events.
 */
import { HaechiError } from '../../errors.js';
import { lineChunks } from '../network/common.js';
import { reportProblem } from '../problems.js';
import { parseTimestamp, parseUtcOffset } from '../time.js';
const MONTHS = {
    jan: 0,
    feb: 1,
    mar: 2,
    apr: 3,
    may: 4,
    jun: 5,
    jul: 6,
    aug: 7,
    sep: 8,
    oct: 9,
    nov: 10,
    dec: 11,
};
// RFC 3164: "Mmm dd hh:mm:ss host prog[pid]: msg" (day space-padded)
const BSD_RE = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\S+) ([^:[\s]+)(?:\[(\d+)\])?: ?(.*)$/;
// ISO: "2026-03-02T14:12:07.123456+00:00 host prog[pid]: msg"
const ISO_RE = /^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) (\S+) ([^:[\s]+)(?:\[(\d+)\])?: ?(.*)$/;
const FAILED_RE = /^Failed (\S+) for (invalid user )?(.*?) from (\S+) port (\d+)/;
const ACCEPTED_RE = /^Accepted (\S+) for (.*?) from (\S+) port (\d+)/;
const INVALID_RE = /^Invalid user (.*?) from (\S+)(?: port (\d+))?/;
const MAXAUTH_RE = /^error: maximum authentication attempts exceeded for (invalid user )?(.*?) from (\S+) port (\d+)/;
const PAM_FAIL_RE = /^pam_unix\(sshd:auth\): authentication failure;.*rhost=(\S*)(?:\s+user=(\S+))?/;
/** The authentication facts of one sshd message, or undefined for other messages. */
export function parseSshdMessage(msg) {
    let m = FAILED_RE.exec(msg);
    if (m) {
        const method = m[1];
        // password and keyboard-interactive (PAM) failures are guesses; publickey/none are not
        const guess = method === 'password' || method.startsWith('keyboard-interactive');
        return {
            AuthEvent: 'ssh-failed',
            ...(guess ? { Outcome: 'failure' } : {}),
            AuthMethod: method,
            InvalidUser: !!m[2],
            TargetUserName: m[3],
            IpAddress: m[4],
            IpPort: Number(m[5]),
        };
    }
    m = ACCEPTED_RE.exec(msg);
    if (m) {
        return {
            AuthEvent: 'ssh-accepted',
            Outcome: 'success',
            AuthMethod: m[1],
            TargetUserName: m[2],
            IpAddress: m[3],
            IpPort: Number(m[4]),
        };
    }
    m = INVALID_RE.exec(msg);
    if (m) {
        return {
            AuthEvent: 'ssh-invalid-user',
            InvalidUser: true,
            TargetUserName: m[1],
            IpAddress: m[2],
            ...(m[3] ? { IpPort: Number(m[3]) } : {}),
        };
    }
    m = MAXAUTH_RE.exec(msg);
    if (m) {
        return {
            AuthEvent: 'ssh-max-attempts',
            InvalidUser: !!m[1],
            TargetUserName: m[2],
            IpAddress: m[3],
            IpPort: Number(m[4]),
        };
    }
    m = PAM_FAIL_RE.exec(msg);
    if (m) {
        return {
            AuthEvent: 'pam-auth-failure',
            ...(m[1] ? { IpAddress: m[1] } : {}),
            ...(m[2] ? { TargetUserName: m[2] } : {}),
        };
    }
    return undefined;
}
const REPEATED_RE = /^message repeated (\d+) times: \[ ?(.*?) ?\]$/;
function parseLine(line, year, offsetMin, now) {
    let m = BSD_RE.exec(line);
    if (m) {
        const mon = MONTHS[m[1].toLowerCase()];
        if (mon === undefined)
            return undefined;
        const day = Number(m[2]);
        const [hh, mi, ss] = [Number(m[3]), Number(m[4]), Number(m[5])];
        if (day < 1 || day > 31 || hh > 23 || mi > 59 || ss > 60)
            return undefined;
        let t = Date.UTC(year, mon, day, hh, mi, ss) - offsetMin * 60_000;
        // a date more than a day ahead of now belongs to last year (logs read in January)
        if (t - now > 86_400_000)
            t = Date.UTC(year - 1, mon, day, hh, mi, ss) - offsetMin * 60_000;
        return {
            time: t,
            host: m[6],
            program: m[7],
            pid: m[8] ? Number(m[8]) : undefined,
            message: m[9],
            zoned: false,
        };
    }
    m = ISO_RE.exec(line);
    if (m) {
        const p = parseTimestamp(m[1], offsetMin);
        if (!p)
            return undefined;
        return {
            time: p.ms,
            host: m[2],
            program: m[3],
            pid: m[4] ? Number(m[4]) : undefined,
            message: m[5],
            zoned: p.zoned,
        };
    }
    return undefined;
}
const AUTH_PROGRAMS = /^(sshd|sudo|su|login|cron|CRON|systemd-logind|polkitd|passwd|useradd|usermod|groupadd|chpasswd|gdm-password\]?|lightdm|pkexec|dbus-daemon|systemd)$/;
function sniffAuthLog(name, head) {
    const text = head.toString('latin1');
    const lines = text.split('\n').slice(0, 30);
    if (head.length >= 65536)
        lines.pop();
    const useful = lines.filter((l) => l.trim() !== '');
    if (useful.length === 0)
        return 0;
    let ok = 0;
    let auth = 0;
    for (const l of useful) {
        const m = BSD_RE.exec(l.replace(/\r$/, '')) ?? ISO_RE.exec(l.replace(/\r$/, ''));
        if (!m)
            continue;
        ok++;
        const prog = BSD_RE.test(l) ? m[7] : m[3];
        if (AUTH_PROGRAMS.test(prog) || /pam_unix|sshd/.test(l))
            auth++;
    }
    if (ok < Math.ceil(useful.length * 0.8))
        return 0;
    const nameHint = /(^|[/\\])(auth\.log|secure)(\.\d+)?(\.gz)?$/i.test(name) ? 0.2 : 0;
    return auth > 0 ? Math.min(1, 0.7 + nameHint) : 0.3 + nameHint;
}
async function* readAuthLog(input, opts) {
    const batchSize = Math.max(1, opts.batchSize ?? 1000);
    const s = opts.settings ?? {};
    const tz = s.timezone;
    const offsetMin = tz === undefined || tz === null || tz === ''
        ? 0
        : typeof tz === 'number'
            ? tz
            : (parseUtcOffset(String(tz)) ??
                (() => {
                    throw new HaechiError('config', `invalid timezone ${JSON.stringify(tz)}: use UTC or an offset such as +09:00`, {
                        field: 'timezone',
                    });
                })());
    const tzUnset = tz === undefined || tz === null || tz === '';
    const now = Date.now();
    const yearSetting = s.year === undefined ? undefined : Number(s.year);
    if (yearSetting !== undefined &&
        (!Number.isInteger(yearSetting) || yearSetting < 1970 || yearSetting > 9999)) {
        throw new HaechiError('config', `invalid year ${JSON.stringify(s.year)}`, { field: 'year' });
    }
    const year = yearSetting ?? new Date(now).getUTCFullYear();
    let warnedYear = false;
    let out = [];
    for await (const { lines, first } of lineChunks(input.open())) {
        if (opts.signal?.aborted)
            throw opts.signal.reason ?? new Error('aborted');
        for (let k = 0; k < lines.length; k++) {
            const raw = lines[k];
            if (raw.trim() === '')
                continue;
            const lineNo = first + k;
            const l = parseLine(raw, year, offsetMin, yearSetting === undefined ? now : Number.POSITIVE_INFINITY);
            if (!l) {
                reportProblem(opts, {
                    file: input.uri,
                    line: lineNo,
                    reason: 'not a syslog line (timestamp host program: message)',
                    level: 'error',
                });
                continue;
            }
            if (!l.zoned && !warnedYear && (yearSetting === undefined || tzUnset)) {
                warnedYear = true;
                const bsd = BSD_RE.test(raw);
                const missing = [
                    ...(bsd && yearSetting === undefined
                        ? [`no year: ${year} assumed (set the "year" reader setting)`]
                        : []),
                    ...(tzUnset
                        ? ['no time zone: taken as UTC (set the "timezone" reader setting if the host logs local time)']
                        : []),
                ];
                if (missing.length > 0) {
                    reportProblem(opts, {
                        file: input.uri,
                        line: lineNo,
                        reason: `syslog timestamps carry ${missing.join('; ')}`,
                        level: 'warning',
                    });
                }
            }
            let message = l.message;
            let repeat = 1;
            const rep = REPEATED_RE.exec(message);
            if (rep) {
                repeat = Math.min(1000, Number(rep[1]));
                message = rep[2];
            }
            const fields = {
                Computer: l.host,
                Program: l.program,
                ...(l.pid !== undefined ? { Pid: l.pid } : {}),
                Message: message,
            };
            if (l.program === 'sshd') {
                const ssh = parseSshdMessage(message);
                if (ssh)
                    Object.assign(fields, ssh);
            }
            for (let r = 0; r < repeat; r++) {
                out.push({ time: l.time, source: { kind: 'auth-log', uri: input.uri, record: lineNo }, fields });
            }
            if (out.length >= batchSize) {
                yield out;
                out = [];
            }
        }
    }
    if (out.length > 0)
        yield out;
}
export const authLogReader = {
    name: 'auth-log',
    description: 'Linux auth.log / secure syslog lines (sshd logins and failures parsed)',
    sniff: sniffAuthLog,
    read: readAuthLog,
};
//# sourceMappingURL=auth-log.js.map