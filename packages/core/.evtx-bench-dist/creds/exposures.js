/**
 * Exposures: leaked credentials of personal identities (`email:password` or `email:hash`, one a
 * line; a 32-hex secret is read as an NT hash, a 40-hex one as a SHA-1), linked to employees by the
 * directory's `personal_emails`.
 *
 * Design (secrets stay secret): the corporate side is known only as NT hashes, so "the work password
 * is a simple variant of the leaked one" cannot be tested by normalising the work password. Instead,
 * while one exposure line is being read, its plaintext expands into the bounded set of simple variants
 * (same root - the part from the first to the last letter - in a few case forms, with other digits
 * and symbols around it: 0-999, years 1950-2039, one symbol before or after, or alone), each is
 * NT-hashed and compared on the spot with the linked account's current and previous NT hashes. Only
 * the outcome (account, personal address, exact or variant, current or history) leaves the function;
 * the plaintext and the candidates are never stored. Lines whose address links to no account are
 * not hashed at all.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { HaechiError } from '../errors.js';
import { ntHashConcatWords, wordsToHex } from './md4.js';
const SYMBOLS = [...'!@#$%^&*?.-_+=~'];
let GENERIC;
let DIGITS;
function digitForms() {
    if (DIGITS)
        return DIGITS;
    const d = [];
    for (let i = 0; i < 10; i++)
        d.push(String(i));
    for (let i = 0; i < 100; i++)
        d.push(String(i).padStart(2, '0'));
    for (let i = 0; i < 1000; i++)
        d.push(String(i).padStart(3, '0'));
    for (let y = 1950; y < 2040; y++)
        d.push(String(y));
    DIGITS = d;
    return d;
}
/**
 * The endings tried after the root: generic ones (nothing; digits; digits and one symbol either
 * side; one or two symbols) and ones shaped like the leaked password's own ending (`@2019` gives
 * `@2026`, `@2026!`, `#2019`...: each digit run replaced by other digits, symbol runs kept or swapped
 * for another symbol, optionally one more symbol at the end). About 75,000 endings.
 */
function tailVariants(tail) {
    if (!GENERIC) {
        const g = [''];
        for (const d of digitForms()) {
            g.push(d);
            for (const s of SYMBOLS)
                g.push(d + s, s + d);
        }
        for (const s of SYMBOLS)
            g.push(s, s + s);
        GENERIC = g;
    }
    const runs = tail.match(/\d+|\D+/g) ?? [];
    if (runs.length === 0 || runs.length > 3)
        return GENERIC;
    let shaped = [''];
    let swappedSymbols = [''];
    for (const r of runs) {
        const digits = /^\d/.test(r);
        const opts = digits ? digitForms() : [r];
        shaped = shaped.flatMap((p) => opts.map((o) => p + o));
        swappedSymbols = swappedSymbols.flatMap((p) => (digits ? digitForms() : SYMBOLS).map((o) => p + o));
        if (shaped.length > 20000)
            return GENERIC;
    }
    const out = [...GENERIC];
    for (const t of shaped) {
        out.push(t);
        for (const s of SYMBOLS)
            out.push(t + s);
    }
    if (swappedSymbols.length <= 20000)
        out.push(...swappedSymbols);
    return out;
}
const LETTER = /\p{L}/u;
/**
 * Calls `visit` with every simple variant of `password` (itself first), as the root part and the
 * ending (so the caller can hash them without joining strings); stops when it returns true. Returns the number of candidates visited. A root of fewer than three letters is too
 * weak to call a variant "the same password", so only the exact password is tried.
 */
export function forEachVariant(password, visit) {
    let n = 1;
    if (visit(password, ''))
        return n;
    const chars = [...password];
    let first = -1;
    let last = -1;
    let letters = 0;
    chars.forEach((c, i) => {
        if (LETTER.test(c)) {
            letters++;
            if (first < 0)
                first = i;
            last = i;
        }
    });
    if (letters < 3)
        return n;
    const core = chars.slice(first, last + 1).join('');
    const lead = chars.slice(0, first).join('');
    const tail = chars.slice(last + 1).join('');
    const lower = core.toLowerCase();
    const cores = [...new Set([core, lower, lower.charAt(0).toUpperCase() + lower.slice(1)])];
    const leads = lead ? ['', lead] : [''];
    const tails = tailVariants(tail);
    for (const l of leads) {
        for (const c of cores) {
            const base = l + c;
            for (const t of tails) {
                n++;
                if (visit(base, t))
                    return n;
            }
        }
    }
    return n;
}
const HEX32 = /^[0-9a-fA-F]{32}$/;
const HEX40 = /^[0-9a-fA-F]{40}$/;
/**
 * Reads exposure lines, comparing each linked one with its accounts at once. `linkOf(email)` gives
 * the accounts that list that personal address.
 */
