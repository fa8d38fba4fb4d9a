/**
 * The condition grammar of the Sigma rules specification v2.1.0 ("Condition"):
 *
 *   expr    := or
 *   or      := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | quant
 *   quant   := ('1' | 'any' | 'all' | N) 'of' (pattern | 'them') | primary
 *   primary := '(' expr ')' | identifier
 *
 * Precedence, least to most binding: or, and, not, `x of`, parentheses. Operators are matched
 * case-insensitively. `them` covers every search identifier not starting with `_`; patterns use
 * `*` wildcards. The pipe aggregations of Sigma 1.x are obsolete (correlation rules replace them)
 * and are rejected with that reason.
 */
import { HaechiError } from '../../errors.js';
function reject(msg) {
    throw new HaechiError('rule', `condition: ${msg}`);
}
function tokenize(src) {
    const out = [];
    const re = /\s*(\(|\)|\||[^\s()|]+)/gy;
    let m;
    let pos = 0;
    re.lastIndex = 0;
    while (pos < src.length) {
        m = re.exec(src);
        if (!m)
            break;
        out.push(m[1]);
        pos = re.lastIndex;
    }
    if (src.slice(pos).trim())
        reject(`cannot read '${src.slice(pos)}'`);
    return out;
}
function globToRegExp(pattern) {
    return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}
/** Parses a condition against the rule's search identifiers (for `them`, patterns and checks). */
export function parseCondition(src, identifiers) {
    const toks = tokenize(src);
    if (toks.length === 0)
        reject('empty condition');
    if (toks.includes('|')) {
        reject(`aggregation expressions ('| count() ...') are not part of Sigma 2; use a correlation rule`);
    }
    const known = new Set(identifiers);
    let i = 0;
    const peek = () => toks[i]?.toLowerCase();
    const expect = (what) => {
        if (peek() !== what)
            reject(`expected '${what}' at '${toks.slice(i).join(' ') || 'end'}' in '${src}'`);
        i++;
    };
    const parseOr = () => {
        const args = [parseAnd()];
        while (peek() === 'or') {
            i++;
            args.push(parseAnd());
        }
        return args.length === 1 ? args[0] : { op: 'or', args };
    };
    const parseAnd = () => {
        const args = [parseNot()];
        while (peek() === 'and') {
            i++;
            args.push(parseNot());
        }
        return args.length === 1 ? args[0] : { op: 'and', args };
    };
    const parseNot = () => {
        if (peek() === 'not') {
            i++;
            return { op: 'not', arg: parseNot() };
        }
        return parseQuant();
    };
    const parseQuant = () => {
        const t = peek();
        if (t !== undefined &&
            toks[i + 1]?.toLowerCase() === 'of' &&
            (t === 'all' || t === 'any' || /^\d+$/.test(t))) {
            const count = t === 'all' ? 'all' : t === 'any' ? 1 : Number(t);
            if (count === 0)
                reject(`'0 of' is not a valid quantifier`);
            i += 2;
            const pattern = toks[i];
            if (pattern === undefined || pattern === '(' || pattern === ')')
                reject(`'${t} of' needs a pattern or 'them'`);
            i++;
            let names;
            if (pattern.toLowerCase() === 'them')
                names = identifiers.filter((n) => !n.startsWith('_'));
            else {
                const re = globToRegExp(pattern);
                names = identifiers.filter((n) => re.test(n));
            }
            if (names.length === 0)
                reject(`'${t} of ${pattern}' matches no search identifier`);
            return { op: 'of', count, pattern, names };
        }
        return parsePrimary();
    };
    const parsePrimary = () => {
        const t = toks[i];
        if (t === undefined)
            reject(`unexpected end of '${src}'`);
        if (t === '(') {
            i++;
            const e = parseOr();
            expect(')');
            return e;
        }
        const lower = t.toLowerCase();
        if (t === ')' || lower === 'and' || lower === 'or' || lower === 'of')
            reject(`unexpected '${t}' in '${src}'`);
        i++;
        if (!known.has(t))
            reject(`unknown identifier '${t}'`);
        return { op: 'id', name: t };
    };
    const node = parseOr();
    if (i < toks.length)
        reject(`unexpected '${toks[i]}' in '${src}'`);
    return node;
}
/** Evaluates a condition tree into a closure over compiled identifier tests. */
export function compileCondition(node, tests) {
    switch (node.op) {
        case 'id':
            return tests.get(node.name);
        case 'not': {
            const a = compileCondition(node.arg, tests);
            return (ctx) => !a(ctx);
        }
        case 'and': {
            const args = node.args.map((n) => compileCondition(n, tests));
            if (args.length === 2) {
                const [a, b] = args;
                return (ctx) => a(ctx) && b(ctx);
            }
            return (ctx) => {
                for (const a of args)
                    if (!a(ctx))
                        return false;
                return true;
            };
        }
        case 'or': {
            const args = node.args.map((n) => compileCondition(n, tests));
            if (args.length === 2) {
                const [a, b] = args;
                return (ctx) => a(ctx) || b(ctx);
            }
            return (ctx) => {
                for (const a of args)
                    if (a(ctx))
                        return true;
                return false;
            };
        }
        case 'of': {
            const args = node.names.map((n) => tests.get(n));
            if (node.count === 'all') {
                return (ctx) => {
                    for (const a of args)
                        if (!a(ctx))
                            return false;
                    return true;
                };
            }
            const need = node.count;
            return (ctx) => {
                let n = 0;
                for (const a of args)
                    if (a(ctx) && ++n >= need)
                        return true;
                return false;
            };
        }
    }
}
//# sourceMappingURL=condition.js.map