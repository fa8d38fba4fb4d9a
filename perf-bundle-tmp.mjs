// load2-tmp.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { parseAllDocuments as parseAllDocuments2 } from "yaml";

// packages/core/src/detect/sigma/aho-corasick.ts
var DENSE_LIMIT = 2e6;
var AhoCorasick = class {
  patternCount;
  /** the scanned text is case-folded on the fly (patterns must then be given lower-cased) */
  fold;
  classOf;
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
    const classOf = new Uint16Array(65536);
    let width = 1;
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const ch = p.charCodeAt(i);
        if (classOf[ch] === 0) classOf[ch] = width++;
      }
    }
    const key = (node, sym) => node * 65536 + sym;
    const trie = /* @__PURE__ */ new Map();
    const ends = [[]];
    let count = 1;
    patterns.forEach((p, idx) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const k = key(s, classOf[p.charCodeAt(i)]);
        let nx = trie.get(k);
        if (nx === void 0) {
          nx = count++;
          trie.set(k, nx);
          ends.push([]);
        }
        s = nx;
      }
      ends[s].push(idx);
    });
    const children = Array.from({ length: count }, () => []);
    for (const [k, child] of trie) children[Math.floor(k / 65536)].push([k % 65536, child]);
    const order = [0];
    for (let i = 0; i < order.length; i++) for (const [, c] of children[order[i]]) order.push(c);
    const rank = new Int32Array(count);
    order.forEach((old, r) => {
      rank[old] = r;
    });
    const edges = /* @__PURE__ */ new Map();
    for (const [k, child] of trie) edges.set(key(rank[Math.floor(k / 65536)], k % 65536), rank[child]);
    const outs = order.map((old) => ends[old]);
    const fail = new Int32Array(count);
    const parentOf = new Int32Array(count);
    const symOf = new Int32Array(count);
    for (const [k, child] of edges) {
      parentOf[child] = Math.floor(k / 65536);
      symOf[child] = k % 65536;
    }
    const goto = (s, sym) => {
      for (; ; ) {
        const nx = edges.get(key(s, sym));
        if (nx !== void 0) return nx;
        if (s === 0) return 0;
        s = fail[s];
      }
    };
    for (let s = 1; s < count; s++) {
      const parent = parentOf[s];
      fail[s] = parent === 0 ? 0 : goto(fail[parent], symOf[s]);
      if (outs[fail[s]].length) outs[s] = [...outs[s], ...outs[fail[s]]];
    }
    const denseStates = Math.max(1, Math.min(count, Math.floor(DENSE_LIMIT / width)));
    const delta = new Int32Array(denseStates * width);
    for (let s = 0; s < denseStates; s++) {
      for (let sym = 0; sym < width; sym++) {
        const nx = edges.get(key(s, sym));
        delta[s * width + sym] = nx !== void 0 ? nx : s === 0 ? 0 : delta[fail[s] * width + sym];
      }
    }
    this.classOf = classOf;
    this.width = width;
    this.denseStates = denseStates;
    this.delta = delta;
    this.edges = edges;
    this.fail = fail;
    this.out = outs.map((o) => o.length ? Int32Array.from(new Set(o)) : void 0);
  }
  sparseStep(s, sym) {
    for (; ; ) {
      if (s < this.denseStates) return this.delta[s * this.width + sym];
      const nx = this.edges.get(s * 65536 + sym);
      if (nx !== void 0) return nx;
      s = this.fail[s];
    }
  }
  /**
   * Runs the automaton over `text`, calling `onOut` at states with outputs; stops early when
   * `onOut` returns true. Folding lower-cases ASCII letters arithmetically and other characters
   * with toLowerCase (which may yield two code units, fed in turn): no lower-cased copy is made.
   */
  run(text, onOut) {
    const { delta, classOf, width, out, fold, denseStates } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      let ch = text.charCodeAt(i);
      if (fold) {
        if (ch >= 65 && ch <= 90) ch += 32;
        else if (ch >= 128) {
          const lower = String.fromCharCode(ch).toLowerCase();
          for (let k = 0; k < lower.length - 1; k++) {
            const sym2 = classOf[lower.charCodeAt(k)];
            s = s < denseStates ? delta[s * width + sym2] : this.sparseStep(s, sym2);
            const o2 = out[s];
            if (o2 !== void 0 && onOut(o2)) return true;
          }
          ch = lower.charCodeAt(lower.length - 1);
        }
      }
      const sym = classOf[ch];
      s = s < denseStates ? delta[s * width + sym] : this.sparseStep(s, sym);
      const o = out[s];
      if (o !== void 0 && onOut(o)) return true;
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
        for (let k = 0; k < t.length; k++) stamp[t[k]] = epoch;
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
      for (let j = 0; j < o.length; j++) hit(o[j]);
      return false;
    });
  }
};
var MAX_GATE_LITERALS = 32;
function literalGate(literals) {
  if (literals.length === 0 || literals.length > MAX_GATE_LITERALS) return void 0;
  if (literals.some((l) => !/^[\x20-\x7e]+$/.test(l) || l !== l.toLowerCase())) return void 0;
  const alts = literals.map((l) => {
    let src = "";
    for (let i = 0; i < l.length; i++) {
      const c = l[i];
      if (c === "k") src += "[k\u212A]";
      else if (c === "i" && i === l.length - 1) src += "[i\u0130]";
      else src += c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    }
    return src;
  });
  return new RegExp(alts.join("|"), "i");
}

// packages/core/src/errors.ts
var HaechiError = class extends Error {
  code;
  file;
  line;
  record;
  field;
  constructor(code, message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.name = "HaechiError";
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.record = details.record;
    this.field = details.field;
  }
  /** "file:line: message" style, the way people read it in a terminal. */
  describe() {
    const where = [this.file, this.line ?? this.record].filter((x) => x !== void 0).join(":");
    const field = this.field ? ` (field ${this.field})` : "";
    return `${where ? `${where}: ` : ""}${this.message}${field}`;
  }
};

