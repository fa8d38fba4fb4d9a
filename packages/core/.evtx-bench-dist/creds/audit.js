import { severityRank } from '../model/index.js';
import { hexKey } from './corpus-index.js';
import { EMPTY_LM, EMPTY_NT, ntHash } from './md4.js';
export const CHECKS = [
    'duplicate-password',
    'breached-password',
    'personal-reuse',
    'username-as-password',
    'empty-password',
    'lm-hash',
    'default-computer-password',
    'cleartext-stored',
    'password-never-expires',
    'password-not-required',
    'kerberoastable',
    'asrep-roastable',
    'des-only',
    'aes-keys-missing',
    'delegatable-admin',
    'stale-account',
    'history-breached',
];
export const DEFAULT_ADMIN_GROUPS = [
    'Domain Admins',
    'Enterprise Admins',
    'Schema Admins',
    'Administrators',
    'Account Operators',
    'Backup Operators',
    'Server Operators',
    'Print Operators',
];
export function mergeAccounts(dumps, directory, adminGroups = DEFAULT_ADMIN_GROUPS) {
    const keys = new Set([...dumps.keys(), ...(directory?.records.keys() ?? [])]);
    const adminSet = new Set(adminGroups.map((g) => g.toLowerCase()));
    const out = [];
    for (const key of [...keys].sort()) {
        const dump = dumps.get(key);
        const dir = directory?.records.get(key);
        const name = dir?.account ?? dump?.name ?? key;
        const admin = dir?.admin ??
            (dir?.groups ? dir.groups.some((g) => adminSet.has(g.toLowerCase())) : undefined) ??
            dump?.rid === 500;
        out.push({
            key,
            name,
            dump,
            dir,
            computer: name.endsWith('$'),
            admin,
            supplier: dir?.supplier ?? '',
            enabled: dir?.enabled ?? dump?.enabled ?? true,
        });
    }
    return out;
}
/** Links personal addresses to accounts for the exposure reader. */
export function exposureLinker(accounts) {
    const byEmail = new Map();
    for (const a of accounts) {
        for (const e of a.dir?.personalEmails ?? []) {
            const list = byEmail.get(e) ?? [];
            list.push({ key: a.key, current: a.dump?.nt, history: a.dump?.history ?? [] });
            byEmail.set(e, list);
        }
    }
    return (email) => byEmail.get(email);
}
const prefix = (h) => h.slice(0, 5);
/** code-unit order: deterministic and fast (localeCompare depends on the locale and is slow) */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
export function runAudit(accounts, inputs, opts) {
    const findings = [];
    const status = new Map();
    const ran = (check) => status.set(check, { check, ran: true });
    const skip = (check, reason) => status.set(check, { check, ran: false, reason });
    const cols = inputs.directory?.columns ?? new Set();
    const noDir = 'no --directory export given';
    const needCol = (check, col) => {
        if (!inputs.directory) {
            skip(check, noDir);
            return false;
        }
        if (!cols.has(col)) {
            skip(check, `the directory export has no "${col}" column`);
            return false;
        }
        ran(check);
        return true;
    };
    const live = accounts.filter((a) => a.enabled);
    const users = live.filter((a) => !a.computer && a.key !== 'krbtgt');
    const hashed = users.filter((a) => a.dump?.nt);
    const haveHashes = accounts.some((a) => a.dump?.nt);
    const noHashes = 'no account hashes given (--hashes)';
    const push = (check, severity, accts, details = {}) => findings.push({ check, severity, accounts: accts.map((a) => a.name).sort(), ...details });
    /** one finding per severity, for checks whose details do not vary by account */
    const grouped = (check, list, sev) => {
        const by = new Map();
        for (const a of list) {
            const s = sev(a);
            const l = by.get(s);
            if (l)
                l.push(a);
            else
                by.set(s, [a]);
        }
        for (const [s, l] of by)
            push(check, s, l);
    };
    const adminOrSupplier = (a) => a.admin || a.supplier !== '';
    // corpus lookups, batched (current hashes and history)
    const breached = new Map(); // nt -> count
    const corpus = inputs.corpus;
    if (corpus && corpus.algorithm === 'ntlm') {
        const all = new Set();
        for (const a of hashed) {
            all.add(a.dump.nt);
            for (const h of a.dump.history)
                all.add(h);
        }
        const list = [...all];
        const his = new Uint32Array(list.length);
        const los = new Uint32Array(list.length);
        list.forEach((h, i) => {
            const k = hexKey(h);
            his[i] = k.hi;
            los[i] = k.lo;
        });
        const counts = corpus.lookupMany(his, los);
        list.forEach((h, i) => {
            if (counts[i] > 0)
                breached.set(h, counts[i]);
        });
    }
    // duplicate-password
    if (!haveHashes)
        skip('duplicate-password', noHashes);
    else {
        ran('duplicate-password');
        const groups = new Map();
        for (const a of hashed) {
            const h = a.dump.nt;
            if (h === EMPTY_NT)
                continue; // reported as empty-password
            const g = groups.get(h);
            if (g)
                g.push(a);
            else
                groups.set(h, [a]);
        }
        for (const [h, g] of groups) {
            if (g.length < 2)
                continue;
            const admins = g.filter((a) => a.admin).map((a) => a.name);
            const suppliers = g.filter((a) => a.supplier !== '').map((a) => a.name);
            const companies = new Set(g.map((a) => a.supplier));
            // an admin sharing with anyone hands the domain to whoever holds the other account; a
            // supplier's account sharing with another person's (own staff or another company) crosses
            // an organisational boundary
            const severity = admins.length > 0 ? 'critical' : suppliers.length > 0 ? 'high' : 'medium';
            push('duplicate-password', severity, g, {
                hash_prefix: prefix(h),
                size: g.length,
                admins: admins.sort(),
                suppliers: suppliers.sort(),
                crosses_organisations: companies.size > 1,
                ...(breached.has(h) ? { breached_count: breached.get(h) } : {}),
            });
        }
    }
    // breached-password
    if (!corpus)
        skip('breached-password', 'no --corpus given');
    else if (!haveHashes && corpus.algorithm === 'ntlm')
        skip('breached-password', noHashes);
    else {
        ran('breached-password');
        if (corpus.algorithm === 'ntlm') {
            for (const a of hashed) {
                const c = breached.get(a.dump.nt);
                if (c) {
                    push('breached-password', a.admin ? 'critical' : 'high', [a], {
                        count: c,
                        hash_prefix: prefix(a.dump.nt),
                    });
                }
            }
        }
        else {
            // a SHA-1 corpus can only be compared with passwords known in clear (.cleartext)
            for (const a of users) {
                const ct = a.dump?.cleartext;
                if (!ct)
                    continue;
                const c = corpus.lookupHex(ct.sha1);
                if (c)
                    push('breached-password', a.admin ? 'critical' : 'high', [a], { count: c, via: 'cleartext' });
            }
            status.set('breached-password', {
                check: 'breached-password',
                ran: true,
                reason: 'SHA-1 corpus: only accounts with a .cleartext password could be checked',
            });
        }
    }
    // history-breached
    const haveHistory = accounts.some((a) => (a.dump?.history.length ?? 0) > 0);
    if (!corpus)
        skip('history-breached', 'no --corpus given');
    else if (corpus.algorithm !== 'ntlm')
        skip('history-breached', 'the corpus is SHA-1; history holds NT hashes');
    else if (!haveHistory)
        skip('history-breached', 'no _history lines in the dumps (secretsdump -history)');
    else {
        ran('history-breached');
        for (const a of hashed) {
            const hits = a.dump.history.filter((h) => breached.has(h));
            if (hits.length === 0)
                continue;
            push('history-breached', a.admin ? 'medium' : 'low', [a], {
                previous_passwords: hits.length,
                max_count: Math.max(...hits.map((h) => breached.get(h))),
            });
        }
    }
    // personal-reuse
    if (!inputs.exposures)
        skip('personal-reuse', 'no --exposures given');
    else if (!inputs.directory || !cols.has('personal_emails'))
        skip('personal-reuse', 'the directory export has no "personal_emails" column to link exposures to employees');
    else if (!haveHashes)
        skip('personal-reuse', noHashes);
    else {
        ran('personal-reuse');
        const byKey = new Map(accounts.map((a) => [a.key, a]));
        const seen = new Set();
        for (const m of inputs.exposures.matches) {
            const a = byKey.get(m.account);
            if (!a?.enabled)
                continue;
            const id = `${m.account}|${m.email}|${m.against}`;
            if (seen.has(id))
                continue;
            seen.add(id);
            const sev = m.against === 'history' ? 'medium' : adminOrSupplier(a) || m.match === 'exact' ? 'critical' : 'high';
            push('personal-reuse', sev, [a], {
                email: m.email,
                match: m.match,
                against: m.against,
                supplier: a.supplier,
            });
        }
    }
    // username-as-password
    if (!haveHashes)
        skip('username-as-password', noHashes);
    else {
        ran('username-as-password');
        for (const a of hashed) {
            const n = a.name;
            const lower = n.toLowerCase();
            const forms = new Set([n, lower, n.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1)]);
            for (const part of lower.split(/[._-]/))
                if (part.length >= 3 && part !== lower)
                    forms.add(part);
            const nt = a.dump.nt;
            if ([...forms].some((f) => ntHash(f) === nt))
                push('username-as-password', a.admin ? 'critical' : 'high', [a]);
        }
    }
    // empty-password
    if (!haveHashes)
        skip('empty-password', noHashes);
    else {
        ran('empty-password');
        grouped('empty-password', live.filter((a) => a.dump?.nt === EMPTY_NT && a.key !== 'krbtgt'), (a) => (a.admin ? 'critical' : 'high'));
    }
    // lm-hash
    if (!haveHashes)
        skip('lm-hash', noHashes);
    else {
        ran('lm-hash');
        grouped('lm-hash', live.filter((a) => a.dump?.lm && a.dump.lm !== EMPTY_LM), (a) => (a.admin ? 'high' : 'medium'));
    }
    // default-computer-password: pre-Windows 2000 computer accounts get the lowercase name without
    // '$', cut at 14 characters, as their password
    if (!haveHashes)
        skip('default-computer-password', noHashes);
    else {
        ran('default-computer-password');
        grouped('default-computer-password', live.filter((a) => a.computer && a.dump?.nt && a.dump.nt === ntHash(a.name.slice(0, -1).toLowerCase().slice(0, 14))), () => 'high');
    }
    // cleartext-stored
    if (!accounts.some((a) => a.dump?.cleartext))
        skip('cleartext-stored', 'no .cleartext lines in the dumps');
    else {
        ran('cleartext-stored');
        grouped('cleartext-stored', live.filter((a) => a.dump?.cleartext), (a) => (a.admin ? 'critical' : 'high'));
    }
    // directory attribute checks
    if (needCol('password-never-expires', 'password_never_expires')) {
        grouped('password-never-expires', users.filter((a) => a.dir?.passwordNeverExpires), (a) => (adminOrSupplier(a) ? 'medium' : 'low'));
    }
    if (needCol('password-not-required', 'password_not_required')) {
        grouped('password-not-required', live.filter((a) => a.dir?.passwordNotRequired), (a) => (a.dump?.nt === EMPTY_NT || a.admin ? 'high' : 'medium'));
    }
    const kerberoastable = new Set();
    if (needCol('kerberoastable', 'spns')) {
        const list = users.filter((a) => (a.dir?.spns?.length ?? 0) > 0);
        for (const a of list)
            kerberoastable.add(a.key);
        for (const a of list) {
            const weak = a.dump?.nt ? breached.has(a.dump.nt) : false;
            const sev = a.admin && weak ? 'critical' : a.admin || weak ? 'high' : 'medium';
            push('kerberoastable', sev, [a], { spns: a.dir.spns.length, ...(weak ? { breached: true } : {}) });
        }
    }
    if (needCol('asrep-roastable', 'preauth_required')) {
        grouped('asrep-roastable', users.filter((a) => a.dir?.preauthRequired === false), (a) => (a.admin ? 'critical' : 'high'));
    }
    if (needCol('des-only', 'des_only')) {
        grouped('des-only', live.filter((a) => a.dir?.desOnly), (a) => (a.admin ? 'high' : 'medium'));
    }
    // aes-keys-missing: the directory column, or else the .kerberos file (an account listed there
    // without any aes key type)
    const haveKerberos = accounts.some((a) => (a.dump?.kerberosKeys.length ?? 0) > 0);
    if (inputs.directory && cols.has('aes_keys')) {
        ran('aes-keys-missing');
        grouped('aes-keys-missing', users.filter((a) => a.dir?.aesKeys === false), (a) => (a.admin || kerberoastable.has(a.key) ? 'medium' : 'low'));
    }
    else if (haveKerberos) {
        ran('aes-keys-missing');
        grouped('aes-keys-missing', users.filter((a) => (a.dump?.kerberosKeys.length ?? 0) > 0 && !a.dump.kerberosKeys.some((k) => k.startsWith('aes'))), (a) => (a.admin || kerberoastable.has(a.key) ? 'medium' : 'low'));
    }
    else
        skip('aes-keys-missing', 'neither an "aes_keys" column nor a .kerberos file');
    // delegatable-admin: an admin trusted for (unconstrained) delegation, or one that can be
    // delegated because it is not in Protected Users (needs the groups column)
    if (needCol('delegatable-admin', 'trusted_for_delegation')) {
        for (const a of live.filter((x) => x.admin)) {
            if (a.dir?.trustedForDelegation)
                push('delegatable-admin', 'high', [a], { reason: 'trusted-for-delegation' });
            else if (cols.has('groups') &&
                !(a.dir?.groups ?? []).some((g) => g.toLowerCase() === 'protected users'))
                push('delegatable-admin', 'medium', [a], { reason: 'not-in-protected-users' });
        }
    }
    if (needCol('stale-account', 'last_logon')) {
        const days = opts.staleDays ?? 90;
        const limit = opts.now - days * 86_400_000;
        const stale = users.filter((a) => {
            const last = a.dir?.lastLogon ?? a.dir?.passwordLastSet;
            return last !== undefined && last < limit;
        });
        for (const a of stale) {
            const last = (a.dir?.lastLogon ?? a.dir?.passwordLastSet);
            push('stale-account', adminOrSupplier(a) ? 'medium' : 'low', [a], {
                days_unused: Math.floor((opts.now - last) / 86_400_000),
                ...(a.dir?.lastLogon === undefined ? { never_logged_on: true } : {}),
            });
        }
    }
    findings.sort((x, y) => severityRank(y.severity) - severityRank(x.severity) ||
        CHECKS.indexOf(x.check) - CHECKS.indexOf(y.check) ||
        cmp(x.accounts[0] ?? '', y.accounts[0] ?? ''));
    const exp = inputs.exposures;
    return {
        accounts: accounts.length,
        findings,
        checks: CHECKS.map((c) => status.get(c) ?? { check: c, ran: false, reason: 'no input' }),
        disabled: accounts.length - live.length,
        ...(exp
            ? {
                exposures: {
                    lines: exp.lines,
                    linked: exp.linked,
                    plaintext: exp.plaintext,
                    ntHashes: exp.ntHashes,
                    sha1Hashes: exp.sha1Hashes,
                    malformed: exp.malformed,
                },
            }
            : {}),
        ...(corpus
            ? { corpus: { algorithm: corpus.algorithm, entries: corpus.entries, bits: corpus.bits } }
            : {}),
    };
}
//# sourceMappingURL=audit.js.map