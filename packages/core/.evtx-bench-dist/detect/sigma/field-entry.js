/**
 * Compilation of one `field|mod1|mod2: value(s)` entry of a detection (or one keyword list) into a
 * closure. Implements every modifier of the Sigma modifiers appendix v2.1.0; transformation
 * modifiers are applied in the order written ("Value Modifiers": "applied in the given order").
 */
import { HaechiError } from '../../errors.js';
import { AhoCorasick, literalGate } from './aho-corasick.js';
import { cidrContains, parseCidr, parseIp } from './ip.js';
import { anyOf, compilePattern, hasWildcards, normalizeTokens, parseSigmaString, renderTokens, STAR, tokensText, } from './sigma-string.js';
const POSITION = new Set(['contains', 'startswith', 'endswith']);
const ENCODING = new Set(['base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide']);
const TRANSFORM = new Set([...POSITION, ...ENCODING, 'windash', 'expand']);
const FLAGS = new Set(['all', 'cased', 'neq']);
const REGEX_FLAGS = new Set(['i', 'm', 's']);
const COMPARE = new Set(['lt', 'lte', 'gt', 'gte']);
const TIME = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);
const OTHER_TYPES = new Set(['re', 'cidr', 'exists', 'fieldref']);
export const KNOWN_MODIFIERS = new Set([
    ...TRANSFORM,
    ...FLAGS,
    ...REGEX_FLAGS,
    ...COMPARE,
    ...TIME,
    ...OTHER_TYPES,
]);
/** The dash characters of the `windash` modifier (modifiers appendix, "String Modifiers"). */
export const WINDASH_CHARS = '-/\u2013\u2014\u2015';
function reject(message) {
    throw new HaechiError('rule', message);
}
function valueTokens(v) {
    if ('tokens' in v)
        return v.tokens;
    return [{ t: 'lit', v: Buffer.from(v.bytes).toString('latin1') }];
}
function plainBytes(v, key, mod) {
    if ('bytes' in v)
        return v.bytes;
    if (hasWildcards(v.tokens)) {
        reject(`modifier '${mod}' cannot encode the wildcard value '${renderTokens(v.tokens)}' in field '${key}'`);
    }
    return Buffer.from(tokensText(v.tokens), 'utf8');
}
function utf16(text, bigEndian, bom) {
    const le = Buffer.from(text, 'utf16le');
    if (bigEndian)
        le.swap16();
    return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : le;
}
/**
 * `base64offset` (modifiers appendix, "Encoding"): the value may sit at any byte offset inside the
 * encoded data, so the three shifts are encoded and the characters that depend on the unknown
 * neighbouring bytes are cut off at both ends.
 */
