/**
 * Allowed hours in a supplier's own time zone, with the IANA time-zone database that ships with
 * Node (Intl.DateTimeFormat, ECMA-402 section 11): no extra dependency, daylight saving included.
 */
export interface AllowedHours {
    /** the set of days a shift may start on, 0 = Sunday .. 6 = Saturday */
    days: ReadonlySet<number>;
    /** minutes after local midnight */
    from: number;
    to: number;
    tz: string;
}
/** true when `tz` is an IANA zone (or an offset zone) the runtime knows */
export declare function isKnownTimeZone(tz: string): boolean;
/**
 * Local weekday (0 = Sunday) and minute of the day of `time` (epoch ms) in `tz`. Intl formatting
 * costs microseconds, so the local clock is computed once per zone and quarter hour: every zone's
 * offset changes on a quarter-hour boundary (IANA tzdb), so within one quarter the offset is fixed.
 */
export declare function localClock(time: number, tz: string): {
    day: number;
    minute: number;
};
/** "HH:MM" (24-hour) to minutes; "24:00" is allowed as an end. undefined when malformed. */
export declare function parseClock(s: string): number | undefined;
/**
 * Days as people write them: `mon-fri`, `sat,sun`, `fri-mon` (wraps), `daily`/`all`/`*`,
 * or full names (`monday-friday`). Throws an Error with the reason when malformed.
 */
export declare function parseDays(spec: string | readonly string[]): Set<number>;
/**
 * Whether `time` falls in the allowed hours. A shift whose end is not after its start
 * (22:00-06:00) spans midnight: its early-morning part belongs to the shift that started the day
 * before, so `days: mon-fri, from 22:00, to 06:00` allows Saturday 02:00 (Friday's night shift)
 * and not Monday 02:00. `from == to` means the whole day.
 */
export declare function withinHours(h: AllowedHours, time: number): boolean;
/** "Mon 23:12 Asia/Seoul" for messages */
export declare function describeLocal(time: number, tz: string): string;