// packages/core/src/detect/sigma/condition.ts
function reject(msg) {
  throw new HaechiError("rule", `condition: ${msg}`);
}
function tokenize(src) {
  const out = [];
  const re = /\s*(\(|\)|\||[^\s()|]+)/gy;
  let m;
  let pos = 0;
  re.lastIndex = 0;
  while (pos < src.length) {
    m = re.exec(src);
    if (!m) break;
    out.push(m[1]);
    pos = re.lastIndex;
  }
  if (src.slice(pos).trim()) reject(`cannot read '${src.slice(pos)}'`);
  return out;
}
function globToRegExp(pattern) {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}
function parseCondition(src, identifiers) {
  const toks = tokenize(src);
  if (toks.length === 0) reject("empty condition");
  if (toks.includes("|")) {
    reject(`aggregation expressions ('| count() ...') are not part of Sigma 2; use a correlation rule`);
  }
  const known = new Set(identifiers);
  let i = 0;
  const peek = () => toks[i]?.toLowerCase();
  const expect = (what) => {
    if (peek() !== what) reject(`expected '${what}' at '${toks.slice(i).join(" ") || "end"}' in '${src}'`);
    i++;
  };
  const parseOr = () => {
    const args = [parseAnd()];
    while (peek() === "or") {
      i++;
      args.push(parseAnd());
    }
    return args.length === 1 ? args[0] : { op: "or", args };
  };
  const parseAnd = () => {
    const args = [parseNot()];
    while (peek() === "and") {
      i++;
      args.push(parseNot());
    }
    return args.length === 1 ? args[0] : { op: "and", args };
  };
  const parseNot = () => {
    if (peek() === "not") {
      i++;
      return { op: "not", arg: parseNot() };
    }
    return parseQuant();
  };
  const parseQuant = () => {
    const t = peek();
    if (t !== void 0 && toks[i + 1]?.toLowerCase() === "of" && (t === "all" || t === "any" || /^\d+$/.test(t))) {
      const count = t === "all" ? "all" : t === "any" ? 1 : Number(t);
      if (count === 0) reject(`'0 of' is not a valid quantifier`);
      i += 2;
      const pattern = toks[i];
      if (pattern === void 0 || pattern === "(" || pattern === ")")
        reject(`'${t} of' needs a pattern or 'them'`);
      i++;
      let names;
      if (pattern.toLowerCase() === "them") names = identifiers.filter((n) => !n.startsWith("_"));
      else {
        const re = globToRegExp(pattern);
        names = identifiers.filter((n) => re.test(n));
      }
      if (names.length === 0) reject(`'${t} of ${pattern}' matches no search identifier`);
      return { op: "of", count, pattern, names };
    }
    return parsePrimary();
  };
  const parsePrimary = () => {
    const t = toks[i];
    if (t === void 0) reject(`unexpected end of '${src}'`);
    if (t === "(") {
      i++;
      const e = parseOr();
      expect(")");
      return e;
    }
    const lower = t.toLowerCase();
    if (t === ")" || lower === "and" || lower === "or" || lower === "of")
      reject(`unexpected '${t}' in '${src}'`);
    i++;
    if (!known.has(t)) reject(`unknown identifier '${t}'`);
    return { op: "id", name: t };
  };
  const node = parseOr();
  if (i < toks.length) reject(`unexpected '${toks[i]}' in '${src}'`);
  return node;
}
function compileCondition(node, tests) {
  switch (node.op) {
    case "id":
      return tests.get(node.name);
    case "not": {
      const a = compileCondition(node.arg, tests);
      return (ctx) => !a(ctx);
    }
    case "and": {
      const args = node.args.map((n) => compileCondition(n, tests));
      if (args.length === 2) {
        const [a, b] = args;
        return (ctx) => a(ctx) && b(ctx);
      }
      return (ctx) => {
        for (const a of args) if (!a(ctx)) return false;
        return true;
      };
    }
    case "or": {
      const args = node.args.map((n) => compileCondition(n, tests));
      if (args.length === 2) {
        const [a, b] = args;
        return (ctx) => a(ctx) || b(ctx);
      }
      return (ctx) => {
        for (const a of args) if (a(ctx)) return true;
        return false;
      };
    }
    case "of": {
      const args = node.names.map((n) => tests.get(n));
      if (node.count === "all") {
        return (ctx) => {
          for (const a of args) if (!a(ctx)) return false;
          return true;
        };
      }
      const need = node.count;
      return (ctx) => {
        let n = 0;
        for (const a of args) if (a(ctx) && ++n >= need) return true;
        return false;
      };
    }
  }
}

// packages/core/src/model/index.ts
var SEVERITIES = ["informational", "low", "medium", "high", "critical"];
function isSeverity(s) {
  return typeof s === "string" && SEVERITIES.includes(s);
}

// packages/core/src/detect/sigma/correlation-parse.ts
var CORRELATION_TYPES = [
  "event_count",
  "value_count",
  "temporal",
  "temporal_ordered",
  "value_sum",
  "value_avg",
  "value_percentile"
];
var CONDITION_OPERATORS = ["gt", "gte", "lt", "lte", "eq", "neq"];
var TYPE_SET = new Set(CORRELATION_TYPES);
var OP_SET = new Set(CONDITION_OPERATORS);

