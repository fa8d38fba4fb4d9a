/**
 * Evaluation of Sigma correlation rules over a time-ordered stream of findings (Sigma Correlation
 * Rules Specification v2.1.0, "Correlation Types", "Field Name Aliases", "Generate").
 *
 * Window semantics (documented choice; the spec asks for windows "not restricted to boundaries"):
 *
 * - Lower-bound conditions (only `gt`/`gte`) on the growing aggregates (event_count, value_count,
 *   value_sum, temporal, temporal_ordered) use a SLIDING window ending at each event: the window is
 *   `[t - timespan, t]`, both ends inclusive. The correlation fires on the event that makes the
 *   condition true (that event's time is the finding's time). The group then stays in an EPISODE
 *   until one timespan after that event: its further events join the same finding (its count,
 *   values and evidence) instead of firing again, so a burst of 1,000 failed logons with
 *   `gte: 10` within the timespan is one finding saying 1,000, as a SIEM's per-group aggregation
 *   would report it. The finding is emitted when the episode ends (stream time passes it, or
 *   `flush`), so in streaming use it arrives up to one timespan after its time.
 * - Every other condition (`lt`, `lte`, `eq`, `neq`, ranges with an upper bound) and the
 *   non-monotonic aggregates (value_avg, value_percentile) can only be judged once a window is over.
 *   Those use windows anchored at the first event of a group, `[t0, t0 + timespan]`, evaluated when
 *   the stream's time passes the window's end (or at `flush`); the next event of the group opens
 *   the next window. A count of zero is unobservable in a stream: a group exists only once one of its
 *   events is seen, so `lt`/`lte` fire for groups that had at least one event and stayed below the
 *   bound for a whole timespan. At `flush`, windows that reach past the last observed time are still
 *   evaluated (the end of the data is the end of what can be known) and their findings carry
 *   `details.partial: true`.
 *
 * A base finding whose event lacks a group-by field (after aliases) does not take part in the
 * correlation, as in the group-by aggregations of the SIEM back-ends the spec targets. Group values
 * are compared exactly (case-sensitive). Value fields: value_count ignores events without the
 * field; value_sum/value_avg take numbers and numeric strings and ignore the rest.
 *
 * value_percentile: the spec's example (`field: Image`, `lte: 1`, "a processes name ... than 1% of
 * all the processes") measures how often a value occurs, so the spec form compares each value's
 * share (percent) of the group's events in the window with the condition, one finding per value.
 * With pySigma's `percentile: N` key the value at the N-th percentile (nearest rank) of a numeric
 * field is compared instead.
 *
 * Chaining: a correlation's findings are fed to the correlations that reference it at their own
 * time; each correlation consumes its inputs up to a watermark that waits for what its upstream
 * correlations may still emit, so chained correlations see their inputs in time order even though
 * episodes and windows are emitted late. Ties within one millisecond keep arrival order.
 */
