/**
 * The credential-attack detections over normalised attempts (attempts.ts). Each is a pure function
 * of the collected attempts and the thresholds, so the `Analytic` wrappers (analytics.ts) and tests
 * share them. Findings: detector `creds`, `rule.id` one of AUTH_RULES, ATT&CK ids per rule.
 */
import { createHash } from 'node:crypto';
import { countryCentroid, distanceKm } from './geo.js';
export const AUTH_DETECTOR = 'creds';
export const AUTH_RULES = {
    'password-spray': { title: 'Password spraying', attack: ['T1110.003'] },
    'brute-force': { title: 'Password guessing (brute force)', attack: ['T1110.001'] },
    'credential-stuffing': { title: 'Credential stuffing', attack: ['T1110.004'] },
    'failures-then-success': { title: 'Failed sign-ins followed by a success', attack: ['T1110', 'T1078'] },
    kerberoasting: { title: 'Kerberoasting (RC4 service tickets)', attack: ['T1558.003'] },
    'asrep-roasting': { title: 'AS-REP roasting (TGT without pre-authentication)', attack: ['T1558.004'] },
    'impossible-travel': { title: 'Impossible travel between sign-ins', attack: ['T1078'] },
    'new-sign-in-location': { title: 'First sign-in from a new country or network (ASN)', attack: ['T1078'] },
};
function findingId(rule, key) {
    return `creds-${rule}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}
function globRe(p) {
    return new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
}
/** Pattern matcher over account names (`hanil.*`), tried on the name and on its local part. */
export function accountMatcher(patterns) {
    const res = patterns.map(globRe);
    return (user) => {
        if (res.length === 0)
            return false;
        const local = user.includes('@') ? user.slice(0, user.indexOf('@')) : user;
        return res.some((r) => r.test(user) || r.test(local));
    };
}
const RFC1918 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^f[cd][0-9a-f]{2}:/i];
function isInternal(ip, geo) {
    if (!ip)
        return true;
    const g = geo?.(ip);
    if (g?.internal !== undefined)
        return g.internal;
    return RFC1918.some((r) => r.test(ip));
}
/** In time order; a linear check first, since the collected attempts are usually sorted once
 * up front (AuthStore.sorted) and groups keep that order. */
function sortByTime(xs) {
    for (let i = 1; i < xs.length; i++)
        if (xs[i].time < xs[i - 1].time)
            return xs.sort((a, b) => a.time - b.time);
    return xs;
}
function groupBy(xs, key) {
    const m = new Map();
    for (const x of xs) {
        const k = key(x);
        const l = m.get(k);
        if (l)
            l.push(x);
        else
            m.set(k, [x]);
    }
    return m;
}
function evidence(xs, max) {
    return xs.slice(0, max).map((x) => x.evidence);
}
function sourceEntities(source) {
    if (source.startsWith('ws:') || source.startsWith('host:'))
        return [{ type: 'host', value: source.slice(source.indexOf(':') + 1) }];
    if (source.startsWith('entra:'))
        return [];
    return [{ type: 'ip', value: source }];
}
function targets(xs) {
    return [...new Set(xs.map((x) => x.target).filter((t) => !!t))].sort();
}
function make(rule, key, time, severity, title, entities, refs, details, host, score) {
    const seen = new Set();
    const ents = entities.filter((e) => {
        const k = `${e.type}|${e.value}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
    return {
        id: findingId(rule, key),
        time,
        severity,
        detector: AUTH_DETECTOR,
        rule: { id: rule, title },
        attack: [...AUTH_RULES[rule].attack],
        entities: ents,
        evidence: refs,
        ...(host ? { host } : {}),
        ...(score !== undefined ? { score } : {}),
        details,
    };
}
/** The window [i, j] with the most distinct users; returns its bounds and the users. */
function bestDistinctWindow(xs, windowMs) {
    const counts = new Map();
    let best = { i: 0, j: -1, n: 0 };
    let i = 0;
    for (let j = 0; j < xs.length; j++) {
        counts.set(xs[j].user, (counts.get(xs[j].user) ?? 0) + 1);
        while (xs[j].time - xs[i].time > windowMs) {
            const c = counts.get(xs[i].user) - 1;
            if (c === 0)
                counts.delete(xs[i].user);
            else
                counts.set(xs[i].user, c);
            i++;
        }
        if (counts.size > best.n)
            best = { i, j, n: counts.size };
    }
    // the window reported is the whole window from its first event, not just up to the event that
    // brought the last new user: later attempts in it belong to the same activity
    let j = best.j;
    while (j + 1 < xs.length && xs[j + 1].time - xs[best.i].time <= windowMs)
        j++;
    return { i: best.i, j, users: new Set(xs.slice(best.i, j + 1).map((x) => x.user)) };
}
/** Password spraying and credential stuffing: many users from one source. */
export function detectSprayAndStuffing(attempts, ctx) {
    const { spray, stuffing, maxEvidence } = ctx.config;
    const ignored = accountMatcher(ctx.config.ignoreUsers);
    const supplier = accountMatcher(ctx.config.supplierAccounts);
    const out = [];
    const failures = attempts.filter((a) => a.outcome === 'failure' && !ignored(a.user));
    // successes only from sources that failed somewhere (most sign-ins come from elsewhere)
    const failedSources = new Set(failures.map((a) => a.source));
    const successesBySource = groupBy(attempts.filter((a) => a.outcome === 'success' && failedSources.has(a.source)), (a) => a.source);
    const bySource = groupBy(failures, (a) => `${a.protocol === 'entra' ? 'entra' : 'onprem'}|${a.source}`);
    for (const [key, list] of [...bySource].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        sortByTime(list);
        const entra = key.startsWith('entra|');
        const source = list[0].source;
        // credential stuffing first: many names, mostly unknown here
        const st = bestDistinctWindow(list, stuffing.windowMinutes * 60_000);
        const stWin = list.slice(st.i, st.j + 1);
        const unknownShare = stWin.filter((a) => a.failure === 'unknown-user').length / Math.max(1, stWin.length);
        if (st.users.size >= stuffing.minUsers && unknownShare >= stuffing.minUnknownShare) {
            const won = [
                ...new Set((successesBySource.get(source) ?? [])
                    .filter((x) => x.time >= stWin[0].time && st.users.has(x.user))
                    .map((x) => x.user)),
            ];
            out.push(make('credential-stuffing', `${key}|${stWin[0].time}`, stWin[0].time, won.length > 0 ? 'critical' : 'high', `Credential stuffing from ${source}: ${st.users.size} user names, ${Math.round(unknownShare * 100)}% unknown here`, [
                ...sourceEntities(source),
                ...[...st.users]
                    .sort()
                    .slice(0, 100)
                    .map((u) => ({ type: 'user', value: u })),
            ], evidence(stWin, maxEvidence), {
                source,
                users: st.users.size,
                failures: stWin.length,
                unknown_user_share: Number(unknownShare.toFixed(3)),
                first: stWin[0].time,
                last: stWin[stWin.length - 1].time,
                succeeded: won.sort(),
                protocols: [...new Set(stWin.map((a) => a.protocol))].sort(),
            }, targets(stWin)[0]));
            continue;
        }
        const windowMs = (entra ? spray.entraWindowMinutes : spray.windowMinutes) * 60_000;
        const minUsers = entra ? spray.entraMinUsers : spray.minUsers;
        const sp = bestDistinctWindow(list, windowMs);
        if (sp.users.size < minUsers)
            continue;
        const win = list.slice(sp.i, sp.j + 1);
        // accounts that signed in from the same source during or soon after the spray (within one
        // more window): the spray found their password, whether or not a failure on them was logged
        const end = win[win.length - 1].time + windowMs;
        const won = [
            ...new Set((successesBySource.get(source) ?? [])
                .filter((s) => s.time >= win[0].time && s.time <= end)
                .map((s) => s.user)),
        ];
        const users = [...sp.users].sort();
        out.push(make('password-spray', `${key}|${win[0].time}`, win[0].time, won.length > 0 ? 'critical' : 'high', `Password spraying from ${source}: ${users.length} accounts in ${Math.max(1, Math.round((win[win.length - 1].time - win[0].time) / 60_000))} min${won.length ? `, then ${won.join(', ')} signed in` : ''}`, [
            ...sourceEntities(source),
            ...won.map((u) => ({ type: 'user', value: u })),
            ...users.slice(0, 100).map((u) => ({ type: 'user', value: u })),
            ...targets(win).map((h) => ({ type: 'host', value: h })),
        ], evidence(win, maxEvidence), {
            source,
            users: users.length,
            user_names: users.slice(0, 100),
            failures: win.length,
            first: win[0].time,
            last: win[win.length - 1].time,
            succeeded: won.sort(),
            supplier_accounts: [...new Set([...users, ...won].filter(supplier))].sort(),
            protocols: [...new Set(win.map((a) => a.protocol))].sort(),
            window_minutes: windowMs / 60_000,
            threshold_users: minUsers,
        }, targets(win)[0]));
    }
    return out;
}
/** Brute force: many failures for one account from one source in a short time. */
export function detectBruteForce(attempts, ctx) {
    const { bruteForce, maxEvidence } = ctx.config;
    const ignored = accountMatcher(ctx.config.ignoreUsers);
    const out = [];
    const groups = groupBy(attempts.filter((a) => a.outcome === 'failure' && !ignored(a.user)), (a) => `${a.protocol === 'ssh' ? 'ssh' : 'other'}|${a.source}|${a.user}`);
    // the successes of the (source, user) pairs with enough failures, looked up only for those
    const candidates = [...groups].filter(([key, list]) => {
        const min = key.startsWith('ssh|') ? bruteForce.sshMinFailures : bruteForce.minFailures;
        return list.length >= min;
    });
    const wanted = new Set(candidates.map(([, list]) => list[0].source));
    const successes = groupBy(attempts.filter((a) => a.outcome === 'success' && wanted.has(a.source)), (a) => `${a.source}|${a.user}`);
    for (const [key, list] of candidates.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const ssh = key.startsWith('ssh|');
        const windowMs = (ssh ? bruteForce.sshWindowSeconds : bruteForce.windowSeconds) * 1000;
        const min = ssh ? bruteForce.sshMinFailures : bruteForce.minFailures;
        if (list.length < min)
            continue;
        sortByTime(list);
        let best = { i: 0, n: 0 };
        let i = 0;
        for (let j = 0; j < list.length; j++) {
            while (list[j].time - list[i].time > windowMs)
                i++;
            if (j - i + 1 > best.n)
                best = { i, n: j - i + 1 };
        }
        if (best.n < min)
            continue;
        const win = list.slice(best.i, best.i + best.n);
        const { source, user } = win[0];
        const succeeded = (successes.get(`${source}|${user}`) ?? []).some((s) => s.time >= win[0].time);
        out.push(make('brute-force', `${key}|${win[0].time}`, win[0].time, succeeded ? 'critical' : 'medium', `Brute force on ${user} from ${source}: ${best.n} failures in ${Math.max(1, Math.round((win[win.length - 1].time - win[0].time) / 1000))} s${succeeded ? ', then success' : ''}`, [
            ...sourceEntities(source),
            { type: 'user', value: user },
            ...targets(win).map((h) => ({ type: 'host', value: h })),
        ], evidence(win, maxEvidence), {
            source,
            user,
            failures_in_window: best.n,
            failures_total: list.length,
            first: win[0].time,
            last: win[win.length - 1].time,
            succeeded,
            protocol: win[0].protocol,
            window_seconds: windowMs / 1000,
            threshold: min,
        }, targets(win)[0]));
    }
    return out;
}
/** Failures from a source followed by a success from it: the guess that worked. */
export function detectFailuresThenSuccess(attempts, ctx) {
    const { failThenSuccess, maxEvidence } = ctx.config;
    const ignored = accountMatcher(ctx.config.ignoreUsers);
    const supplier = accountMatcher(ctx.config.supplierAccounts);
    const windowMs = failThenSuccess.windowMinutes * 60_000;
    const out = [];
    const bySource = groupBy(attempts.filter((a) => !ignored(a.user)), (a) => a.source);
    for (const [source, list] of [...bySource].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (!list.some((a) => a.outcome === 'failure'))
            continue;
        sortByTime(list);
        const reported = new Set();
        // failures in the window [i, j): per user, kept up to date as the window slides (linear time
        // however busy the source)
        const failsByUser = new Map();
        let fails = 0;
        let i = 0;
        for (let j = 0; j < list.length; j++) {
            const s = list[j];
            if (j > 0 && list[j - 1].outcome === 'failure') {
                const u = list[j - 1].user;
                failsByUser.set(u, (failsByUser.get(u) ?? 0) + 1);
                fails++;
            }
            while (i < j && s.time - list[i].time > windowMs) {
                if (list[i].outcome === 'failure') {
                    const u = list[i].user;
                    const c = failsByUser.get(u) - 1;
                    if (c === 0)
                        failsByUser.delete(u);
                    else
                        failsByUser.set(u, c);
                    fails--;
                }
                i++;
            }
            if (s.outcome !== 'success' || fails === 0 || reported.has(s.user))
                continue;
            const mineCount = failsByUser.get(s.user) ?? 0;
            const otherCount = failsByUser.size - (mineCount > 0 ? 1 : 0);
            // the user's own failures, or a source that failed on several other accounts (a spray)
            const sprayed = otherCount >= failThenSuccess.sourceMinUsers;
            if (mineCount < failThenSuccess.minFailures && !sprayed)
                continue;
            reported.add(s.user);
            const before = list.slice(i, j).filter((a) => a.outcome === 'failure');
            const mine = before.filter((a) => a.user === s.user);
            const otherUsers = new Set(before.filter((a) => a.user !== s.user).map((a) => a.user));
            const sup = supplier(s.user);
            out.push(make('failures-then-success', `${source}|${s.user}|${s.time}`, s.time, sup || sprayed ? 'critical' : 'high', `${s.user} signed in from ${source} after ${before.length} failed attempts${otherUsers.size ? ` on ${otherUsers.size + (mine.length > 0 ? 1 : 0)} accounts` : ''}`, [
                { type: 'user', value: s.user },
                ...sourceEntities(source),
                ...(s.target ? [{ type: 'host', value: s.target }] : []),
            ], [...evidence(before.slice(-(maxEvidence - 1)), maxEvidence - 1), s.evidence], {
                source,
                user: s.user,
                failures: before.length,
                failures_for_user: mine.length,
                other_accounts_tried: otherUsers.size,
                first_failure: before[0].time,
                success: s.time,
                supplier_account: sup,
                protocol: s.protocol,
            }, s.target));
        }
    }
    return out;
}
/** Kerberoasting: RC4 service tickets for user-run services, per requester. */
export function detectKerberoasting(requests, ctx) {
    const { kerberoasting, maxEvidence } = ctx.config;
    const out = [];
    const groups = groupBy(requests.filter((r) => r.kind === 'tgs'), (r) => `${r.user}|${r.ip ?? ''}`);
    const windowMs = kerberoasting.windowMinutes * 60_000;
    for (const [key, list] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        sortByTime(list);
        // the window with the most distinct services (sliding counts: linear time)
        const perService = new Map();
        let best = { i: 0, j: 0, n: 0 };
        let i = 0;
        for (let j = 0; j < list.length; j++) {
            perService.set(list[j].service, (perService.get(list[j].service) ?? 0) + 1);
            while (list[j].time - list[i].time > windowMs) {
                const c = perService.get(list[i].service) - 1;
                if (c === 0)
                    perService.delete(list[i].service);
                else
                    perService.set(list[i].service, c);
                i++;
            }
            const n = perService.size;
            if (n > best.n)
                best = { i, j, n };
        }
        if (best.n < kerberoasting.minServices)
            continue;
        const win = list.slice(best.i, best.j + 1);
        const services = [...new Set(win.map((r) => r.service))].sort();
        const { user, ip } = win[0];
        out.push(make('kerberoasting', `${key}|${win[0].time}`, win[0].time, services.length >= kerberoasting.highServices ? 'high' : 'medium', `Kerberoasting: ${user || 'an account'}${ip ? ` from ${ip}` : ''} requested RC4 tickets for ${services.length} service account${services.length > 1 ? 's' : ''}`, [
            ...(user ? [{ type: 'user', value: user }] : []),
            ...(ip ? [{ type: 'ip', value: ip }] : []),
            ...services.map((s) => ({ type: 'account', value: s })),
        ], evidence(win, maxEvidence), {
            user,
            source: ip,
            services,
            requests: win.length,
            first: win[0].time,
            last: win[win.length - 1].time,
        }, win[0].target));
    }
    return out;
}
/** AS-REP roasting: TGTs issued without pre-authentication, per requesting address. */
export function detectAsrepRoasting(requests, ctx) {
    const out = [];
    const groups = groupBy(requests.filter((r) => r.kind === 'asrep'), (r) => r.ip ?? '');
    for (const [ip, list] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        sortByTime(list);
        const users = [...new Set(list.map((r) => r.user))].sort();
        out.push(make('asrep-roasting', `${ip}|${list[0].time}`, list[0].time, 'high', `AS-REP roasting: TGT${users.length > 1 ? 's' : ''} without pre-authentication for ${users.join(', ')}${ip ? ` requested from ${ip}` : ''}`, [
            ...(ip ? [{ type: 'ip', value: ip }] : []),
            ...users.map((u) => ({ type: 'user', value: u })),
        ], evidence(list, ctx.config.maxEvidence), {
            source: ip || undefined,
            users,
            requests: list.length,
            encryption: [...new Set(list.map((r) => r.encryption))].sort(),
        }, list[0].target));
    }
    return out;
}
function locate(a, geo) {
    const g = a.ip ? geo?.(a.ip) : undefined;
    const country = a.country ?? g?.country;
    const asn = a.asn ?? g?.asn;
    if (a.lat !== undefined && a.lon !== undefined)
        return { a, lat: a.lat, lon: a.lon, exact: true, country, asn };
    const c = countryCentroid(country);
    if (!c)
        return undefined;
    return { a, lat: c[0], lon: c[1], exact: false, country, asn };
}
/** Impossible travel: two successful sign-ins of one account farther apart than a plane could fly. */
export function detectImpossibleTravel(attempts, ctx) {
    const { travel, maxEvidence } = ctx.config;
    const supplier = accountMatcher(ctx.config.supplierAccounts);
    const ignored = accountMatcher(ctx.config.ignoreUsers);
    const out = [];
    const byUser = groupBy(attempts.filter((a) => a.outcome === 'success' && !ignored(a.user) && !isInternal(a.ip, ctx.geo)), (a) => a.user);
    for (const [user, list] of [...byUser].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        sortByTime(list);
        const located = list.map((a) => locate(a, ctx.geo)).filter((x) => !!x);
        let worst;
        let pairs = 0;
        for (let k = 1; k < located.length; k++) {
            const p = located[k - 1];
            const q = located[k];
            // centroids say nothing about travel inside one country
            if ((!p.exact || !q.exact) && p.country && p.country === q.country)
                continue;
            const km = distanceKm(p.lat, p.lon, q.lat, q.lon);
            if (km < travel.minDistanceKm)
                continue;
            const hours = (q.a.time - p.a.time) / 3_600_000;
            const kmh = hours <= 0 ? Number.POSITIVE_INFINITY : km / hours;
            if (kmh <= travel.maxSpeedKmh)
                continue;
            pairs++;
            if (!worst || kmh > worst.kmh)
                worst = { p, q, km, kmh };
        }
        if (!worst)
            continue;
        const { p, q, km, kmh } = worst;
        out.push(make('impossible-travel', `${user}|${p.a.time}|${q.a.time}`, q.a.time, supplier(user) ? 'high' : 'medium', `Impossible travel for ${user}: ${p.country ?? '?'} to ${q.country ?? '?'} (${Math.round(km)} km) in ${Math.round((q.a.time - p.a.time) / 60_000)} min`, [
            { type: 'user', value: user },
            ...(p.a.ip ? [{ type: 'ip', value: p.a.ip }] : []),
            ...(q.a.ip ? [{ type: 'ip', value: q.a.ip }] : []),
        ], [p.a.evidence, q.a.evidence].slice(0, maxEvidence), {
            user,
            from: { time: p.a.time, ip: p.a.ip, country: p.country, asn: p.asn },
            to: { time: q.a.time, ip: q.a.ip, country: q.country, asn: q.asn },
            distance_km: Math.round(km),
            speed_kmh: Number.isFinite(kmh) ? Math.round(kmh) : 'simultaneous',
            coordinates: p.exact && q.exact ? 'reported' : 'country-centroid',
            pairs,
            supplier_account: supplier(user),
        }));
    }
    return out;
}
/** The first sign-in of an account from a country or network (ASN) it had not used before. */
export function detectNewLocation(attempts, ctx) {
    const { newLocation, maxEvidence } = ctx.config;
    const supplier = accountMatcher(ctx.config.supplierAccounts);
    const ignored = accountMatcher(ctx.config.ignoreUsers);
    const out = [];
    const byUser = groupBy(attempts.filter((a) => a.outcome === 'success' && !ignored(a.user) && !isInternal(a.ip, ctx.geo)), (a) => a.user);
    for (const [user, list] of [...byUser].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        sortByTime(list);
        const sup = supplier(user);
        const minHistory = sup ? newLocation.supplierMinHistory : newLocation.minHistory;
        const countries = new Set();
        const asns = new Set();
        let history = 0;
        for (const a of list) {
            const g = a.ip ? ctx.geo?.(a.ip) : undefined;
            const country = a.country ?? g?.country;
            const asn = a.asn ?? g?.asn;
            const newCountry = newLocation.countries && country !== undefined && !countries.has(country);
            const newAsn = newLocation.asns && asn !== undefined && !asns.has(asn);
            if (history >= minHistory && (newCountry || newAsn)) {
                out.push(make('new-sign-in-location', `${user}|${a.time}`, a.time, sup ? 'high' : 'low', `${sup ? 'Supplier account ' : ''}${user} signed in from a new ${newCountry ? `country (${country})` : ''}${newCountry && newAsn ? ' and ' : ''}${newAsn ? `network (AS${asn}${g?.org ? ` ${g.org}` : ''})` : ''}`, [
                    { type: 'user', value: user },
                    ...(a.ip ? [{ type: 'ip', value: a.ip }] : []),
                    ...(a.target ? [{ type: 'host', value: a.target }] : []),
                ], [a.evidence].slice(0, maxEvidence), {
                    user,
                    ip: a.ip,
                    country,
                    asn,
                    org: g?.org,
                    new_country: newCountry,
                    new_asn: newAsn,
                    known_countries: [...countries].sort(),
                    known_asns: [...asns].sort((x, y) => x - y),
                    earlier_sign_ins: history,
                    supplier_account: sup,
                    protocol: a.protocol,
                }, a.target));
            }
            if (country)
                countries.add(country);
            if (asn !== undefined)
                asns.add(asn);
            history++;
        }
    }
    return out;
}
//# sourceMappingURL=detect.js.map