// packages/core/src/detect/sigma/ip.ts
var V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255];
function parseV4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  const out = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    out.push(n);
  }
  return out;
}
function parseIp(input) {
  let s = input.trim();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(":")) {
    const v4 = parseV4(s);
    return v4 ? Uint8Array.from([...V4_MAPPED_PREFIX, ...v4]) : void 0;
  }
  let tail = [];
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    const v4 = parseV4(s.slice(lastColon + 1));
    if (!v4) return void 0;
    tail = v4;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const dbl = s.split("::");
  if (dbl.length > 2) return void 0;
  const groups = (part) => part === "" ? [] : part.split(":");
  const head = groups(dbl[0]);
  const rest = dbl.length === 2 ? groups(dbl[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (dbl.length === 2 ? fill < 1 : fill !== 0) return void 0;
  const all = [...head, ...Array(dbl.length === 2 ? fill : 0).fill("0"), ...rest];
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(all[i])) return void 0;
    const n = Number.parseInt(all[i], 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 255;
  }
  if (tail.length) out.set(tail, 12);
  return out;
}
function parseCidr(spec) {
  const slash = spec.indexOf("/");
  const addr = slash >= 0 ? spec.slice(0, slash) : spec;
  const bytes = parseIp(addr);
  if (!bytes) throw new Error(`'${spec}' is not a CIDR range`);
  const isV4 = !addr.includes(":");
  const max = isV4 ? 32 : 128;
  let len = max;
  if (slash >= 0) {
    const p = spec.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > max) throw new Error(`'${spec}' has an invalid prefix length`);
    len = Number(p);
  }
  return { bytes, bits: isV4 ? 96 + len : len };
}
function cidrContains(c, ip) {
  const full = c.bits >> 3;
  for (let i = 0; i < full; i++) if (c.bytes[i] !== ip[i]) return false;
  const rem = c.bits & 7;
  if (rem === 0) return true;
  const mask = 255 << 8 - rem & 255;
  return (c.bytes[full] & mask) === (ip[full] & mask);
}

// packages/core/src/detect/sigma/logsource-map.ts
import { parse } from "yaml";

// packages/core/src/detect/sigma/sigma-string.ts
var STAR = { t: "star" };
var ONE = { t: "one" };
function parseSigmaString(raw, placeholders = false) {
  const out = [];
  let lit = "";
  const flush = () => {
    if (lit) out.push({ t: "lit", v: lit });
    lit = "";
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\") {
      const n = raw[i + 1];
      if (n === "*" || n === "?" || n === "\\" || placeholders && n === "%") {
        lit += n;
        i++;
      } else {
        lit += "\\";
      }
    } else if (c === "*") {
      flush();
      out.push(STAR);
    } else if (c === "?") {
      flush();
      out.push(ONE);
    } else if (placeholders && c === "%") {
      const end = raw.indexOf("%", i + 1);
      const name = end > i + 1 ? raw.slice(i + 1, end) : "";
      if (end > 0 && /^[A-Za-z0-9_.-]+$/.test(name)) {
        flush();
        out.push({ t: "ph", name });
        i = end;
      } else {
        lit += c;
      }
    } else {
      lit += c;
    }
  }
  flush();
  return out;
}
function normalizeTokens(tokens) {
  const out = [];
  for (const tok of tokens) {
    const last = out[out.length - 1];
    if (tok.t === "lit") {
      if (!tok.v) continue;
      if (last?.t === "lit") out[out.length - 1] = { t: "lit", v: last.v + tok.v };
      else out.push(tok);
    } else if (tok.t === "star") {
      if (last?.t !== "star") out.push(STAR);
    } else {
      out.push(tok);
    }
  }
  return out;
}
function hasWildcards(tokens) {
  return tokens.some((t) => t.t !== "lit");
}
function tokensText(tokens) {
  return tokens.map((t) => t.t === "lit" ? t.v : "").join("");
}
function renderTokens(tokens) {
  return tokens.map((t) => {
    switch (t.t) {
      case "lit":
        return t.v.replace(/[\\*?]/g, (m) => `\\${m}`);
      case "star":
        return "*";
      case "one":
        return "?";
      case "class":
        return `[${t.chars}]`;
      default:
        return `%${t.name}%`;
    }
  }).join("");
}
var MAX_CLASS_EXPANSION = 64;
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function compilePattern(input, fold) {
  let tokens = normalizeTokens(input);
  if (fold) tokens = tokens.map((t) => t.t === "lit" ? { t: "lit", v: t.v.toLowerCase() } : t);
  const classes = tokens.filter((t) => t.t === "class");
  if (classes.length > 0) {
    const combos = classes.reduce((n2, c) => n2 * c.chars.length, 1);
    if (combos <= MAX_CLASS_EXPANSION) {
      let alts = [[]];
      for (const tok of tokens) {
        if (tok.t === "class") {
          const next = [];
          for (const a of alts) for (const ch of tok.chars) next.push([...a, { t: "lit", v: ch }]);
          alts = next;
        } else {
          for (const a of alts) a.push(tok);
        }
      }
      const parts = alts.map((a) => compilePattern(a, false));
      return anyOf(parts);
    }
  }
  const n = tokens.length;
  const lit = (i) => tokens[i]?.t === "lit" ? tokens[i].v : void 0;
  if (n === 0) return { test: (s) => s === "", kind: "empty" };
  if (n === 1) {
    const v = lit(0);
    if (v !== void 0) return { test: (s) => s === v, required: [v], kind: "eq" };
    if (tokens[0].t === "star") return { test: () => true, kind: "any" };
  }
  if (n === 2) {
    const a = lit(0);
    const b = lit(1);
    if (a !== void 0 && tokens[1].t === "star")
      return { test: (s) => s.startsWith(a), required: [a], kind: "prefix" };
    if (b !== void 0 && tokens[0].t === "star")
      return { test: (s) => s.endsWith(b), required: [b], kind: "suffix" };
  }
  if (n === 3 && tokens[0].t === "star" && tokens[2].t === "star") {
    const v = lit(1);
    if (v !== void 0) return { test: (s) => s.includes(v), required: [v], kind: "contains" };
  }
  let src = "^";
  let longest = "";
  for (const t of tokens) {
    if (t.t === "lit") {
      src += escapeRegExp(t.v);
      if (t.v.length > longest.length) longest = t.v;
    } else if (t.t === "star") src += ".*";
    else if (t.t === "one") src += ".";
    else if (t.t === "class") src += `[${t.chars.replace(/[\\\]^-]/g, "\\$&")}]`;
    else throw new Error(`unexpanded placeholder %${t.name}%`);
  }
  src += "$";
  const re = new RegExp(src, "s");
  return { test: (s) => re.test(s), required: longest ? [longest] : void 0, kind: "regex" };
}
function anyOf(parts) {
  if (parts.length === 1) return parts[0];
  const tests = parts.map((p) => p.test);
  const required = parts.every((p) => p.required) ? parts.flatMap((p) => p.required) : void 0;
  if (parts.every((p) => p.kind === "eq") && parts.length > 4) {
    const set = new Set(parts.map((p) => p.required[0]));
    return { test: (s) => set.has(s), required, kind: "eq-set" };
  }
  return {
    test: (s) => {
      for (let i = 0; i < tests.length; i++) if (tests[i](s)) return true;
      return false;
    },
    required,
    // 'contains-set': true exactly when one of the required literals occurs
    kind: parts.every((p) => p.kind === "contains" || p.kind === "contains-set") ? "contains-set" : "any-of"
  };
}

