/**
 * Timestamp parsing shared by the readers. Strict on purpose: a value that is not a real date is
 * rejected (the caller reports the record) instead of becoming NaN or a silently shifted time.
 */
// RFC 3339 / ISO 8601 with a `T` or a space, any number of fraction digits (EVTX SystemTime has
// 7, evtx_dump prints 6), and an optional zone: `Z`, `+hh:mm`, `+hhmm`, `+hh`.
const TS_RE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?\s*$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * Parses a date-time string. Without a zone in the text, the time is taken as local time at
 * `defaultOffsetMinutes` east of UTC (0 = UTC). Returns undefined for anything that is not a valid
 * calendar date and time.
 */
export function parseTimestamp(text, defaultOffsetMinutes = 0) {
    const m = TS_RE.exec(text);
    if (!m)
        return undefined;
    const year = +m[1];
    const month = +m[2];
    const day = +m[3];
    const hour = m[4] === undefined ? 0 : +m[4];
    const minute = m[5] === undefined ? 0 : +m[5];
    const second = m[6] === undefined ? 0 : +m[6];
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1])
        return undefined;
    if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)))
        return undefined;
    // 60 allows a leap second (RFC 3339 section 5.6); it folds into the next second
    if (hour > 23 || minute > 59 || second > 60)
        return undefined;
    let ms = Date.UTC(year, month - 1, day, hour, minute, second);
    const frac = m[7];
    if (frac)
        ms += Math.floor(+`0.${frac}` * 1000 + 1e-6);
    const zone = m[8];
    if (zone === undefined)
        return { ms: ms - defaultOffsetMinutes * 60_000, zoned: false };
    if (zone === 'Z' || zone === 'z' || zone === 'UTC')
        return { ms, zoned: true };
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 23 || om > 59)
        return undefined;
    return { ms: ms - sign * (oh * 60 + om) * 60_000, zoned: true };
}
/**
 * A time zone setting as minutes east of UTC: `UTC`, `Z`, `+09:00`, `-0400`. IANA names are not
 * accepted here because their offset changes with the date (use a fixed offset for the period).
 */
export function parseUtcOffset(text) {
    const t = text.trim();
    if (t === 'UTC' || t === 'Z' || t === 'GMT')
        return 0;
    const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
    if (!m)
        return undefined;
    const h = +m[2];
    const mi = m[3] ? +m[3] : 0;
    if (h > 14 || mi > 59)
        return undefined;
    return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}
/** Epoch ms from a JSON number: milliseconds, or seconds when it is too small to be ms after 1973. */
export function epochFromNumber(n) {
    if (!Number.isFinite(n) || n < 0)
        return undefined;
    return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}
//# sourceMappingURL=time.js.map