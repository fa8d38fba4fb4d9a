/**
 * A parser for the STIX 2.1 patterning language (STIX 2.1 Part 5 / §9 "STIX Patterning"), reduced to
 * what indicator matching needs: the comparison atoms over observables haechi matches, combined
 * with AND/OR. Qualifiers (WITHIN, START/STOP, REPEATS) and FOLLOWEDBY are parsed and reported as
 * not enforced; comparisons haechi cannot match (LIKE, MATCHES, !=, <, >, unsupported object
 * paths) are reported, never dropped silently.
 */
export class PatternError extends Error {
    offset;
    constructor(message, offset) {
        super(`${message} at offset ${offset}`);
        this.offset = offset;
    }
}
function tokenize(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
        const c = src[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if ('[]()'.includes(c) || c === ',') {
            out.push({ t: 'punct', v: c, at: i });
            i++;
            continue;
        }
        const two = src.slice(i, i + 2);
        if (two === '!=' || two === '>=' || two === '<=') {
            out.push({ t: 'punct', v: two, at: i });
            i += 2;
            continue;
        }
        if (c === '=' || c === '<' || c === '>') {
            out.push({ t: 'punct', v: c, at: i });
            i++;
            continue;
        }
        // string literals, optionally prefixed: t'2020-01-01T00:00:00Z', h'ff', b'AA=='
        let prefix;
        let j = i;
        if ((c === 't' || c === 'h' || c === 'b') && src[i + 1] === "'") {
            prefix = c;
            j = i + 1;
        }
        if (src[j] === "'") {
            let v = '';
            let k = j + 1;
            for (;;) {
                if (k >= src.length)
                    throw new PatternError('unterminated string literal', i);
                const ch = src[k];
                if (ch === '\\') {
                    const nx = src[k + 1];
                    if (nx !== "'" && nx !== '\\')
                        throw new PatternError(`invalid escape \\${nx ?? ''}`, k);
                    v += nx;
                    k += 2;
                    continue;
                }
                if (ch === "'")
                    break;
                v += ch;
                k++;
            }
            out.push({ t: 'str', v, at: i, prefix });
            i = k + 1;
            continue;
        }
        const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
        if (num) {
            out.push({ t: 'num', v: Number(num[0]), at: i });
            i += num[0].length;
            continue;
        }
        // object paths and keywords: ipv4-addr:value, file:hashes.'SHA-256', email-message:to_refs[*].value
        const word = /^[A-Za-z_][A-Za-z0-9_-]*(:[A-Za-z0-9_]+((\.[A-Za-z0-9_]+|\.'[^']*'|\[(\*|\d+)\]))*)?/.exec(src.slice(i));
        if (word) {
            out.push({ t: 'word', v: word[0], at: i });
            i += word[0].length;
            continue;
        }
        throw new PatternError(`unexpected character ${JSON.stringify(c)}`, i);
    }
    return out;
}
const OPS = new Set(['=', '!=', '<', '>', '<=', '>=', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);
class Parser {
    toks;
    len;
    i = 0;
    ignored = [];
    constructor(toks, len) {
        this.toks = toks;
        this.len = len;
    }
    peek() {
        return this.toks[this.i];
    }
    at() {
        return this.peek()?.at ?? this.len;
    }
    isWord(v) {
        const t = this.peek();
        return t?.t === 'word' && t.v.toUpperCase() === v;
    }
    isPunct(v) {
        const t = this.peek();
        return t?.t === 'punct' && t.v === v;
    }
    expectPunct(v) {
        if (!this.isPunct(v))
            throw new PatternError(`expected "${v}"`, this.at());
        this.i++;
    }
    parse() {
        const e = this.observationExpressions();
        if (this.i < this.toks.length)
            throw new PatternError('unexpected trailing input', this.at());
        return e;
    }
    // observationExpressions: OrExpr (FOLLOWEDBY OrExpr)*  — FOLLOWEDBY needs order in time; haechi
    // treats it as AND and says so.
    observationExpressions() {
        const items = [this.obsOr()];
        while (this.isWord('FOLLOWEDBY')) {
            this.i++;
            this.ignored.push('FOLLOWEDBY (treated as AND)');
            items.push(this.obsOr());
        }
        return items.length === 1 ? items[0] : { kind: 'and', items };
    }
    obsOr() {
        const items = [this.obsAnd()];
        while (this.isWord('OR')) {
            this.i++;
            items.push(this.obsAnd());
        }
        return items.length === 1 ? items[0] : { kind: 'or', items };
    }
    obsAnd() {
        const items = [this.observation()];
        while (this.isWord('AND')) {
            this.i++;
            items.push(this.observation());
        }
        return items.length === 1 ? items[0] : { kind: 'and', items };
    }
    observation() {
        let e;
        if (this.isPunct('[')) {
            this.i++;
            e = this.cmpOr();
            this.expectPunct(']');
        }
        else if (this.isPunct('(')) {
            this.i++;
            e = this.observationExpressions();
            this.expectPunct(')');
        }
        else {
            throw new PatternError('expected "[" to start an observation expression', this.at());
        }
        this.qualifiers();
        return e;
    }
    qualifiers() {
        for (;;) {
            if (this.isWord('WITHIN')) {
                this.i++;
                const n = this.peek();
                if (n?.t !== 'num')
                    throw new PatternError('WITHIN needs a number of seconds', this.at());
                this.i++;
                if (!this.isWord('SECONDS'))
                    throw new PatternError('expected SECONDS', this.at());
                this.i++;
                this.ignored.push(`WITHIN ${n.v} SECONDS`);
            }
            else if (this.isWord('REPEATS')) {
                this.i++;
                const n = this.peek();
                if (n?.t !== 'num')
                    throw new PatternError('REPEATS needs a number', this.at());
                this.i++;
                if (!this.isWord('TIMES'))
                    throw new PatternError('expected TIMES', this.at());
                this.i++;
                this.ignored.push(`REPEATS ${n.v} TIMES`);
            }
            else if (this.isWord('START')) {
                this.i++;
                const a = this.peek();
                if (a?.t !== 'str' || a.prefix !== 't')
                    throw new PatternError("START needs a t'…' timestamp", this.at());
                this.i++;
                if (!this.isWord('STOP'))
                    throw new PatternError('expected STOP', this.at());
                this.i++;
                const b = this.peek();
                if (b?.t !== 'str' || b.prefix !== 't')
                    throw new PatternError("STOP needs a t'…' timestamp", this.at());
                this.i++;
                this.ignored.push(`START ${a.v} STOP ${b.v}`);
            }
            else
                return;
        }
    }
    cmpOr() {
        const items = [this.cmpAnd()];
        while (this.isWord('OR')) {
            this.i++;
            items.push(this.cmpAnd());
        }
        return items.length === 1 ? items[0] : { kind: 'or', items };
    }
    cmpAnd() {
        const items = [this.propTest()];
        while (this.isWord('AND')) {
            this.i++;
            items.push(this.propTest());
        }
        return items.length === 1 ? items[0] : { kind: 'and', items };
    }
    propTest() {
        if (this.isPunct('(')) {
            this.i++;
            const e = this.cmpOr();
            this.expectPunct(')');
            return e;
        }
        let negated = false;
        if (this.isWord('NOT')) {
            // NOT EXISTS path
            this.i++;
            negated = true;
        }
        if (this.isWord('EXISTS')) {
            this.i++;
            const p = this.objectPath();
            return { kind: 'cmp', object: p.object, path: p.path, op: 'EXISTS', negated, value: true };
        }
        const p = this.objectPath();
        if (this.isWord('NOT')) {
            this.i++;
            negated = !negated;
        }
        const opTok = this.peek();
        const op = opTok?.t === 'punct' || opTok?.t === 'word' ? opTok.v.toUpperCase() : '';
        if (!OPS.has(op))
            throw new PatternError('expected a comparison operator', this.at());
        this.i++;
        let value;
        if (op === 'IN') {
            this.expectPunct('(');
            const list = [];
            for (;;) {
                const v = this.literal();
                list.push(String(v));
                if (this.isPunct(',')) {
                    this.i++;
                    continue;
                }
                break;
            }
            this.expectPunct(')');
            value = list;
        }
        else
            value = this.literal();
        return { kind: 'cmp', object: p.object, path: p.path, op, negated, value };
    }
    objectPath() {
        const t = this.peek();
        if (t?.t !== 'word' || !t.v.includes(':')) {
            throw new PatternError('expected an object path such as ipv4-addr:value', this.at());
        }
        this.i++;
        const colon = t.v.indexOf(':');
        const object = t.v.slice(0, colon).toLowerCase();
        const path = t.v.slice(colon + 1).replace(/'([^']*)'/g, '$1');
        if (!/^[a-z0-9-]+$/.test(object))
            throw new PatternError(`invalid object type ${object}`, t.at);
        return { object, path };
    }
    literal() {
        const t = this.peek();
        if (!t)
            throw new PatternError('expected a literal', this.len);
        if (t.t === 'str' || t.t === 'num') {
            this.i++;
            return t.v;
        }
        if (t.t === 'word' && (t.v === 'true' || t.v === 'false')) {
            this.i++;
            return t.v === 'true';
        }
        throw new PatternError('expected a literal', t.at);
    }
}
export function parseStixPattern(pattern) {
    const p = new Parser(tokenize(pattern), pattern.length);
    const expr = p.parse();
    return { expr, ignored: p.ignored };
}
/**
 * Disjunctive normal form: a list of alternatives, each a list of comparisons that must all hold.
 * Capped, because a product of ORs can explode; beyond the cap the caller reports the pattern.
 */
export function toDnf(e, cap = 256) {
    if (e.kind === 'cmp')
        return [[e]];
    const parts = e.items.map((x) => toDnf(x, cap));
    if (parts.some((p) => p === undefined))
        return undefined;
    const ps = parts;
    if (e.kind === 'or') {
        const out = ps.flat();
        return out.length > cap ? undefined : out;
    }
    let acc = [[]];
    for (const p of ps) {
        const next = [];
        for (const a of acc)
            for (const b of p)
                next.push([...a, ...b]);
        if (next.length > cap)
            return undefined;
        acc = next;
    }
    return acc;
}
//# sourceMappingURL=stix-pattern.js.map