// packages/core/src/detect/sigma/field-entry.ts
var POSITION = /* @__PURE__ */ new Set(["contains", "startswith", "endswith"]);
var ENCODING = /* @__PURE__ */ new Set(["base64", "base64offset", "utf16le", "utf16be", "utf16", "wide"]);
var TRANSFORM = /* @__PURE__ */ new Set([...POSITION, ...ENCODING, "windash", "expand"]);
var FLAGS = /* @__PURE__ */ new Set(["all", "cased", "neq"]);
var REGEX_FLAGS = /* @__PURE__ */ new Set(["i", "m", "s"]);
var COMPARE = /* @__PURE__ */ new Set(["lt", "lte", "gt", "gte"]);
var TIME = /* @__PURE__ */ new Set(["minute", "hour", "day", "week", "month", "year"]);
var OTHER_TYPES = /* @__PURE__ */ new Set(["re", "cidr", "exists", "fieldref"]);
var KNOWN_MODIFIERS = /* @__PURE__ */ new Set([
  ...TRANSFORM,
  ...FLAGS,
  ...REGEX_FLAGS,
  ...COMPARE,
  ...TIME,
  ...OTHER_TYPES
]);
var WINDASH_CHARS = "-/\u2013\u2014\u2015";
function reject2(message) {
  throw new HaechiError("rule", message);
}
function valueTokens(v) {
  if ("tokens" in v) return v.tokens;
  return [{ t: "lit", v: Buffer.from(v.bytes).toString("latin1") }];
}
function plainBytes(v, key, mod) {
  if ("bytes" in v) return v.bytes;
  if (hasWildcards(v.tokens)) {
    reject2(
      `modifier '${mod}' cannot encode the wildcard value '${renderTokens(v.tokens)}' in field '${key}'`
    );
  }
  return Buffer.from(tokensText(v.tokens), "utf8");
}
function utf16(text, bigEndian, bom) {
  const le = Buffer.from(text, "utf16le");
  if (bigEndian) le.swap16();
  return bom ? Buffer.concat([Buffer.from([255, 254]), le]) : le;
}
function base64Offsets(bytes) {
  const start = [0, 2, 3];
  const out = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift, 32), bytes]);
    const b64 = padded.toString("base64").replace(/=+$/, "");
    const total = bytes.length + shift;
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
    for (const a of acc) for (const b of alts) next.push([...a, ...b]);
    acc = next;
  }
  return acc;
}
function expandPlaceholders(tokens, key, opts) {
  const lists = [];
  for (const tok of tokens) {
    if (tok.t !== "ph") {
      lists.push([[tok]]);
      continue;
    }
    const values = opts.placeholders?.[tok.name];
    if (!values || values.length === 0) reject2(`placeholder %${tok.name}% has no value (field '${key}')`);
    lists.push(values.map((v) => parseSigmaString(String(v))));
  }
  return cartesian(lists);
}
function transform(raw, mods, key, opts) {
  const expand = mods.includes("expand");
  let alts = [{ tokens: parseSigmaString(String(raw), expand) }];
  for (const mod of mods) {
    switch (mod) {
      case "contains":
      case "startswith":
      case "endswith":
        alts = alts.map((a) => {
          const t = valueTokens(a);
          const head = mod !== "startswith" && t[0]?.t !== "star" ? [STAR] : [];
          const tail = mod !== "endswith" && t[t.length - 1]?.t !== "star" ? [STAR] : [];
          return { tokens: [...head, ...t, ...tail] };
        });
        break;
      case "windash":
        alts = alts.map((a) => ({
          tokens: valueTokens(a).flatMap((t) => {
            if (t.t !== "lit") return [t];
            const out = [];
            let lit = "";
            for (const ch of t.v) {
              if (WINDASH_CHARS.includes(ch)) {
                if (lit) out.push({ t: "lit", v: lit });
                lit = "";
                out.push({ t: "class", chars: WINDASH_CHARS });
              } else lit += ch;
            }
            if (lit) out.push({ t: "lit", v: lit });
            return out;
          })
        }));
        break;
      case "base64":
        alts = alts.map((a) => ({
          tokens: [{ t: "lit", v: Buffer.from(plainBytes(a, key, mod)).toString("base64") }]
        }));
        break;
      case "base64offset":
        alts = alts.flatMap(
          (a) => base64Offsets(plainBytes(a, key, mod)).map((s) => ({ tokens: [{ t: "lit", v: s }] }))
        );
        break;
      case "utf16le":
      case "wide":
      case "utf16be":
      case "utf16":
        alts = alts.map((a) => {
          if ("bytes" in a) reject2(`modifier '${mod}' applied to already encoded bytes in field '${key}'`);
          if (hasWildcards(a.tokens)) {
            reject2(
              `modifier '${mod}' cannot encode the wildcard value '${renderTokens(a.tokens)}' in field '${key}'`
            );
          }
          const text = tokensText(a.tokens);
          return { bytes: utf16(text, mod === "utf16be", mod === "utf16") };
        });
        break;
      case "expand":
        alts = alts.flatMap(
          (a) => expandPlaceholders(valueTokens(a), key, opts).map((tokens) => ({ tokens }))
        );
        break;
      default:
        break;
    }
  }
  return alts.map((a) => normalizeTokens(valueTokens(a)));
}
function testText(t, f) {
  if (t === null) return false;
  if (typeof t === "string") return f(t);
  for (let i = 0; i < t.length; i++) if (f(t[i])) return true;
  return false;
}
function isNullish(t) {
  return t === null || t === "" || Array.isArray(t) && t.length === 0;
}
function numberTest(n) {
  const text = String(n);
  return (s) => s === text || s.length > 0 && s.length < 24 && Number(s) === n;
}
function toNumber(v, key, mod) {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (Number.isNaN(n)) reject2(`modifier '${mod}' needs a number, got '${String(v)}' in field '${key}'`);
  return n;
}
function parseDateValue(s) {
  const t = s.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return new Date(n > 1e11 ? n : n * 1e3);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) {
    const d2 = new Date(t);
    return Number.isNaN(d2.getTime()) ? void 0 : d2;
  }
  const [, y, mo, d, h = "0", mi = "0", sec = "0", frac = "", zone] = m;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, frac ? Math.floor(Number(frac) * 1e3) : 0);
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 6e4;
  }
  return new Date(ms);
}
function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 864e5 + 1) / 7);
}
var TIME_PART = {
  minute: (d) => d.getUTCMinutes(),
  hour: (d) => d.getUTCHours(),
  day: (d) => d.getUTCDate(),
  week: isoWeek,
  month: (d) => d.getUTCMonth() + 1,
  year: (d) => d.getUTCFullYear()
};
var PCRE_INLINE_FLAGS = /^\(\?([imsx]+)\)/;
function compileRegex(src, flags, key) {
  let body = src;
  let f = flags;
  const m = PCRE_INLINE_FLAGS.exec(body);
  if (m) {
    if (m[1].includes("x")) reject2(`regular expression flag (?x) is not supported in field '${key}'`);
    for (const c of m[1]) if (!f.includes(c)) f += c;
    body = body.slice(m[0].length);
  }
  body = body.replace(/\(\?P</g, "(?<");
  try {
    return new RegExp(body, f);
  } catch (e) {
    return reject2(`invalid regular expression '${src}' in field '${key}': ${e.message}`);
  }
}
function parseKey(key) {
  const parts = key.split("|");
  return { field: parts[0], mods: parts.slice(1) };
}
function bestLiterals(patterns) {
  let best;
  let bestLen = -1;
  for (const p of patterns) {
    if (!p.required) continue;
    const len = Math.min(...p.required.map((l) => l.length));
    if (len > bestLen) {
      best = p.required;
      bestLen = len;
    }
  }
  return best;
}
function regexRequiredLiteral(src) {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return void 0;
  }
  const runs = [];
  let run = "";
  const end = () => {
    if (run) runs.push(run);
    run = "";
  };
  const optionalNext = (j) => src[j] === "?" || src[j] === "*" || src[j] === "{" && src[j + 1] === "0";
  const quantNext = (j) => src[j] === "+" || src[j] === "{";
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    let lit;
    let next = i + 1;
    if (c === "\\") {
      const n = src[i + 1];
      next = i + 2;
      if (n === "x") next = i + 4;
      else if (n === "u") next = src[i + 2] === "{" ? src.indexOf("}", i) + 1 || src.length : i + 6;
      else if (n === "c") next = i + 3;
      else if (n === "k" && src[i + 2] === "<") next = src.indexOf(">", i) + 1 || src.length;
      else if (n !== void 0 && /[^A-Za-z0-9]/.test(n)) lit = n;
    } else if (c === "(") {
      let d = 0;
      let j = i;
      for (; j < src.length; j++) {
        if (src[j] === "\\") j++;
        else if (src[j] === "(") d++;
        else if (src[j] === ")" && --d === 0) break;
      }
      end();
      i = j;
      continue;
    } else if (c === "[") {
      let j = i + 1;
      if (src[j] === "]") j++;
      for (; j < src.length && src[j] !== "]"; j++) if (src[j] === "\\") j++;
      end();
      i = j;
      continue;
    } else if (!".^$*+?{}|)".includes(c)) lit = c;
    if (lit === void 0) {
      end();
      i = next - 1;
      continue;
    }
    if (optionalNext(next)) {
      end();
    } else if (quantNext(next)) {
      run += lit;
      end();
    } else run += lit;
    i = next - 1;
  }
  end();
  let best = "";
  for (const r of runs) if (r.length > best.length) best = r;
  return best ? best.toLowerCase() : void 0;
}
function combine(tests, all) {
  if (tests.length === 1) return tests[0];
  if (all) return (ctx) => tests.every((t) => t(ctx));
  return (ctx) => tests.some((t) => t(ctx));
}
function compileFieldEntry(key, value, opts = {}) {
  const { field, mods } = parseKey(key);
  const keyword = field === "";
  const seen = /* @__PURE__ */ new Set();
  for (const m of mods) {
    if (!KNOWN_MODIFIERS.has(m)) reject2(`unknown modifier '${m}' in field '${key}'`);
    if (seen.has(m)) reject2(`modifier '${m}' repeated in field '${key}'`);
    seen.add(m);
  }
  const has = (m) => seen.has(m);
  const all = has("all");
  const cased = has("cased");
  const neq = has("neq");
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (v !== null && typeof v === "object") reject2(`field '${key}' has a nested map or list as value`);
  }
  const negate = (c) => neq ? { test: (ctx) => !c.test(ctx) } : c;
  const only = (allowed, type) => {
    for (const m of mods)
      if (m !== type && !allowed.has(m))
        reject2(`modifier '${m}' cannot be combined with '${type}' in field '${key}'`);
  };
  const timeMod = mods.find((m) => TIME.has(m));
  const cmpMod = mods.find((m) => COMPARE.has(m));
  for (const m of REGEX_FLAGS)
    if (has(m) && !has("re")) reject2(`modifier '${m}' requires 're' in field '${key}'`);
  if (keyword && (has("exists") || has("fieldref") || timeMod || cmpMod)) {
    reject2(
      `modifier '${mods.find((m) => m === "exists" || m === "fieldref" || TIME.has(m) || COMPARE.has(m))}' needs a field name ('${key}')`
    );
  }
  if (has("exists")) {
    only(/* @__PURE__ */ new Set(), "exists");
    if (values.length !== 1) reject2(`modifier 'exists' takes one boolean in field '${key}'`);
    const v = values[0];
    const want = v === true || v === "true" ? true : v === false || v === "false" ? false : reject2(`modifier 'exists' takes true or false in field '${key}'`);
    return { test: (ctx) => ctx.has(field) === want };
  }
  if (timeMod || cmpMod) {
    const numMods = /* @__PURE__ */ new Set([...COMPARE, ...TIME, "all", "neq"]);
    for (const m of mods)
      if (!numMods.has(m))
        reject2(`modifier '${m}' cannot be combined with '${timeMod ?? cmpMod}' in field '${key}'`);
    if (mods.filter((m) => COMPARE.has(m)).length > 1)
      reject2(`more than one comparison modifier in field '${key}'`);
    if (mods.filter((m) => TIME.has(m)).length > 1) reject2(`more than one time modifier in field '${key}'`);
    const nums = values.map((v) => toNumber(v, key, cmpMod ?? timeMod));
    const extract = timeMod ? TIME_PART[timeMod] : void 0;
    const read2 = (s) => {
      if (extract) {
        const d = parseDateValue(s);
        return d ? extract(d) : Number.NaN;
      }
      return s.trim() === "" ? Number.NaN : Number(s);
    };
    const cmp = cmpMod === "lt" ? (a, b) => a < b : cmpMod === "lte" ? (a, b) => a <= b : cmpMod === "gt" ? (a, b) => a > b : cmpMod === "gte" ? (a, b) => a >= b : (a, b) => a === b;
    const tests2 = nums.map(
      (n) => (ctx) => testText(ctx.text(field), (s) => {
        const x = read2(s);
        return !Number.isNaN(x) && cmp(x, n);
      })
    );
    return negate({ test: combine(tests2, all) });
  }
  if (has("re")) {
    only(/* @__PURE__ */ new Set([...REGEX_FLAGS, "all", "neq", "cased"]), "re");
    let flags = "";
    for (const m of ["i", "m", "s"]) if (has(m)) flags += m;
    const regexes = values.map((v) => {
      if (typeof v !== "string") reject2(`modifier 're' needs a string in field '${key}'`);
      return compileRegex(v, flags, key);
    });
    const tests2 = regexes.map((re) => {
      const f = (s) => re.test(s);
      return keyword ? (ctx) => ctx.values().some(f) : (ctx) => testText(ctx.text(field), f);
    });
    const lits = values.map((v) => regexRequiredLiteral(String(v)));
    let prefilter2;
    if (all) {
      const best = lits.filter((l) => l !== void 0).sort((a, b) => b.length - a.length)[0];
      if (best) prefilter2 = [{ field: keyword ? "*" : field, literals: [best] }];
    } else if (lits.every((l) => l !== void 0)) {
      prefilter2 = [{ field: keyword ? "*" : field, literals: lits }];
    }
    return neq ? negate({ test: combine(tests2, all) }) : { test: combine(tests2, all), prefilter: prefilter2 };
  }
  if (has("cidr")) {
    only(/* @__PURE__ */ new Set(["all", "neq"]), "cidr");
    const ranges = values.map((v) => {
      try {
        return parseCidr(String(v));
      } catch (e) {
        return reject2(`modifier 'cidr': ${e.message} in field '${key}'`);
      }
    });
    const inRange = (c) => (s) => {
      const ip = parseIp(s);
      return ip !== void 0 && cidrContains(c, ip);
    };
    const tests2 = ranges.map(
      (c) => (ctx) => testText(ctx.text(field), inRange(c))
    );
    return negate({ test: combine(tests2, all) });
  }
  if (has("fieldref")) {
    for (const m of mods) {
      if (m !== "fieldref" && !POSITION.has(m) && !FLAGS.has(m))
        reject2(`modifier '${m}' cannot be combined with 'fieldref' in field '${key}'`);
    }
    const rel = has("contains") ? "contains" : has("startswith") ? "startswith" : has("endswith") ? "endswith" : "eq";
    const tests2 = values.map((v) => {
      if (typeof v !== "string" || !v) reject2(`modifier 'fieldref' needs a field name in field '${key}'`);
      return (ctx) => {
        const a = cased ? ctx.text(field) : ctx.folded(field);
        const b = cased ? ctx.text(v) : ctx.folded(v);
        if (a === null || b === null) return false;
        const bs = typeof b === "string" ? [b] : b;
        return bs.some(
          (other) => testText(
            a,
            (s) => rel === "eq" ? s === other : rel === "contains" ? s.includes(other) : rel === "startswith" ? s.startsWith(other) : s.endsWith(other)
          )
        );
      };
    });
    return negate({ test: combine(tests2, all) });
  }
  const transforms = mods.filter((m) => TRANSFORM.has(m));
  const nullTests = [];
  const patterns = [];
  for (const v of values) {
    if (v === null) {
      if (keyword) reject2(`keyword list '${key}' contains null`);
      nullTests.push((ctx) => isNullish(ctx.text(field)));
      continue;
    }
    if (typeof v === "number" && transforms.length === 0 && !keyword) {
      const t = numberTest(v);
      patterns.push({ test: t, kind: "number" });
      continue;
    }
    const effective = keyword && !transforms.some((m) => POSITION.has(m)) ? [...transforms, "contains"] : transforms;
    const alts = transform(v, effective, key, opts);
    patterns.push(anyOf(alts.map((tokens) => compilePattern(tokens, !cased))));
  }
  const read = (ctx) => cased ? ctx.text(field) : ctx.folded(field);
  const foldReq = (lits) => cased ? lits.map((l) => l.toLowerCase()) : lits;
  let tests;
  let prefilter;
  if (keyword) {
    const valueTest = (p) => (ctx) => {
      for (const s of ctx.values()) if (p.test(cased ? s : s.toLowerCase())) return true;
      return false;
    };
    const quick = (p) => {
      if (!p.required) return valueTest(p);
      const ac = new AhoCorasick(p.required, !cased);
      const gate = cased ? void 0 : literalGate(p.required);
      const found = (ctx) => {
        for (const s of ctx.values()) if ((gate === void 0 || gate.test(s)) && ac.test(s)) return true;
        return false;
      };
      if (p.kind === "contains" || p.kind === "contains-set") return found;
      const exact = valueTest(p);
      return (ctx) => found(ctx) && exact(ctx);
    };
    if (all) {
      tests = patterns.map(quick);
      const best = bestLiterals(patterns);
      if (best) prefilter = [{ field: "*", literals: foldReq(best) }];
    } else {
      const merged = anyOf(patterns);
      tests = [quick(merged)];
      if (merged.required) prefilter = [{ field: "*", literals: foldReq(merged.required) }];
    }
  } else if (all) {
    tests = patterns.map(
      (p) => (ctx) => testText(read(ctx), p.test)
    );
    const best = bestLiterals(patterns);
    if (best && nullTests.length === 0) prefilter = [{ field, literals: foldReq(best) }];
  } else {
    const merged = patterns.length ? anyOf(patterns) : void 0;
    tests = merged ? [(ctx) => testText(read(ctx), merged.test)] : [];
    if (merged?.required && nullTests.length === 0)
      prefilter = [{ field, literals: foldReq(merged.required) }];
  }
  tests.push(...nullTests);
  if (tests.length === 0) return { test: () => false };
  const test = combine(tests, all);
  if (neq) return { test: (ctx) => !test(ctx) };
  let eventIds;
  if (field === "EventID" && transforms.length === 0 && !cased && values.length > 0) {
    const ids = values.map(
      (v) => typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN
    );
    if (ids.every((n) => Number.isInteger(n)) && (!all || new Set(ids).size === 1))
      eventIds = [...new Set(ids)];
  }
  return { test, prefilter, eventIds };
}

