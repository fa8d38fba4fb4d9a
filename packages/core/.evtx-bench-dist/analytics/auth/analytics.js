import { isAuthEvent, toAttempt, toKerberosRequest, } from './attempts.js';
import { authConfigSchema } from './config.js';
import { detectAsrepRoasting, detectBruteForce, detectFailuresThenSuccess, detectImpossibleTravel, detectKerberoasting, detectNewLocation, detectSprayAndStuffing, } from './detect.js';
/** Collected attempts and Kerberos requests. */
export class AuthStore {
    max;
    attempts = [];
    kerberos = [];
    dropped = 0;
    constructor(max = 5_000_000) {
        this.max = max;
    }
    /** sorts the collected attempts and requests by time (once; the detections then keep order) */
    sort() {
        const byTime = (a, b) => a.time - b.time;
        this.attempts.sort(byTime);
        this.kerberos.sort(byTime);
        return this;
    }
    add(events) {
        for (const e of events) {
            const k = toKerberosRequest(e);
            if (k) {
                if (this.kerberos.length < this.max)
                    this.kerberos.push(k);
                else
                    this.dropped++;
            }
            const a = toAttempt(e);
            if (!a)
                continue;
            if (this.attempts.length < this.max)
                this.attempts.push(a);
            else
                this.dropped++;
        }
    }
}
function sortFindings(fs) {
    return fs.sort((a, b) => a.time - b.time || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : a.id < b.id ? -1 : 1));
}
export function parseAuthConfig(raw) {
    return authConfigSchema.parse(raw ?? {});
}
const DETECTIONS = {
    'password-spray': (s, c) => detectSprayAndStuffing(s.attempts, c),
    'brute-force': (s, c) => detectBruteForce(s.attempts, c),
    'failures-then-success': (s, c) => detectFailuresThenSuccess(s.attempts, c),
    kerberoasting: (s, c) => detectKerberoasting(s.kerberos, c),
    'asrep-roasting': (s, c) => detectAsrepRoasting(s.kerberos, c),
    'impossible-travel': (s, c) => detectImpossibleTravel(s.attempts, c),
    'new-sign-in-location': (s, c) => detectNewLocation(s.attempts, c),
};
function withDropNote(fs, store) {
    if (store.dropped > 0)
        for (const f of fs)
            f.details = { ...f.details, events_not_kept: store.dropped };
    return fs;
}
/** One Analytic per detection (spray and stuffing are one, as they split the same evidence). */
export function createAuthAnalytics(opts = {}) {
    const ctx = { config: parseAuthConfig(opts.config), geo: opts.geo };
    return Object.entries(DETECTIONS).map(([name, run]) => {
        const store = new AuthStore(opts.maxAttempts);
        return {
            name: `creds/${name}`,
            wants: isAuthEvent,
            feed: (events) => store.add(events),
            finish: () => sortFindings(withDropNote(run(store.sort(), ctx), store)),
        };
    });
}
/** Every credential-attack detection over one collection of attempts. */
export function createCredentialAttackAnalytic(opts = {}) {
    const ctx = { config: parseAuthConfig(opts.config), geo: opts.geo };
    const store = new AuthStore(opts.maxAttempts);
    return {
        name: 'creds',
        store,
        wants: isAuthEvent,
        feed: (events) => store.add(events),
        finish: () => {
            store.sort();
            return sortFindings(withDropNote(Object.values(DETECTIONS).flatMap((run) => run(store, ctx)), store));
        },
    };
}
//# sourceMappingURL=analytics.js.map