/**
 * SigmaDetector: runs compiled rules over events.
 *
 * Speed comes from three things:
 * 1. Log source index: each rule is filed under the Channel/EventID or source.kind keys of its
 *    log source (logsources.yaml); an event looks up its key once (plans are cached per key), so it
 *    only meets the rules of its own log source.
 * 2. Literal prefilter: most rules need some field to contain one of a few literals (an `Image`
 *    suffix, a `CommandLine` fragment). Per plan, one Aho-Corasick automaton per field finds in a
 *    single pass which of those literals the event holds; rules none of whose literals occur are
 *    skipped without running their matcher.
 * 3. Matchers are closures over pre-lowercased literals; an event's field values are converted and
 *    lowercased once, whatever the number of rules reading them (MatchContext).
 */
import { createHash } from 'node:crypto';
import { AhoCorasick, literalGate } from './aho-corasick.js';
import { parseIp } from './ip.js';
import { loadLogsourceMap } from './logsource-map.js';
import { MatchContext } from './match-context.js';
const EMPTY_PLAN = { groups: [] };
function eventIdOf(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && v !== '') {
        const n = Number(v);
        return Number.isInteger(n) ? n : undefined;
    }
    return undefined;
}
function whereHolds(source, ctx) {
    const where = source.where;
    if (!where)
        return true;
    for (const f in where) {
        const v = ctx.fields[f];
        if (v === undefined || v === null)
            return false;
        if (!where[f].includes(String(v).toLowerCase()))
            return false;
    }
    return true;
}
const USER_FIELDS = ['User', 'SubjectUserName', 'TargetUserName'];
const IP_FIELDS = [
    'IpAddress',
    'SourceIp',
    'DestinationIp',
    'SourceAddress',
    'DestAddress',
    'id.orig_h',
    'id.resp_h',
    'src_ip',
    'dest_ip',
];
const IGNORED_VALUES = new Set(['', '-', 'n/a', '::', '0.0.0.0', '127.0.0.1', '::1']);
/** Entities of a matched event (DESIGN.md "Entity"), read through the source's aliases. */
export function entitiesOf(ctx) {
    const out = [];
    const seen = new Set();
    const add = (type, v) => {
        if (typeof v !== 'string' && typeof v !== 'number')
            return;
        const s = String(v).trim();
        if (IGNORED_VALUES.has(s.toLowerCase()))
            return;
        const k = `${type}\u0000${s}`;
        if (seen.has(k))
            return;
        seen.add(k);
        out.push({ type, value: s });
    };
    add('host', ctx.value('Computer') ?? ctx.value('Hostname'));
    for (const f of USER_FIELDS)
        add('user', ctx.value(f));
    for (const f of IP_FIELDS) {
        const v = ctx.value(f);
        if (typeof v === 'string' && parseIp(v))
            add('ip', v);
    }
    add('process', ctx.value('Image'));
    add('file', ctx.value('TargetFilename'));
    return out;
}
function findingId(ruleId, event) {
    const s = event.source;
    const h = createHash('sha1');
    h.update(`${ruleId}\u0000${s.kind}\u0000${s.uri}\u0000${s.record ?? ''}\u0000${s.record === undefined ? event.time : ''}`);
    return h.digest('hex').slice(0, 24);
}
export class SigmaDetector {
    name = 'sigma';
    rules;
    /** rules whose log source is not in the map: they never run */
    unmapped;
    prefilterMin;
    usePrefilter;
    byKind = new Map();
    /** lower-case channel or '*' -> event id or -1 (any) -> slots */
    byChannel = new Map();
    plans = new Map();
    /** groups by their slot list: events of another kind with the same rules share automata */
    groups = new Map();
    slotCount = 0;
    channelLower = new Map();
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
                const slot = { id: this.slotCount++, rule, order, source };
                for (const kind of source.kinds ?? [])
                    push(this.byKind, kind, slot);
                // file the rule under the EventIDs both its source and its detection allow
                let eids = source.eventIds ?? rule.eventIds ?? [-1];
                if (source.eventIds && rule.eventIds)
                    eids = source.eventIds.filter((e) => rule.eventIds.includes(e));
                for (const ch of source.channels ?? []) {
                    let m = this.byChannel.get(ch);
                    if (!m)
                        this.byChannel.set(ch, (m = new Map()));
                    for (const eid of eids)
                        push(m, eid, slot);
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
        let channel = '';
        if (typeof rawChannel === 'string') {
            let lc = this.channelLower.get(rawChannel);
            if (lc === undefined) {
                lc = rawChannel.toLowerCase();
                if (this.channelLower.size < 10000)
                    this.channelLower.set(rawChannel, lc);
            }
            channel = lc;
        }
        const eid = channel ? eventIdOf(f.EventID) : undefined;
        const key = `${event.source.kind}\u0000${channel}\u0000${eid ?? ''}`;
        let plan = this.plans.get(key);
        if (!plan) {
            plan = this.buildPlan(event.source.kind, channel, eid);
            if (this.plans.size < 100000)
                this.plans.set(key, plan);
        }
        return plan;
    }
    buildPlan(kind, channel, eid) {
        const slots = [];
        const add = (list) => {
            if (list)
                slots.push(...list);
        };
        add(this.byKind.get(kind));
        if (channel) {
            for (const ch of [channel, '*']) {
                const m = this.byChannel.get(ch);
                if (!m)
                    continue;
                add(m.get(-1));
                if (eid !== undefined)
                    add(m.get(eid));
            }
        }
        if (slots.length === 0)
            return EMPTY_PLAN;
        // A rule reached through several sources of one entry is evaluated once per event.
        const unique = new Map();
        for (const s of slots.sort((a, b) => a.order - b.order))
            if (!unique.has(s.rule))
                unique.set(s.rule, s);
        const byAliases = new Map();
        for (const s of unique.values())
            push(byAliases, s.source.fields, s);
        const groups = [...byAliases].map(([aliases, list]) => {
            const sig = list.map((s) => s.id).join(',');
            let g = this.groups.get(sig);
            if (!g) {
                g = this.buildGroup(aliases, list);
                this.groups.set(sig, g);
            }
            return g;
        });
        return { groups };
    }
    buildGroup(aliases, slots) {
        const pf = new Int32Array(slots.length).fill(-1);
        const scans = [];
        if (this.usePrefilter && slots.length >= this.prefilterMin) {
            // field (after aliases) -> literal -> slot indices
            const perField = new Map();
            slots.forEach((slot, i) => {
                const atoms = slot.rule.prefilter;
                if (!atoms)
                    return;
                pf[i] = i;
                for (const atom of atoms) {
                    const field = atom.field === '*' ? '*' : (aliases?.[atom.field] ?? atom.field);
                    let lits = perField.get(field);
                    if (!lits)
                        perField.set(field, (lits = new Map()));
                    for (const lit of atom.literals) {
                        const list = lits.get(lit);
                        if (list) {
                            if (list[list.length - 1] !== i)
                                list.push(i);
                        }
                        else
                            lits.set(lit, [i]);
                    }
                }
            });
            for (const [field, lits] of perField) {
                const patterns = [...lits.keys()];
                scans.push({
                    field,
                    ac: new AhoCorasick(patterns, true),
                    slotsOf: patterns.map((p) => Int32Array.from(lits.get(p))),
                    // a native regex gate first: V8 compiles it to machine code that rejects ordinary text
                    // several times faster than the automaton steps through it
                    gate: literalGate(patterns),
                    // a value shorter than every literal cannot contain one
                    minLen: patterns.reduce((m, p) => Math.min(m, p.length), Number.POSITIVE_INFINITY),
                });
            }
        }
        return { aliases, slots, pf, scans, stamp: new Uint32Array(slots.length) };
    }
    /** Runs the rules over a batch, appending one finding per (rule, event) match. */
    detect(events, out) {
        const ctx = this.ctx;
        for (const event of events) {
            this.stats.events++;
            const plan = this.planFor(event);
            if (plan.groups.length === 0)
                continue;
            ctx.reset(event.fields);
            const epoch = this.stats.events >>> 0 || 1;
            for (const g of plan.groups) {
                ctx.aliases = g.aliases;
                const stamp = g.stamp;
                for (const scan of g.scans) {
                    // the automata fold case as they read, so they run on the raw text; their field names
                    // already have the aliases applied; '*' is every value of the event (keyword rules)
                    if (scan.field === '*') {
                        const values = ctx.values();
                        const gate = scan.gate;
                        const minLen = scan.minLen;
                        for (let v = 0; v < values.length; v++) {
                            const s = values[v];
                            if (s.length >= minLen && (gate === undefined || gate.test(s)))
                                scan.ac.mark(s, scan.slotsOf, stamp, epoch);
                        }
                        continue;
                    }
                    ctx.aliases = undefined;
                    const t = ctx.text(scan.field);
                    ctx.aliases = g.aliases;
                    if (t === null)
                        continue;
                    const gate = scan.gate;
                    if (typeof t === 'string') {
                        if (t.length >= scan.minLen && (gate === undefined || gate.test(t)))
                            scan.ac.mark(t, scan.slotsOf, stamp, epoch);
                    }
                    else {
                        for (const s of t) {
                            if (s.length >= scan.minLen && (gate === undefined || gate.test(s)))
                                scan.ac.mark(s, scan.slotsOf, stamp, epoch);
                        }
                    }
                }
                const slots = g.slots;
                const pf = g.pf;
                for (let i = 0; i < slots.length; i++) {
                    if (pf[i] >= 0 && stamp[i] !== epoch)
                        continue;
                    const slot = slots[i];
                    if (slot.source.where && !whereHolds(slot.source, ctx))
                        continue;
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
        const host = entities.find((e) => e.type === 'host')?.value;
        const f = {
            id: findingId(rule.id, event),
            time: event.time,
            severity: rule.level,
            detector: 'sigma',
            rule: { id: rule.id, title: rule.title },
            attack: [...rule.attack],
            entities,
            evidence: [event.source],
            event: event.fields,
        };
        if (host !== undefined)
            f.host = host;
        if (rule.name !== undefined)
            f.details = { sigmaName: rule.name };
        return f;
    }
}
function push(m, k, v) {
    const l = m.get(k);
    if (l)
        l.push(v);
    else
        m.set(k, [v]);
}
//# sourceMappingURL=detector.js.map