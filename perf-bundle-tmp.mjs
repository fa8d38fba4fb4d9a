// perf4-tmp.ts
import { readFileSync as readFileSync3 } from "node:fs";

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
  constructor(patterns, fold2 = false) {
    this.patternCount = patterns.length;
    this.fold = fold2;
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
    const { delta, classOf, width, out, fold: fold2, denseStates } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      let ch = text.charCodeAt(i);
      if (fold2) {
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
        const t2 = targets[o[j]];
        for (let k = 0; k < t2.length; k++) stamp[t2[k]] = epoch;
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
function literalGate(literals) {
  if (literals.length === 0 || literals.length > 500) return void 0;
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
    const t2 = peek();
    if (t2 !== void 0 && toks[i + 1]?.toLowerCase() === "of" && (t2 === "all" || t2 === "any" || /^\d+$/.test(t2))) {
      const count = t2 === "all" ? "all" : t2 === "any" ? 1 : Number(t2);
      if (count === 0) reject(`'0 of' is not a valid quantifier`);
      i += 2;
      const pattern = toks[i];
      if (pattern === void 0 || pattern === "(" || pattern === ")")
        reject(`'${t2} of' needs a pattern or 'them'`);
      i++;
      let names;
      if (pattern.toLowerCase() === "them") names = identifiers.filter((n) => !n.startsWith("_"));
      else {
        const re = globToRegExp(pattern);
        names = identifiers.filter((n) => re.test(n));
      }
      if (names.length === 0) reject(`'${t2} of ${pattern}' matches no search identifier`);
      return { op: "of", count, pattern, names };
    }
    return parsePrimary();
  };
  const parsePrimary = () => {
    const t2 = toks[i];
    if (t2 === void 0) reject(`unexpected end of '${src}'`);
    if (t2 === "(") {
      i++;
      const e = parseOr();
      expect(")");
      return e;
    }
    const lower = t2.toLowerCase();
    if (t2 === ")" || lower === "and" || lower === "or" || lower === "of")
      reject(`unexpected '${t2}' in '${src}'`);
    i++;
    if (!known.has(t2)) reject(`unknown identifier '${t2}'`);
    return { op: "id", name: t2 };
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
function severityRank(s) {
  return SEVERITIES.indexOf(s);
}
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
var VALUE_TYPES = /* @__PURE__ */ new Set([
  "value_count",
  "value_sum",
  "value_avg",
  "value_percentile"
]);
var TEMPORAL_TYPES = /* @__PURE__ */ new Set(["temporal", "temporal_ordered"]);
var SECTION_KEYS = /* @__PURE__ */ new Set([
  "type",
  "rules",
  "aliases",
  "group-by",
  "timespan",
  "condition",
  "generate"
]);
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var TIMESPAN_RE = /^([0-9]{1,9})([smhdw])$/;
function parseTimespan(text) {
  if (typeof text !== "string") return void 0;
  const m = TIMESPAN_RE.exec(text.trim());
  if (!m) return void 0;
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  return ms > 0 ? ms : void 0;
}
function show(v) {
  if (typeof v === "string") return `'${v}'`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function parseCorrelationDocument(doc, file) {
  const fail = (reason) => {
    throw new HaechiError("rule", reason, { file });
  };
  const title = doc.title;
  if (typeof title !== "string" || title.trim() === "") fail("correlation rule has no title");
  if ("detection" in doc) fail("a document cannot have both detection and correlation");
  const id = optionalString(doc, "id", fail);
  const name = optionalString(doc, "name", fail);
  const section = doc.correlation;
  if (!isPlainObject(section)) fail("correlation must be a map");
  const corr = section;
  for (const key of Object.keys(corr)) {
    if (SECTION_KEYS.has(key)) continue;
    const hint = key === "group_by" || key === "groupby" ? " (did you mean 'group-by'?)" : "";
    fail(`correlation.${key} is not a correlation attribute${hint}`);
  }
  const rawType = corr.type;
  if (rawType === void 0) fail("correlation.type is missing");
  if (typeof rawType !== "string" || !TYPE_SET.has(rawType)) {
    fail(`correlation.type ${show(rawType)} is not one of ${CORRELATION_TYPES.join(", ")}`);
  }
  const type = rawType;
  let rules = [];
  const rawRules = corr.rules;
  if (rawRules === void 0 || rawRules === null) fail("correlation.rules is missing");
  if (typeof rawRules === "string") rules = [rawRules];
  else if (Array.isArray(rawRules)) {
    for (const r of rawRules) {
      if (typeof r !== "string" || r.trim() === "")
        fail(`correlation.rules entry ${show(r)} is not a rule id or name`);
      rules.push(r.trim());
    }
  } else fail("correlation.rules must be a list of rule ids or names");
  if (rules.length === 0) fail("correlation.rules is empty");
  const seen = /* @__PURE__ */ new Set();
  for (const r of rules) {
    if (seen.has(r)) fail(`correlation.rules lists '${r}' twice`);
    seen.add(r);
  }
  let groupBy = [];
  const rawGroup = corr["group-by"];
  if (typeof rawGroup === "string") groupBy = [rawGroup];
  else if (Array.isArray(rawGroup)) {
    for (const g of rawGroup) {
      if (typeof g !== "string" || g === "")
        fail(`correlation.group-by entry ${show(g)} is not a field name`);
      groupBy.push(g);
    }
  } else if (rawGroup !== void 0 && rawGroup !== null)
    fail("correlation.group-by must be a list of field names");
  if (new Set(groupBy).size !== groupBy.length) fail("correlation.group-by lists a field twice");
  const rawSpan = corr.timespan;
  if (rawSpan === void 0 || rawSpan === null) fail("correlation.timespan is missing");
  const timespanMs = parseTimespan(rawSpan);
  if (timespanMs === void 0) {
    fail(
      `correlation.timespan ${show(rawSpan)} is not a duration (a positive number followed by s, m, h, d or w)`
    );
  }
  const condition = parseCondition2(corr.condition, type, rules.length, fail);
  const aliases = {};
  const rawAliases = corr.aliases;
  if (rawAliases !== void 0 && rawAliases !== null) {
    if (!isPlainObject(rawAliases)) fail("correlation.aliases must be a map of alias names");
    for (const [alias, mapping] of Object.entries(rawAliases)) {
      if (!isPlainObject(mapping)) fail(`correlation.aliases.${alias} must map rule names to field names`);
      const m = {};
      for (const [ruleRef, field] of Object.entries(mapping)) {
        if (typeof field !== "string" || field === "") {
          fail(`correlation.aliases.${alias}.${ruleRef} ${show(field)} is not a field name`);
        }
        m[ruleRef] = field;
      }
      aliases[alias] = m;
    }
  }
  let generate = false;
  for (const [where, v] of [
    ["generate", doc.generate],
    ["correlation.generate", corr.generate]
  ]) {
    if (v === void 0 || v === null) continue;
    if (typeof v !== "boolean") fail(`${where} ${show(v)} must be true or false`);
    generate = generate || v;
  }
  let level;
  if (doc.level !== void 0 && doc.level !== null) {
    if (!isSeverity(doc.level))
      fail(`level ${show(doc.level)} is not one of informational, low, medium, high, critical`);
    level = doc.level;
  }
  const tags = [];
  if (Array.isArray(doc.tags)) {
    for (const t2 of doc.tags) if (typeof t2 === "string") tags.push(t2);
  }
  return {
    file,
    id,
    name,
    title: title.trim(),
    type,
    rules,
    groupBy,
    timespan: String(rawSpan).trim(),
    timespanMs,
    condition,
    aliases,
    generate,
    level,
    tags,
    status: typeof doc.status === "string" ? doc.status : void 0,
    description: typeof doc.description === "string" ? doc.description : void 0
  };
}
function optionalString(doc, key, fail) {
  const v = doc[key];
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "number") return String(v);
  if (typeof v !== "string" || v.trim() === "") fail(`${key} ${show(v)} must be a non-empty string`);
  return v.trim();
}
function parseCondition2(raw, type, ruleCount, fail) {
  if (raw === void 0 || raw === null) {
    if (TEMPORAL_TYPES.has(type)) return { ops: { gte: ruleCount } };
    return fail(`correlation.condition is missing (${type} needs one)`);
  }
  if (!isPlainObject(raw)) {
    return fail(`correlation.condition must be a map of ${CONDITION_OPERATORS.join("/")} to numbers`);
  }
  const ops = {};
  let field;
  let percentile;
  for (const [key, value] of Object.entries(raw)) {
    if (OP_SET.has(key)) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        fail(`correlation.condition.${key} ${show(value)} is not a number`);
      }
      ops[key] = value;
    } else if (key === "field") {
      if (typeof value === "string" && value !== "") field = [value];
      else if (Array.isArray(value) && value.length > 0 && value.every((f) => typeof f === "string" && f !== "")) {
        field = [...value];
      } else fail(`correlation.condition.field ${show(value)} is not a field name or a list of field names`);
    } else if (key === "percentile") {
      if (type !== "value_percentile")
        fail(`correlation.condition.percentile is only used by value_percentile`);
      if (typeof value !== "number" || !(value >= 0 && value <= 100)) {
        fail(`correlation.condition.percentile ${show(value)} is not a number between 0 and 100`);
      }
      percentile = value;
    } else {
      fail(
        `correlation.condition.${key} is not a condition operator (${CONDITION_OPERATORS.join(", ")}) or field`
      );
    }
  }
  if (Object.keys(ops).length === 0) {
    fail(`correlation.condition has no operator (${CONDITION_OPERATORS.join(", ")})`);
  }
  if (VALUE_TYPES.has(type)) {
    if (!field) fail(`correlation.condition.field is missing (${type} needs the field to aggregate)`);
    if (type !== "value_count" && field.length > 1) {
      fail(`correlation.condition.field of ${type} must be a single field`);
    }
  } else if (field) {
    fail(`correlation.condition.field is not used by ${type}`);
  }
  if (!satisfiable(ops)) fail(`correlation.condition ${show(raw)} can never be true`);
  return { ops, field, percentile };
}
function satisfiable(ops) {
  let lo = Number.NEGATIVE_INFINITY;
  let loIncl = true;
  let hi = Number.POSITIVE_INFINITY;
  let hiIncl = true;
  const raise = (v, incl) => {
    if (v > lo || v === lo && !incl) {
      lo = v;
      loIncl = incl;
    }
  };
  const lower = (v, incl) => {
    if (v < hi || v === hi && !incl) {
      hi = v;
      hiIncl = incl;
    }
  };
  if (ops.gt !== void 0) raise(ops.gt, false);
  if (ops.gte !== void 0) raise(ops.gte, true);
  if (ops.lt !== void 0) lower(ops.lt, false);
  if (ops.lte !== void 0) lower(ops.lte, true);
  if (ops.eq !== void 0) {
    raise(ops.eq, true);
    lower(ops.eq, true);
  }
  if (lo > hi || lo === hi && !(loIncl && hiIncl)) return false;
  if (ops.neq !== void 0 && lo === hi && lo === ops.neq) return false;
  return true;
}
function isLowerBoundOnly(cond) {
  return Object.keys(cond.ops).every((k) => k === "gt" || k === "gte");
}
function conditionHolds(cond, value) {
  const o = cond.ops;
  if (o.gt !== void 0 && !(value > o.gt)) return false;
  if (o.gte !== void 0 && !(value >= o.gte)) return false;
  if (o.lt !== void 0 && !(value < o.lt)) return false;
  if (o.lte !== void 0 && !(value <= o.lte)) return false;
  if (o.eq !== void 0 && value !== o.eq) return false;
  if (o.neq !== void 0 && value === o.neq) return false;
  return true;
}
function describeCondition(cond) {
  return CONDITION_OPERATORS.filter((op) => cond.ops[op] !== void 0).map((op) => `${op} ${cond.ops[op]}`).join(" and ");
}

// packages/core/src/detect/sigma/correlation-engine.ts
var MAX_EVIDENCE = 100;
var MAX_ENTITIES = 100;
var MAX_VALUES_IN_DETAILS = 20;
function buildCorrelator(defs, rules) {
  const rejected = [];
  const reasons = /* @__PURE__ */ new Map();
  const reject4 = (i, reason) => {
    if (!reasons.has(i)) reasons.set(i, reason);
  };
  const ids = defs.map((d) => d.id ?? `corr-${hash53(`${d.file}\0${d.name ?? ""}\0${d.title}`)}`);
  const ruleIds = new Set(rules.map((r) => r.id));
  const firstById = /* @__PURE__ */ new Map();
  defs.forEach((_, i) => {
    if (ruleIds.has(ids[i])) {
      reject4(i, `correlation id '${ids[i]}' is also the id of a detection rule`);
      return;
    }
    const prev = firstById.get(ids[i]);
    if (prev !== void 0) reject4(i, `correlation id '${ids[i]}' is already used in ${defs[prev].file}`);
    else firstById.set(ids[i], i);
  });
  const rulesById = /* @__PURE__ */ new Map();
  const rulesByName = /* @__PURE__ */ new Map();
  for (const r of rules) {
    push(rulesById, r.id, r);
    if (r.name) push(rulesByName, r.name, r);
  }
  const corrByName = /* @__PURE__ */ new Map();
  defs.forEach((d, i) => {
    if (d.name && !reasons.has(i)) push(corrByName, d.name, i);
  });
  const resolve = (ref, fromFile) => {
    const byId = [];
    if (rulesById.has(ref)) byId.push({ kind: "rule", id: ref });
    const ci = firstById.get(ref);
    if (ci !== void 0 && !reasons.has(ci)) byId.push({ kind: "corr", index: ci });
    if (byId.length === 1) return byId[0];
    if (byId.length > 1) return `correlation.rules: '${ref}' is the id of both a rule and a correlation`;
    const named = [];
    const seenIds = /* @__PURE__ */ new Set();
    for (const r of rulesByName.get(ref) ?? []) {
      if (seenIds.has(r.id)) continue;
      seenIds.add(r.id);
      named.push({ target: { kind: "rule", id: r.id }, file: r.file });
    }
    for (const i of corrByName.get(ref) ?? [])
      named.push({ target: { kind: "corr", index: i }, file: defs[i].file });
    if (named.length === 1) return named[0].target;
    if (named.length > 1) {
      const local = named.filter((n) => n.file === fromFile);
      if (local.length === 1) return local[0].target;
      return `correlation.rules: name '${ref}' is ambiguous (${named.length} rules or correlations have it)`;
    }
    return `correlation.rules: '${ref}' is not the id or name of a loaded rule or correlation`;
  };
  const targets = defs.map((d, i) => {
    if (reasons.has(i)) return void 0;
    const out = [];
    const keys = /* @__PURE__ */ new Set();
    for (const ref of d.rules) {
      const t2 = resolve(ref, d.file);
      if (typeof t2 === "string") {
        reject4(i, t2);
        return void 0;
      }
      const key = t2.kind === "rule" ? `r:${t2.id}` : `c:${t2.index}`;
      if (keys.has(key)) {
        reject4(i, `correlation.rules: '${ref}' names a rule that is already listed`);
        return void 0;
      }
      keys.add(key);
      out.push(t2);
    }
    return out;
  });
  const aliasTargets = defs.map((d, i) => {
    const ts = targets[i];
    if (!ts) return void 0;
    const byAlias = /* @__PURE__ */ new Map();
    for (const [alias, mapping] of Object.entries(d.aliases)) {
      const m = /* @__PURE__ */ new Map();
      for (const [ref, field] of Object.entries(mapping)) {
        const t2 = resolve(ref, d.file);
        const pos = typeof t2 === "string" ? -1 : ts.findIndex((x) => sameTarget(x, t2));
        if (pos < 0) {
          reject4(i, `correlation.aliases.${alias} names '${ref}' which is not one of correlation.rules`);
          return void 0;
        }
        m.set(String(pos), field);
      }
      byAlias.set(alias, m);
    }
    return byAlias;
  });
  const state = new Uint8Array(defs.length);
  const order = [];
  const label = (i) => defs[i].name ?? ids[i];
  const visit = (i, stack) => {
    state[i] = 1;
    stack.push(i);
    for (const t2 of targets[i] ?? []) {
      if (t2.kind !== "corr") continue;
      if (state[t2.index] === 1) {
        const cycle = stack.slice(stack.indexOf(t2.index)).concat(t2.index);
        const text = cycle.map(label).join(" -> ");
        for (const c of cycle) reject4(c, `correlation chain forms a cycle: ${text}`);
      } else if (state[t2.index] === 0) visit(t2.index, stack);
    }
    stack.pop();
    state[i] = 2;
    order.push(i);
  };
  defs.forEach((_, i) => {
    if (state[i] === 0 && targets[i]) visit(i, []);
  });
  for (const i of order) {
    if (reasons.has(i)) continue;
    for (const t2 of targets[i] ?? []) {
      if (t2.kind === "corr" && reasons.has(t2.index)) {
        reject4(i, `correlation.rules: '${label(t2.index)}' was not loaded: ${reasons.get(t2.index)}`);
        break;
      }
    }
  }
  defs.forEach((d, i) => {
    const reason = reasons.get(i);
    if (reason !== void 0) rejected.push({ file: d.file, id: d.id, title: d.title, reason });
  });
  const accepted = order.filter((i) => !reasons.has(i));
  const position = new Map(accepted.map((defIndex, pos) => [defIndex, pos]));
  const nodes = accepted.map((defIndex) => {
    const def = defs[defIndex];
    const ts = targets[defIndex];
    const aliases = aliasTargets[defIndex];
    const fieldFor = (name, ref) => aliases.get(name)?.get(String(ref)) ?? name;
    const mapped = ts.map(
      (t2) => t2.kind === "corr" ? { kind: "corr", index: position.get(t2.index) } : t2
    );
    const sliding = isLowerBoundOnly(def.condition) && def.type !== "value_avg" && def.type !== "value_percentile";
    return {
      def,
      id: ids[defIndex],
      title: def.title,
      targets: mapped,
      upstream: mapped.flatMap((t2) => t2.kind === "corr" ? [t2.index] : []),
      groupFields: ts.map((_, ref) => def.groupBy.map((g) => fieldFor(g, ref))),
      valueFields: def.condition.field ? ts.map((_, ref) => def.condition.field.map((f) => fieldFor(f, ref))) : void 0,
      mode: sliding ? "sliding" : "window",
      attack: attackFromTags(def.tags),
      suppressed: false,
      consumers: []
    };
  });
  const ruleGenerate = /* @__PURE__ */ new Map();
  const corrGenerate = /* @__PURE__ */ new Map();
  nodes.forEach((n, ni) => {
    n.targets.forEach((t2, ref) => {
      if (t2.kind === "rule") ruleGenerate.set(t2.id, (ruleGenerate.get(t2.id) ?? false) || n.def.generate);
      else {
        corrGenerate.set(t2.index, (corrGenerate.get(t2.index) ?? false) || n.def.generate);
        nodes[t2.index].consumers.push({ node: ni, ref });
      }
    });
  });
  for (const [index, generate] of corrGenerate) nodes[index].suppressed = !generate;
  const inputRuleIds = new Set(ruleGenerate.keys());
  const suppressedRuleIds = new Set([...ruleGenerate].filter(([, g]) => !g).map(([id]) => id));
  return { correlator: new Correlator(nodes, inputRuleIds, suppressedRuleIds), rejected };
}
function sameTarget(a, b) {
  return a.kind === "rule" ? b.kind === "rule" && a.id === b.id : b.kind === "corr" && a.index === b.index;
}
function push(m, k, v) {
  const list2 = m.get(k);
  if (list2) list2.push(v);
  else m.set(k, [v]);
}
function attackFromTags(tags) {
  const out = /* @__PURE__ */ new Set();
  for (const t2 of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t2.trim());
    if (m) out.add(m[1].toUpperCase());
  }
  return [...out].sort();
}
var Correlator = class {
  /** Detection rule ids that some correlation references: feed their findings to `process`. */
  inputRuleIds;
  /**
   * Referenced detection rule ids whose own findings should not be reported: the spec's "Generate"
   * defaults to generating only the correlation. A rule stays reported when any correlation that
   * references it sets `generate: true`.
   */
  suppressedRuleIds;
  /** The loaded correlations, referenced ones before those that chain them. */
  correlations;
  /** @internal */
  nodes;
  /** @internal detection rule id -> (node, position in its rules) */
  byRule;
  defaultSession;
  /** @internal use buildCorrelator */
  constructor(nodes, inputRuleIds, suppressedRuleIds) {
    this.nodes = nodes;
    this.inputRuleIds = inputRuleIds;
    this.suppressedRuleIds = suppressedRuleIds;
    const byRule = /* @__PURE__ */ new Map();
    nodes.forEach((n, node) => {
      n.targets.forEach((t2, ref) => {
        if (t2.kind === "rule") push(byRule, t2.id, { node, ref });
      });
    });
    this.byRule = byRule;
    this.correlations = nodes.map((n) => ({
      id: n.id,
      title: n.title,
      type: n.def.type,
      file: n.def.file,
      suppressed: n.suppressed
    }));
  }
  get size() {
    return this.nodes.length;
  }
  /**
   * Runs every correlation over base findings sorted by time (the caller sorts) and returns the
   * reported correlation findings sorted by time, then rule id, then id. Findings of rules no
   * correlation references are ignored. Each call starts from a clean state.
   */
  process(findings) {
    const session = this.session();
    const out = [];
    let sorted = true;
    for (let k = 1; k < findings.length && sorted; k++) sorted = findings[k - 1].time <= findings[k].time;
    const input = sorted ? findings : [...findings].sort((a, b) => a.time - b.time);
    for (const f of input) for (const c of session.push(f)) out.push(c);
    for (const c of session.flush()) out.push(c);
    return out.sort(compareFindings);
  }
  /** A fresh incremental evaluation: `push` findings in time order, then `flush` once. */
  session() {
    return new CorrelationSession(this);
  }
  /** Incremental API on a default session (see `session()`). */
  push(finding) {
    this.defaultSession ??= this.session();
    return this.defaultSession.push(finding);
  }
  /** Ends the default session: evaluates the open windows and returns their findings. */
  flush(observedUntil) {
    const s = this.defaultSession;
    this.defaultSession = void 0;
    return s ? s.flush(observedUntil) : [];
  }
};
function compareFindings(a, b) {
  return a.time - b.time || cmp(a.rule.id, b.rule.id) || cmp(a.id, b.id);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var CorrelationSession = class {
  c;
  states;
  now = Number.NEGATIVE_INFINITY;
  seq = 0;
  out = [];
  done = false;
  stats = { inputs: 0, missingField: 0, fired: 0, openGroups: 0 };
  constructor(c) {
    this.c = c;
    this.states = c.nodes.map(() => ({
      queue: new MinHeap(),
      sliding: /* @__PURE__ */ new Map(),
      episodes: /* @__PURE__ */ new Map(),
      episodeOrder: new Fifo(),
      windows: /* @__PURE__ */ new Map(),
      windowOrder: new Fifo(),
      swept: Number.NEGATIVE_INFINITY,
      safe: Number.NEGATIVE_INFINITY,
      emitted: 0
    }));
  }
  /**
   * Takes one base finding (in time order) and returns the correlation findings it completed.
   * Findings of windowed correlations (see the module comment) come out once stream time has
   * passed their window, so the stream of returned findings is not strictly time-ordered.
   */
  push(finding) {
    if (this.done) throw new HaechiError("internal", "correlation session already flushed");
    if (finding.time > this.now) this.now = finding.time;
    const uses = this.c.byRule.get(finding.rule.id);
    if (uses) {
      this.stats.inputs++;
      const fields = finding.event ?? {};
      for (const u of uses) {
        this.states[u.node].queue.push({ time: finding.time, seq: this.seq++, ref: u.ref, finding, fields });
      }
    }
    this.pump(this.now, false);
    return this.take();
  }
  /** Tells the session that the stream has reached `time` (closes windows that ended before). */
  advance(time) {
    if (time > this.now) this.now = time;
    this.pump(this.now, false);
    return this.take();
  }
  /**
   * Ends the stream: evaluates every open window. Windows reaching past `observedUntil` (default:
   * the latest time pushed) were not fully observed; their findings say `details.partial: true`.
   */
  flush(observedUntil) {
    if (this.done) return [];
    this.observedUntil = observedUntil ?? this.now;
    this.pump(Number.POSITIVE_INFINITY, true);
    this.done = true;
    return this.take();
  }
  observedUntil = Number.POSITIVE_INFINITY;
  take() {
    let open = 0;
    for (const s of this.states) open += s.sliding.size + s.windows.size + s.episodes.size;
    this.stats.openGroups = open;
    if (this.out.length === 0) return [];
    const out = this.out;
    this.out = [];
    return out;
  }
  /**
   * Runs the nodes in topological order. A node consumes its queued inputs up to a watermark: the
   * stream time, lowered to what its upstream correlations may still emit, so that chained
   * correlations see their inputs in time order.
   */
  pump(limit, final) {
    const nodes = this.c.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const st = this.states[i];
      let w = limit;
      for (const u of node.upstream) w = Math.min(w, this.states[u].safe);
      while (st.queue.size > 0 && st.queue.peek().time <= w) this.consume(i, st.queue.pop());
      if (node.mode === "window") {
        for (let g = this.openHead(st.windowOrder, st.windows); g; g = this.openHead(st.windowOrder, st.windows)) {
          if (!final && g.end >= w) break;
          st.windowOrder.shift();
          st.windows.delete(g.key);
          this.closeWindow(i, g);
        }
        const first = this.openHead(st.windowOrder, st.windows);
        st.safe = first ? Math.min(w, first.start) : w;
      } else {
        for (let ep = this.openHead(st.episodeOrder, st.episodes); ep; ep = this.openHead(st.episodeOrder, st.episodes)) {
          if (!final && ep.until >= w) break;
          st.episodeOrder.shift();
          st.episodes.delete(ep.key);
          this.closeEpisode(i, ep);
        }
        const span = node.def.timespanMs;
        if (final) st.sliding.clear();
        else if (w - st.swept >= span && st.sliding.size > 0) {
          st.swept = w;
          for (const g of st.sliding.values()) if (g.last < w - span) st.sliding.delete(g.key);
        }
        const first = this.openHead(st.episodeOrder, st.episodes);
        st.safe = first ? Math.min(w, first.fire) : w;
      }
    }
  }
  /** The oldest open window or episode: entries closed out of order are dropped from the front. */
  openHead(order, open) {
    for (; ; ) {
      const head = order.peek();
      if (head === void 0 || open.get(head.key) === head) return head;
      order.shift();
    }
  }
  consume(i, input) {
    const node = this.c.nodes[i];
    const st = this.states[i];
    const groupFields = node.groupFields[input.ref];
    const values = {};
    const parts = [];
    for (let k = 0; k < groupFields.length; k++) {
      const v = scalar(lookup(input.fields, groupFields[k]));
      if (v === void 0) {
        this.stats.missingField++;
        return;
      }
      values[node.def.groupBy[k]] = v;
      parts.push(v);
    }
    const entry = { input };
    const type = node.def.type;
    if (node.valueFields) {
      const fields = node.valueFields[input.ref];
      if (type === "value_count" || type === "value_percentile" && node.def.condition.percentile === void 0) {
        const tuple = [];
        for (const f of fields) {
          const v = scalar(lookup(input.fields, f));
          if (v === void 0) {
            this.stats.missingField++;
            return;
          }
          tuple.push(v);
        }
        entry.key = tuple.length === 1 ? tuple[0] : JSON.stringify(tuple);
      } else {
        const n = numeric(lookup(input.fields, fields[0]));
        if (n === void 0) {
          this.stats.missingField++;
          return;
        }
        entry.num = n;
      }
    }
    const key = parts.length === 1 ? parts[0] : JSON.stringify(parts);
    if (node.mode === "sliding") this.slide(i, key, values, entry);
    else {
      let g = st.windows.get(key);
      if (g && input.time > g.end) {
        st.windows.delete(key);
        this.closeWindow(i, g);
        g = void 0;
      }
      if (!g) {
        g = { values, key, start: input.time, end: input.time + node.def.timespanMs, entries: [] };
        st.windows.set(key, g);
        st.windowOrder.push(g);
      }
      g.entries.push(entry);
    }
  }
  /** Sliding window ending at the current event; fires as soon as the lower bound is reached. */
  slide(i, key, values, entry) {
    const node = this.c.nodes[i];
    const st = this.states[i];
    const type = node.def.type;
    const t2 = entry.input.time;
    const from = t2 - node.def.timespanMs;
    const ep = st.episodes.get(key);
    if (ep) {
      if (t2 <= ep.until) {
        ep.entries.push(entry);
        return;
      }
      st.episodes.delete(key);
      this.closeEpisode(i, ep);
    }
    let g = st.sliding.get(key);
    if (!g) {
      g = { values, key, entries: [], head: 0, last: t2, sum: 0, distinct: 0 };
      if (type === "value_count") g.counts = /* @__PURE__ */ new Map();
      if (type === "temporal") g.perRule = new Array(node.targets.length).fill(0);
      if (type === "temporal_ordered") g.chains = new Array(node.targets.length).fill(void 0);
      st.sliding.set(key, g);
    }
    g.last = t2;
    let measure;
    let contributing;
    if (type === "temporal_ordered") {
      const chains = g.chains;
      const k = entry.input.ref;
      if (k === 0) chains[0] = { start: t2, entries: [entry] };
      else {
        const prev = chains[k - 1];
        if (prev && prev.start >= from && (!chains[k] || chains[k].start <= prev.start)) {
          chains[k] = { start: prev.start, entries: [...prev.entries, entry] };
        }
      }
      let best = -1;
      for (let j = chains.length - 1; j >= 0; j--) {
        const c = chains[j];
        if (c && c.start >= from) {
          best = j;
          break;
        }
      }
      measure = best + 1;
      contributing = best >= 0 ? chains[best].entries : [];
    } else {
      while (g.head < g.entries.length && g.entries[g.head].input.time < from) {
        this.unaccount(g, g.entries[g.head], type);
        g.head++;
      }
      if (g.head > 1024 && g.head * 2 > g.entries.length) {
        g.entries = g.entries.slice(g.head);
        g.head = 0;
      }
      g.entries.push(entry);
      this.account(g, entry, type);
      measure = type === "event_count" ? g.entries.length - g.head : type === "value_count" ? g.counts.size : type === "value_sum" ? g.sum : g.distinct;
      contributing = g.entries;
    }
    if (!conditionHolds(node.def.condition, measure)) return;
    const used = type === "temporal_ordered" ? contributing.slice() : contributing.slice(g.head);
    st.sliding.delete(key);
    const episode = {
      values: g.values,
      key,
      fire: t2,
      until: t2 + node.def.timespanMs,
      measure,
      entries: used
    };
    st.episodes.set(key, episode);
    st.episodeOrder.push(episode);
  }
  /** Emits the finding of an episode, with the aggregate over all of its events. */
  closeEpisode(i, ep) {
    const node = this.c.nodes[i];
    const entries = ep.entries;
    const extra = {};
    switch (node.def.type) {
      case "event_count":
        extra.count = entries.length;
        break;
      case "value_count": {
        const keys = [...new Set(entries.map((e) => e.key))].sort();
        extra.count = keys.length;
        extra.values = keys.slice(0, MAX_VALUES_IN_DETAILS);
        break;
      }
      case "value_sum": {
        let sum = 0;
        for (const e of entries) sum += e.num;
        extra.value = sum;
        break;
      }
      case "temporal":
        extra.count = new Set(entries.map((e) => e.input.ref)).size;
        break;
      default:
        extra.count = ep.measure;
    }
    if (entries.length > 0 && (extra.count ?? extra.value) !== ep.measure) extra.metWith = ep.measure;
    this.emit(i, ep.values, entries, extra, false, ep.fire);
  }
  account(g, e, type) {
    if (type === "value_count") g.counts.set(e.key, (g.counts.get(e.key) ?? 0) + 1);
    else if (type === "value_sum") g.sum += e.num;
    else if (type === "temporal" && g.perRule[e.input.ref]++ === 0) g.distinct++;
  }
  unaccount(g, e, type) {
    if (type === "value_count") {
      const n = g.counts.get(e.key) - 1;
      if (n === 0) g.counts.delete(e.key);
      else g.counts.set(e.key, n);
    } else if (type === "value_sum") g.sum -= e.num;
    else if (type === "temporal" && --g.perRule[e.input.ref] === 0) g.distinct--;
  }
  /** Evaluates a finished window `[start, start + timespan]` of one group. */
  closeWindow(i, g) {
    const node = this.c.nodes[i];
    const cond = node.def.condition;
    const entries = g.entries;
    const partial = g.end > this.observedUntil;
    switch (node.def.type) {
      case "event_count":
        if (conditionHolds(cond, entries.length))
          this.emit(i, g.values, entries, { count: entries.length }, partial);
        return;
      case "value_count": {
        const keys = new Set(entries.map((e) => e.key));
        if (conditionHolds(cond, keys.size)) {
          const values = [...keys].sort().slice(0, MAX_VALUES_IN_DETAILS);
          this.emit(i, g.values, entries, { count: keys.size, values }, partial);
        }
        return;
      }
      case "value_sum":
      case "value_avg": {
        let sum = 0;
        for (const e of entries) sum += e.num;
        const value = node.def.type === "value_sum" ? sum : sum / entries.length;
        if (conditionHolds(cond, value))
          this.emit(i, g.values, entries, { value, events: entries.length }, partial);
        return;
      }
      case "value_percentile": {
        if (cond.percentile !== void 0) {
          const sorted = entries.map((e) => e.num).sort((a, b) => a - b);
          const rank = Math.max(1, Math.ceil(cond.percentile / 100 * sorted.length));
          const value = sorted[rank - 1];
          if (conditionHolds(cond, value)) {
            this.emit(
              i,
              g.values,
              entries,
              { value, percentile: cond.percentile, events: entries.length },
              partial
            );
          }
          return;
        }
        const byValue = /* @__PURE__ */ new Map();
        for (const e of entries) push(byValue, e.key, e);
        for (const value of [...byValue.keys()].sort()) {
          const list2 = byValue.get(value);
          const share = 100 * list2.length / entries.length;
          if (conditionHolds(cond, share)) {
            this.emit(
              i,
              g.values,
              list2,
              { value: share, fieldValue: value, count: list2.length, events: entries.length },
              partial
            );
          }
        }
        return;
      }
      case "temporal": {
        const refs = new Set(entries.map((e) => e.input.ref));
        if (conditionHolds(cond, refs.size)) this.emit(i, g.values, entries, { count: refs.size }, partial);
        return;
      }
      case "temporal_ordered": {
        let k = 0;
        for (const e of entries) if (k < node.targets.length && e.input.ref === k) k++;
        if (conditionHolds(cond, k)) this.emit(i, g.values, entries, { count: k }, partial);
        return;
      }
    }
  }
  emit(i, groupValues, entries, extra, partial, at) {
    if (entries.length === 0) return;
    const node = this.c.nodes[i];
    const st = this.states[i];
    const def = node.def;
    const first = entries[0].input;
    let last = entries[0].input;
    for (const e of entries) if (e.input.time >= last.time) last = e.input;
    let severity = def.level;
    const attack = new Set(node.attack);
    const entities = [];
    const entityKeys = /* @__PURE__ */ new Set();
    const evidence = [];
    const evidenceKeys = /* @__PURE__ */ new Set();
    let evidenceTotal = 0;
    const tail = [];
    const rulesSeen = /* @__PURE__ */ new Set();
    for (const e of entries) {
      const f = e.input.finding;
      rulesSeen.add(f.rule.id);
      if (!def.level && (!severity || severityRank(f.severity) > severityRank(severity)))
        severity = f.severity;
      if (node.attack.length === 0) for (const a of f.attack) attack.add(a);
      for (const en of f.entities) {
        const k = `${en.type}\0${en.value}`;
        if (entities.length < MAX_ENTITIES && !entityKeys.has(k)) {
          entityKeys.add(k);
          entities.push(en);
        }
      }
      for (const ev of f.evidence) {
        const k = `${ev.kind}\0${ev.uri}\0${ev.record ?? ""}`;
        if (evidenceKeys.has(k)) continue;
        evidenceKeys.add(k);
        evidenceTotal++;
        if (evidence.length < MAX_EVIDENCE / 2) evidence.push(ev);
        else {
          tail.push(ev);
          if (tail.length > MAX_EVIDENCE / 2) tail.shift();
        }
      }
    }
    evidence.push(...tail);
    let host;
    for (let k = entries.length - 1; k >= 0 && host === void 0; k--) host = entries[k].input.finding.host;
    const time = at ?? last.time;
    const details = {
      type: def.type,
      groupBy: groupValues,
      ...extra,
      condition: describeCondition(def.condition),
      timespan: def.timespan,
      window: { first: new Date(first.time).toISOString(), last: new Date(last.time).toISOString() },
      findings: entries.length,
      rules: [...rulesSeen].sort()
    };
    if (def.condition.field)
      details.field = def.condition.field.length === 1 ? def.condition.field[0] : def.condition.field;
    if (evidenceTotal > evidence.length) details.evidenceOmitted = evidenceTotal - evidence.length;
    if (partial) details.partial = true;
    if (def.name) details.sigmaName = def.name;
    const id = `sigma-correlation:${hash53(
      `${node.id}\0${JSON.stringify(groupValues)}\0${time}\0${first.finding.id}\0${last.finding.id}\0${entries.length}\0${st.emitted++}`
    )}`;
    const finding = {
      id,
      time,
      severity: severity ?? "medium",
      detector: "sigma-correlation",
      rule: { id: node.id, title: node.title },
      attack: [...attack].sort(),
      entities,
      evidence,
      details
    };
    if (host !== void 0) finding.host = host;
    this.stats.fired++;
    if (!node.suppressed) this.out.push(finding);
    if (node.consumers.length > 0) {
      const fields = { ...last.fields, ...groupValues };
      for (const c of node.consumers) {
        this.states[c.node].queue.push({ time, seq: this.seq++, ref: c.ref, finding, fields });
      }
    }
  }
};
function lookup(fields, name) {
  const direct = fields[name];
  if (direct !== void 0 || !name.includes(".")) return direct;
  let cur = fields;
  for (const part of name.split(".")) {
    if (typeof cur !== "object" || cur === null) return void 0;
    cur = cur[part];
  }
  return cur;
}
function scalar(v) {
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "string") return v === "" ? void 0 : v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v) && v.length === 0) return void 0;
  return JSON.stringify(v);
}
function numeric(v) {
  if (typeof v === "number") return Number.isFinite(v) ? v : void 0;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : void 0;
  }
  return void 0;
}
function hash53(s) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}
var Fifo = class {
  a = [];
  head = 0;
  peek() {
    return this.head < this.a.length ? this.a[this.head] : void 0;
  }
  push(x) {
    this.a.push(x);
  }
  shift() {
    this.head++;
    if (this.head === this.a.length) {
      this.a = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.a.length) {
      this.a = this.a.slice(this.head);
      this.head = 0;
    }
  }
};
var MinHeap = class {
  a = [];
  get size() {
    return this.a.length;
  }
  peek() {
    return this.a[0];
  }
  push(x) {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (!less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.a;
    const top = a[0];
    const end = a.pop();
    if (a.length > 0) {
      a[0] = end;
      let i = 0;
      for (; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
};
function less(x, y) {
  return x.time < y.time || x.time === y.time && x.seq < y.seq;
}

// packages/core/src/detect/sigma/detector.ts
import { createHash } from "node:crypto";

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
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
function logsourceKey(ls) {
  return `${ls.product ?? ""}/${ls.category ?? ""}/${ls.service ?? ""}`;
}
function describeLogsource(ls) {
  const parts = ["product", "category", "service"].filter((k) => ls[k]).map((k) => `${k}=${ls[k]}`);
  return parts.length ? parts.join(" ") : "(empty logsource)";
}
var LogsourceMap = class {
  entries;
  file;
  byKey = /* @__PURE__ */ new Map();
  constructor(entries, file) {
    this.entries = entries;
    this.file = file;
    for (const e of entries) this.byKey.set(logsourceKey(e), e);
  }
  /** The entry for exactly this product/category/service, or undefined (unmapped). */
  lookup(ls) {
    return this.byKey.get(logsourceKey(ls));
  }
};
function list(v) {
  return v === void 0 || v === null ? [] : Array.isArray(v) ? v : [v];
}
function parseLogsourceMap(text, file) {
  let doc;
  try {
    doc = parse(text);
  } catch (e) {
    throw new HaechiError("config", `log source map is not valid YAML: ${e.message}`, {
      file,
      cause: e
    });
  }
  const bad = (where, msg) => {
    throw new HaechiError("config", `log source map ${where}: ${msg}`, { file });
  };
  if (!doc || typeof doc !== "object" || !Array.isArray(doc.logsources)) {
    bad("", "expected a 'logsources' list");
  }
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  doc.logsources.forEach((raw, i) => {
    const where = `entry ${i + 1}`;
    if (!raw || typeof raw !== "object") bad(where, "not a map");
    const r = raw;
    for (const k of Object.keys(r)) {
      if (!["product", "category", "service", "sources"].includes(k)) bad(where, `unknown key '${k}'`);
    }
    const entry = { sources: [] };
    for (const k of ["product", "category", "service"]) {
      if (r[k] !== void 0) entry[k] = String(r[k]).toLowerCase();
    }
    const key = logsourceKey(entry);
    if (key === "//") bad(where, "names no product, category or service");
    if (seen.has(key)) bad(where, `duplicate logsource ${describeLogsource(entry)}`);
    seen.add(key);
    const sources = list(r.sources);
    if (sources.length === 0) bad(where, `${describeLogsource(entry)} has no sources`);
    sources.forEach((s, j) => {
      const w = `${where} (${describeLogsource(entry)}) source ${j + 1}`;
      if (!s || typeof s !== "object") bad(w, "not a map");
      const src = s;
      const out = {};
      for (const k of Object.keys(src)) {
        if (!["Channel", "EventID", "kind", "where", "fields"].includes(k)) bad(w, `unknown key '${k}'`);
      }
      if (src.Channel !== void 0) out.channels = list(src.Channel).map((c) => String(c).toLowerCase());
      if (src.EventID !== void 0) {
        out.eventIds = list(src.EventID).map((e) => {
          const n = Number(e);
          if (!Number.isInteger(n)) bad(w, `EventID '${String(e)}' is not an integer`);
          return n;
        });
      }
      if (src.kind !== void 0) out.kinds = list(src.kind).map(String);
      if (src.where !== void 0) {
        if (typeof src.where !== "object" || Array.isArray(src.where)) bad(w, "'where' must be a map");
        out.where = {};
        for (const [f, v] of Object.entries(src.where))
          out.where[f] = list(v).map((x) => String(x).toLowerCase());
      }
      if (src.fields !== void 0) {
        if (typeof src.fields !== "object" || Array.isArray(src.fields)) bad(w, "'fields' must be a map");
        out.fields = {};
        for (const [f, v] of Object.entries(src.fields)) out.fields[f] = String(v);
      }
      if (!out.channels && !out.kinds) bad(w, "needs 'Channel' or 'kind' (the index keys)");
      entry.sources.push(out);
    });
    entries.push(entry);
  });
  return new LogsourceMap(entries, file);
}
function defaultMapPath() {
  const candidates = [
    new URL("./logsources.yaml", import.meta.url),
    new URL("../../../src/detect/sigma/logsources.yaml", import.meta.url)
  ].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new HaechiError("config", `built-in log source map not found (looked at ${candidates.join(", ")})`);
  return found;
}
var builtin;
function loadLogsourceMap(file) {
  if (file) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new HaechiError("config", `cannot read log source map: ${e.message}`, {
        file,
        cause: e
      });
    }
    return parseLogsourceMap(text, file);
  }
  if (!builtin) {
    const path = defaultMapPath();
    builtin = parseLogsourceMap(readFileSync(path, "utf8"), path);
  }
  return builtin;
}

// packages/core/src/detect/sigma/match-context.ts
function toText(v) {
  if (v === void 0 || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v)) {
    const out = [];
    for (const x of v) {
      const t2 = toText(x);
      if (t2 === null) continue;
      if (typeof t2 === "string") out.push(t2);
      else out.push(...t2);
    }
    return out;
  }
  return JSON.stringify(v);
}
function fold(t2) {
  if (t2 === null) return null;
  if (typeof t2 === "string") return t2.toLowerCase();
  return t2.map((s) => s.toLowerCase());
}
var MatchContext = class {
  fields = {};
  /** rule field name -> event field name, for the log source variant being evaluated */
  aliases;
  raw = /* @__PURE__ */ new Map();
  lower = /* @__PURE__ */ new Map();
  allValues;
  /** Points the context at a new event and forgets the previous event's cached values. */
  reset(fields) {
    this.fields = fields;
    this.aliases = void 0;
    this.raw.clear();
    this.lower.clear();
    this.allValues = void 0;
    return this;
  }
  /** The event field a rule's field name reads, after aliases. */
  resolve(name) {
    return this.aliases?.[name] ?? name;
  }
  /** The raw value (no conversion); dotted names also reach into nested objects. */
  value(name) {
    const real = this.resolve(name);
    const f = this.fields;
    const v = f[real];
    if (v !== void 0 || !real.includes(".")) return v;
    let cur = f;
    for (const part of real.split(".")) {
      if (cur === null || typeof cur !== "object") return void 0;
      cur = cur[part];
    }
    return cur;
  }
  has(name) {
    const real = this.resolve(name);
    if (real in this.fields) return true;
    return real.includes(".") && this.value(name) !== void 0;
  }
  text(name) {
    const real = this.resolve(name);
    let t2 = this.raw.get(real);
    if (t2 === void 0) {
      t2 = toText(this.value(name));
      this.raw.set(real, t2);
    }
    return t2;
  }
  folded(name) {
    const real = this.resolve(name);
    let t2 = this.lower.get(real);
    if (t2 === void 0) {
      t2 = fold(this.text(name));
      this.lower.set(real, t2);
    }
    return t2;
  }
  /** Every field value as text, for keyword (field-less) searches. */
  values() {
    if (this.allValues) return this.allValues;
    const out = [];
    for (const k in this.fields) {
      const t2 = toText(this.fields[k]);
      if (t2 === null) continue;
      if (typeof t2 === "string") out.push(t2);
      else out.push(...t2);
    }
    this.allValues = out;
    return out;
  }
};

// packages/core/src/detect/sigma/detector.ts
var EMPTY_PLAN = { groups: [] };
function eventIdOf(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v !== "") {
    const n = Number(v);
    return Number.isInteger(n) ? n : void 0;
  }
  return void 0;
}
function whereHolds(source, ctx) {
  const where = source.where;
  if (!where) return true;
  for (const f in where) {
    const v = ctx.fields[f];
    if (v === void 0 || v === null) return false;
    if (!where[f].includes(String(v).toLowerCase())) return false;
  }
  return true;
}
var USER_FIELDS = ["User", "SubjectUserName", "TargetUserName"];
var IP_FIELDS = [
  "IpAddress",
  "SourceIp",
  "DestinationIp",
  "SourceAddress",
  "DestAddress",
  "id.orig_h",
  "id.resp_h",
  "src_ip",
  "dest_ip"
];
var IGNORED_VALUES = /* @__PURE__ */ new Set(["", "-", "n/a", "::", "0.0.0.0", "127.0.0.1", "::1"]);
function entitiesOf(ctx) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (type, v) => {
    if (typeof v !== "string" && typeof v !== "number") return;
    const s = String(v).trim();
    if (IGNORED_VALUES.has(s.toLowerCase())) return;
    const k = `${type}\0${s}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ type, value: s });
  };
  add("host", ctx.value("Computer") ?? ctx.value("Hostname"));
  for (const f of USER_FIELDS) add("user", ctx.value(f));
  for (const f of IP_FIELDS) {
    const v = ctx.value(f);
    if (typeof v === "string" && parseIp(v)) add("ip", v);
  }
  add("process", ctx.value("Image"));
  add("file", ctx.value("TargetFilename"));
  return out;
}
function findingId(ruleId, event) {
  const s = event.source;
  const h = createHash("sha1");
  h.update(
    `${ruleId}\0${s.kind}\0${s.uri}\0${s.record ?? ""}\0${s.record === void 0 ? event.time : ""}`
  );
  return h.digest("hex").slice(0, 24);
}
var SigmaDetector = class {
  name = "sigma";
  rules;
  /** rules whose log source is not in the map: they never run */
  unmapped;
  prefilterMin;
  usePrefilter;
  byKind = /* @__PURE__ */ new Map();
  /** lower-case channel or '*' -> event id or -1 (any) -> slots */
  byChannel = /* @__PURE__ */ new Map();
  plans = /* @__PURE__ */ new Map();
  channelLower = /* @__PURE__ */ new Map();
  ctx = new MatchContext();
  /** events seen and rule evaluations run, for the benchmark */
  stats = { events: 0, evaluations: 0, matches: 0 };
  constructor(rules, opts = {}) {
    const map = opts.logsources ?? loadLogsourceMap();
    this.prefilterMin = opts.prefilterMin ?? 8;
    this.usePrefilter = opts.prefilter ?? true;
    this.rules = rules;
    const unmapped = [];
    rules.forEach((rule, order) => {
      const entry = map.lookup(rule.logsource);
      if (!entry) {
        unmapped.push(rule);
        return;
      }
      for (const source of entry.sources) {
        const slot = { rule, order, source };
        for (const kind of source.kinds ?? []) push2(this.byKind, kind, slot);
        let eids = source.eventIds ?? rule.eventIds ?? [-1];
        if (source.eventIds && rule.eventIds)
          eids = source.eventIds.filter((e) => rule.eventIds.includes(e));
        for (const ch of source.channels ?? []) {
          let m = this.byChannel.get(ch);
          if (!m) this.byChannel.set(ch, m = /* @__PURE__ */ new Map());
          for (const eid of eids) push2(m, eid, slot);
        }
      }
    });
    this.unmapped = unmapped;
  }
  /** The rules an event of this kind/channel/event id is checked against, in rule order. */
  rulesFor(event) {
    return this.planFor(event).groups.flatMap((g) => g.slots.map((s) => s.rule));
  }
  planFor(event) {
    const f = event.fields;
    const rawChannel = f.Channel;
    let channel = "";
    if (typeof rawChannel === "string") {
      let lc = this.channelLower.get(rawChannel);
      if (lc === void 0) {
        lc = rawChannel.toLowerCase();
        if (this.channelLower.size < 1e4) this.channelLower.set(rawChannel, lc);
      }
      channel = lc;
    }
    const eid = channel ? eventIdOf(f.EventID) : void 0;
    const key = `${event.source.kind}\0${channel}\0${eid ?? ""}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = this.buildPlan(event.source.kind, channel, eid);
      if (this.plans.size < 1e5) this.plans.set(key, plan);
    }
    return plan;
  }
  buildPlan(kind, channel, eid) {
    const slots = [];
    const add = (list2) => {
      if (list2) slots.push(...list2);
    };
    add(this.byKind.get(kind));
    if (channel) {
      for (const ch of [channel, "*"]) {
        const m = this.byChannel.get(ch);
        if (!m) continue;
        add(m.get(-1));
        if (eid !== void 0) add(m.get(eid));
      }
    }
    if (slots.length === 0) return EMPTY_PLAN;
    const unique = /* @__PURE__ */ new Map();
    for (const s of slots.sort((a, b) => a.order - b.order)) if (!unique.has(s.rule)) unique.set(s.rule, s);
    const byAliases = /* @__PURE__ */ new Map();
    for (const s of unique.values()) push2(byAliases, s.source.fields, s);
    const groups = [...byAliases].map(([aliases, list2]) => this.buildGroup(aliases, list2));
    return { groups };
  }
  buildGroup(aliases, slots) {
    const pf = new Int32Array(slots.length).fill(-1);
    const scans = [];
    if (this.usePrefilter && slots.length >= this.prefilterMin) {
      const perField = /* @__PURE__ */ new Map();
      slots.forEach((slot, i) => {
        const atoms = slot.rule.prefilter;
        if (!atoms) return;
        pf[i] = i;
        for (const atom of atoms) {
          const field = atom.field === "*" ? "*" : aliases?.[atom.field] ?? atom.field;
          let lits = perField.get(field);
          if (!lits) perField.set(field, lits = /* @__PURE__ */ new Map());
          for (const lit of atom.literals) {
            const list2 = lits.get(lit);
            if (list2) {
              if (list2[list2.length - 1] !== i) list2.push(i);
            } else lits.set(lit, [i]);
          }
        }
      });
      for (const [field, lits] of perField) {
        const patterns = [...lits.keys()];
        scans.push({
          field,
          ac: new AhoCorasick(patterns, true),
          slotsOf: patterns.map((p) => Int32Array.from(lits.get(p)))
        });
      }
    }
    return { aliases, slots, pf, scans, stamp: new Uint32Array(slots.length) };
  }
  /** Runs the rules over a batch, appending one finding per (rule, event) match. */
  detect(events2, out) {
    const ctx = this.ctx;
    for (const event of events2) {
      this.stats.events++;
      const plan = this.planFor(event);
      if (plan.groups.length === 0) continue;
      ctx.reset(event.fields);
      const epoch = this.stats.events >>> 0 || 1;
      for (const g of plan.groups) {
        ctx.aliases = g.aliases;
        const stamp = g.stamp;
        for (const scan of g.scans) {
          if (scan.field === "*") {
            const values = ctx.values();
            const gate2 = scan.gate;
            for (let v = 0; v < values.length; v++) {
              const s = values[v];
              if (gate2 === void 0 || gate2.test(s)) scan.ac.mark(s, scan.slotsOf, stamp, epoch);
            }
            continue;
          }
          ctx.aliases = void 0;
          const t2 = ctx.text(scan.field);
          ctx.aliases = g.aliases;
          if (t2 === null) continue;
          const gate = scan.gate;
          if (typeof t2 === "string") {
            if (gate === void 0 || gate.test(t2)) scan.ac.mark(t2, scan.slotsOf, stamp, epoch);
          } else {
            for (const s of t2) if (gate === void 0 || gate.test(s)) scan.ac.mark(s, scan.slotsOf, stamp, epoch);
          }
        }
        const slots = g.slots;
        const pf = g.pf;
        for (let i = 0; i < slots.length; i++) {
          if (pf[i] >= 0 && stamp[i] !== epoch) continue;
          const slot = slots[i];
          if (slot.source.where && !whereHolds(slot.source, ctx)) continue;
          this.stats.evaluations++;
          if (slot.rule.match(ctx)) {
            this.stats.matches++;
            out.push(this.finding(slot.rule, event, ctx));
          }
        }
      }
    }
  }
  finding(rule, event, ctx) {
    const entities = entitiesOf(ctx);
    const host = entities.find((e) => e.type === "host")?.value;
    const f = {
      id: findingId(rule.id, event),
      time: event.time,
      severity: rule.level,
      detector: "sigma",
      rule: { id: rule.id, title: rule.title },
      attack: rule.attack,
      entities,
      evidence: [event.source],
      event: event.fields
    };
    if (host !== void 0) f.host = host;
    if (rule.name !== void 0) f.details = { sigmaName: rule.name };
    return f;
  }
};
function push2(m, k, v) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

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
  return tokens.some((t2) => t2.t !== "lit");
}
function tokensText(tokens) {
  return tokens.map((t2) => t2.t === "lit" ? t2.v : "").join("");
}
function renderTokens(tokens) {
  return tokens.map((t2) => {
    switch (t2.t) {
      case "lit":
        return t2.v.replace(/[\\*?]/g, (m) => `\\${m}`);
      case "star":
        return "*";
      case "one":
        return "?";
      case "class":
        return `[${t2.chars}]`;
      default:
        return `%${t2.name}%`;
    }
  }).join("");
}
var MAX_CLASS_EXPANSION = 64;
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function compilePattern(input, fold2) {
  let tokens = normalizeTokens(input);
  if (fold2) tokens = tokens.map((t2) => t2.t === "lit" ? { t: "lit", v: t2.v.toLowerCase() } : t2);
  const classes = tokens.filter((t2) => t2.t === "class");
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
  for (const t2 of tokens) {
    if (t2.t === "lit") {
      src += escapeRegExp(t2.v);
      if (t2.v.length > longest.length) longest = t2.v;
    } else if (t2.t === "star") src += ".*";
    else if (t2.t === "one") src += ".";
    else if (t2.t === "class") src += `[${t2.chars.replace(/[\\\]^-]/g, "\\$&")}]`;
    else throw new Error(`unexpanded placeholder %${t2.name}%`);
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
          const t2 = valueTokens(a);
          const head = mod !== "startswith" && t2[0]?.t !== "star" ? [STAR] : [];
          const tail = mod !== "endswith" && t2[t2.length - 1]?.t !== "star" ? [STAR] : [];
          return { tokens: [...head, ...t2, ...tail] };
        });
        break;
      case "windash":
        alts = alts.map((a) => ({
          tokens: valueTokens(a).flatMap((t2) => {
            if (t2.t !== "lit") return [t2];
            const out = [];
            let lit = "";
            for (const ch of t2.v) {
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
function testText(t2, f) {
  if (t2 === null) return false;
  if (typeof t2 === "string") return f(t2);
  for (let i = 0; i < t2.length; i++) if (f(t2[i])) return true;
  return false;
}
function isNullish(t2) {
  return t2 === null || t2 === "" || Array.isArray(t2) && t2.length === 0;
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
  const t2 = s.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(t2)) {
    const n = Number(t2);
    return new Date(n > 1e11 ? n : n * 1e3);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t2);
  if (!m) {
    const d2 = new Date(t2);
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
  const t2 = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t2.setUTCDate(t2.getUTCDate() + 4 - (t2.getUTCDay() || 7));
  const yearStart = Date.UTC(t2.getUTCFullYear(), 0, 1);
  return Math.ceil(((t2.getTime() - yearStart) / 864e5 + 1) / 7);
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
  if (all) return (ctx) => tests.every((t2) => t2(ctx));
  return (ctx) => tests.some((t2) => t2(ctx));
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
    const want2 = v === true || v === "true" ? true : v === false || v === "false" ? false : reject2(`modifier 'exists' takes true or false in field '${key}'`);
    return { test: (ctx) => ctx.has(field) === want2 };
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
    const cmp2 = cmpMod === "lt" ? (a, b) => a < b : cmpMod === "lte" ? (a, b) => a <= b : cmpMod === "gt" ? (a, b) => a > b : cmpMod === "gte" ? (a, b) => a >= b : (a, b) => a === b;
    const tests2 = nums.map(
      (n) => (ctx) => testText(ctx.text(field), (s) => {
        const x = read2(s);
        return !Number.isNaN(x) && cmp2(x, n);
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
      const t2 = numberTest(v);
      patterns.push({ test: t2, kind: "number" });
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
import { readdirSync, readFileSync as readFileSync2, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";

// packages/core/src/detect/sigma/rule.ts
import { createHash as createHash2 } from "node:crypto";
function reject3(msg) {
  throw new HaechiError("rule", msg);
}
function strings(v) {
  if (v === void 0 || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}
function attackFromTags2(tags) {
  const out = /* @__PURE__ */ new Set();
  for (const t2 of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t2.trim());
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
      for (const t2 of tests) if (!t2(ctx)) return false;
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
        for (const t2 of tests) if (t2(ctx)) return true;
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
      for (const t2 of parseSigmaString(v, true)) {
        if (t2.t === "ph" && !placeholders?.[t2.name]?.length) missing.add(t2.name);
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
  return `sha1:${createHash2("sha1").update(`${file}
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
  const det2 = detection;
  const compiled = compileDetection(det2, det2.condition, opts);
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
    attack: attackFromTags2(tags),
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
function str(v) {
  return v === void 0 || v === null ? void 0 : String(v);
}
function compileFilter(doc, opts) {
  const title = doc.title;
  if (typeof title !== "string" || !title.trim()) throw new HaechiError("rule", "filter has no 'title'");
  if (!doc.logsource || typeof doc.logsource !== "object")
    throw new HaechiError("rule", "filter has no 'logsource'");
  const f = doc.filter;
  if (!f || typeof f !== "object" || Array.isArray(f))
    throw new HaechiError("rule", "'filter' must be a map");
  const { rules, condition, ...ids } = f;
  const refs = (Array.isArray(rules) ? rules : rules === void 0 || rules === null ? [] : [rules]).map(
    String
  );
  if (refs.length === 0) throw new HaechiError("rule", "filter has no 'rules' to apply to");
  const compiled = compileDetection(ids, condition, opts);
  return { match: compiled.match, refs };
}
function loadRules(paths, opts = {}) {
  const logsources = typeof opts.logsources === "string" || opts.logsources === void 0 ? loadLogsourceMap(opts.logsources) : opts.logsources;
  const files = listRuleFiles(paths);
  const rules = [];
  const rejected = [];
  const warnings = [];
  const pendingFilters = [];
  const correlations = [];
  const byId = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  let documents = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync2(file, "utf8");
    } catch (e) {
      rejected.push({ file, reason: `cannot read file: ${e.message}` });
      continue;
    }
    const lc = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true });
    const list2 = Array.from(docs);
    for (const d of list2) {
      const start = d.contents?.range?.[0] ?? d.range?.[0];
      const line = start !== void 0 ? lc.linePos(start).line : void 0;
      if (d.errors.length > 0) {
        documents++;
        const err = d.errors[0];
        rejected.push({
          file,
          line: err.linePos?.[0]?.line ?? line,
          reason: `invalid YAML: ${err.message.split("\n")[0]}`
        });
        continue;
      }
      const doc = d.toJS({ maxAliasCount: 1e3 });
      if (doc === null || doc === void 0) continue;
      documents++;
      const where = { file, line: list2.length > 1 ? line : void 0 };
      if (typeof doc !== "object" || Array.isArray(doc)) {
        rejected.push({ ...where, reason: "document is not a map" });
        continue;
      }
      const r = doc;
      const id = str(r.id);
      const title = str(r.title);
      const fail = (reason) => rejected.push({ ...where, id, title, reason });
      try {
        if ("correlation" in r) {
          correlations.push(parseCorrelationDocument(r, file));
        } else if ("filter" in r && !("detection" in r)) {
          const f = compileFilter(r, { placeholders: opts.placeholders, file });
          pendingFilters.push({ doc: r, file, line: where.line, match: f.match, refs: f.refs });
        } else if ("detection" in r) {
          if (r.action !== void 0) {
            fail(`'action: ${String(r.action)}' rule collections are Sigma 1.x syntax, not supported`);
            continue;
          }
          const rule = compileRule(r, { placeholders: opts.placeholders, file });
          const dup = byId.get(rule.id);
          if (dup) {
            fail(`duplicate rule id ${rule.id} (already loaded from ${dup.file})`);
            continue;
          }
          if (rule.name !== void 0) {
            const dn = byName.get(rule.name);
            if (dn) {
              fail(`duplicate rule name '${rule.name}' (already used by ${dn.id} in ${dn.file})`);
              continue;
            }
            byName.set(rule.name, rule);
          }
          byId.set(rule.id, rule);
          rules.push(rule);
          if (!logsources.lookup(rule.logsource)) {
            warnings.push({
              kind: "logsource",
              ...where,
              id: rule.id,
              title: rule.title,
              message: `log source ${describeLogsource(rule.logsource)} is not in the log source map; the rule matches no event`
            });
          }
          if (rule.taxonomy !== "sigma") {
            warnings.push({
              kind: "taxonomy",
              ...where,
              id: rule.id,
              title: rule.title,
              message: `taxonomy '${rule.taxonomy}': field names are read as Sigma's`
            });
          }
          if (rule.status === "unsupported") {
            warnings.push({
              kind: "status",
              ...where,
              id: rule.id,
              title: rule.title,
              message: "status unsupported: its authors say the rule cannot be used as is"
            });
          }
        } else if (r.action !== void 0) {
          fail(`'action: ${String(r.action)}' rule collections are Sigma 1.x syntax, not supported`);
        } else {
          fail("not a Sigma rule, filter or correlation (no 'detection', 'filter' or 'correlation')");
        }
      } catch (e) {
        if (e instanceof HaechiError) fail(e.message);
        else fail(`internal error: ${e.message}`);
      }
    }
  }
  const filters = [];
  for (const pf of pendingFilters) {
    const title = String(pf.doc.title);
    const fid = str(pf.doc.id);
    const ls = {};
    const rawLs = pf.doc.logsource;
    for (const k of ["product", "category", "service"])
      if (rawLs[k] != null) ls[k] = String(rawLs[k]).toLowerCase();
    const applied = [];
    for (const ref of pf.refs) {
      const rule = byId.get(ref) ?? byName.get(ref);
      if (!rule) {
        warnings.push({
          kind: "filter",
          file: pf.file,
          line: pf.line,
          id: fid,
          title,
          message: `filter refers to rule '${ref}', which is not loaded`
        });
        continue;
      }
      if (logsourceKey(rule.logsource) !== logsourceKey(ls)) {
        warnings.push({
          kind: "filter",
          file: pf.file,
          line: pf.line,
          id: fid,
          title,
          message: `filter log source ${describeLogsource(ls)} differs from rule ${rule.id}'s (${describeLogsource(rule.logsource)}); applied anyway`
        });
      }
      const inner = rule.match;
      const filter = pf.match;
      rule.match = (ctx) => inner(ctx) && !filter(ctx);
      rule.filters.push(fid ?? title);
      applied.push(rule.id);
    }
    filters.push({ id: fid, title, file: pf.file, logsource: ls, appliedTo: applied });
  }
  let correlator;
  if (correlations.length > 0) {
    const built = buildCorrelator(
      correlations,
      rules.map((r) => ({ id: r.id, name: r.name, title: r.title, file: r.file }))
    );
    correlator = built.correlator;
    rejected.push(...built.rejected);
  }
  return { rules, filters, correlator, rejected, warnings, logsources, files: files.length, documents };
}

// perf4-tmp.ts
var want = process.argv[2];
var events = readFileSync3("/tmp/sd-events.jsonl", "utf8").split("\n").map((l) => JSON.parse(l)).filter((e) => `${e.fields.Channel}|${e.fields.EventID}` === want);
var res = loadRules(["/work/shared/data/sigma/rules"], { logsources: "/work/main/packages/core/src/detect/sigma/logsources.yaml" });
for (let k = 0; k < 4; k++) new SigmaDetector(res.rules, { logsources: res.logsources }).detect(events, []);
var cost = /* @__PURE__ */ new Map();
var cpu = () => process.cpuUsage().user;
for (const r of res.rules) {
  const m = r.match;
  r.match = (ctx) => {
    const t2 = cpu();
    const x = m(ctx);
    const c = cost.get(r.title) ?? [0, 0];
    c[0] += cpu() - t2;
    c[1]++;
    cost.set(r.title, c);
    return x;
  };
}
var det = new SigmaDetector(res.rules, { logsources: res.logsources });
var t = cpu();
det.detect(events, []);
console.log("total", ((cpu() - t) / 1e3).toFixed(0), "ms", events.length, "avg size", (events.reduce((a, e) => a + JSON.stringify(e.fields).length, 0) / events.length).toFixed(0));
console.log([...cost].sort((a, b) => b[1][0] - a[1][0]).slice(0, 8).map(([k, [t2, n]]) => `${(t2 / 1e3).toFixed(0)}ms ${n} ${k}`).join("\n"));
