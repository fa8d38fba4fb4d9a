/**
 * Account hash dumps: pwdump (`user:RID:LM:NT:::`) and impacket secretsdump output
 * (`DOMAIN\user:RID:LM:NT:::`, optional ` (pwdLastSet=...)` and ` (status=Enabled|Disabled)`
 * suffixes, `user_historyN` lines, and the `.kerberos` / `.cleartext` side files).
 *
 * Secrets stay secret: NT and LM hashes are kept only as needed by the checks (in memory, never
 * printed); cleartext passwords are hashed the moment they are read (NT, and SHA-1 for SHA-1
 * corpora) and the plaintext is dropped.
 */
import { createHash } from 'node:crypto';
import { HaechiError } from '../errors.js';
import { EMPTY_LM, ntHash } from './md4.js';
const HEX32 = /^[0-9a-fA-F]{32}$/;
function splitName(raw) {
    const i = raw.lastIndexOf('\\');
    if (i < 0)
        return { name: raw };
    return { name: raw.slice(i + 1), domain: raw.slice(0, i) };
}
function getAccount(map, raw, source) {
    const { name, domain } = splitName(raw);
    const key = name.toLowerCase();
    let a = map.get(key);
    if (!a) {
        a = { name, domain, history: [], kerberosKeys: [], sources: [] };
        map.set(key, a);
    }
    if (!a.sources.includes(source))
        a.sources.push(source);
    if (domain && !a.domain)
        a.domain = domain;
    return a;
}
/** secretsdump's `-pwd-last-set` prints local-looking `YYYY-MM-DD HH:MM` times in UTC. */
function parseSuffixes(rest, a) {
    const pls = /\(pwdLastSet=([^)]*)\)/.exec(rest);
    if (pls) {
        const v = pls[1].trim();
        if (v && v !== 'never') {
            const t = Date.parse(`${v.replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(v) ? '' : 'Z'}`);
            if (!Number.isNaN(t))
                a.pwdLastSet = t;
        }
    }
    const st = /\(status=([^)]*)\)/.exec(rest);
    if (st)
        a.enabled = st[1].trim().toLowerCase() === 'enabled';
}
/**
 * Parses one dump file's text into `map` (merging with what is already there). Handles the main
 * hash lines, `_history` lines, `.kerberos` key lines and `.cleartext` lines in any mix, so a user can
 * pass the three secretsdump files in any order.
 */
export function parseDump(text, file, map = new Map(), opts = {}) {
    const problem = (line, reason, field) => {
        const p = { file, line, reason, level: 'error', field };
        if (opts.strict)
            throw new HaechiError('input', reason, { file, line, field });
        opts.onProblem?.(p);
    };
    const lines = text.split(/\r?\n/);
    for (let ln = 0; ln < lines.length; ln++) {
        const line = lines[ln];
        if (!line.trim() || line.startsWith('#') || line.startsWith('['))
            continue; // secretsdump banners: [*] ...
        const parts = line.split(':');
        if (parts.length < 3) {
            problem(ln + 1, 'not an account line (expected user:RID:LM:NT::: or user:keytype:key)');
            continue;
        }
        const rawName = parts[0];
        if (!rawName) {
            problem(ln + 1, 'empty account name', 'user');
            continue;
        }
        // .cleartext: DOMAIN\user:CLEARTEXT:password (the password may itself contain ':')
        if (parts[1] === 'CLEARTEXT') {
            let pw = parts.slice(2).join(':');
            const a = getAccount(map, rawName, file);
            a.cleartext = { nt: ntHash(pw), sha1: createHash('sha1').update(pw, 'utf8').digest('hex') };
            pw = undefined; // dropped
            continue;
        }
        // .kerberos: DOMAIN\user:aes256-cts-hmac-sha1-96:hexkey (or 0xffffff74:hexkey for rc4 in old versions)
        if (parts.length === 3 && !/^\d+$/.test(parts[1])) {
            const a = getAccount(map, rawName, file);
            const keyType = parts[1].toLowerCase();
            if (!a.kerberosKeys.includes(keyType))
                a.kerberosKeys.push(keyType);
            continue;
        }
        // hash line: user:RID:LM:NT:comment:homedir: [(pwdLastSet=...)] [(status=...)]
        if (parts.length < 4 || !/^\d+$/.test(parts[1])) {
            problem(ln + 1, 'not an account line (expected user:RID:LM:NT:::)', 'RID');
            continue;
        }
        const ntRaw = parts[3].trim();
        const lmRaw = parts[2].trim();
        const hist = /^(.*)_history(\d+)$/.exec(rawName);
        if (!HEX32.test(ntRaw) && !/^NO PASSWORD\*+$/i.test(ntRaw)) {
            problem(ln + 1, 'NT hash is not 32 hex digits', 'NT');
            continue;
        }
        const nt = HEX32.test(ntRaw) ? ntRaw.toLowerCase() : undefined;
        const lm = HEX32.test(lmRaw) ? lmRaw.toLowerCase() : EMPTY_LM;
        if (hist) {
            const a = getAccount(map, hist[1], file);
            const idx = Number(hist[2]);
            if (nt)
                a.history[idx] = nt;
            continue;
        }
        const a = getAccount(map, rawName, file);
        a.rid = Number(parts[1]);
        if (nt)
            a.nt = nt;
        a.lm = lm;
        parseSuffixes(parts.slice(6).join(':'), a);
    }
    for (const a of map.values())
        a.history = a.history.filter((h) => h !== undefined);
    return map;
}
//# sourceMappingURL=dump.js.map