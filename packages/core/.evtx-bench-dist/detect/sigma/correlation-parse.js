/**
 * Parsing and validation of Sigma correlation rules (Sigma Correlation Rules Specification v2.1.0,
 * `sigma-correlation-rules-specification.md`, and `json-schema/sigma-correlation-rules-schema.json`).
 *
 * One YAML document whose top level has `correlation:` becomes a `CorrelationDefinition`. Every
 * problem is a `HaechiError('rule', reason, { file })` whose reason names the construct, so the rule
 * loader can list it (the loader never skips silently).
 */
import { HaechiError } from '../../errors.js';
import { isSeverity } from '../../model/index.js';
/** "Correlation type" and the v2.1 metric types ("Value Sum", "Value Average", "Value Percentile"). */
export const CORRELATION_TYPES = [
    'event_count',
    'value_count',
    'temporal',
    'temporal_ordered',
    'value_sum',
    'value_avg',
    'value_percentile',
];
/** The condition operators of the spec's "Condition" section (`neq` since v2.1). */
export const CONDITION_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'];
const TYPE_SET = new Set(CORRELATION_TYPES);
const OP_SET = new Set(CONDITION_OPERATORS);
const VALUE_TYPES = new Set([
    'value_count',
    'value_sum',
    'value_avg',
    'value_percentile',
]);
const TEMPORAL_TYPES = new Set(['temporal', 'temporal_ordered']);
/** Attributes of the `correlation:` section (spec "Correlation section"; `generate` as pySigma reads it). */
const SECTION_KEYS = new Set([
    'type',
    'rules',
    'aliases',
    'group-by',
    'timespan',
    'condition',
    'generate',
]);
/** Units of "Time Selection" (s, m, h, d) plus weeks; months and years are not fixed durations. */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const TIMESPAN_RE = /^([0-9]{1,9})([smhdw])$/;
/** `5m` -> 300000; undefined when the text is not a duration in the spec's `number + letter` form. */
export function parseTimespan(text) {
    if (typeof text !== 'string')
        return undefined;
    const m = TIMESPAN_RE.exec(text.trim());
    if (!m)
        return undefined;
    const ms = Number(m[1]) * UNIT_MS[m[2]];
    return ms > 0 ? ms : undefined;
}
export function isCorrelationDocument(doc) {
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'correlation' in doc;
}
function show(v) {
    if (typeof v === 'string')
        return `'${v}'`;
    try {
        return JSON.stringify(v) ?? String(v);
    }
    catch {
        return String(v);
    }
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Validates one YAML document whose top level has `correlation:`. */
export function parseCorrelationDocument(doc, file) {
    const fail = (reason) => {
        throw new HaechiError('rule', reason, { file });
    };
    const title = doc.title;
    if (typeof title !== 'string' || title.trim() === '')
        fail('correlation rule has no title');
    if ('detection' in doc)
        fail('a document cannot have both detection and correlation');
    const id = optionalString(doc, 'id', fail);
    const name = optionalString(doc, 'name', fail);
    const section = doc.correlation;
    if (!isPlainObject(section))
        fail('correlation must be a map');
    const corr = section;
    for (const key of Object.keys(corr)) {
        if (SECTION_KEYS.has(key))
            continue;
        const hint = key === 'group_by' || key === 'groupby' ? " (did you mean 'group-by'?)" : '';
        fail(`correlation.${key} is not a correlation attribute${hint}`);
    }
    // Correlation type
    const rawType = corr.type;
    if (rawType === undefined)
        fail('correlation.type is missing');
    if (typeof rawType !== 'string' || !TYPE_SET.has(rawType)) {
        fail(`correlation.type ${show(rawType)} is not one of ${CORRELATION_TYPES.join(', ')}`);
    }
    const type = rawType;
    // Related rules: "Refers to one or multiple Sigma or Correlations rules" by id or name.
    let rules = [];
    const rawRules = corr.rules;
    if (rawRules === undefined || rawRules === null)
        fail('correlation.rules is missing');
    if (typeof rawRules === 'string')
        rules = [rawRules];
    else if (Array.isArray(rawRules)) {
        for (const r of rawRules) {
            if (typeof r !== 'string' || r.trim() === '')
                fail(`correlation.rules entry ${show(r)} is not a rule id or name`);
            rules.push(r.trim());
        }
    }
    else
        fail('correlation.rules must be a list of rule ids or names');
    if (rules.length === 0)
        fail('correlation.rules is empty');
    const seen = new Set();
    for (const r of rules) {
        if (seen.has(r))
            fail(`correlation.rules lists '${r}' twice`);
        seen.add(r);
    }
    // Grouping. The schema requires it; the prose says it "optionally defines" fields, and every
    // engine treats an absent group-by as one group over all events: accept that.
    let groupBy = [];
    const rawGroup = corr['group-by'];
    if (typeof rawGroup === 'string')
        groupBy = [rawGroup];
    else if (Array.isArray(rawGroup)) {
        for (const g of rawGroup) {
            if (typeof g !== 'string' || g === '')
                fail(`correlation.group-by entry ${show(g)} is not a field name`);
            groupBy.push(g);
        }
    }
    else if (rawGroup !== undefined && rawGroup !== null)
        fail('correlation.group-by must be a list of field names');
    if (new Set(groupBy).size !== groupBy.length)
        fail('correlation.group-by lists a field twice');
    // Time selection
    const rawSpan = corr.timespan;
    if (rawSpan === undefined || rawSpan === null)
        fail('correlation.timespan is missing');
    const timespanMs = parseTimespan(rawSpan);
    if (timespanMs === undefined) {
        fail(`correlation.timespan ${show(rawSpan)} is not a duration (a positive number followed by s, m, h, d or w)`);
    }
    const condition = parseCondition(corr.condition, type, rules.length, fail);
    // Aliases: alias -> { rule name -> field }
    const aliases = {};
    const rawAliases = corr.aliases;
    if (rawAliases !== undefined && rawAliases !== null) {
        if (!isPlainObject(rawAliases))
            fail('correlation.aliases must be a map of alias names');
        for (const [alias, mapping] of Object.entries(rawAliases)) {
            if (!isPlainObject(mapping))
                fail(`correlation.aliases.${alias} must map rule names to field names`);
            const m = {};
            for (const [ruleRef, field] of Object.entries(mapping)) {
                if (typeof field !== 'string' || field === '') {
                    fail(`correlation.aliases.${alias}.${ruleRef} ${show(field)} is not a field name`);
                }
                m[ruleRef] = field;
            }
            aliases[alias] = m;
        }
    }
    // Generate: the spec puts it at the top level, pySigma inside `correlation`; accept both.
    let generate = false;
    for (const [where, v] of [
        ['generate', doc.generate],
        ['correlation.generate', corr.generate],
    ]) {
        if (v === undefined || v === null)
            continue;
        if (typeof v !== 'boolean')
            fail(`${where} ${show(v)} must be true or false`);
        generate = generate || v;
    }
    let level;
    if (doc.level !== undefined && doc.level !== null) {
        if (!isSeverity(doc.level))
            fail(`level ${show(doc.level)} is not one of informational, low, medium, high, critical`);
        level = doc.level;
    }
    const tags = [];
    if (Array.isArray(doc.tags))
        for (const t of doc.tags)
            if (typeof t === 'string')
                tags.push(t);
    return {
        file,
        id,
        name,
        title: title.trim(),
        type,
        rules,
        groupBy,
        timespan: String(rawSpan).trim(),
        timespanMs: timespanMs,
        condition,
        aliases,
        generate,
        level,
        tags,
        status: typeof doc.status === 'string' ? doc.status : undefined,
        description: typeof doc.description === 'string' ? doc.description : undefined,
    };
}
function optionalString(doc, key, fail) {
    const v = doc[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === 'number')
        return String(v);
    if (typeof v !== 'string' || v.trim() === '')
        fail(`${key} ${show(v)} must be a non-empty string`);
    return v.trim();
}
/** Spec "Condition": a map of one criterion, or several joined by AND to define a range. */
function parseCondition(raw, type, ruleCount, fail) {
    if (raw === undefined || raw === null) {
        // temporal types: "the count of different event types" defaults to all of the referenced rules.
        if (TEMPORAL_TYPES.has(type))
            return { ops: { gte: ruleCount } };
        return fail(`correlation.condition is missing (${type} needs one)`);
    }
    if (!isPlainObject(raw)) {
        return fail(`correlation.condition must be a map of ${CONDITION_OPERATORS.join('/')} to numbers`);
    }
    const ops = {};
    let field;
    let percentile;
    for (const [key, value] of Object.entries(raw)) {
        if (OP_SET.has(key)) {
            if (typeof value !== 'number' || !Number.isFinite(value)) {
                fail(`correlation.condition.${key} ${show(value)} is not a number`);
            }
            ops[key] = value;
        }
        else if (key === 'field') {
            if (typeof value === 'string' && value !== '')
                field = [value];
            else if (Array.isArray(value) &&
                value.length > 0 &&
                value.every((f) => typeof f === 'string' && f !== '')) {
                field = [...value];
            }
            else
                fail(`correlation.condition.field ${show(value)} is not a field name or a list of field names`);
        }
        else if (key === 'percentile') {
            if (type !== 'value_percentile')
                fail(`correlation.condition.percentile is only used by value_percentile`);
            if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
                fail(`correlation.condition.percentile ${show(value)} is not a number between 0 and 100`);
            }
            percentile = value;
        }
        else {
            fail(`correlation.condition.${key} is not a condition operator (${CONDITION_OPERATORS.join(', ')}) or field`);
        }
    }
    if (Object.keys(ops).length === 0) {
        fail(`correlation.condition has no operator (${CONDITION_OPERATORS.join(', ')})`);
    }
    if (VALUE_TYPES.has(type)) {
        if (!field)
            fail(`correlation.condition.field is missing (${type} needs the field to aggregate)`);
        if (type !== 'value_count' && field.length > 1) {
            fail(`correlation.condition.field of ${type} must be a single field`);
        }
    }
    else if (field) {
        fail(`correlation.condition.field is not used by ${type}`);
    }
    if (!satisfiable(ops))
        fail(`correlation.condition ${show(raw)} can never be true`);
    return { ops, field, percentile };
}
/** A range whose bounds exclude each other (gt 10 with lt 5) is a mistake worth rejecting. */
function satisfiable(ops) {
    let lo = Number.NEGATIVE_INFINITY;
    let loIncl = true;
    let hi = Number.POSITIVE_INFINITY;
    let hiIncl = true;
    const raise = (v, incl) => {
        if (v > lo || (v === lo && !incl)) {
            lo = v;
            loIncl = incl;
        }
    };
    const lower = (v, incl) => {
        if (v < hi || (v === hi && !incl)) {
            hi = v;
            hiIncl = incl;
        }
    };
    if (ops.gt !== undefined)
        raise(ops.gt, false);
    if (ops.gte !== undefined)
        raise(ops.gte, true);
    if (ops.lt !== undefined)
        lower(ops.lt, false);
    if (ops.lte !== undefined)
        lower(ops.lte, true);
    if (ops.eq !== undefined) {
        raise(ops.eq, true);
        lower(ops.eq, true);
    }
    if (lo > hi || (lo === hi && !(loIncl && hiIncl)))
        return false;
    if (ops.neq !== undefined && lo === hi && lo === ops.neq)
        return false;
    return true;
}
/** True when every operator is a lower bound: the aggregate only needs to reach it. */
export function isLowerBoundOnly(cond) {
    return Object.keys(cond.ops).every((k) => k === 'gt' || k === 'gte');
}
export function conditionHolds(cond, value) {
    const o = cond.ops;
    if (o.gt !== undefined && !(value > o.gt))
        return false;
    if (o.gte !== undefined && !(value >= o.gte))
        return false;
    if (o.lt !== undefined && !(value < o.lt))
        return false;
    if (o.lte !== undefined && !(value <= o.lte))
        return false;
    if (o.eq !== undefined && value !== o.eq)
        return false;
    if (o.neq !== undefined && value === o.neq)
        return false;
    return true;
}
/** `gte 10`, `gt 100 and lte 200`: for messages and finding details. */
export function describeCondition(cond) {
    return CONDITION_OPERATORS.filter((op) => cond.ops[op] !== undefined)
        .map((op) => `${op} ${cond.ops[op]}`)
        .join(' and ');
}
//# sourceMappingURL=correlation-parse.js.map