function base64Offsets(bytes) {
    const start = [0, 2, 3];
    const out = [];
    for (let shift = 0; shift < 3; shift++) {
        const padded = Buffer.concat([Buffer.alloc(shift, 0x20), bytes]);
        const b64 = padded.toString('base64').replace(/=+$/, '');
        const total = bytes.length + shift;
        // characters fully determined by the value's bytes: up to the last complete 6-bit group
        const endBits = total * 8;
        const fullChars = Math.floor(endBits / 6);
        const end = total % 3 === 0 ? b64.length : fullChars;
        out.push(b64.slice(start[shift], end));
    }
    return out;
}
function cartesian(lists) {
    let acc = [[]];
    for (const alts of lists) {
        const next = [];
        for (const a of acc)
            for (const b of alts)
                next.push([...a, ...b]);
        acc = next;
    }
    return acc;
}
function expandPlaceholders(tokens, key, opts) {
    const lists = [];
    for (const tok of tokens) {
        if (tok.t !== 'ph') {
            lists.push([[tok]]);
            continue;
        }
        const values = opts.placeholders?.[tok.name];
        if (!values || values.length === 0)
            reject(`placeholder %${tok.name}% has no value (field '${key}')`);
        lists.push(values.map((v) => parseSigmaString(String(v))));
    }
    return cartesian(lists);
}
/** Applies the transformation modifiers in order to one rule value: returns its alternatives (OR). */
function transform(raw, mods, key, opts) {
    const expand = mods.includes('expand');
    let alts = [{ tokens: parseSigmaString(String(raw), expand) }];
    for (const mod of mods) {
        switch (mod) {
            case 'contains':
            case 'startswith':
            case 'endswith':
                alts = alts.map((a) => {
                    const t = valueTokens(a);
                    const head = mod !== 'startswith' && t[0]?.t !== 'star' ? [STAR] : [];
                    const tail = mod !== 'endswith' && t[t.length - 1]?.t !== 'star' ? [STAR] : [];
                    return { tokens: [...head, ...t, ...tail] };
                });
                break;
            case 'windash':
                alts = alts.map((a) => ({
                    tokens: valueTokens(a).flatMap((t) => {
                        if (t.t !== 'lit')
                            return [t];
                        const out = [];
                        let lit = '';
                        for (const ch of t.v) {
                            if (WINDASH_CHARS.includes(ch)) {
                                if (lit)
                                    out.push({ t: 'lit', v: lit });
                                lit = '';
                                out.push({ t: 'class', chars: WINDASH_CHARS });
                            }
                            else
                                lit += ch;
                        }
                        if (lit)
                            out.push({ t: 'lit', v: lit });
                        return out;
                    }),
                }));
                break;
            case 'base64':
                alts = alts.map((a) => ({
                    tokens: [{ t: 'lit', v: Buffer.from(plainBytes(a, key, mod)).toString('base64') }],
                }));
                break;
            case 'base64offset':
                alts = alts.flatMap((a) => base64Offsets(plainBytes(a, key, mod)).map((s) => ({ tokens: [{ t: 'lit', v: s }] })));
                break;
            case 'utf16le':
            case 'wide':
            case 'utf16be':
            case 'utf16':
                alts = alts.map((a) => {
                    if ('bytes' in a)
                        reject(`modifier '${mod}' applied to already encoded bytes in field '${key}'`);
                    if (hasWildcards(a.tokens)) {
                        reject(`modifier '${mod}' cannot encode the wildcard value '${renderTokens(a.tokens)}' in field '${key}'`);
                    }
                    const text = tokensText(a.tokens);
                    return { bytes: utf16(text, mod === 'utf16be', mod === 'utf16') };
                });
                break;
            case 'expand':
                alts = alts.flatMap((a) => expandPlaceholders(valueTokens(a), key, opts).map((tokens) => ({ tokens })));
                break;
            default:
                break;
        }
    }
    return alts.map((a) => normalizeTokens(valueTokens(a)));
}
function testText(t, f) {
    if (t === null)
        return false;
    if (typeof t === 'string')
        return f(t);
    for (let i = 0; i < t.length; i++)
        if (f(t[i]))
            return true;
    return false;
}
function isNullish(t) {
    return t === null || t === '' || (Array.isArray(t) && t.length === 0);
}
/** Numbers are compared as numbers (hex strings included: Number('0x17') is 23) or as text. */
function numberTest(n) {
    const text = String(n);
    return (s) => s === text || (s.length > 0 && s.length < 24 && Number(s) === n);
}
function toNumber(v, key, mod) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    if (Number.isNaN(n))
        reject(`modifier '${mod}' needs a number, got '${String(v)}' in field '${key}'`);
    return n;
}
/** Parses a date value for the time modifiers. Strings without a zone are taken as UTC. */
export function parseDateValue(s) {
    const t = s.trim();
    if (/^\d{9,13}(\.\d+)?$/.test(t)) {
        const n = Number(t);
        return new Date(n > 1e11 ? n : n * 1000);
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
    if (!m) {
        const d = new Date(t);
        return Number.isNaN(d.getTime()) ? undefined : d;
    }
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
    let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, frac ? Math.floor(Number(frac) * 1000) : 0);
    if (zone && zone.toUpperCase() !== 'Z') {
        const sign = zone[0] === '-' ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return new Date(ms);
}
/** ISO 8601 week number (1..53). */
function isoWeek(d) {
    // the week belongs to the year of its Thursday
    const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
    const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
    return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}
const TIME_PART = {
    minute: (d) => d.getUTCMinutes(),
    hour: (d) => d.getUTCHours(),
    day: (d) => d.getUTCDate(),
    week: isoWeek,
    month: (d) => d.getUTCMonth() + 1,
    year: (d) => d.getUTCFullYear(),
};
const PCRE_INLINE_FLAGS = /^\(\?([imsx]+)\)/;
/**
 * Compiles a `re` value. Sigma's flavour is a PCRE subset (modifiers appendix, "Regular
 * Expression"); JavaScript lacks leading inline flags such as `(?i)`, which SigmaHQ rules use, so
 * they become RegExp flags; `(?P<name>` becomes `(?<name>`.
 */
export function compileRegex(src, flags, key) {
    let body = src;
    let f = flags;
    const m = PCRE_INLINE_FLAGS.exec(body);
    if (m) {
        if (m[1].includes('x'))
            reject(`regular expression flag (?x) is not supported in field '${key}'`);
        for (const c of m[1])
            if (!f.includes(c))
                f += c;
        body = body.slice(m[0].length);
    }
    body = body.replace(/\(\?P</g, '(?<');
    try {
        return new RegExp(body, f);
    }
    catch (e) {
        return reject(`invalid regular expression '${src}' in field '${key}': ${e.message}`);
    }
}
function parseKey(key) {
    const parts = key.split('|');
    return { field: parts[0], mods: parts.slice(1) };
}
function bestLiterals(patterns) {
    let best;
    let bestLen = -1;
    for (const p of patterns) {
        if (!p.required)
            continue;
        const len = Math.min(...p.required.map((l) => l.length));
        if (len > bestLen) {
            best = p.required;
            bestLen = len;
        }
    }
    return best;
}
/**
 * A literal that every match of a regular expression contains, or undefined. Conservative: only
 * a top-level concatenation (no `|` outside groups) is read; groups, classes, escapes that are not
 * plain characters, `.` and anchors end a run; a character made optional by `?`, `*` or `{0`
 * is dropped. The literal is case-folded (the prefilter reads folded text).
 */
export function regexRequiredLiteral(src) {
    let depth = 0;
    let inClass = false;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === '\\')
            i++;
        else if (inClass)
            inClass = c !== ']';
        else if (c === '[')
            inClass = true;
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if (c === '|' && depth === 0)
            return undefined;
    }
    const runs = [];
    let run = '';
    const end = () => {
        if (run)
            runs.push(run);
        run = '';
    };
    const optionalNext = (j) => src[j] === '?' || src[j] === '*' || (src[j] === '{' && src[j + 1] === '0');
    const quantNext = (j) => src[j] === '+' || src[j] === '{';
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        let lit;
        let next = i + 1;
        if (c === '\\') {
            const n = src[i + 1];
            next = i + 2;
            if (n === 'x')
                next = i + 4;
            else if (n === 'u')
                next = src[i + 2] === '{' ? src.indexOf('}', i) + 1 || src.length : i + 6;
            else if (n === 'c')
                next = i + 3;
            else if (n === 'k' && src[i + 2] === '<')
                next = src.indexOf('>', i) + 1 || src.length;
            else if (n !== undefined && /[^A-Za-z0-9]/.test(n))
                lit = n;
        }
        else if (c === '(') {
            let d = 0;
            let j = i;
            for (; j < src.length; j++) {
                if (src[j] === '\\')
                    j++;
                else if (src[j] === '(')
                    d++;
                else if (src[j] === ')' && --d === 0)
                    break;
            }
            end();
            i = j;
            continue;
        }
        else if (c === '[') {
            let j = i + 1;
            if (src[j] === ']')
                j++;
            for (; j < src.length && src[j] !== ']'; j++)
                if (src[j] === '\\')
                    j++;
            end();
            i = j;
            continue;
        }
        else if (!'.^$*+?{}|)'.includes(c))
            lit = c;
        if (lit === undefined) {
            end();
            i = next - 1;
            continue;
        }
        if (optionalNext(next)) {
            end();
        }
        else if (quantNext(next)) {
            run += lit;
            end();
        }
        else
            run += lit;
        i = next - 1;
    }
    end();
    let best = '';
    for (const r of runs)
        if (r.length > best.length)
            best = r;
    return best ? best.toLowerCase() : undefined;
}
function combine(tests, all) {
    if (tests.length === 1)
        return tests[0];
    if (all)
        return (ctx) => tests.every((t) => t(ctx));
    return (ctx) => tests.some((t) => t(ctx));
}
/**
 * Compiles `key: value` from a detection map. `key` is `field|mods...` or, for keyword searches,
 * `''`/`|mods`. Throws HaechiError('rule') naming the construct on anything it cannot honour.
 */
