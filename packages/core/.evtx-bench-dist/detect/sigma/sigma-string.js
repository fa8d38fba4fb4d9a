/**
 * Sigma string values: parsing of wildcards and escapes, and compilation of the resulting pattern
 * into the cheapest matcher that implements it.
 *
 * Sigma rules specification v2.1.0, "String Wildcard" and "Escape Character":
 * - `*` matches any run of characters (also empty), `?` exactly one character;
 * - `\*` and `\?` are a plain `*` / `?`; `\\` is one plain backslash; a backslash followed by
 *   anything else is a plain backslash. So `\\*` is a backslash then a wildcard, `\\\*` a backslash
 *   then a plain `*`, and three or four backslashes make two plain ones.
 * - "Placeholders": with the `expand` modifier, `%name%` is a placeholder and `\%` a plain `%`.
 */
export const STAR = { t: 'star' };
export const ONE = { t: 'one' };
/** Parses a rule value into tokens. `placeholders` turns on `%name%` recognition (expand). */
export function parseSigmaString(raw, placeholders = false) {
    const out = [];
    let lit = '';
    const flush = () => {
        if (lit)
            out.push({ t: 'lit', v: lit });
        lit = '';
    };
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\') {
            const n = raw[i + 1];
            if (n === '*' || n === '?' || n === '\\' || (placeholders && n === '%')) {
                lit += n;
                i++;
            }
            else {
                lit += '\\';
            }
        }
        else if (c === '*') {
            flush();
            out.push(STAR);
        }
        else if (c === '?') {
            flush();
            out.push(ONE);
        }
        else if (placeholders && c === '%') {
            const end = raw.indexOf('%', i + 1);
            const name = end > i + 1 ? raw.slice(i + 1, end) : '';
            if (end > 0 && /^[A-Za-z0-9_.-]+$/.test(name)) {
                flush();
                out.push({ t: 'ph', name });
                i = end;
            }
            else {
                lit += c;
            }
        }
        else {
            lit += c;
        }
    }
    flush();
    return out;
}
/** Merges adjacent literals and collapses runs of stars (`**` is `*`). */
export function normalizeTokens(tokens) {
    const out = [];
    for (const tok of tokens) {
        const last = out[out.length - 1];
        if (tok.t === 'lit') {
            if (!tok.v)
                continue;
            if (last?.t === 'lit')
                out[out.length - 1] = { t: 'lit', v: last.v + tok.v };
            else
                out.push(tok);
        }
        else if (tok.t === 'star') {
            if (last?.t !== 'star')
                out.push(STAR);
        }
        else {
            out.push(tok);
        }
    }
    return out;
}
export function hasWildcards(tokens) {
    return tokens.some((t) => t.t !== 'lit');
}
/** The plain text of tokens that hold only literals (callers check `hasWildcards` first). */
export function tokensText(tokens) {
    return tokens.map((t) => (t.t === 'lit' ? t.v : '')).join('');
}
/** Renders tokens back to Sigma notation, for messages. */
export function renderTokens(tokens) {
    return tokens
        .map((t) => {
        switch (t.t) {
            case 'lit':
                return t.v.replace(/[\\*?]/g, (m) => `\\${m}`);
            case 'star':
                return '*';
            case 'one':
                return '?';
            case 'class':
                return `[${t.chars}]`;
            default:
                return `%${t.name}%`;
        }
    })
        .join('');
}
const MAX_CLASS_EXPANSION = 64;
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/**
 * Compiles normalized tokens to a test. `fold` lower-cases the literals: the caller lower-cases the
 * event value once, so case-insensitive matching costs nothing per rule.
 */
export function compilePattern(input, fold) {
    let tokens = normalizeTokens(input);
    if (fold)
        tokens = tokens.map((t) => (t.t === 'lit' ? { t: 'lit', v: t.v.toLowerCase() } : t));
    // A few character classes (windash) expand into literal alternatives, which keeps the fast
    // string operations and the prefilter literals; many of them fall back to a regular expression.
    const classes = tokens.filter((t) => t.t === 'class');
    if (classes.length > 0) {
        const combos = classes.reduce((n, c) => n * c.chars.length, 1);
        if (combos <= MAX_CLASS_EXPANSION) {
            let alts = [[]];
            for (const tok of tokens) {
                if (tok.t === 'class') {
                    const next = [];
                    for (const a of alts)
                        for (const ch of tok.chars)
                            next.push([...a, { t: 'lit', v: ch }]);
                    alts = next;
                }
                else {
                    for (const a of alts)
                        a.push(tok);
                }
            }
            const parts = alts.map((a) => compilePattern(a, false));
            return anyOf(parts);
        }
    }
    const n = tokens.length;
    const lit = (i) => (tokens[i]?.t === 'lit' ? tokens[i].v : undefined);
    if (n === 0)
        return { test: (s) => s === '', kind: 'empty' };
    if (n === 1) {
        const v = lit(0);
        if (v !== undefined)
            return { test: (s) => s === v, required: [v], kind: 'eq' };
        if (tokens[0].t === 'star')
            return { test: () => true, kind: 'any' };
    }
    if (n === 2) {
        const a = lit(0);
        const b = lit(1);
        if (a !== undefined && tokens[1].t === 'star')
            return { test: (s) => s.startsWith(a), required: [a], kind: 'prefix' };
        if (b !== undefined && tokens[0].t === 'star')
            return { test: (s) => s.endsWith(b), required: [b], kind: 'suffix' };
    }
    if (n === 3 && tokens[0].t === 'star' && tokens[2].t === 'star') {
        const v = lit(1);
        if (v !== undefined)
            return { test: (s) => s.includes(v), required: [v], kind: 'contains' };
    }
    // General case: an anchored regular expression. `s` so that `*` and `?` also cross newlines.
    let src = '^';
    let longest = '';
    for (const t of tokens) {
        if (t.t === 'lit') {
            src += escapeRegExp(t.v);
            if (t.v.length > longest.length)
                longest = t.v;
        }
        else if (t.t === 'star')
            src += '.*';
        else if (t.t === 'one')
            src += '.';
        else if (t.t === 'class')
            src += `[${t.chars.replace(/[\\\]^-]/g, '\\$&')}]`;
        else
            throw new Error(`unexpanded placeholder %${t.name}%`);
    }
    src += '$';
    const re = new RegExp(src, 's');
    return { test: (s) => re.test(s), required: longest ? [longest] : undefined, kind: 'regex' };
}
/** OR of several patterns; the required literals are the union (each alternative needs one). */
export function anyOf(parts) {
    if (parts.length === 1)
        return parts[0];
    const tests = parts.map((p) => p.test);
    const required = parts.every((p) => p.required) ? parts.flatMap((p) => p.required) : undefined;
    // Equality-only alternatives become one Set lookup (long EventID or file name lists).
    if (parts.every((p) => p.kind === 'eq') && parts.length > 4) {
        const set = new Set(parts.map((p) => p.required[0]));
        return { test: (s) => set.has(s), required, kind: 'eq-set' };
    }
    return {
        test: (s) => {
            for (let i = 0; i < tests.length; i++)
                if (tests[i](s))
                    return true;
            return false;
        },
        required,
        // 'contains-set': true exactly when one of the required literals occurs
        kind: parts.every((p) => p.kind === 'contains' || p.kind === 'contains-set') ? 'contains-set' : 'any-of',
    };
}
//# sourceMappingURL=sigma-string.js.map