// packages/core/src/detect/sigma/loader.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";

// packages/core/src/detect/sigma/rule.ts
import { createHash } from "node:crypto";
function reject3(msg) {
  throw new HaechiError("rule", msg);
}
function strings(v) {
  if (v === void 0 || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}
function attackFromTags(tags) {
  const out = /* @__PURE__ */ new Set();
  for (const t of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t.trim());
    if (m) out.add(m[1].toUpperCase());
  }
  return [...out].sort();
}
function score(atoms) {
  const minLen = Math.min(...atoms.flatMap((a) => a.literals.map((l) => l.length)));
  const count = atoms.reduce((n, a) => n + a.literals.length, 0);
  return minLen * 1e3 - Math.min(count, 999);
}
function intersectIds(children) {
  let acc;
  for (const c of children) {
    if (!c) continue;
    acc = acc ? acc.filter((x) => c.includes(x)) : [...c];
  }
  return acc;
}
function unionIds(children) {
  if (children.length === 0 || children.some((c) => !c)) return void 0;
  return [...new Set(children.flatMap((c) => c))];
}
function bestOf(children) {
  let best;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of children) {
    if (!c || c.length === 0) continue;
    const s = score(c);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
function unionOf(children) {
  if (children.length === 0 || children.some((c) => !c || c.length === 0)) return void 0;
  return children.flatMap((c) => c);
}
function compileMap(name, map, opts) {
  const entries = Object.entries(map);
  if (entries.length === 0) reject3(`search identifier '${name}' is an empty map`);
  const parts = entries.map(([k, v]) => compileFieldEntry(k, v, opts));
  const tests = parts.map((p) => p.test);
  const prefilter = bestOf(parts.map((p) => p.prefilter));
  const eventIds = intersectIds(parts.map((p) => p.eventIds));
  if (tests.length === 1) return { test: tests[0], prefilter, eventIds };
  if (tests.length === 2) {
    const [a, b] = tests;
    return { test: (ctx) => a(ctx) && b(ctx), prefilter, eventIds };
  }
  return {
    test: (ctx) => {
      for (const t of tests) if (!t(ctx)) return false;
      return true;
    },
    prefilter,
    eventIds
  };
}
function compileSearchIdentifier(name, value, opts) {
  if (value === null || value === void 0) reject3(`search identifier '${name}' is empty`);
  if (Array.isArray(value)) {
    if (value.length === 0) reject3(`search identifier '${name}' is an empty list`);
    const maps = value.filter((v) => v !== null && typeof v === "object" && !Array.isArray(v));
    const scalars = value.filter((v) => v === null || typeof v !== "object");
    if (value.some((v) => Array.isArray(v))) reject3(`search identifier '${name}' contains a nested list`);
    const parts = maps.map((m) => compileMap(name, m, opts));
    if (scalars.length) parts.push(compileFieldEntry("", scalars, opts));
    if (parts.length === 1) return parts[0];
    const tests = parts.map((p) => p.test);
    return {
      test: (ctx) => {
        for (const t of tests) if (t(ctx)) return true;
        return false;
      },
      prefilter: unionOf(parts.map((p) => p.prefilter)),
      eventIds: unionIds(parts.map((p) => p.eventIds))
    };
  }
  if (typeof value === "object") return compileMap(name, value, opts);
  return compileFieldEntry("", [value], opts);
}
function conditionEventIds(node, ids) {
  switch (node.op) {
    case "id":
      return ids.get(node.name);
    case "not":
      return void 0;
    case "and":
      return intersectIds(node.args.map((a) => conditionEventIds(a, ids)));
    case "or":
      return unionIds(node.args.map((a) => conditionEventIds(a, ids)));
    case "of":
      return node.count === "all" ? intersectIds(node.names.map((n) => ids.get(n))) : unionIds(node.names.map((n) => ids.get(n)));
  }
}
function conditionPrefilter(node, pre) {
  switch (node.op) {
    case "id":
      return pre.get(node.name);
    case "not":
      return void 0;
    case "and":
      return bestOf(node.args.map((a) => conditionPrefilter(a, pre)));
    case "or":
      return unionOf(node.args.map((a) => conditionPrefilter(a, pre)));
    case "of":
      return node.count === "all" ? bestOf(node.names.map((n) => pre.get(n))) : unionOf(node.names.map((n) => pre.get(n)));
  }
}
function missingPlaceholders(detection, placeholders) {
  const missing = /* @__PURE__ */ new Set();
  const visitValue = (v) => {
    if (Array.isArray(v)) v.forEach(visitValue);
    else if (typeof v === "string") {
      for (const t of parseSigmaString(v, true)) {
        if (t.t === "ph" && !placeholders?.[t.name]?.length) missing.add(t.name);
      }
    }
  };
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node))
        if (k.split("|").includes("expand")) visitValue(v);
        else visit(v);
    }
  };
  for (const [k, v] of Object.entries(detection)) if (k !== "condition") visit(v);
  return [...missing].sort();
}
function compileDetection(detection, condition, opts) {
  const ids = Object.keys(detection).filter((k) => k !== "condition");
  if (ids.length === 0) reject3("detection has no search identifier");
  const missing = missingPlaceholders(detection, opts.placeholders);
  if (missing.length === 1) reject3(`placeholder %${missing[0]}% has no value`);
  if (missing.length > 1) reject3(`placeholders ${missing.map((m) => `%${m}%`).join(", ")} have no value`);
  const tests = /* @__PURE__ */ new Map();
  const pre = /* @__PURE__ */ new Map();
  const eids = /* @__PURE__ */ new Map();
  for (const id of ids) {
    const c = compileSearchIdentifier(id, detection[id], opts);
    tests.set(id, c.test);
    pre.set(id, c.prefilter);
    eids.set(id, c.eventIds);
  }
  if (condition === void 0 || condition === null) reject3("detection has no condition");
  const conds = strings(condition);
  if (conds.length === 0) reject3("detection has no condition");
  const nodes = conds.map((c) => parseCondition(c, ids));
  const matchers = nodes.map((n) => compileCondition(n, tests));
  const match = matchers.length === 1 ? matchers[0] : (ctx) => {
    for (const m of matchers) if (m(ctx)) return true;
    return false;
  };
  const prefilter = unionOf(nodes.map((n) => conditionPrefilter(n, pre)));
  const eventIds = unionIds(nodes.map((n) => conditionEventIds(n, eids)));
  return { match, prefilter, eventIds, condition: conds };
}
function derivedRuleId(file, title) {
  return `sha1:${createHash("sha1").update(`${file}
${title}`).digest("hex").slice(0, 16)}`;
}
function compileRule(doc, opts = {}) {
  const file = opts.file ?? "";
  const title = doc.title;
  if (typeof title !== "string" || !title.trim()) reject3("missing 'title'");
  const logsource = doc.logsource;
  if (!logsource || typeof logsource !== "object" || Array.isArray(logsource))
    reject3("missing or invalid 'logsource'");
  const detection = doc.detection;
  if (!detection || typeof detection !== "object" || Array.isArray(detection))
    reject3("missing or invalid 'detection'");
  const det = detection;
  const compiled = compileDetection(det, det.condition, opts);
  const ls = logsource;
  const lsOut = {};
  for (const k of ["product", "category", "service"]) {
    if (ls[k] !== void 0 && ls[k] !== null) lsOut[k] = String(ls[k]).toLowerCase();
  }
  const levelRaw = doc.level === void 0 || doc.level === null ? "medium" : String(doc.level).toLowerCase();
  if (!isSeverity(levelRaw)) reject3(`invalid level '${String(doc.level)}'`);
  const tags = strings(doc.tags);
  const id = doc.id !== void 0 && doc.id !== null ? String(doc.id) : derivedRuleId(file, title);
  return {
    id,
    name: doc.name !== void 0 && doc.name !== null ? String(doc.name) : void 0,
    title,
    level: levelRaw,
    status: doc.status !== void 0 ? String(doc.status) : void 0,
    description: typeof doc.description === "string" ? doc.description : void 0,
    author: typeof doc.author === "string" ? doc.author : void 0,
    references: strings(doc.references),
    falsepositives: strings(doc.falsepositives),
    tags,
    attack: attackFromTags(tags),
    logsource: lsOut,
    taxonomy: typeof doc.taxonomy === "string" ? doc.taxonomy : "sigma",
    file,
    condition: compiled.condition,
    match: compiled.match,
    prefilter: compiled.prefilter,
    eventIds: compiled.eventIds,
    filters: [],
    doc
  };
}

// packages/core/src/detect/sigma/loader.ts
var RULE_EXT = /\.ya?ml$/i;
function walk(path, out) {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new HaechiError(
      "input",
      `cannot read rules: ${e.code ?? e.message}`,
      { file: path, cause: e }
    );
  }
  if (st.isDirectory()) {
    const names = readdirSync(path).sort();
    for (const n of names) {
      if (n.startsWith(".")) continue;
      const p = join(path, n);
      const s = statSync(p);
      if (s.isDirectory()) walk(p, out);
      else if (RULE_EXT.test(n)) out.push(p);
    }
  } else {
    out.push(path);
  }
}
function listRuleFiles(paths) {
  const out = [];
  for (const p of paths) walk(p, out);
  return [...new Set(out)];
}

// load2-tmp.ts
var files = listRuleFiles(["/work/shared/data/sigma/rules"]);
var docs = files.map((f) => parseAllDocuments2(readFileSync2(f, "utf8")).map((d) => d.toJS()));
for (let k = 0; k < 5; k++) for (const d of docs) for (const x of d) compileRule(x);
