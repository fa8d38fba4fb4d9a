/**
 * Allowed hours in a supplier's own time zone, with the IANA time-zone database that ships with
 * Node (Intl.DateTimeFormat, ECMA-402 section 11): no extra dependency, daylight saving included.
 */
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map();
function formatter(tz) {
    let f = formatters.get(tz);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: tz,
            weekday: 'short',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
        });
        formatters.set(tz, f);
    }
    return f;
}
/** true when `tz` is an IANA zone (or an offset zone) the runtime knows */
export function isKnownTimeZone(tz) {
    if (!tz)
        return false;
    try {
        formatter(tz);
        return true;
    }
    catch {
        return false;
    }
}
const QUARTER = 15 * 60_000;
const clockCache = new Map();
/**
 * Local weekday (0 = Sunday) and minute of the day of `time` (epoch ms) in `tz`. Intl formatting
 * costs microseconds, so the local clock is computed once per zone and quarter hour: every zone's
 * offset changes on a quarter-hour boundary (IANA tzdb), so within one quarter the offset is fixed.
 */
export function localClock(time, tz) {
    let perZone = clockCache.get(tz);
    if (!perZone) {
        perZone = new Map();
        clockCache.set(tz, perZone);
    }
    const q = Math.floor(time / QUARTER);
    let start = perZone.get(q);
    if (!start) {
        if (perZone.size > 50_000)
            perZone.clear();
        start = formatClock(q * QUARTER, tz);
        perZone.set(q, start);
    }
    // historical local mean times (+08:05:43 ...) are not on quarter hours: format those directly
    if (start.minute % 15 !== 0)
        return formatClock(time, tz);
    const minute = start.minute + Math.floor((time - q * QUARTER) / 60_000);
    return { day: start.day, minute };
}
function formatClock(time, tz) {
    let day = 0;
    let hour = 0;
    let minute = 0;
    for (const p of formatter(tz).formatToParts(time)) {
        if (p.type === 'weekday')
            day = DAY_NAMES.indexOf(p.value.toLowerCase());
        else if (p.type === 'hour')
            hour = Number(p.value);
        else if (p.type === 'minute')
            minute = Number(p.value);
    }
    return { day, minute: hour * 60 + minute };
}
/** "HH:MM" (24-hour) to minutes; "24:00" is allowed as an end. undefined when malformed. */
export function parseClock(s) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
    if (!m)
        return undefined;
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (min > 59 || h > 24 || (h === 24 && min !== 0))
        return undefined;
    return h * 60 + min;
}
/**
 * Days as people write them: `mon-fri`, `sat,sun`, `fri-mon` (wraps), `daily`/`all`/`*`,
 * or full names (`monday-friday`). Throws an Error with the reason when malformed.
 */
export function parseDays(spec) {
    const items = (typeof spec === 'string' ? spec.split(',') : spec).map((s) => s.trim().toLowerCase());
    const out = new Set();
    const dayOf = (name) => {
        const i = DAY_NAMES.indexOf(name.slice(0, 3));
        const full = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][i];
        if (i < 0 || (name.length > 3 && name !== full))
            throw new Error(`'${name}' is not a day`);
        return i;
    };
    for (const item of items) {
        if (item === '')
            continue;
        if (item === 'daily' || item === 'all' || item === '*') {
            for (let d = 0; d < 7; d++)
                out.add(d);
            continue;
        }
        const dash = item.indexOf('-');
        if (dash < 0) {
            out.add(dayOf(item));
            continue;
        }
        const a = dayOf(item.slice(0, dash).trim());
        const b = dayOf(item.slice(dash + 1).trim());
        for (let d = a;; d = (d + 1) % 7) {
            out.add(d);
            if (d === b)
                break;
        }
    }
    if (out.size === 0)
        throw new Error('no days given');
    return out;
}
/**
 * Whether `time` falls in the allowed hours. A shift whose end is not after its start
 * (22:00-06:00) spans midnight: its early-morning part belongs to the shift that started the day
 * before, so `days: mon-fri, from 22:00, to 06:00` allows Saturday 02:00 (Friday's night shift)
 * and not Monday 02:00. `from == to` means the whole day.
 */
export function withinHours(h, time) {
    const { day, minute } = localClock(time, h.tz);
    if (h.from === h.to || (h.from === 0 && h.to === 1440))
        return h.days.has(day);
    if (h.from < h.to)
        return h.days.has(day) && minute >= h.from && minute < h.to;
    if (minute >= h.from)
        return h.days.has(day);
    if (minute < h.to)
        return h.days.has((day + 6) % 7);
    return false;
}
/** "Mon 23:12 Asia/Seoul" for messages */
export function describeLocal(time, tz) {
    const { day, minute } = localClock(time, tz);
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const name = DAY_NAMES[day];
    return `${name[0].toUpperCase()}${name.slice(1)} ${hh}:${mm} ${tz}`;
}
//# sourceMappingURL=hours.js.map