export function checkExposures(lines, linkOf, opts = {}) {
    const sum = {
        lines: 0,
        linked: 0,
        plaintext: 0,
        ntHashes: 0,
        sha1Hashes: 0,
        malformed: 0,
        matches: [],
    };
    const words = new Uint32Array(4);
    let lineNo = 0;
    for (const raw of lines) {
        lineNo++;
        const line = raw.replace(/\r$/, '');
        if (!line.trim())
            continue;
        sum.lines++;
        // the address ends at the first ':' (passwords may contain ':'); `;` and tab are accepted too
        const m = /^([^:;\t\s]+@[^:;\t\s]+)[:;\t](.*)$/.exec(line);
        if (!m) {
            sum.malformed++;
            opts.onProblem?.({
                file: opts.file ?? '-',
                line: lineNo,
                reason: 'expected email:password or email:hash',
            });
            continue;
        }
        const email = m[1].toLowerCase();
        const targets = linkOf(email);
        if (!targets || targets.length === 0)
            continue;
        sum.linked++;
        let secret = m[2];
        if (HEX40.test(secret)) {
            sum.sha1Hashes++;
            continue;
        }
        if (HEX32.test(secret)) {
            sum.ntHashes++;
            const h = secret.toLowerCase();
            for (const t of targets) {
                if (t.current === h)
                    sum.matches.push({ account: t.key, email, match: 'exact', against: 'current' });
                else if (t.history.includes(h))
                    sum.matches.push({ account: t.key, email, match: 'exact', against: 'history' });
            }
            continue;
        }
        sum.plaintext++;
        for (const t of targets) {
            const hashes = [t.current, ...t.history].filter((x) => !!x);
            if (hashes.length === 0)
                continue;
            const firstWords = new Set(hashes.map((h) => Number.parseInt(h.slice(0, 8).match(/../g).reverse().join(''), 16)));
            // the current password wins over a previous one: keep looking after a history match
            let found;
            let exact = false;
            forEachVariant(secret, (head, tail) => {
                ntHashConcatWords(head, tail, words);
                if (!firstWords.has(words[0] >>> 0))
                    return false;
                const hex = wordsToHex(words);
                if (!hashes.includes(hex) || (found !== undefined && found === t.current))
                    return false;
                if (found === undefined || hex === t.current) {
                    found = hex;
                    exact = head + tail === secret;
                }
                return hex === t.current;
            });
            if (found) {
                sum.matches.push({
                    account: t.key,
                    email,
                    match: exact ? 'exact' : 'variant',
                    against: found === t.current ? 'current' : 'history',
                });
            }
        }
        secret = undefined; // the plaintext goes no further
    }
    return sum;
}
/**
 * The lines of a file, read 4 MB at a time: combo lists run to gigabytes, and only the lines of
 * employees' addresses matter, so the file is never held whole.
 */
export function* fileLines(path) {
    let fd;
    try {
        fd = openSync(path, 'r');
    }
    catch (err) {
        throw new HaechiError('input', `cannot read exposures: ${err.message}`, {
            file: path,
            cause: err,
        });
    }
    try {
        const buf = Buffer.allocUnsafe(4 << 20);
        const dec = new StringDecoder('utf8');
        let rest = '';
        for (;;) {
            const n = readSync(fd, buf, 0, buf.length, null);
            if (n === 0)
                break;
            const text = rest + dec.write(buf.subarray(0, n));
            const parts = text.split('\n');
            rest = parts.pop() ?? '';
            yield* parts;
        }
        rest += dec.end();
        if (rest !== '')
            yield rest;
    }
    finally {
        closeSync(fd);
    }
}
/** Splits text into lines lazily. */
export function* textLines(text) {
    let s = 0;
    for (;;) {
        const nl = text.indexOf('\n', s);
        if (nl < 0) {
            if (s < text.length)
                yield text.slice(s);
            return;
        }
        yield text.slice(s, nl);
        s = nl + 1;
    }
}
export function assertNotEmpty(sum, file) {
    if (sum.lines > 0 && sum.malformed === sum.lines) {
        throw new HaechiError('input', 'no line of the exposures file is email:password or email:hash', { file });
    }
}
//# sourceMappingURL=exposures.js.map