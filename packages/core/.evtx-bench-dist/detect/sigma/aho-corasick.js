/**
 * Aho-Corasick multi-literal search (Aho & Corasick, 1975), used by the detector's literal
 * prefilter: one pass over a field value finds every rule literal it contains.
 *
 * States are numbered breadth-first, so shallow states (where a scan of ordinary text spends
 * nearly all its time) have small numbers. Characters map to a small alphabet (those occurring in
 * the patterns; every other character is symbol 0). The first states get a dense transition table
 * with every (state, symbol) move precomputed through the fail links (one array read per
 * character); deeper states, when the table would be too large, use a sparse hash map and their
 * fail links, which always lead back into the dense part.
 */
/** transition table entries (4 bytes each) per automaton */
const DENSE_LIMIT = 2_000_000;
export class AhoCorasick {
    patternCount;
    /** the scanned text is case-folded on the fly (patterns must then be given lower-cased) */
    fold;
    /** alphabet symbol of ASCII characters (0 = not in any pattern) */
    asciiClass;
    /** alphabet symbol of the other characters that occur in patterns */
    otherClass;
    width;
    /** states below this number are in the dense table */
    denseStates;
    delta;
    /** sparse moves of the deeper states: state * 65536 + symbol -> state */
    edges;
    fail;
    /** per state: pattern indices ending here (own and inherited through fail links), or undefined */
    out;
    constructor(patterns, fold = false) {
        this.patternCount = patterns.length;
        this.fold = fold;
        // alphabet: a table for ASCII, a map for the rest (rare in logs; keeps each automaton small)
        const asciiClass = new Uint16Array(128);
        const otherClass = new Map();
        let width = 1;
        for (const p of patterns) {
            for (let i = 0; i < p.length; i++) {
                const ch = p.charCodeAt(i);
                if (ch < 128) {
                    if (asciiClass[ch] === 0)
                        asciiClass[ch] = width++;
                }
                else if (!otherClass.has(ch))
                    otherClass.set(ch, width++);
            }
        }
        const classOf = (ch) => (ch < 128 ? asciiClass[ch] : (otherClass.get(ch) ?? 0));
        // trie, with insertion-order ids
        const key = (node, sym) => node * 65536 + sym;
        const trie = new Map();
        const ends = [[]];
        let count = 1;
        patterns.forEach((p, idx) => {
            let s = 0;
            for (let i = 0; i < p.length; i++) {
                const k = key(s, classOf(p.charCodeAt(i)));
                let nx = trie.get(k);
                if (nx === undefined) {
                    nx = count++;
                    trie.set(k, nx);
                    ends.push([]);
                }
                s = nx;
            }
            ends[s].push(idx);
        });
        const children = Array.from({ length: count }, () => []);
        for (const [k, child] of trie)
            children[Math.floor(k / 65536)].push([k % 65536, child]);
        // breadth-first renumbering
        const order = [0];
        for (let i = 0; i < order.length; i++)
            for (const [, c] of children[order[i]])
                order.push(c);
        const rank = new Int32Array(count);
        order.forEach((old, r) => {
            rank[old] = r;
        });
        const edges = new Map();
        for (const [k, child] of trie)
            edges.set(key(rank[Math.floor(k / 65536)], k % 65536), rank[child]);
        const outs = order.map((old) => ends[old]);
        // fail links, breadth-first
        const fail = new Int32Array(count);
        const parentOf = new Int32Array(count);
        const symOf = new Int32Array(count);
        for (const [k, child] of edges) {
            parentOf[child] = Math.floor(k / 65536);
            symOf[child] = k % 65536;
        }
        const goto = (s, sym) => {
            for (;;) {
                const nx = edges.get(key(s, sym));
                if (nx !== undefined)
                    return nx;
                if (s === 0)
                    return 0;
                s = fail[s];
            }
        };
        for (let s = 1; s < count; s++) {
            const parent = parentOf[s];
            fail[s] = parent === 0 ? 0 : goto(fail[parent], symOf[s]);
            if (outs[fail[s]].length)
                outs[s] = [...outs[s], ...outs[fail[s]]];
        }
        const denseStates = Math.max(1, Math.min(count, Math.floor(DENSE_LIMIT / width)));
        const delta = new Int32Array(denseStates * width);
        for (let s = 0; s < denseStates; s++) {
            for (let sym = 0; sym < width; sym++) {
                const nx = edges.get(key(s, sym));
                delta[s * width + sym] = nx !== undefined ? nx : s === 0 ? 0 : delta[fail[s] * width + sym];
            }
        }
        this.asciiClass = asciiClass;
        this.otherClass = otherClass;
        this.width = width;
        this.denseStates = denseStates;
        this.delta = delta;
        this.edges = edges;
        this.fail = fail;
        this.out = outs.map((o) => (o.length ? Int32Array.from(new Set(o)) : undefined));
    }
    sparseStep(s, sym) {
        for (;;) {
            if (s < this.denseStates)
                return this.delta[s * this.width + sym];
            const nx = this.edges.get(s * 65536 + sym);
            if (nx !== undefined)
                return nx;
            s = this.fail[s];
        }
    }
    /**
     * Runs the automaton over `text`, calling `onOut` at states with outputs; stops early when
     * `onOut` returns true. Folding lower-cases ASCII letters arithmetically and other characters
     * with toLowerCase (which may yield two code units, fed in turn): no lower-cased copy is made.
     */
    run(text, onOut) {
        const { delta, asciiClass, otherClass, width, out, fold, denseStates } = this;
        let s = 0;
        for (let i = 0; i < text.length; i++) {
            let ch = text.charCodeAt(i);
            if (fold) {
                if (ch >= 65 && ch <= 90)
                    ch += 32;
                else if (ch >= 128) {
                    const lower = String.fromCharCode(ch).toLowerCase();
                    for (let k = 0; k < lower.length - 1; k++) {
                        const lc = lower.charCodeAt(k);
                        const sym = lc < 128 ? asciiClass[lc] : (otherClass.get(lc) ?? 0);
                        s = s < denseStates ? delta[s * width + sym] : this.sparseStep(s, sym);
                        const o = out[s];
                        if (o !== undefined && onOut(o))
                            return true;
                    }
                    ch = lower.charCodeAt(lower.length - 1);
                }
            }
            const sym = ch < 128 ? asciiClass[ch] : (otherClass.get(ch) ?? 0);
            s = s < denseStates ? delta[s * width + sym] : this.sparseStep(s, sym);
            const o = out[s];
            if (o !== undefined && onOut(o))
                return true;
        }
        return false;
    }
    /**
     * For every pattern occurring in `text`, sets `stamp[i] = epoch` for each i in `targets[pattern]`
     * (the detector's prefilter).
     */
    mark(text, targets, stamp, epoch) {
        this.run(text, (o) => {
            for (let j = 0; j < o.length; j++) {
                const t = targets[o[j]];
                for (let k = 0; k < t.length; k++)
                    stamp[t[k]] = epoch;
            }
            return false;
        });
    }
    /** True when any pattern occurs in `text`. */
    test(text) {
        return this.run(text, () => true);
    }
    /** Calls `hit` with the index of every pattern occurring in `text` (possibly repeatedly). */
    scan(text, hit) {
        this.run(text, (o) => {
            for (let j = 0; j < o.length; j++)
                hit(o[j]);
            return false;
        });
    }
}
/** above this many literals an alternation is slower than the automaton (measured on Windows logs) */
const MAX_GATE_LITERALS = 32;
/**
 * A native regular expression that matches whenever a case-folded scan would find one of these
 * lower-case ASCII literals: a quick gate (V8 compiles it to machine code) in front of the
 * automaton for the keyword scans over every value of an event. Exact as a gate: with the `i`
 * flag, ASCII letters match both cases, and the two characters whose toLowerCase() yields ASCII
 * (U+212A KELVIN SIGN -> k, U+0130 -> i + U+0307) are added where they can complete a literal.
 * Undefined when a literal is not ASCII or the set is too large to be worth it.
 */
export function literalGate(literals) {
    if (literals.length === 0 || literals.length > MAX_GATE_LITERALS)
        return undefined;
    if (literals.some((l) => !/^[\x20-\x7e]+$/.test(l) || l !== l.toLowerCase()))
        return undefined;
    const alts = literals.map((l) => {
        let src = '';
        for (let i = 0; i < l.length; i++) {
            const c = l[i];
            if (c === 'k')
                src += '[k\u212a]';
            else if (c === 'i' && i === l.length - 1)
                src += '[i\u0130]';
            else
                src += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        }
        return src;
    });
    return new RegExp(alts.join('|'), 'i');
}
//# sourceMappingURL=aho-corasick.js.map