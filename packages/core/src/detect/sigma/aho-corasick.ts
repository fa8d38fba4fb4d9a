/**
 * Aho-Corasick multi-literal search (Aho & Corasick, 1975), used by the detector's literal
 * prefilter: one pass over a field value finds every rule literal it contains.
 *
 * Transitions are stored as one sorted (node, char) -> node hash map packed into typed arrays;
 * the root keeps a dense table for ASCII so that the common "no literal starts here" step is one
 * array read.
 */
export class AhoCorasick {
  readonly patternCount: number;
  private readonly rootAscii: Int32Array;
  private readonly edges: Map<number, number>;
  private readonly fail: Int32Array;
  /** per node: pattern indices ending here (own and inherited through fail links), or undefined */
  private readonly out: (Int32Array | undefined)[];

  /** the scanned text is case-folded on the fly (patterns must then be given lower-cased) */
  readonly fold: boolean;

  constructor(patterns: readonly string[], fold = false) {
    this.patternCount = patterns.length;
    this.fold = fold;
    const edges = new Map<number, number>();
    const outs: number[][] = [[]];
    let nodes = 1;
    // Node ids fit in 2^21 (2M nodes); key = node * 2^16... chars are UTF-16 units (< 2^16).
    const key = (node: number, ch: number) => node * 65536 + ch;
    patterns.forEach((p, idx) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const k = key(s, p.charCodeAt(i));
        let nx = edges.get(k);
        if (nx === undefined) {
          nx = nodes++;
          edges.set(k, nx);
          outs.push([]);
        }
        s = nx;
      }
      outs[s].push(idx);
    });
    // children lists for the breadth-first fail link construction
    const children: [number, number][][] = Array.from({ length: nodes }, () => []);
    for (const [k, child] of edges) children[Math.floor(k / 65536)].push([k % 65536, child]);
    const fail = new Int32Array(nodes);
    const queue: number[] = [];
    for (const [, child] of children[0]) {
      fail[child] = 0;
      queue.push(child);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [ch, child] of children[s]) {
        let f = fail[s];
        let nx = edges.get(key(f, ch));
        while (nx === undefined && f !== 0) {
          f = fail[f];
          nx = edges.get(key(f, ch));
        }
        fail[child] = nx !== undefined && nx !== child ? nx : 0;
        if (outs[fail[child]].length) outs[child].push(...outs[fail[child]]);
        queue.push(child);
      }
    }
    const rootAscii = new Int32Array(128);
    for (let c = 0; c < 128; c++) rootAscii[c] = edges.get(key(0, c)) ?? 0;
    this.rootAscii = rootAscii;
    this.edges = edges;
    this.fail = fail;
    this.out = outs.map((o) => (o.length ? Int32Array.from(new Set(o)) : undefined));
  }

  private step(s: number, ch: number): number {
    for (;;) {
      if (s === 0) return ch < 128 ? this.rootAscii[ch] : (this.edges.get(ch) ?? 0);
      const nx = this.edges.get(s * 65536 + ch);
      if (nx !== undefined) return nx;
      s = this.fail[s];
    }
  }

  /**
   * Runs the automaton over `text` from state `s`, calling `onOut` at states with outputs; stops
   * early when `onOut` returns true. Folding lower-cases ASCII letters arithmetically and other
   * characters with toLowerCase (which may yield two code units, fed in turn), so no lower-cased
   * copy of the text is made.
   */
  private run(text: string, onOut: (o: Int32Array) => boolean | undefined): boolean {
    let s = 0;
    const out = this.out;
    const fold = this.fold;
    for (let i = 0; i < text.length; i++) {
      let ch = text.charCodeAt(i);
      if (fold) {
        if (ch >= 65 && ch <= 90) ch += 32;
        else if (ch >= 128) {
          const lower = String.fromCharCode(ch).toLowerCase();
          if (lower.length > 1) {
            for (let k = 0; k < lower.length - 1; k++) {
              s = this.step(s, lower.charCodeAt(k));
              const o = out[s];
              if (o !== undefined && onOut(o)) return true;
            }
          }
          ch = lower.charCodeAt(lower.length - 1);
        }
      }
      s = this.step(s, ch);
      const o = out[s];
      if (o !== undefined && onOut(o)) return true;
    }
    return false;
  }

  /**
   * For every pattern occurring in `text`, sets `stamp[i] = epoch` for each i in `targets[pattern]`
   * (the detector's prefilter).
   */
  mark(text: string, targets: readonly Int32Array[], stamp: Uint32Array, epoch: number): void {
    this.run(text, (o) => {
      for (let j = 0; j < o.length; j++) {
        const t = targets[o[j]];
        for (let k = 0; k < t.length; k++) stamp[t[k]] = epoch;
      }
      return false;
    });
  }

  /** True when any pattern occurs in `text`. */
  test(text: string): boolean {
    return this.run(text, () => true);
  }

  /** Calls `hit` with the index of every pattern occurring in `text` (possibly repeatedly). */
  scan(text: string, hit: (pattern: number) => void): void {
    this.run(text, (o) => {
      for (let j = 0; j < o.length; j++) hit(o[j]);
      return false;
    });
  }
}