import { HaechiError } from '../../errors.js';
import { severityRank } from '../../model/index.js';
import { conditionHolds, describeCondition, isLowerBoundOnly, } from './correlation-parse.js';
/** Caps that keep one correlation finding readable. */
const MAX_EVIDENCE = 100;
const MAX_ENTITIES = 100;
const MAX_VALUES_IN_DETAILS = 20;
// ---------------------------------------------------------------------------------------------
// Building
export function buildCorrelator(defs, rules) {
    const rejected = [];
    const reasons = new Map();
    const reject = (i, reason) => {
        if (!reasons.has(i))
            reasons.set(i, reason);
    };
    const ids = defs.map((d) => d.id ?? `corr-${hash53(`${d.file}\u0000${d.name ?? ''}\u0000${d.title}`)}`);
    const ruleIds = new Set(rules.map((r) => r.id));
    // Duplicate ids make references ambiguous: keep the first, reject the others.
    const firstById = new Map();
    defs.forEach((_, i) => {
        if (ruleIds.has(ids[i])) {
            reject(i, `correlation id '${ids[i]}' is also the id of a detection rule`);
            return;
        }
        const prev = firstById.get(ids[i]);
        if (prev !== undefined)
            reject(i, `correlation id '${ids[i]}' is already used in ${defs[prev].file}`);
        else
            firstById.set(ids[i], i);
    });
    const rulesById = new Map();
    const rulesByName = new Map();
    for (const r of rules) {
        push(rulesById, r.id, r);
        if (r.name)
            push(rulesByName, r.name, r);
    }
    const corrByName = new Map();
    defs.forEach((d, i) => {
        if (d.name && !reasons.has(i))
            push(corrByName, d.name, i);
    });
    // Spec "Related rules": a reference is the `id` or the `name` of a Sigma rule or correlation.
    const resolve = (ref, fromFile) => {
        const byId = [];
        if (rulesById.has(ref))
            byId.push({ kind: 'rule', id: ref });
        const ci = firstById.get(ref);
        if (ci !== undefined && !reasons.has(ci))
            byId.push({ kind: 'corr', index: ci });
        if (byId.length === 1)
            return byId[0];
        if (byId.length > 1)
            return `correlation.rules: '${ref}' is the id of both a rule and a correlation`;
        const named = [];
        const seenIds = new Set();
        for (const r of rulesByName.get(ref) ?? []) {
            if (seenIds.has(r.id))
                continue;
            seenIds.add(r.id);
            named.push({ target: { kind: 'rule', id: r.id }, file: r.file });
        }
        for (const i of corrByName.get(ref) ?? [])
            named.push({ target: { kind: 'corr', index: i }, file: defs[i].file });
        if (named.length === 1)
            return named[0].target;
        if (named.length > 1) {
            // "name is a per correlation unique human-readable name": the same multi-document file wins.
            const local = named.filter((n) => n.file === fromFile);
            if (local.length === 1)
                return local[0].target;
            return `correlation.rules: name '${ref}' is ambiguous (${named.length} rules or correlations have it)`;
        }
        return `correlation.rules: '${ref}' is not the id or name of a loaded rule or correlation`;
    };
    const targets = defs.map((d, i) => {
        if (reasons.has(i))
            return undefined;
        const out = [];
        const keys = new Set();
        for (const ref of d.rules) {
            const t = resolve(ref, d.file);
            if (typeof t === 'string') {
                reject(i, t);
                return undefined;
            }
            const key = t.kind === 'rule' ? `r:${t.id}` : `c:${t.index}`;
            if (keys.has(key)) {
                reject(i, `correlation.rules: '${ref}' names a rule that is already listed`);
                return undefined;
            }
            keys.add(key);
            out.push(t);
        }
        return out;
    });
    // Aliases must name rules of this correlation (by id or name).
    const aliasTargets = defs.map((d, i) => {
        const ts = targets[i];
        if (!ts)
            return undefined;
        const byAlias = new Map();
        for (const [alias, mapping] of Object.entries(d.aliases)) {
            const m = new Map();
            for (const [ref, field] of Object.entries(mapping)) {
                const t = resolve(ref, d.file);
                const pos = typeof t === 'string' ? -1 : ts.findIndex((x) => sameTarget(x, t));
                if (pos < 0) {
                    reject(i, `correlation.aliases.${alias} names '${ref}' which is not one of correlation.rules`);
                    return undefined;
                }
                m.set(String(pos), field);
            }
            byAlias.set(alias, m);
        }
        return byAlias;
    });
    // Chaining: reject cycles, then correlations that reference a rejected one (transitively).
    const state = new Uint8Array(defs.length); // 0 new, 1 on stack, 2 done
    const order = [];
    const label = (i) => defs[i].name ?? ids[i];
    const visit = (i, stack) => {
        state[i] = 1;
        stack.push(i);
        for (const t of targets[i] ?? []) {
            if (t.kind !== 'corr')
                continue;
            if (state[t.index] === 1) {
                const cycle = stack.slice(stack.indexOf(t.index)).concat(t.index);
                const text = cycle.map(label).join(' -> ');
                for (const c of cycle)
                    reject(c, `correlation chain forms a cycle: ${text}`);
            }
            else if (state[t.index] === 0)
                visit(t.index, stack);
        }
        stack.pop();
        state[i] = 2;
        order.push(i);
    };
    defs.forEach((_, i) => {
        if (state[i] === 0 && targets[i])
            visit(i, []);
    });
    // `order` is post-order: referenced correlations come first. Cascade rejections along it.
    for (const i of order) {
        if (reasons.has(i))
            continue;
        for (const t of targets[i] ?? []) {
            if (t.kind === 'corr' && reasons.has(t.index)) {
                reject(i, `correlation.rules: '${label(t.index)}' was not loaded: ${reasons.get(t.index)}`);
                break;
            }
        }
    }
    defs.forEach((d, i) => {
        const reason = reasons.get(i);
        if (reason !== undefined)
            rejected.push({ file: d.file, id: d.id, title: d.title, reason });
    });
    const accepted = order.filter((i) => !reasons.has(i));
    const position = new Map(accepted.map((defIndex, pos) => [defIndex, pos]));
    const nodes = accepted.map((defIndex) => {
        const def = defs[defIndex];
        const ts = targets[defIndex];
        const aliases = aliasTargets[defIndex];
        const fieldFor = (name, ref) => aliases.get(name)?.get(String(ref)) ?? name;
        const mapped = ts.map((t) => t.kind === 'corr' ? { kind: 'corr', index: position.get(t.index) } : t);
        const sliding = isLowerBoundOnly(def.condition) && def.type !== 'value_avg' && def.type !== 'value_percentile';
        return {
            def,
            id: ids[defIndex],
            title: def.title,
            targets: mapped,
            upstream: mapped.flatMap((t) => (t.kind === 'corr' ? [t.index] : [])),
            groupFields: ts.map((_, ref) => def.groupBy.map((g) => fieldFor(g, ref))),
            valueFields: def.condition.field
                ? ts.map((_, ref) => def.condition.field.map((f) => fieldFor(f, ref)))
                : undefined,
            mode: sliding ? 'sliding' : 'window',
            attack: attackFromTags(def.tags),
            suppressed: false,
            consumers: [],
        };
    });
    // "Generate": referenced rules are not reported on their own unless a correlation that uses
    // them says `generate: true` (one such correlation is enough to keep them).
    const ruleGenerate = new Map();
    const corrGenerate = new Map();
    nodes.forEach((n, ni) => {
        n.targets.forEach((t, ref) => {
            if (t.kind === 'rule')
                ruleGenerate.set(t.id, (ruleGenerate.get(t.id) ?? false) || n.def.generate);
            else {
                corrGenerate.set(t.index, (corrGenerate.get(t.index) ?? false) || n.def.generate);
                nodes[t.index].consumers.push({ node: ni, ref });
            }
        });
    });
    for (const [index, generate] of corrGenerate)
        nodes[index].suppressed = !generate;
    const inputRuleIds = new Set(ruleGenerate.keys());
    const suppressedRuleIds = new Set([...ruleGenerate].filter(([, g]) => !g).map(([id]) => id));
    return { correlator: new Correlator(nodes, inputRuleIds, suppressedRuleIds), rejected };
}
function sameTarget(a, b) {
    return a.kind === 'rule' ? b.kind === 'rule' && a.id === b.id : b.kind === 'corr' && a.index === b.index;
}
function push(m, k, v) {
    const list = m.get(k);
    if (list)
        list.push(v);
    else
        m.set(k, [v]);
}
/** `attack.t1110.001` -> `T1110.001` (Sigma tags appendix, namespace `attack`). */
function attackFromTags(tags) {
    const out = new Set();
    for (const t of tags) {
        const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t.trim());
        if (m)
            out.add(m[1].toUpperCase());
    }
    return [...out].sort();
}
export class Correlator {
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
        const byRule = new Map();
        nodes.forEach((n, node) => {
            n.targets.forEach((t, ref) => {
                if (t.kind === 'rule')
                    push(byRule, t.id, { node, ref });
            });
        });
        this.byRule = byRule;
        this.correlations = nodes.map((n) => ({
            id: n.id,
            title: n.title,
            type: n.def.type,
            file: n.def.file,
            suppressed: n.suppressed,
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
        for (let k = 1; k < findings.length && sorted; k++)
            sorted = findings[k - 1].time <= findings[k].time;
        // The caller sorts; an unsorted batch is sorted here (stably) rather than misread.
        const input = sorted ? findings : [...findings].sort((a, b) => a.time - b.time);
        for (const f of input)
            for (const c of session.push(f))
                out.push(c);
        for (const c of session.flush())
            out.push(c);
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
        this.defaultSession = undefined;
        return s ? s.flush(observedUntil) : [];
    }
}
export function compareFindings(a, b) {
    return a.time - b.time || cmp(a.rule.id, b.rule.id) || cmp(a.id, b.id);
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
export class CorrelationSession {
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
            sliding: new Map(),
            episodes: new Map(),
            episodeOrder: new Fifo(),
            windows: new Map(),
            windowOrder: new Fifo(),
            swept: Number.NEGATIVE_INFINITY,
            safe: Number.NEGATIVE_INFINITY,
            emitted: 0,
        }));
    }
    /**
     * Takes one base finding (in time order) and returns the correlation findings it completed.
     * Findings of windowed correlations (see the module comment) come out once stream time has
     * passed their window, so the stream of returned findings is not strictly time-ordered.
     */
    push(finding) {
        if (this.done)
            throw new HaechiError('internal', 'correlation session already flushed');
        if (finding.time > this.now)
            this.now = finding.time;
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
        if (time > this.now)
            this.now = time;
        this.pump(this.now, false);
        return this.take();
    }
    /**
     * Ends the stream: evaluates every open window. Windows reaching past `observedUntil` (default:
     * the latest time pushed) were not fully observed; their findings say `details.partial: true`.
     */
    flush(observedUntil) {
        if (this.done)
            return [];
        this.observedUntil = observedUntil ?? this.now;
        this.pump(Number.POSITIVE_INFINITY, true);
        this.done = true;
        return this.take();
    }
    observedUntil = Number.POSITIVE_INFINITY;
    take() {
        let open = 0;
        for (const s of this.states)
            open += s.sliding.size + s.windows.size + s.episodes.size;
        this.stats.openGroups = open;
        if (this.out.length === 0)
            return [];
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
            for (const u of node.upstream)
                w = Math.min(w, this.states[u].safe);
            while (st.queue.size > 0 && st.queue.peek().time <= w)
                this.consume(i, st.queue.pop());
            if (node.mode === 'window') {
                for (let g = this.openHead(st.windowOrder, st.windows); g; g = this.openHead(st.windowOrder, st.windows)) {
                    if (!final && g.end >= w)
                        break;
                    st.windowOrder.shift();
                    st.windows.delete(g.key);
                    this.closeWindow(i, g);
                }
                const first = this.openHead(st.windowOrder, st.windows);
                st.safe = first ? Math.min(w, first.start) : w;
            }
            else {
                for (let ep = this.openHead(st.episodeOrder, st.episodes); ep; ep = this.openHead(st.episodeOrder, st.episodes)) {
                    if (!final && ep.until >= w)
                        break;
                    st.episodeOrder.shift();
                    st.episodes.delete(ep.key);
                    this.closeEpisode(i, ep);
                }
                // Drop groups idle for longer than the timespan; sweeping once per timespan keeps it O(1)
                // per input on average.
                const span = node.def.timespanMs;
                if (final)
                    st.sliding.clear();
                else if (w - st.swept >= span && st.sliding.size > 0) {
                    st.swept = w;
                    for (const g of st.sliding.values())
                        if (g.last < w - span)
                            st.sliding.delete(g.key);
                }
                const first = this.openHead(st.episodeOrder, st.episodes);
                st.safe = first ? Math.min(w, first.fire) : w;
            }
        }
    }
    /** The oldest open window or episode: entries closed out of order are dropped from the front. */
    openHead(order, open) {
        for (;;) {
            const head = order.peek();
            if (head === undefined || open.get(head.key) === head)
                return head;
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
            if (v === undefined) {
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
            if (type === 'value_count' ||
                (type === 'value_percentile' && node.def.condition.percentile === undefined)) {
                const tuple = [];
                for (const f of fields) {
                    const v = scalar(lookup(input.fields, f));
                    if (v === undefined) {
                        this.stats.missingField++;
                        return;
                    }
                    tuple.push(v);
                }
                entry.key = tuple.length === 1 ? tuple[0] : JSON.stringify(tuple);
            }
            else {
                const n = numeric(lookup(input.fields, fields[0]));
                if (n === undefined) {
                    this.stats.missingField++;
                    return;
                }
                entry.num = n;
            }
        }
        const key = parts.length === 1 ? parts[0] : JSON.stringify(parts);
        if (node.mode === 'sliding')
            this.slide(i, key, values, entry);
        else {
            let g = st.windows.get(key);
            if (g && input.time > g.end) {
                st.windows.delete(key);
                this.closeWindow(i, g);
                g = undefined;
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
        const t = entry.input.time;
        const from = t - node.def.timespanMs;
        const ep = st.episodes.get(key);
        if (ep) {
            if (t <= ep.until) {
                ep.entries.push(entry);
                return;
            }
            st.episodes.delete(key);
            this.closeEpisode(i, ep);
        }
        let g = st.sliding.get(key);
        if (!g) {
            g = { values, key, entries: [], head: 0, last: t, sum: 0, distinct: 0 };
            if (type === 'value_count')
                g.counts = new Map();
            if (type === 'temporal')
                g.perRule = new Array(node.targets.length).fill(0);
            if (type === 'temporal_ordered')
                g.chains = new Array(node.targets.length).fill(undefined);
            st.sliding.set(key, g);
        }
        g.last = t;
        let measure;
        let contributing;
        if (type === 'temporal_ordered') {
            // Longest in-order chain rules[0..k] that starts within the window; keep the latest start.
            const chains = g.chains;
            const k = entry.input.ref;
            if (k === 0)
                chains[0] = { start: t, entries: [entry] };
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
        }
        else {
            // Evict what fell out of [t - timespan, t], then add the new entry.
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
            measure =
                type === 'event_count'
                    ? g.entries.length - g.head
                    : type === 'value_count'
                        ? g.counts.size
                        : type === 'value_sum'
                            ? g.sum
                            : g.distinct;
            contributing = g.entries;
        }
        if (!conditionHolds(node.def.condition, measure))
            return;
        const used = type === 'temporal_ordered' ? contributing.slice() : contributing.slice(g.head);
        st.sliding.delete(key);
        const episode = {
            values: g.values,
            key,
            fire: t,
            until: t + node.def.timespanMs,
            measure,
            entries: used,
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
            case 'event_count':
                extra.count = entries.length;
                break;
            case 'value_count': {
                const keys = [...new Set(entries.map((e) => e.key))].sort();
                extra.count = keys.length;
                extra.values = keys.slice(0, MAX_VALUES_IN_DETAILS);
                break;
            }
            case 'value_sum': {
                let sum = 0;
                for (const e of entries)
                    sum += e.num;
                extra.value = sum;
                break;
            }
            case 'temporal':
                extra.count = new Set(entries.map((e) => e.input.ref)).size;
                break;
            default:
                extra.count = ep.measure;
        }
        if (entries.length > 0 && (extra.count ?? extra.value) !== ep.measure)
            extra.metWith = ep.measure;
        this.emit(i, ep.values, entries, extra, false, ep.fire);
    }
    account(g, e, type) {
        if (type === 'value_count')
            g.counts.set(e.key, (g.counts.get(e.key) ?? 0) + 1);
        else if (type === 'value_sum')
            g.sum += e.num;
        else if (type === 'temporal' && g.perRule[e.input.ref]++ === 0)
            g.distinct++;
    }
    unaccount(g, e, type) {
        if (type === 'value_count') {
            const n = g.counts.get(e.key) - 1;
            if (n === 0)
                g.counts.delete(e.key);
            else
                g.counts.set(e.key, n);
        }
        else if (type === 'value_sum')
            g.sum -= e.num;
        else if (type === 'temporal' && --g.perRule[e.input.ref] === 0)
            g.distinct--;
    }
    /** Evaluates a finished window `[start, start + timespan]` of one group. */
    closeWindow(i, g) {
        const node = this.c.nodes[i];
        const cond = node.def.condition;
        const entries = g.entries;
        const partial = g.end > this.observedUntil;
        switch (node.def.type) {
            case 'event_count':
                if (conditionHolds(cond, entries.length))
                    this.emit(i, g.values, entries, { count: entries.length }, partial);
                return;
            case 'value_count': {
                const keys = new Set(entries.map((e) => e.key));
                if (conditionHolds(cond, keys.size)) {
                    const values = [...keys].sort().slice(0, MAX_VALUES_IN_DETAILS);
                    this.emit(i, g.values, entries, { count: keys.size, values }, partial);
                }
                return;
            }
            case 'value_sum':
            case 'value_avg': {
                let sum = 0;
                for (const e of entries)
                    sum += e.num;
                const value = node.def.type === 'value_sum' ? sum : sum / entries.length;
                if (conditionHolds(cond, value))
                    this.emit(i, g.values, entries, { value, events: entries.length }, partial);
                return;
            }
            case 'value_percentile': {
                if (cond.percentile !== undefined) {
                    // pySigma's form: the value at that percentile (nearest rank) of a numeric field.
                    const sorted = entries.map((e) => e.num).sort((a, b) => a - b);
                    const rank = Math.max(1, Math.ceil((cond.percentile / 100) * sorted.length));
                    const value = sorted[rank - 1];
                    if (conditionHolds(cond, value)) {
                        this.emit(i, g.values, entries, { value, percentile: cond.percentile, events: entries.length }, partial);
                    }
                    return;
                }
                // The spec's form ("Check when a certain percentage of observed values occur", example
                // `field: Image, lte: 1`): the share, in percent, of the group's events carrying each
                // value; a value whose share meets the condition gives a finding (rare values for lt/lte).
                const byValue = new Map();
                for (const e of entries)
                    push(byValue, e.key, e);
                for (const value of [...byValue.keys()].sort()) {
                    const list = byValue.get(value);
                    const share = (100 * list.length) / entries.length;
                    if (conditionHolds(cond, share)) {
                        this.emit(i, g.values, list, { value: share, fieldValue: value, count: list.length, events: entries.length }, partial);
                    }
                }
                return;
            }
            case 'temporal': {
                const refs = new Set(entries.map((e) => e.input.ref));
                if (conditionHolds(cond, refs.size))
                    this.emit(i, g.values, entries, { count: refs.size }, partial);
                return;
            }
            case 'temporal_ordered': {
                // Longest prefix of `rules` seen in order (greedy earliest matching is optimal here).
                let k = 0;
                for (const e of entries)
                    if (k < node.targets.length && e.input.ref === k)
                        k++;
                if (conditionHolds(cond, k))
                    this.emit(i, g.values, entries, { count: k }, partial);
                return;
            }
        }
    }
    emit(i, groupValues, entries, extra, partial, at) {
        if (entries.length === 0)
            return;
        const node = this.c.nodes[i];
        const st = this.states[i];
        const def = node.def;
        const first = entries[0].input;
        let last = entries[0].input;
        for (const e of entries)
            if (e.input.time >= last.time)
                last = e.input;
        let severity = def.level;
        const attack = new Set(node.attack);
        const entities = [];
        const entityKeys = new Set();
        const evidence = [];
        const evidenceKeys = new Set();
        let evidenceTotal = 0;
        const tail = [];
        const rulesSeen = new Set();
        for (const e of entries) {
            const f = e.input.finding;
            rulesSeen.add(f.rule.id);
            if (!def.level && (!severity || severityRank(f.severity) > severityRank(severity)))
                severity = f.severity;
            if (node.attack.length === 0)
                for (const a of f.attack)
                    attack.add(a);
            for (const en of f.entities) {
                const k = `${en.type}\u0000${en.value}`;
                if (entities.length < MAX_ENTITIES && !entityKeys.has(k)) {
                    entityKeys.add(k);
                    entities.push(en);
                }
            }
            for (const ev of f.evidence) {
                const k = `${ev.kind}\u0000${ev.uri}\u0000${ev.record ?? ''}`;
                if (evidenceKeys.has(k))
                    continue;
                evidenceKeys.add(k);
                evidenceTotal++;
                // Keep the first and the last events: how it started and what completed it.
                if (evidence.length < MAX_EVIDENCE / 2)
                    evidence.push(ev);
                else {
                    tail.push(ev);
                    if (tail.length > MAX_EVIDENCE / 2)
                        tail.shift();
                }
            }
        }
        evidence.push(...tail);
        let host;
        for (let k = entries.length - 1; k >= 0 && host === undefined; k--)
            host = entries[k].input.finding.host;
        const time = at ?? last.time;
        const details = {
            type: def.type,
            groupBy: groupValues,
            ...extra,
            condition: describeCondition(def.condition),
            timespan: def.timespan,
            window: { first: new Date(first.time).toISOString(), last: new Date(last.time).toISOString() },
            findings: entries.length,
            rules: [...rulesSeen].sort(),
        };
        if (def.condition.field)
            details.field = def.condition.field.length === 1 ? def.condition.field[0] : def.condition.field;
        if (evidenceTotal > evidence.length)
            details.evidenceOmitted = evidenceTotal - evidence.length;
        if (partial)
            details.partial = true;
        if (def.name)
            details.sigmaName = def.name;
        const id = `sigma-correlation:${hash53(`${node.id}\u0000${JSON.stringify(groupValues)}\u0000${time}\u0000${first.finding.id}\u0000${last.finding.id}\u0000${entries.length}\u0000${st.emitted++}`)}`;
        const finding = {
            id,
            time,
            severity: severity ?? 'medium',
            detector: 'sigma-correlation',
            rule: { id: node.id, title: node.title },
            attack: [...attack].sort(),
            entities,
            evidence,
            details,
        };
        if (host !== undefined)
            finding.host = host;
        this.stats.fired++;
        if (!node.suppressed)
            this.out.push(finding);
        // Chaining: downstream correlations read group-by and value fields from the latest event,
        // overlaid with this correlation's group values.
        if (node.consumers.length > 0) {
            const fields = { ...last.fields, ...groupValues };
            for (const c of node.consumers) {
                this.states[c.node].queue.push({ time, seq: this.seq++, ref: c.ref, finding, fields });
            }
        }
    }
}
// ---------------------------------------------------------------------------------------------
// Helpers
/** Field value by its Sigma name; names with dots also reach into nested objects (ECS-style). */
function lookup(fields, name) {
    const direct = fields[name];
    if (direct !== undefined || !name.includes('.'))
        return direct;
    let cur = fields;
    for (const part of name.split('.')) {
        if (typeof cur !== 'object' || cur === null)
            return undefined;
        cur = cur[part];
    }
    return cur;
}
/** A group or value key: absent, null and empty values are "no value". */
function scalar(v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === 'string')
        return v === '' ? undefined : v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
        return String(v);
    if (Array.isArray(v) && v.length === 0)
        return undefined;
    return JSON.stringify(v);
}
/** Numbers and numeric strings (event logs often carry numbers as text). */
function numeric(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'bigint')
        return Number(v);
    if (typeof v === 'string' && v.trim() !== '') {
        const n = Number(v.trim());
        return Number.isFinite(n) ? n : undefined;
    }
    return undefined;
}
/** cyrb53: a fast 53-bit string hash, for stable ids. */
function hash53(s) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < s.length; i++) {
        const ch = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
/** First-in first-out queue over an array, compacted as its head advances. */
class Fifo {
    a = [];
    head = 0;
    peek() {
        return this.head < this.a.length ? this.a[this.head] : undefined;
    }
    push(x) {
        this.a.push(x);
    }
    shift() {
        this.head++;
        if (this.head === this.a.length) {
            this.a = [];
            this.head = 0;
        }
        else if (this.head > 1024 && this.head * 2 > this.a.length) {
            this.a = this.a.slice(this.head);
            this.head = 0;
        }
    }
}
/** Binary min-heap of inputs by (time, seq). */
class MinHeap {
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
            const p = (i - 1) >> 1;
            if (!less(a[i], a[p]))
                break;
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
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                if (l < a.length && less(a[l], a[m]))
                    m = l;
                if (r < a.length && less(a[r], a[m]))
                    m = r;
                if (m === i)
                    break;
                [a[i], a[m]] = [a[m], a[i]];
                i = m;
            }
        }
        return top;
    }
}
function less(x, y) {
    return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}
//# sourceMappingURL=correlation-engine.js.map