export function compileFieldEntry(key, value, opts = {}) {
    const { field, mods } = parseKey(key);
    const keyword = field === '';
    const seen = new Set();
    for (const m of mods) {
        if (!KNOWN_MODIFIERS.has(m))
            reject(`unknown modifier '${m}' in field '${key}'`);
        if (seen.has(m))
            reject(`modifier '${m}' repeated in field '${key}'`);
        seen.add(m);
    }
    const has = (m) => seen.has(m);
    const all = has('all');
    const cased = has('cased');
    const neq = has('neq');
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
        if (v !== null && typeof v === 'object')
            reject(`field '${key}' has a nested map or list as value`);
    }
    const negate = (c) => (neq ? { test: (ctx) => !c.test(ctx) } : c);
    const only = (allowed, type) => {
        for (const m of mods)
            if (m !== type && !allowed.has(m))
                reject(`modifier '${m}' cannot be combined with '${type}' in field '${key}'`);
    };
    const timeMod = mods.find((m) => TIME.has(m));
    const cmpMod = mods.find((m) => COMPARE.has(m));
    for (const m of REGEX_FLAGS)
        if (has(m) && !has('re'))
            reject(`modifier '${m}' requires 're' in field '${key}'`);
    if (keyword && (has('exists') || has('fieldref') || timeMod || cmpMod)) {
        reject(`modifier '${mods.find((m) => m === 'exists' || m === 'fieldref' || TIME.has(m) || COMPARE.has(m))}' needs a field name ('${key}')`);
    }
    // exists: presence only, "be it empty or null" (rules spec, "Field Existence").
    if (has('exists')) {
        only(new Set(), 'exists');
        if (values.length !== 1)
            reject(`modifier 'exists' takes one boolean in field '${key}'`);
        const v = values[0];
        const want = v === true || v === 'true'
            ? true
            : v === false || v === 'false'
                ? false
                : reject(`modifier 'exists' takes true or false in field '${key}'`);
        return { test: (ctx) => ctx.has(field) === want };
    }
    // Time modifiers read a number out of a date field; a comparison or plain equality follows.
    if (timeMod || cmpMod) {
        const numMods = new Set([...COMPARE, ...TIME, 'all', 'neq']);
        for (const m of mods)
            if (!numMods.has(m))
                reject(`modifier '${m}' cannot be combined with '${timeMod ?? cmpMod}' in field '${key}'`);
        if (mods.filter((m) => COMPARE.has(m)).length > 1)
            reject(`more than one comparison modifier in field '${key}'`);
        if (mods.filter((m) => TIME.has(m)).length > 1)
            reject(`more than one time modifier in field '${key}'`);
        const nums = values.map((v) => toNumber(v, key, cmpMod ?? timeMod));
        const extract = timeMod ? TIME_PART[timeMod] : undefined;
        const read = (s) => {
            if (extract) {
                const d = parseDateValue(s);
                return d ? extract(d) : Number.NaN;
            }
            return s.trim() === '' ? Number.NaN : Number(s);
        };
        const cmp = cmpMod === 'lt'
            ? (a, b) => a < b
            : cmpMod === 'lte'
                ? (a, b) => a <= b
                : cmpMod === 'gt'
                    ? (a, b) => a > b
                    : cmpMod === 'gte'
                        ? (a, b) => a >= b
                        : (a, b) => a === b;
        const tests = nums.map((n) => (ctx) => testText(ctx.text(field), (s) => {
            const x = read(s);
            return !Number.isNaN(x) && cmp(x, n);
        }));
        return negate({ test: combine(tests, all) });
    }
    if (has('re')) {
        only(new Set([...REGEX_FLAGS, 'all', 'neq', 'cased']), 're');
        let flags = '';
        for (const m of ['i', 'm', 's'])
            if (has(m))
                flags += m;
        const regexes = values.map((v) => {
            if (typeof v !== 'string')
                reject(`modifier 're' needs a string in field '${key}'`);
            return compileRegex(v, flags, key);
        });
        const tests = regexes.map((re) => {
            const f = (s) => re.test(s);
            return keyword ? (ctx) => ctx.values().some(f) : (ctx) => testText(ctx.text(field), f);
        });
        const lits = values.map((v) => regexRequiredLiteral(String(v)));
        let prefilter;
        if (all) {
            const best = lits.filter((l) => l !== undefined).sort((a, b) => b.length - a.length)[0];
            if (best)
                prefilter = [{ field: keyword ? '*' : field, literals: [best] }];
        }
        else if (lits.every((l) => l !== undefined)) {
            prefilter = [{ field: keyword ? '*' : field, literals: lits }];
        }
        return neq ? negate({ test: combine(tests, all) }) : { test: combine(tests, all), prefilter };
    }
    if (has('cidr')) {
        only(new Set(['all', 'neq']), 'cidr');
        const ranges = values.map((v) => {
            try {
                return parseCidr(String(v));
            }
            catch (e) {
                return reject(`modifier 'cidr': ${e.message} in field '${key}'`);
            }
        });
        const inRange = (c) => (s) => {
            const ip = parseIp(s);
            return ip !== undefined && cidrContains(c, ip);
        };
        const tests = ranges.map((c) => (ctx) => testText(ctx.text(field), inRange(c)));
        return negate({ test: combine(tests, all) });
    }
    if (has('fieldref')) {
        for (const m of mods) {
            if (m !== 'fieldref' && !POSITION.has(m) && !FLAGS.has(m))
                reject(`modifier '${m}' cannot be combined with 'fieldref' in field '${key}'`);
        }
        const rel = has('contains')
            ? 'contains'
            : has('startswith')
                ? 'startswith'
                : has('endswith')
                    ? 'endswith'
                    : 'eq';
        const tests = values.map((v) => {
            if (typeof v !== 'string' || !v)
                reject(`modifier 'fieldref' needs a field name in field '${key}'`);
            return (ctx) => {
                const a = cased ? ctx.text(field) : ctx.folded(field);
                const b = cased ? ctx.text(v) : ctx.folded(v);
                if (a === null || b === null)
                    return false;
                const bs = typeof b === 'string' ? [b] : b;
                return bs.some((other) => testText(a, (s) => rel === 'eq'
                    ? s === other
                    : rel === 'contains'
                        ? s.includes(other)
                        : rel === 'startswith'
                            ? s.startsWith(other)
                            : s.endsWith(other)));
            };
        });
        return negate({ test: combine(tests, all) });
    }
    // String (and plain number) values with transformation modifiers.
    const transforms = mods.filter((m) => TRANSFORM.has(m));
    const nullTests = [];
    const patterns = [];
    for (const v of values) {
        if (v === null) {
            if (keyword)
                reject(`keyword list '${key}' contains null`);
            nullTests.push((ctx) => isNullish(ctx.text(field)));
            continue;
        }
        if (typeof v === 'number' && transforms.length === 0 && !keyword) {
            const t = numberTest(v);
            // no prefilter literal: '0x10' matches 16 without containing '16'
            patterns.push({ test: t, kind: 'number' });
            continue;
        }
        // Keyword searches look for the value anywhere in the event ("Keywords search").
        const effective = keyword && !transforms.some((m) => POSITION.has(m)) ? [...transforms, 'contains'] : transforms;
        const alts = transform(v, effective, key, opts);
        patterns.push(anyOf(alts.map((tokens) => compilePattern(tokens, !cased))));
    }
    const read = (ctx) => (cased ? ctx.text(field) : ctx.folded(field));
    const foldReq = (lits) => (cased ? lits.map((l) => l.toLowerCase()) : lits);
    let tests;
    let prefilter;
    if (keyword) {
        // Keyword values may sit in any field. One automaton over their literals, run on the raw
        // values with on-the-fly case folding, rejects most events; when every pattern is a plain
        // `*literal*` the automaton's answer is the answer, else the exact patterns run on each value.
        const valueTest = (p) => (ctx) => {
            for (const s of ctx.values())
                if (p.test(cased ? s : s.toLowerCase()))
                    return true;
            return false;
        };
        const quick = (p) => {
            if (!p.required)
                return valueTest(p);
            const ac = new AhoCorasick(p.required, !cased);
            const gate = cased ? undefined : literalGate(p.required);
            const found = (ctx) => {
                for (const s of ctx.values())
                    if ((gate === undefined || gate.test(s)) && ac.test(s))
                        return true;
                return false;
            };
            if (p.kind === 'contains' || p.kind === 'contains-set')
                return found;
            const exact = valueTest(p);
            return (ctx) => found(ctx) && exact(ctx);
        };
        if (all) {
            tests = patterns.map(quick);
            const best = bestLiterals(patterns);
            if (best)
                prefilter = [{ field: '*', literals: foldReq(best) }];
        }
        else {
            const merged = anyOf(patterns);
            tests = [quick(merged)];
            if (merged.required)
                prefilter = [{ field: '*', literals: foldReq(merged.required) }];
        }
    }
    else if (all) {
        tests = patterns.map((p) => (ctx) => testText(read(ctx), p.test));
        // any single value's literals are necessary; take the value with the longest shortest literal
        const best = bestLiterals(patterns);
        if (best && nullTests.length === 0)
            prefilter = [{ field, literals: foldReq(best) }];
    }
    else {
        const merged = patterns.length ? anyOf(patterns) : undefined;
        tests = merged ? [(ctx) => testText(read(ctx), merged.test)] : [];
        if (merged?.required && nullTests.length === 0)
            prefilter = [{ field, literals: foldReq(merged.required) }];
    }
    tests.push(...nullTests);
    if (tests.length === 0)
        return { test: () => false };
    const test = combine(tests, all);
    if (neq)
        return { test: (ctx) => !test(ctx) };
    // `EventID: 4624` or a list of ids: the detector files the rule under those ids
    let eventIds;
    if (field === 'EventID' && transforms.length === 0 && !cased && values.length > 0) {
        const ids = values.map((v) => typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN);
        if (ids.every((n) => Number.isInteger(n)) && (!all || new Set(ids).size === 1))
            eventIds = [...new Set(ids)];
    }
    return { test, prefilter, eventIds };
}
//# sourceMappingURL=field-entry.js.map