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
export declare class AhoCorasick {
    readonly patternCount: number;
    /** the scanned text is case-folded on the fly (patterns must then be given lower-cased) */
    readonly fold: boolean;
    /** alphabet symbol of ASCII characters (0 = not in any pattern) */
    private readonly asciiClass;
    /** alphabet symbol of the other characters that occur in patterns */
    private readonly otherClass;
    private readonly width;
    /** states below this number are in the dense table */
    private readonly denseStates;
    private readonly delta;
    /** sparse moves of the deeper states: state * 65536 + symbol -> state */
    private readonly edges;
    private readonly fail;
    /** per state: pattern indices ending here (own and inherited through fail links), or undefined */
    private readonly out;
    constructor(patterns: readonly string[], fold?: boolean);
    private sparseStep;
    /**
     * Runs the automaton over `text`, calling `onOut` at states with outputs; stops early when
     * `onOut` returns true. Folding lower-cases ASCII letters arithmetically and other characters
     * with toLowerCase (which may yield two code units, fed in turn): no lower-cased copy is made.
     */
    private run;
    /**
     * For every pattern occurring in `text`, sets `stamp[i] = epoch` for each i in `targets[pattern]`
     * (the detector's prefilter).
     */
    mark(text: string, targets: readonly Int32Array[], stamp: Uint32Array, epoch: number): void;
    /** True when any pattern occurs in `text`. */
    test(text: string): boolean;
    /** Calls `hit` with the index of every pattern occurring in `text` (possibly repeatedly). */
    scan(text: string, hit: (pattern: number) => void): void;
}
/**
 * A native regular expression that matches whenever a case-folded scan would find one of these
 * lower-case ASCII literals: a quick gate (V8 compiles it to machine code) in front of the
 * automaton for the keyword scans over every value of an event. Exact as a gate: with the `i`
 * flag, ASCII letters match both cases, and the two characters whose toLowerCase() yields ASCII
 * (U+212A KELVIN SIGN -> k, U+0130 -> i + U+0307) are added where they can complete a literal.
 * Undefined when a literal is not ASCII or the set is too large to be worth it.
 */
export declare function literalGate(literals: readonly string[]): RegExp | undefined;
