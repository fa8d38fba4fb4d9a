/**
 * The view of one event that compiled rules read. Field values are converted to strings and
 * case-folded at most once per event (whatever the number of rules that look at them), and
 * per-logsource field aliases (Security 4688 `NewProcessName` read as `Image`) are applied here.
 */
function toText(v) {
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
        return String(v);
    if (Array.isArray(v)) {
        const out = [];
        for (const x of v) {
            const t = toText(x);
            if (t === null)
                continue;
            if (typeof t === 'string')
                out.push(t);
            else
                out.push(...t);
        }
        return out;
    }
    return JSON.stringify(v);
}
function fold(t) {
    if (t === null)
        return null;
    if (typeof t === 'string')
        return t.toLowerCase();
    return t.map((s) => s.toLowerCase());
}
export class MatchContext {
    fields = {};
    /** rule field name -> event field name, for the log source variant being evaluated */
    aliases;
    raw = new Map();
    lower = new Map();
    allValues;
    /** Points the context at a new event and forgets the previous event's cached values. */
    reset(fields) {
        this.fields = fields;
        this.aliases = undefined;
        this.raw.clear();
        this.lower.clear();
        this.allValues = undefined;
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
        if (v !== undefined || !real.includes('.'))
            return v;
        let cur = f;
        for (const part of real.split('.')) {
            if (cur === null || typeof cur !== 'object')
                return undefined;
            cur = cur[part];
        }
        return cur;
    }
    has(name) {
        const real = this.resolve(name);
        if (real in this.fields)
            return true;
        return real.includes('.') && this.value(name) !== undefined;
    }
    text(name) {
        const real = this.resolve(name);
        let t = this.raw.get(real);
        if (t === undefined) {
            t = toText(this.value(name));
            this.raw.set(real, t);
        }
        return t;
    }
    folded(name) {
        const real = this.resolve(name);
        let t = this.lower.get(real);
        if (t === undefined) {
            t = fold(this.text(name));
            this.lower.set(real, t);
        }
        return t;
    }
    /** Every field value as text, for keyword (field-less) searches. */
    values() {
        if (this.allValues)
            return this.allValues;
        const out = [];
        for (const k in this.fields) {
            const t = toText(this.fields[k]);
            if (t === null)
                continue;
            if (typeof t === 'string')
                out.push(t);
            else
                out.push(...t);
        }
        this.allValues = out;
        return out;
    }
}
//# sourceMappingURL=match-context.js.map