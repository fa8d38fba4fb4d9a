/**
 * Compilation of a Sigma detection rule document (rules specification v2.1.0) into a matcher
 * closure with its metadata.
 */
import { createHash } from 'node:crypto';
import { HaechiError } from '../../errors.js';
import { isSeverity } from '../../model/index.js';
import { compileCondition, parseCondition } from './condition.js';
import { compileFieldEntry, } from './field-entry.js';
import { parseSigmaString } from './sigma-string.js';
function reject(msg) {
    throw new HaechiError('rule', msg);
}
function strings(v) {
    if (v === undefined || v === null)
        return [];
    return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}
/** `attack.t1059.001` -> `T1059.001`; other tags are ignored. Sorted, unique. */
export function attackFromTags(tags) {
    const out = new Set();
    for (const t of tags) {
        const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t.trim());
        if (m)
            out.add(m[1].toUpperCase());
    }
    return [...out].sort();
}
function score(atoms) {
    // prefer atoms whose shortest literal is long (selective), then fewer alternatives
    const minLen = Math.min(...atoms.flatMap((a) => a.literals.map((l) => l.length)));
    const count = atoms.reduce((n, a) => n + a.literals.length, 0);
    return minLen * 1000 - Math.min(count, 999);
}
/** AND of EventID constraints: the intersection (undefined children do not constrain). */
export function intersectIds(children) {
    let acc;
    for (const c of children) {
        if (!c)
            continue;
        acc = acc ? acc.filter((x) => c.includes(x)) : [...c];
    }
    return acc;
}
/** OR of EventID constraints: the union, only when every branch is constrained. */
export function unionIds(children) {
    if (children.length === 0 || children.some((c) => !c))
        return undefined;
    return [...new Set(children.flatMap((c) => c))];
}
/** AND: any one child's necessary condition is necessary for the whole; pick the best. */
export function bestOf(children) {
    let best;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const c of children) {
        if (!c || c.length === 0)
            continue;
        const s = score(c);
        if (s > bestScore) {
            best = c;
            bestScore = s;
        }
    }
    return best;
}
/** OR: every branch needs its own condition; the union is necessary. */
export function unionOf(children) {
    if (children.length === 0 || children.some((c) => !c || c.length === 0))
        return undefined;
    return children.flatMap((c) => c);
}
function compileMap(name, map, opts) {
    const entries = Object.entries(map);
    if (entries.length === 0)
        reject(`search identifier '${name}' is an empty map`);
    const parts = entries.map(([k, v]) => compileFieldEntry(k, v, opts));
    const tests = parts.map((p) => p.test);
    const prefilter = bestOf(parts.map((p) => p.prefilter));
    const eventIds = intersectIds(parts.map((p) => p.eventIds));
    if (tests.length === 1)
        return { test: tests[0], prefilter, eventIds };
    if (tests.length === 2) {
        const [a, b] = tests;
        return { test: (ctx) => a(ctx) && b(ctx), prefilter, eventIds };
    }
    return {
        test: (ctx) => {
            for (const t of tests)
                if (!t(ctx))
                    return false;
            return true;
        },
        prefilter,
        eventIds,
    };
}
/** A search identifier: a map (AND), a list of maps (OR), or a keyword list ("Lists", "Maps"). */
export function compileSearchIdentifier(name, value, opts) {
    if (value === null || value === undefined)
        reject(`search identifier '${name}' is empty`);
    if (Array.isArray(value)) {
        if (value.length === 0)
            reject(`search identifier '${name}' is an empty list`);
        const maps = value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
        const scalars = value.filter((v) => v === null || typeof v !== 'object');
        if (value.some((v) => Array.isArray(v)))
            reject(`search identifier '${name}' contains a nested list`);
        const parts = maps.map((m) => compileMap(name, m, opts));
        if (scalars.length)
            parts.push(compileFieldEntry('', scalars, opts));
        if (parts.length === 1)
            return parts[0];
        const tests = parts.map((p) => p.test);
        return {
            test: (ctx) => {
                for (const t of tests)
                    if (t(ctx))
                        return true;
                return false;
            },
            prefilter: unionOf(parts.map((p) => p.prefilter)),
            eventIds: unionIds(parts.map((p) => p.eventIds)),
        };
    }
    if (typeof value === 'object')
        return compileMap(name, value, opts);
    return compileFieldEntry('', [value], opts);
}
function conditionEventIds(node, ids) {
    switch (node.op) {
        case 'id':
            return ids.get(node.name);
        case 'not':
            return undefined;
        case 'and':
            return intersectIds(node.args.map((a) => conditionEventIds(a, ids)));
        case 'or':
            return unionIds(node.args.map((a) => conditionEventIds(a, ids)));
        case 'of':
            return node.count === 'all'
                ? intersectIds(node.names.map((n) => ids.get(n)))
                : unionIds(node.names.map((n) => ids.get(n)));
    }
}
function conditionPrefilter(node, pre) {
    switch (node.op) {
        case 'id':
            return pre.get(node.name);
        case 'not':
            return undefined;
        case 'and':
            return bestOf(node.args.map((a) => conditionPrefilter(a, pre)));
        case 'or':
            return unionOf(node.args.map((a) => conditionPrefilter(a, pre)));
        case 'of':
            return node.count === 'all'
                ? bestOf(node.names.map((n) => pre.get(n)))
                : unionOf(node.names.map((n) => pre.get(n)));
    }
}
/** The `%name%` placeholders of `|expand` values that `placeholders` has no value for, sorted. */
export function missingPlaceholders(detection, placeholders) {
    const missing = new Set();
    const visitValue = (v) => {
        if (Array.isArray(v))
            v.forEach(visitValue);
        else if (typeof v === 'string') {
            for (const t of parseSigmaString(v, true)) {
                if (t.t === 'ph' && !placeholders?.[t.name]?.length)
                    missing.add(t.name);
            }
        }
    };
    const visit = (node) => {
        if (Array.isArray(node))
            node.forEach(visit);
        else if (node && typeof node === 'object') {
            for (const [k, v] of Object.entries(node))
                if (k.split('|').includes('expand'))
                    visitValue(v);
                else
                    visit(v);
        }
    };
    for (const [k, v] of Object.entries(detection))
        if (k !== 'condition')
            visit(v);
    return [...missing].sort();
}
/** Compiles a `detection` section (identifiers and condition). Shared by rules and meta filters. */
export function compileDetection(detection, condition, opts) {
    const ids = Object.keys(detection).filter((k) => k !== 'condition');
    if (ids.length === 0)
        reject('detection has no search identifier');
    // rules spec "Placeholders": a tool that cannot fill a placeholder must reject the rule; all
    // the missing names are given at once so that one config change fixes the rule
    const missing = missingPlaceholders(detection, opts.placeholders);
    if (missing.length === 1)
        reject(`placeholder %${missing[0]}% has no value`);
    if (missing.length > 1)
        reject(`placeholders ${missing.map((m) => `%${m}%`).join(', ')} have no value`);
    const tests = new Map();
    const pre = new Map();
    const eids = new Map();
    for (const id of ids) {
        const c = compileSearchIdentifier(id, detection[id], opts);
        tests.set(id, c.test);
        pre.set(id, c.prefilter);
        eids.set(id, c.eventIds);
    }
    if (condition === undefined || condition === null)
        reject('detection has no condition');
    const conds = strings(condition);
    if (conds.length === 0)
        reject('detection has no condition');
    const nodes = conds.map((c) => parseCondition(c, ids));
    const matchers = nodes.map((n) => compileCondition(n, tests));
    const match = matchers.length === 1
        ? matchers[0]
        : (ctx) => {
            for (const m of matchers)
                if (m(ctx))
                    return true;
            return false;
        };
    const prefilter = unionOf(nodes.map((n) => conditionPrefilter(n, pre)));
    const eventIds = unionIds(nodes.map((n) => conditionEventIds(n, eids)));
    return { match, prefilter, eventIds, condition: conds };
}
export function derivedRuleId(file, title) {
    return `sha1:${createHash('sha1').update(`${file}\n${title}`).digest('hex').slice(0, 16)}`;
}
/**
 * Compiles one detection rule document. Throws HaechiError('rule') with a reason that names the
 * construct (`unknown modifier 'foo' in field 'CommandLine|foo'`, `condition: unknown identifier
 * 'sel2'`, `placeholder %Admins% has no value ...`).
 */
export function compileRule(doc, opts = {}) {
    const file = opts.file ?? '';
    const title = doc.title;
    if (typeof title !== 'string' || !title.trim())
        reject("missing 'title'");
    const logsource = doc.logsource;
    if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource))
        reject("missing or invalid 'logsource'");
    const detection = doc.detection;
    if (!detection || typeof detection !== 'object' || Array.isArray(detection))
        reject("missing or invalid 'detection'");
    const det = detection;
    const compiled = compileDetection(det, det.condition, opts);
    const ls = logsource;
    const lsOut = {};
    for (const k of ['product', 'category', 'service']) {
        if (ls[k] !== undefined && ls[k] !== null)
            lsOut[k] = String(ls[k]).toLowerCase();
    }
    const levelRaw = doc.level === undefined || doc.level === null ? 'medium' : String(doc.level).toLowerCase();
    if (!isSeverity(levelRaw))
        reject(`invalid level '${String(doc.level)}'`);
    const tags = strings(doc.tags);
    const id = doc.id !== undefined && doc.id !== null ? String(doc.id) : derivedRuleId(file, title);
    return {
        id,
        name: doc.name !== undefined && doc.name !== null ? String(doc.name) : undefined,
        title,
        level: levelRaw,
        status: doc.status !== undefined ? String(doc.status) : undefined,
        description: typeof doc.description === 'string' ? doc.description : undefined,
        author: typeof doc.author === 'string' ? doc.author : undefined,
        references: strings(doc.references),
        falsepositives: strings(doc.falsepositives),
        tags,
        attack: attackFromTags(tags),
        logsource: lsOut,
        taxonomy: typeof doc.taxonomy === 'string' ? doc.taxonomy : 'sigma',
        file,
        condition: compiled.condition,
        match: compiled.match,
        prefilter: compiled.prefilter,
        eventIds: compiled.eventIds,
        filters: [],
        doc,
    };
}
//# sourceMappingURL=rule.js.map