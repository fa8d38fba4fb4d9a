import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { HaechiError } from '../../errors.js';
import type { Entity, Event, Finding, Severity } from '../../model/index.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import {
  buildCorrelator,
  type CorrelationDefinition,
  type CorrelationRuleRef,
  isCorrelationDocument,
  parseCorrelationDocument,
  parseTimespan,
} from './correlation.js';
import { SigmaDetector } from './detector.js';
import { loadRules } from './loader.js';

const T0 = Date.UTC(2026, 0, 10, 8, 0, 0);
const S = 1000;
const M = 60 * S;
const H = 60 * M;

let serial = 0;
interface Opts {
  severity?: Severity;
  host?: string;
  attack?: string[];
  entities?: Entity[];
  record?: number;
}
/** A base Sigma finding of `ruleId` at T0 + offset ms, on an event with `event` fields. */
function f(ruleId: string, offset: number, event: Record<string, unknown> = {}, o: Opts = {}): Finding {
  const n = ++serial;
  return {
    id: `base-${n}`,
    time: T0 + offset,
    severity: o.severity ?? 'low',
    detector: 'sigma',
    rule: { id: ruleId, title: `rule ${ruleId}` },
    attack: o.attack ?? [],
    entities: o.entities ?? [],
    evidence: [{ kind: 'winjson', uri: `file:///logs/${ruleId}.json`, record: o.record ?? n }],
    host: o.host,
    event,
  };
}

/** Loads a multi-document YAML text: correlation documents and the detection rules they use. */
function load(text: string, file = 'test.yml', extraRules: CorrelationRuleRef[] = []) {
  const defs: CorrelationDefinition[] = [];
  const rules: CorrelationRuleRef[] = [...extraRules];
  for (const d of parseAllDocuments(text)) {
    const doc = d.toJS() as Record<string, unknown>;
    if (isCorrelationDocument(doc)) defs.push(parseCorrelationDocument(doc, file));
    else
      rules.push({
        id: String(doc.id),
        name: doc.name as string | undefined,
        title: String(doc.title),
        file,
      });
  }
  return buildCorrelator(defs, rules);
}

function rule(id: string, name?: string): string {
  return `---\ntitle: rule ${id}\nid: ${id}\n${name ? `name: ${name}\n` : ''}logsource: {product: windows}\ndetection: {sel: {EventID: 1}, condition: sel}\n`;
}

function correlation(body: string, head = 'title: corr\nid: corr-1\n'): string {
  return `---\n${head}${body}${body.endsWith('\n') ? '' : '\n'}`;
}

function parseOne(yaml: string): CorrelationDefinition {
  return parseCorrelationDocument(parseAllDocuments(yaml)[0].toJS() as Record<string, unknown>, 'x.yml');
}

describe('parseTimespan', () => {
  const cases: [unknown, number | undefined][] = [
    ['30s', 30 * S],
    ['5m', 5 * M],
    ['90m', 90 * M],
    ['1h', H],
    ['2d', 48 * H],
    ['1w', 7 * 24 * H],
    ['0s', undefined],
    ['5x', undefined],
    ['5M', undefined],
    ['1.5h', undefined],
    ['h', undefined],
    [60, undefined],
    ['', undefined],
  ];
  for (const [text, ms] of cases) {
    test(`${JSON.stringify(text)} -> ${ms}`, () => assert.equal(parseTimespan(text), ms));
  }
});

describe('parseCorrelationDocument', () => {
  test('reads every attribute', () => {
    const d = parseOne(`
title: Many failed logins
id: 0e95725d-7320-415d-80f7-004da920fc11
name: many_failed
level: high
tags: [attack.credential-access, attack.t1110.001]
generate: true
correlation:
  type: value_count
  rules: [a, b]
  group-by: [ComputerName, src]
  timespan: 1h
  aliases:
    src: {a: IpAddress, b: SourceIp}
  condition:
    field: TargetUserName
    gt: 10
    lte: 20
`);
    assert.equal(d.type, 'value_count');
    assert.deepEqual(d.rules, ['a', 'b']);
    assert.deepEqual(d.groupBy, ['ComputerName', 'src']);
    assert.equal(d.timespanMs, H);
    assert.deepEqual(d.condition, {
      ops: { gt: 10, lte: 20 },
      field: ['TargetUserName'],
      percentile: undefined,
    });
    assert.deepEqual(d.aliases, { src: { a: 'IpAddress', b: 'SourceIp' } });
    assert.equal(d.generate, true);
    assert.equal(d.level, 'high');
    assert.equal(d.name, 'many_failed');
  });

  test('temporal types default to all referenced rules; group-by may be absent', () => {
    const d = parseOne('title: t\ncorrelation: {type: temporal_ordered, rules: [a, b, c], timespan: 5m}');
    assert.deepEqual(d.condition.ops, { gte: 3 });
    assert.deepEqual(d.groupBy, []);
    assert.equal(d.generate, false);
  });

  test('generate inside the correlation section (as pySigma reads it) is accepted', () => {
    const d = parseOne(
      'title: t\ncorrelation: {type: temporal, rules: [a, b], timespan: 5m, generate: true}',
    );
    assert.equal(d.generate, true);
  });

  const invalid: [string, string, RegExp][] = [
    [
      'no title',
      'correlation: {type: event_count, rules: [a], timespan: 1h, condition: {gte: 1}}',
      /no title/,
    ],
    ['not a map', 'title: t\ncorrelation: [1]', /correlation must be a map/],
    [
      'unknown type',
      'title: t\ncorrelation: {type: foo, rules: [a], timespan: 1h}',
      /correlation.type 'foo' is not one of event_count, value_count/,
    ],
    ['missing type', 'title: t\ncorrelation: {rules: [a], timespan: 1h}', /correlation.type is missing/],
    [
      'missing rules',
      'title: t\ncorrelation: {type: temporal, timespan: 1h}',
      /correlation.rules is missing/,
    ],
    [
      'empty rules',
      'title: t\ncorrelation: {type: temporal, rules: [], timespan: 1h}',
      /correlation.rules is empty/,
    ],
    [
      'duplicate rule',
      'title: t\ncorrelation: {type: temporal, rules: [a, a], timespan: 1h}',
      /lists 'a' twice/,
    ],
    [
      'bad rule entry',
      'title: t\ncorrelation: {type: temporal, rules: [a, {x: 1}], timespan: 1h}',
      /rules entry .* is not a rule id or name/,
    ],
    [
      'missing timespan',
      'title: t\ncorrelation: {type: temporal, rules: [a, b]}',
      /correlation.timespan is missing/,
    ],
    [
      'bad timespan',
      'title: t\ncorrelation: {type: temporal, rules: [a, b], timespan: 5x}',
      /correlation.timespan '5x' is not a duration/,
    ],
    [
      'missing condition',
      'title: t\ncorrelation: {type: event_count, rules: [a], timespan: 1h}',
      /condition is missing \(event_count needs one\)/,
    ],
    [
      'unknown operator',
      'title: t\ncorrelation: {type: event_count, rules: [a], timespan: 1h, condition: {ge: 3}}',
      /condition.ge is not a condition operator/,
    ],
    [
      'non-numeric bound',
      "title: t\ncorrelation: {type: event_count, rules: [a], timespan: 1h, condition: {gte: '3'}}",
      /condition.gte '3' is not a number/,
    ],
    [
      'no operator',
      'title: t\ncorrelation: {type: value_count, rules: [a], timespan: 1h, condition: {field: User}}',
      /condition has no operator/,
    ],
    [
      'missing field',
      'title: t\ncorrelation: {type: value_sum, rules: [a], timespan: 1h, condition: {gt: 3}}',
      /condition.field is missing \(value_sum needs/,
    ],
    [
      'field on event_count',
      'title: t\ncorrelation: {type: event_count, rules: [a], timespan: 1h, condition: {gt: 3, field: X}}',
      /field is not used by event_count/,
    ],
    [
      'two fields on value_avg',
      'title: t\ncorrelation: {type: value_avg, rules: [a], timespan: 1h, condition: {gt: 3, field: [X, Y]}}',
      /must be a single field/,
    ],
    [
      'empty range',
      'title: t\ncorrelation: {type: event_count, rules: [a], timespan: 1h, condition: {gt: 10, lt: 5}}',
      /can never be true/,
    ],
    [
      'string condition',
      "title: t\ncorrelation: {type: temporal, rules: [a, b], timespan: 1h, condition: 'a and b'}",
      /condition must be a map/,
    ],
    [
      'percentile elsewhere',
      'title: t\ncorrelation: {type: value_avg, rules: [a], timespan: 1h, condition: {gt: 3, field: X, percentile: 5}}',
      /percentile is only used by value_percentile/,
    ],
    [
      'misspelt group-by',
      'title: t\ncorrelation: {type: temporal, rules: [a, b], timespan: 1h, group_by: [User]}',
      /correlation.group_by is not a correlation attribute \(did you mean 'group-by'\?\)/,
    ],
    [
      'bad group-by',
      'title: t\ncorrelation: {type: temporal, rules: [a, b], timespan: 1h, group-by: {User: 1}}',
      /group-by must be a list/,
    ],
    [
      'bad aliases',
      'title: t\ncorrelation: {type: temporal, rules: [a, b], timespan: 1h, aliases: {ip: [x]}}',
      /aliases.ip must map rule names/,
    ],
    [
      'bad generate',
      "title: t\ngenerate: 'yes'\ncorrelation: {type: temporal, rules: [a, b], timespan: 1h}",
      /generate 'yes' must be true or false/,
    ],
    [
      'bad level',
      'title: t\nlevel: severe\ncorrelation: {type: temporal, rules: [a, b], timespan: 1h}',
      /level 'severe' is not one of/,
    ],
    [
      'detection too',
      'title: t\ndetection: {}\ncorrelation: {type: temporal, rules: [a, b], timespan: 1h}',
      /both detection and correlation/,
    ],
  ];
  for (const [name, yaml, reason] of invalid) {
    test(`rejects: ${name}`, () => {
      assert.throws(
        () => parseOne(yaml),
        (e: unknown) =>
          e instanceof HaechiError && e.code === 'rule' && e.file === 'x.yml' && reason.test(e.message),
      );
    });
  }
});

describe('buildCorrelator', () => {
  test('resolves references by id and by name, and lists what it uses', () => {
    const { correlator, rejected } = load(
      rule('r-1', 'first') +
        rule('r-2') +
        correlation('correlation: {type: temporal, rules: [first, r-2], group-by: [User], timespan: 1m}'),
    );
    assert.deepEqual(rejected, []);
    assert.deepEqual([...correlator.inputRuleIds].sort(), ['r-1', 'r-2']);
    assert.deepEqual([...correlator.suppressedRuleIds].sort(), ['r-1', 'r-2']);
  });

  const bad: [string, string, RegExp][] = [
    [
      'unknown reference',
      rule('r-1') + correlation('correlation: {type: temporal, rules: [r-1, nope], timespan: 1m}'),
      /'nope' is not the id or name of a loaded rule or correlation/,
    ],
    [
      'the same rule twice',
      rule('r-1', 'one') + correlation('correlation: {type: temporal, rules: [r-1, one], timespan: 1m}'),
      /'one' names a rule that is already listed/,
    ],
    [
      'alias for a rule not in rules',
      rule('r-1', 'one') +
        rule('r-2', 'two') +
        correlation('correlation: {type: temporal, rules: [one], timespan: 1m, aliases: {ip: {two: x}}}'),
      /aliases.ip names 'two' which is not one of correlation.rules/,
    ],
    [
      'id shared with a detection rule',
      rule('r-1') +
        correlation('correlation: {type: temporal, rules: [r-1], timespan: 1m}', 'title: c\nid: r-1\n'),
      /correlation id 'r-1' is also the id of a detection rule/,
    ],
  ];
  for (const [name, yaml, reason] of bad) {
    test(`rejects: ${name}`, () => {
      const { correlator, rejected } = load(yaml);
      assert.equal(rejected.length, 1);
      assert.equal(rejected[0].file, 'test.yml');
      assert.match(rejected[0].reason, reason);
      assert.equal(correlator.size, 0);
    });
  }

  test('detects cycles and rejects what chains a rejected correlation', () => {
    const yaml =
      rule('r-1') +
      correlation('correlation: {type: temporal, rules: [r-1, b], timespan: 1m}', 'title: A\nname: a\n') +
      correlation('correlation: {type: temporal, rules: [a], timespan: 1m}', 'title: B\nname: b\n') +
      correlation('correlation: {type: temporal, rules: [b, r-1], timespan: 1m}', 'title: C\nname: c\n') +
      correlation(
        'correlation: {type: event_count, rules: [r-1], timespan: 1m, condition: {gte: 2}}',
        'title: D\nname: d\n',
      );
    const { correlator, rejected } = load(yaml);
    const byTitle = Object.fromEntries(rejected.map((r) => [r.title, r.reason]));
    assert.match(byTitle.A, /cycle: (a -> b -> a|b -> a -> b)/);
    assert.match(byTitle.B, /cycle/);
    assert.match(byTitle.C, /'b' was not loaded: correlation chain forms a cycle/);
    assert.equal(byTitle.D, undefined);
    assert.deepEqual(
      correlator.correlations.map((c) => c.title),
      ['D'],
    );
  });

  test('an ambiguous name prefers the rule from the same file, else is rejected', () => {
    const elsewhere: CorrelationRuleRef = { id: 'other', name: 'dup', title: 'other', file: 'other.yml' };
    const local = load(
      rule('mine', 'dup') + correlation('correlation: {type: temporal, rules: [dup], timespan: 1m}'),
      'test.yml',
      [elsewhere],
    );
    assert.deepEqual(local.rejected, []);
    assert.deepEqual([...local.correlator.inputRuleIds], ['mine']);

    const defs = [parseOne('title: t\ncorrelation: {type: temporal, rules: [dup], timespan: 1m}')];
    const { rejected } = buildCorrelator(defs, [
      elsewhere,
      { id: 'third', name: 'dup', title: 't', file: 'third.yml' },
    ]);
    assert.match(rejected[0].reason, /name 'dup' is ambiguous/);
  });

  test('duplicate correlation ids keep the first', () => {
    const a = parseOne('title: a\nid: same\ncorrelation: {type: temporal, rules: [r], timespan: 1m}');
    const b = { ...a, title: 'b', file: 'b.yml' };
    const { correlator, rejected } = buildCorrelator([a, b], [{ id: 'r', title: 'r' }]);
    assert.equal(correlator.size, 1);
    assert.match(rejected[0].reason, /correlation id 'same' is already used in x.yml/);
  });
});

/** One correlation over detection rules r-a, r-b, r-c (names a, b, c). */
function single(body: string, head = 'title: corr\nid: corr-1\nlevel: high\n') {
  const { correlator, rejected } = load(
    rule('r-a', 'a') + rule('r-b', 'b') + rule('r-c', 'c') + correlation(body, head),
  );
  assert.deepEqual(rejected, []);
  return correlator;
}

function times(out: Finding[]): number[] {
  return out.map((x) => (x.time - T0) / S);
}

describe('event_count', () => {
  const c = single(
    'correlation: {type: event_count, rules: [a], group-by: [User], timespan: 1m, condition: {gte: 3}}',
  );

  test('window boundaries are inclusive: [t - timespan, t]', () => {
    const inside = c.process([
      f('r-a', 0, { User: 'u' }),
      f('r-a', 30 * S, { User: 'u' }),
      f('r-a', 60 * S, { User: 'u' }),
    ]);
    assert.deepEqual(times(inside), [60]);
    const outside = c.process([
      f('r-a', 0, { User: 'u' }),
      f('r-a', 30 * S, { User: 'u' }),
      f('r-a', 60 * S + 1, { User: 'u' }),
    ]);
    assert.deepEqual(outside, []);
  });

  test('the window slides: old events drop out, later bursts still fire', () => {
    const stream = [0, 10, 20 * 60, 20 * 60 + 5, 20 * 60 + 50].map((s) => f('r-a', s * S, { User: 'u' }));
    assert.deepEqual(times(c.process(stream)), [20 * 60 + 50]);
  });

  test('a burst is one finding: the episode absorbs the events of one timespan after firing', () => {
    // fires on the 3rd event (2 s); events up to 62 s join it; 63 s starts afresh, fires at 65 s
    const secs = [0, 1, 2, 3, 4, 5, 6, 62, 63, 64, 65, 200];
    const out = c.process(secs.map((s) => f('r-a', s * S, { User: 'u' })));
    assert.deepEqual(times(out), [2, 65]);
    assert.equal(out[0].details?.count, 8);
    assert.equal(out[0].details?.metWith, 3);
    assert.equal(out[0].evidence.length, 8);
    assert.deepEqual(out[0].details?.window, {
      first: new Date(T0).toISOString(),
      last: new Date(T0 + 62 * S).toISOString(),
    });
    assert.equal(out[1].details?.count, 3);
    assert.equal(out[1].details?.metWith, undefined);
  });

  test('groups are separate; events without the group-by field take no part', () => {
    const stream = [
      f('r-a', 0, { User: 'alice' }),
      f('r-a', 1 * S, { User: 'bob' }),
      f('r-a', 2 * S, { User: 'alice' }),
      f('r-a', 3 * S, {}),
      f('r-a', 4 * S, { User: '' }),
      f('r-a', 5 * S, { User: 'bob' }),
      f('r-a', 6 * S, { User: 'alice' }),
    ];
    const session = c.session();
    const out = [...stream.flatMap((x) => session.push(x)), ...session.flush()];
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].details?.groupBy, { User: 'alice' });
    assert.equal(session.stats.missingField, 2);
    assert.equal(session.stats.inputs, 7);
  });

  test('findings of other rules are ignored', () => {
    assert.deepEqual(c.process([0, 1, 2].map((s) => f('r-b', s * S, { User: 'u' }))), []);
  });

  test('several group-by fields are joined by AND; numbers and strings compare as text', () => {
    const c2 = single(
      'correlation: {type: event_count, rules: [a], group-by: [Computer, EventID], timespan: 1m, condition: {gte: 2}}',
    );
    const out = c2.process([
      f('r-a', 0, { Computer: 'h1', EventID: 4625 }),
      f('r-a', S, { Computer: 'h2', EventID: 4625 }),
      f('r-a', 2 * S, { Computer: 'h1', EventID: '4625' }),
    ]);
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].details?.groupBy, { Computer: 'h1', EventID: '4625' });
  });

  test('without group-by all events form one group', () => {
    const c3 = single('correlation: {type: event_count, rules: [a, b], timespan: 1m, condition: {gt: 2}}');
    assert.deepEqual(times(c3.process([f('r-a', 0), f('r-b', S, { User: 'x' }), f('r-a', 2 * S)])), [2]);
  });

  test('the finding: rule, severity, attack, host, entities, details', () => {
    const cT = single(
      'correlation: {type: event_count, rules: [a], group-by: [User], timespan: 1m, condition: {gte: 2}}',
      'title: Brute force\nid: bf-1\nlevel: critical\ntags: [attack.credential-access, attack.t1110.001]\n',
    );
    const ent = (v: string): Entity => ({ type: 'user', value: v });
    const out = cT.process([
      f('r-a', 0, { User: 'u' }, { host: 'ws1', entities: [ent('u'), { type: 'ip', value: '10.0.0.1' }] }),
      f('r-a', 5 * S, { User: 'u' }, { host: 'ws1', entities: [ent('u')] }),
    ]);
    assert.equal(out.length, 1);
    const x = out[0];
    assert.equal(x.detector, 'sigma-correlation');
    assert.deepEqual(x.rule, { id: 'bf-1', title: 'Brute force' });
    assert.equal(x.severity, 'critical');
    assert.deepEqual(x.attack, ['T1110.001']);
    assert.equal(x.host, 'ws1');
    assert.equal(x.time, T0 + 5 * S);
    assert.deepEqual(x.entities, [ent('u'), { type: 'ip', value: '10.0.0.1' }]);
    assert.deepEqual(x.details?.window, {
      first: new Date(T0).toISOString(),
      last: new Date(T0 + 5 * S).toISOString(),
    });
    assert.equal(x.details?.condition, 'gte 2');
    assert.deepEqual(x.details?.rules, ['r-a']);
  });

  test('without level or tags, severity and attack come from the contributing findings', () => {
    const cN = single(
      'correlation: {type: event_count, rules: [a, b], timespan: 1m, condition: {gte: 2}}',
      'title: n\nid: n-1\n',
    );
    const out = cN.process([
      f('r-a', 0, {}, { severity: 'medium', attack: ['T1059'] }),
      f('r-b', S, {}, { severity: 'high', attack: ['T1003.001'] }),
    ]);
    assert.equal(out[0].severity, 'high');
    assert.deepEqual(out[0].attack, ['T1003.001', 'T1059']);
  });

  test('evidence is capped (first and last 50) and says how much was left out', () => {
    const cBig = single('correlation: {type: event_count, rules: [a], timespan: 1h, condition: {gte: 500}}');
    const out = cBig.process(Array.from({ length: 500 }, (_, k) => f('r-a', k * S, {}, { record: k + 1 })));
    assert.equal(out.length, 1);
    assert.equal(out[0].evidence.length, 100);
    assert.equal(out[0].details?.evidenceOmitted, 400);
    assert.equal(out[0].evidence[0].record, 1);
    assert.equal(out[0].evidence[49].record, 50);
    assert.equal(out[0].evidence[50].record, 451);
    assert.equal(out[0].evidence[99].record, 500);
    assert.equal(out[0].details?.findings, 500);
  });
});

describe('conditions with an upper bound are judged on whole windows', () => {
  test('lt: a group that stays below the bound for a whole timespan', () => {
    const c = single(
      'correlation: {type: event_count, rules: [a], group-by: [User], timespan: 10m, condition: {lt: 3}}',
    );
    const stream = [
      f('r-a', 0, { User: 'rare' }),
      f('r-a', 0, { User: 'busy' }),
      f('r-a', 1 * M, { User: 'busy' }),
      f('r-a', 2 * M, { User: 'busy' }),
      f('r-a', 5 * M, { User: 'rare' }),
      // stream time passes the first windows' end (10m): they are judged now
      f('r-b', 11 * M, { User: 'other' }),
    ];
    const session = c.session();
    const early = stream.flatMap((x) => session.push(x));
    assert.equal(early.length, 1, 'the window of "rare" closed when stream time passed 10m');
    assert.deepEqual(early[0].details?.groupBy, { User: 'rare' });
    assert.equal(early[0].details?.count, 2);
    assert.equal(early[0].time, T0 + 5 * M, 'time of the last event of the window');
    assert.equal(early[0].details?.partial, undefined);
    assert.deepEqual(session.flush(), []);
  });

  test('at flush, windows reaching past the observed time are judged and marked partial', () => {
    const c = single(
      'correlation: {type: event_count, rules: [a], group-by: [User], timespan: 10m, condition: {lte: 1}}',
    );
    const out = c.process([f('r-a', 0, { User: 'x' }), f('r-a', 20 * M, { User: 'y' })]);
    assert.equal(out.length, 2);
    assert.equal(out[0].details?.partial, undefined);
    assert.equal(out[1].details?.partial, true);
    const s = c.session();
    s.push(f('r-a', 0, { User: 'y' }));
    assert.equal(s.flush(T0 + H)[0].details?.partial, undefined, 'observedUntil covers the window');
  });

  test('eq, neq and ranges', () => {
    const counts = [1, 2, 3, 4, 5];
    const stream = counts.flatMap((n, g) =>
      Array.from({ length: n }, (_, k) => f('r-a', g * H + k * S, { User: `u${n}` })),
    );
    const fired = (cond: string) =>
      single(
        `correlation: {type: event_count, rules: [a], group-by: [User], timespan: 10m, condition: ${cond}}`,
      )
        .process(stream)
        .map((x) => x.details?.count);
    assert.deepEqual(fired('{eq: 3}'), [3]);
    assert.deepEqual(fired('{neq: 3}'), [1, 2, 4, 5]);
    assert.deepEqual(fired('{gt: 1, lte: 3}'), [2, 3]);
    assert.deepEqual(fired('{gte: 2, lt: 5}'), [2, 3, 4]);
  });
});

describe('value_count', () => {
  const c = single(
    'correlation: {type: value_count, rules: [a], group-by: [IpAddress], timespan: 5m, condition: {field: TargetUserName, gte: 3}}',
  );
  test('counts distinct values; repeats and events without the field do not count', () => {
    const ev = (u?: string) => ({ IpAddress: '10.1.1.1', ...(u ? { TargetUserName: u } : {}) });
    const out = c.process([
      f('r-a', 0, ev('alice')),
      f('r-a', S, ev('alice')),
      f('r-a', 2 * S, ev()),
      f('r-a', 3 * S, ev('bob')),
      f('r-a', 4 * S, ev('bob')),
      f('r-a', 5 * S, ev('carol')),
    ]);
    assert.equal(out.length, 1);
    assert.equal(out[0].details?.count, 3);
    assert.deepEqual(out[0].details?.values, ['alice', 'bob', 'carol']);
    assert.equal(out[0].time, T0 + 5 * S);
    assert.equal(out[0].details?.findings, 5);
  });
  test('values that left the window no longer count', () => {
    const out = c.process([
      f('r-a', 0, { IpAddress: 'x', TargetUserName: 'a' }),
      f('r-a', 4 * M, { IpAddress: 'x', TargetUserName: 'b' }),
      f('r-a', 6 * M, { IpAddress: 'x', TargetUserName: 'c' }),
    ]);
    assert.deepEqual(out, []);
  });
  test('several fields count distinct tuples', () => {
    const c2 = single(
      'correlation: {type: value_count, rules: [a], timespan: 5m, condition: {field: [User, Domain], gte: 2}}',
    );
    assert.equal(
      c2.process([f('r-a', 0, { User: 'a', Domain: 'D' }), f('r-a', S, { User: 'a', Domain: 'D' })]).length,
      0,
    );
    assert.equal(
      c2.process([f('r-a', 0, { User: 'a', Domain: 'D' }), f('r-a', S, { User: 'a', Domain: 'E' })]).length,
      1,
    );
  });
});

describe('value_sum, value_avg, value_percentile', () => {
  test('value_sum fires when the sliding sum passes the bound; numeric strings count', () => {
    const c = single(
      'correlation: {type: value_sum, rules: [a], group-by: [User], timespan: 1h, condition: {field: bytes, gt: 1000}}',
    );
    const out = c.process([
      f('r-a', 0, { User: 'u', bytes: 400 }),
      f('r-a', M, { User: 'u', bytes: '500' }),
      f('r-a', 2 * M, { User: 'u', bytes: 'n/a' }),
      f('r-a', 3 * M, { User: 'v', bytes: 900 }),
      f('r-a', 4 * M, { User: 'u', bytes: 101 }),
    ]);
    assert.equal(out.length, 1);
    assert.equal(out[0].details?.value, 1001);
    assert.equal(out[0].time, T0 + 4 * M);
  });

  test('value_avg is judged on the whole window', () => {
    const c = single(
      'correlation: {type: value_avg, rules: [a], group-by: [User], timespan: 10m, condition: {field: BytesOut, gt: 500}}',
    );
    const out = c.process([
      f('r-a', 0, { User: 'u', BytesOut: 1000 }), // the average is high here, but the window is not over
      f('r-a', M, { User: 'u', BytesOut: 10 }),
      f('r-a', 2 * M, { User: 'u', BytesOut: 10 }),
      f('r-a', 3 * M, { User: 'u', BytesOut: 10 }),
      f('r-a', 20 * M, { User: 'v', BytesOut: 600 }),
      f('r-a', 21 * M, { User: 'v', BytesOut: 700 }),
      f('r-a', 40 * M, { User: 'w', BytesOut: 1 }),
    ]);
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].details?.groupBy, { User: 'v' });
    assert.equal(out[0].details?.value, 650);
  });

  test('value_percentile (spec form): the share of events carrying a value', () => {
    const c = single(
      'correlation: {type: value_percentile, rules: [a], group-by: [Computer], timespan: 24h, condition: {field: Image, lte: 1}}',
    );
    const stream: Finding[] = [];
    for (let k = 0; k < 150; k++)
      stream.push(f('r-a', k * M, { Computer: 'h', Image: 'C:\\Windows\\svchost.exe' }));
    stream.splice(75, 0, f('r-a', 75 * M - 1, { Computer: 'h', Image: 'C:\\Users\\Public\\x.exe' }));
    const out = c.process(stream);
    assert.equal(out.length, 1);
    assert.equal(out[0].details?.fieldValue, 'C:\\Users\\Public\\x.exe');
    assert.equal(out[0].details?.count, 1);
    assert.ok((out[0].details?.value as number) < 1);
    assert.equal(out[0].time, T0 + 75 * M - 1);
    assert.equal(out[0].details?.partial, true, 'the 24h window reaches past the data');
  });

  test('value_percentile with a percentile rank (pySigma form) compares the value at that rank', () => {
    const c = single(
      'correlation: {type: value_percentile, rules: [a], timespan: 1h, condition: {field: ms, percentile: 90, gt: 100}}',
    );
    const make = (vals: number[]) => vals.map((v, k) => f('r-a', k * S, { ms: v }));
    const low = Array.from({ length: 10 }, (_, k) => k * 10); // 0..90: p90 = 80
    assert.equal(c.process(make(low)).length, 0);
    const high = [...low.slice(0, 8), 500, 600]; // p90 = 500
    const out = c.process(make(high));
    assert.equal(out.length, 1);
    assert.equal(out[0].details?.value, 500);
  });
});

describe('temporal and temporal_ordered', () => {
  const temporal = single(
    'correlation: {type: temporal, rules: [a, b, c], group-by: [Computer], timespan: 5m}',
  );
  const ordered = single(
    'correlation: {type: temporal_ordered, rules: [a, b, c], group-by: [Computer], timespan: 5m}',
  );
  const ev = (id: string, at: number, host = 'h1') => f(`r-${id}`, at, { Computer: host });

  const cases: [string, Finding[], number[], number[]][] = [
    // name, stream, temporal fires at (s), ordered fires at (s)
    ['in order', [ev('a', 0), ev('b', M), ev('c', 2 * M)], [120], [120]],
    ['any order', [ev('c', 0), ev('a', M), ev('b', 2 * M)], [120], []],
    [
      'order violated then repaired',
      [ev('b', 0), ev('a', M), ev('c', 2 * M), ev('b', 3 * M), ev('c', 4 * M)],
      [120],
      [240],
    ],
    ['one missing', [ev('a', 0), ev('b', M), ev('b', 2 * M)], [], []],
    ['spread over more than the timespan', [ev('a', 0), ev('b', 3 * M), ev('c', 5 * M + 1)], [], []],
    [
      'a later start rescues the chain',
      [ev('a', 0), ev('a', 2 * M), ev('b', 4 * M), ev('c', 6 * M)],
      [360],
      [360],
    ],
    ['different hosts do not combine', [ev('a', 0, 'h1'), ev('b', M, 'h2'), ev('c', 2 * M, 'h1')], [], []],
  ];
  for (const [name, stream, t, o] of cases) {
    test(name, () => {
      assert.deepEqual(times(temporal.process(stream)), t, 'temporal');
      assert.deepEqual(times(ordered.process(stream)), o, 'temporal_ordered');
    });
  }

  test('evidence of temporal_ordered is the chain that matched', () => {
    const out = ordered.process([ev('a', 0), ev('a', M), ev('b', 2 * M), ev('c', 3 * M)]);
    assert.equal(out.length, 1);
    assert.equal(out[0].evidence.length, 3);
    assert.equal(
      out[0].details?.window && (out[0].details.window as { first: string }).first,
      new Date(T0 + M).toISOString(),
    );
  });

  test('a count condition on temporal: at least 2 of the 3 rules', () => {
    const c = single(
      'correlation: {type: temporal, rules: [a, b, c], group-by: [Computer], timespan: 5m, condition: {gte: 2}}',
    );
    assert.deepEqual(times(c.process([ev('a', 0), ev('a', M), ev('c', 2 * M)])), [120]);
  });
});

describe('aliases', () => {
  // Spec "Field Name Aliases Example": internal_error and new_network_connection, grouped by
  // addresses that sit in different fields of the two rules' events.
  const yaml =
    rule('r-err', 'internal_error') +
    rule('r-conn', 'new_network_connection') +
    correlation(`correlation:
  type: temporal
  rules: [internal_error, new_network_connection]
  group-by: [internal_ip, remote_ip]
  timespan: 10s
  aliases:
    internal_ip:
      internal_error: destination.ip
      new_network_connection: source.ip
    remote_ip:
      internal_error: source.ip
      new_network_connection: destination.ip
`);
  const { correlator } = load(yaml);
  const err = (at: number, dst: string, src: string) =>
    f('r-err', at, { 'destination.ip': dst, 'source.ip': src, 'http.response.status_code': 500 });
  const conn = (at: number, src: string, dst: string) =>
    f('r-conn', at, { source: { ip: src }, destination: { ip: dst } });

  test('matches when the addresses line up through the aliases (nested fields too)', () => {
    const out = correlator.process([
      err(0, '10.0.0.5', '203.0.113.9'),
      conn(5 * S, '10.0.0.5', '203.0.113.9'),
    ]);
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].details?.groupBy, { internal_ip: '10.0.0.5', remote_ip: '203.0.113.9' });
  });
  test('does not match the same addresses in swapped fields, or too late', () => {
    assert.deepEqual(
      correlator.process([err(0, '10.0.0.5', '203.0.113.9'), conn(5 * S, '203.0.113.9', '10.0.0.5')]),
      [],
    );
    assert.deepEqual(
      correlator.process([err(0, '10.0.0.5', '203.0.113.9'), conn(11 * S, '10.0.0.5', '203.0.113.9')]),
      [],
    );
  });
});

describe('chaining and generate', () => {
  test('a windowed correlation feeds a chained one in time order', () => {
    // "low average then rule c" per user: the value_avg findings only come out when their window
    // closes, after later base findings have arrived; the chained correlation still sees them at
    // their own time.
    const { correlator, rejected } = load(
      rule('r-a', 'a') +
        rule('r-c', 'c') +
        correlation(
          'correlation: {type: value_avg, rules: [a], group-by: [User], timespan: 5m, condition: {field: n, lt: 10}}',
          'title: low\nname: low_avg\n',
        ) +
        correlation(
          'correlation: {type: temporal_ordered, rules: [low_avg, c], group-by: [User], timespan: 10m}',
          'title: low then c\nid: outer\nlevel: high\n',
        ),
    );
    assert.deepEqual(rejected, []);
    const out = correlator.process([
      f('r-a', 0, { User: 'u', n: 1 }),
      f('r-a', M, { User: 'u', n: 3 }), // window [0, 5m] closes with avg 2 at time 1m
      f('r-c', 3 * M, { User: 'u' }), // after the avg finding's time: in order
      f('r-c', 4 * M, { User: 'v' }),
      f('r-a', 20 * M, { User: 'w', n: 1 }),
      f('r-c', 19 * M, { User: 'w' }), // before: out of order (stream unsorted by 1m, still handled)
    ]);
    assert.deepEqual(
      out.map((x) => [x.rule.id, x.time - T0]),
      [['outer', 3 * M]],
      'the inner correlation is not reported: generate defaults to false',
    );
    assert.equal(out[0].details?.findings, 2);
  });

  test('generate: true keeps the referenced rules and correlations reported', () => {
    const build = (generate: boolean) =>
      load(
        rule('r-a', 'a') +
          rule('r-b', 'b') +
          correlation(
            'correlation: {type: event_count, rules: [a], group-by: [User], timespan: 1m, condition: {gte: 2}}',
            'title: inner\nname: inner\n',
          ) +
          correlation(
            `correlation: {type: temporal, rules: [inner, b], group-by: [User], timespan: 1m}\ngenerate: ${generate}\n`,
            'title: outer\nid: outer\n',
          ),
      ).correlator;
    const stream = () => [
      f('r-a', 0, { User: 'u' }),
      f('r-a', S, { User: 'u' }),
      f('r-b', 2 * S, { User: 'u' }),
    ];
    const off = build(false);
    assert.deepEqual([...off.suppressedRuleIds].sort(), ['r-a', 'r-b']);
    assert.deepEqual(
      off.process(stream()).map((x) => x.rule.title),
      ['outer'],
    );
    assert.deepEqual(
      off.correlations.map((c) => [c.title, c.suppressed]),
      [
        ['inner', true],
        ['outer', false],
      ],
    );
    const on = build(true);
    // generate applies to the rules a correlation references directly: inner still hides r-a
    assert.deepEqual([...on.suppressedRuleIds], ['r-a']);
    assert.deepEqual(
      on.process(stream()).map((x) => x.rule.title),
      ['inner', 'outer'],
    );
  });

  test('a rule stays reported if any correlation using it generates it', () => {
    const { correlator } = load(
      rule('r-a', 'a') +
        correlation(
          'correlation: {type: event_count, rules: [a], timespan: 1m, condition: {gte: 2}}',
          'title: x\nid: x\n',
        ) +
        correlation(
          'generate: true\ncorrelation: {type: event_count, rules: [a], timespan: 1m, condition: {gte: 3}}',
          'title: y\nid: y\n',
        ),
    );
    assert.deepEqual([...correlator.suppressedRuleIds], []);
    assert.deepEqual([...correlator.inputRuleIds], ['r-a']);
  });
});

describe('more chaining, episodes and aliases', () => {
  test('temporal_ordered: events after the chain join its episode', () => {
    const c = single(
      'correlation: {type: temporal_ordered, rules: [a, b, c], group-by: [Computer], timespan: 5m}',
    );
    const ev = (id: string, at: number) => f(`r-${id}`, at, { Computer: 'h' });
    const out = c.process([
      ev('a', 0),
      ev('b', M),
      ev('c', 2 * M),
      ev('c', 3 * M), // within 5 min of the firing: same finding
      ev('a', 8 * M), // a new chain
      ev('b', 9 * M),
      ev('c', 10 * M),
    ]);
    assert.deepEqual(times(out), [120, 600]);
    assert.equal(out[0].details?.findings, 4);
    assert.equal(out[1].details?.findings, 3);
  });

  test('advance() closes windows without new findings', () => {
    const c = single(
      'correlation: {type: event_count, rules: [a], group-by: [User], timespan: 10m, condition: {lt: 2}}',
    );
    const s = c.session();
    assert.deepEqual(s.push(f('r-a', 0, { User: 'u' })), []);
    assert.deepEqual(s.advance(T0 + 10 * M), [], 'the window [0, 10m] may still get an event at 10m');
    const out = s.advance(T0 + 10 * M + 1);
    assert.equal(out.length, 1);
    assert.equal(out[0].details?.count, 1);
  });

  test('aliases apply to the value field too', () => {
    const { correlator, rejected } = load(
      rule('r-a', 'a') +
        rule('r-b', 'b') +
        correlation(`correlation:
  type: value_count
  rules: [a, b]
  group-by: [Computer]
  timespan: 1h
  aliases:
    account: {a: TargetUserName, b: SubjectUserName}
  condition: {field: account, gte: 2}
`),
    );
    assert.deepEqual(rejected, []);
    const out = correlator.process([
      f('r-a', 0, { Computer: 'h', TargetUserName: 'alice' }),
      f('r-b', M, { Computer: 'h', SubjectUserName: 'bob', TargetUserName: 'alice' }),
    ]);
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].details?.values, ['alice', 'bob']);
  });

  test('three levels of chaining; fields the upstream did not group by come from its latest event', () => {
    const { correlator, rejected } = load(
      rule('r-a', 'a') +
        rule('r-b', 'b') +
        correlation(
          'correlation: {type: event_count, rules: [a], group-by: [Computer], timespan: 5m, condition: {gte: 2}}',
          'title: L1\nname: l1\n',
        ) +
        correlation(
          'correlation: {type: temporal, rules: [l1, b], group-by: [User], timespan: 10m}',
          'title: L2\nname: l2\n',
        ) +
        correlation(
          'correlation: {type: value_count, rules: [l2], timespan: 1h, condition: {field: User, gte: 2}}',
          'title: L3\nid: l3\nlevel: critical\n',
        ),
    );
    assert.deepEqual(rejected, []);
    const stream = [
      f('r-a', 0, { Computer: 'ws1', User: 'alice' }),
      f('r-a', 30 * S, { Computer: 'ws1', User: 'alice' }), // L1 for ws1, latest User alice
      f('r-b', M, { User: 'alice' }), // L2 for alice
      f('r-a', 20 * M, { Computer: 'ws2', User: 'bob' }),
      f('r-a', 21 * M, { Computer: 'ws2', User: 'bob' }), // L1 for ws2
      f('r-b', 22 * M, { User: 'bob' }), // L2 for bob -> L3: two users
      f('r-b', 23 * M, { User: 'carol' }),
    ];
    const out = correlator.process(stream);
    assert.deepEqual(
      out.map((x) => [x.rule.id, (x.time - T0) / S]),
      [['l3', 22 * 60]],
    );
    assert.equal(out[0].severity, 'critical');
    assert.equal(out[0].evidence.length, 6, 'the base events behind both chains');
    // the streaming order matches: L3 comes out once the upstream episodes are over
    const s = correlator.session();
    const pushed = [...stream.flatMap((x) => s.push(x)), ...s.flush()];
    assert.deepEqual(
      pushed.map((x) => x.id),
      out.map((x) => x.id),
    );
    assert.ok(s.stats.fired >= 5);
  });
});

describe('streaming', () => {
  const c = single(
    'correlation: {type: event_count, rules: [a], group-by: [User], timespan: 1m, condition: {gte: 2}}',
  );

  test('push/flush give what process gives; output is deterministic', () => {
    const stream = Array.from({ length: 300 }, (_, k) => f('r-a', k * 7 * S, { User: `u${k % 7}` }));
    const a = c.process(stream);
    const b = c.process(stream);
    assert.deepEqual(a, b);
    assert.ok(a.length > 0);
    const s = c.session();
    const pushed = [...stream.flatMap((x) => s.push(x)), ...s.flush()];
    assert.deepEqual(
      pushed.map((x) => x.id),
      a.map((x) => x.id),
    );
    for (let k = 1; k < a.length; k++) assert.ok(a[k - 1].time <= a[k].time);
    assert.equal(new Set(a.map((x) => x.id)).size, a.length, 'ids are unique');
    assert.deepEqual(c.process([...stream].reverse()), a, 'an unsorted batch is sorted first');
  });

  test('state older than the timespan is pruned as time advances', () => {
    const s = c.session();
    for (let k = 0; k < 5000; k++) s.push(f('r-a', k * 10 * S, { User: `user-${k}` }));
    // one new group every 10 s with a 1 min timespan: only the last few can still matter
    assert.ok(s.stats.openGroups <= 8, `open groups: ${s.stats.openGroups}`);
  });

  test('the default session of the correlator; an episode is emitted when stream time passes it', () => {
    assert.deepEqual(c.push(f('r-a', 0, { User: 'q' })), []);
    assert.deepEqual(c.push(f('r-a', S, { User: 'q' })), [], 'fired at 1 s, the episode runs to 61 s');
    assert.deepEqual(c.push(f('r-a', 61 * S, { User: 'q' })), []);
    const out = c.push(f('r-a', 62 * S, { User: 'other' }));
    assert.deepEqual(times(out), [1]);
    assert.equal(out[0].details?.count, 3);
    assert.deepEqual(c.flush(), []);
  });
});

// ---------------------------------------------------------------------------------------------
// The specification's own examples

const SPEC = ['sigma', 'spec'];

describe('spec examples (spec/tests/schema/correlation)', { skip: skipUnlessData(...SPEC, 'tests') }, () => {
  const dir = sharedData(...SPEC, 'tests', 'schema', 'correlation');
  const loadExample = (name: string) => {
    const file = join(dir, name);
    const doc = parseAllDocuments(readFileSync(file, 'utf8'))[0].toJS() as Record<string, unknown>;
    return parseCorrelationDocument(doc, file);
  };
  /** Rules named by the example's references, so that it resolves. */
  const run = (def: CorrelationDefinition, findings: Finding[]) => {
    const { correlator, rejected } = buildCorrelator(
      [def],
      def.rules.map((r) => ({ id: r, name: r, title: r })),
    );
    assert.deepEqual(rejected, []);
    return correlator.process(findings);
  };

  test('every example parses', () => {
    const names = readdirSync(dir).filter((n) => n.endsWith('.yml'));
    assert.ok(names.length >= 8);
    for (const n of names) assert.doesNotThrow(() => loadExample(n), n);
  });

  test('event_count: 100 failed logins to one host within an hour', () => {
    const def = loadExample('event_count.yml');
    const rid = def.rules[0];
    const burst = (n: number, host: string, spacing: number) =>
      Array.from({ length: n }, (_, k) => f(rid, k * spacing, { ComputerName: host }));
    assert.equal(run(def, burst(100, 'dc1', 30 * S)).length, 1);
    assert.equal(run(def, burst(99, 'dc1', 30 * S)).length, 0);
    assert.equal(run(def, burst(100, 'dc1', 37 * S)).length, 0, '100 events over 61 minutes');
    const mixed = [...burst(60, 'dc1', 10 * S), ...burst(60, 'dc2', 10 * S)].sort((a, b) => a.time - b.time);
    assert.equal(run(def, mixed).length, 0, 'counted per ComputerName');
  });

  test('event_count (ECS): grouped by the nested dns.question.name', () => {
    const def = loadExample('event_count_ecs.yml');
    const out = run(
      def,
      Array.from({ length: 100 }, (_, k) =>
        f(def.rules[0], k * S, { dns: { question: { name: 'evil.example' } } }),
      ),
    );
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].details?.groupBy, { 'dns.question.name': 'evil.example' });
  });

  test('value_count: 100 different users from one workstation to one computer in a day', () => {
    const def = loadExample('value_count.yml');
    const ev = (k: number, user: string) =>
      f(def.rules[0], k * M, { ComputerName: 'srv', WorkstationName: 'ws9', User: user });
    const many = Array.from({ length: 100 }, (_, k) => ev(k, `user${k}`));
    assert.equal(run(def, many).length, 1);
    const few = Array.from({ length: 200 }, (_, k) => ev(k, `user${k % 99}`));
    assert.equal(run(def, few).length, 0);
  });

  test('temporal: the three recon commands by one user on one system within 5 minutes', () => {
    const def = loadExample('temporal.yml');
    const ev = (r: string, at: number, user = 'bob') => f(r, at, { ComputerName: 'ws1', User: user });
    assert.equal(run(def, [ev('recon_cmd_c', 0), ev('recon_cmd_a', M), ev('recon_cmd_b', 4 * M)]).length, 1);
    assert.equal(
      run(def, [ev('recon_cmd_c', 0), ev('recon_cmd_a', M), ev('recon_cmd_b', 4 * M, 'eve')]).length,
      0,
    );
  });

  test('temporal_ordered: the same commands, in the listed order', () => {
    const def = loadExample('temporal_ordered.yml');
    const ev = (r: string, at: number) => f(r, at, { ComputerName: 'ws1', User: 'bob' });
    assert.equal(run(def, [ev('recon_cmd_a', 0), ev('recon_cmd_b', M), ev('recon_cmd_c', 4 * M)]).length, 1);
    assert.equal(run(def, [ev('recon_cmd_c', 0), ev('recon_cmd_a', M), ev('recon_cmd_b', 4 * M)]).length, 0);
  });

  test('value_sum: more than 1,000,000 bytes sent by one source and user within an hour', () => {
    const def = loadExample('value_sum.yml');
    const ev = (k: number, bytes: number) =>
      f('website_access', k * M, { SourceIP: '10.0.0.7', User: 'bob', bytes_sent: bytes });
    assert.equal(
      run(
        def,
        Array.from({ length: 10 }, (_, k) => ev(k, 100_000)),
      ).length,
      0,
      'exactly 1,000,000',
    );
    assert.equal(
      run(
        def,
        Array.from({ length: 11 }, (_, k) => ev(k, 100_000)),
      ).length,
      1,
    );
  });

  test('value_avg: average BytesOut above 500 over 24h', () => {
    const def = loadExample('value_avg.yml');
    const ev = (k: number, b: number) =>
      f('rule_a_id', k * H, { SourceIP: '10.0.0.7', User: 'bob', BytesOut: b });
    assert.equal(run(def, [ev(0, 400), ev(1, 700)]).length, 1);
    assert.equal(run(def, [ev(0, 400), ev(1, 600)]).length, 0, 'an average of exactly 500');
  });

  test('value_percentile: an image seen in at most 1% of the process creations of a computer', () => {
    const def = loadExample('value_percentile.yml');
    const ev = (k: number, image: string) =>
      f('process_creation', k * M, { ComputerName: 'ws1', Image: image });
    const stream = Array.from({ length: 200 }, (_, k) =>
      ev(k, k % 2 ? 'C:\\Windows\\explorer.exe' : 'C:\\Windows\\svchost.exe'),
    );
    stream.push(ev(200, 'C:\\Temp\\implant.exe'));
    const out = run(def, stream);
    assert.deepEqual(
      out.map((x) => x.details?.fieldValue),
      ['C:\\Temp\\implant.exe'],
    );
  });
});

describe('spec example: failed logins followed by a successful login', {
  skip: skipUnlessData(...SPEC),
}, () => {
  // The multi-document example at the end of sigma-correlation-rules-specification.md.
  const file = sharedData(...SPEC, 'specification', 'sigma-correlation-rules-specification.md');
  const md = readFileSync(file, 'utf8');
  const section = md.slice(md.indexOf('### Failed Logins Followed by Successful Login'));
  const yaml = /```yml\n([\s\S]*?)```/.exec(section)![1];
  const { correlator, rejected } = load(yaml, file);
  const failedId = '53ba33fd-3a50-4468-a5ef-c583635cfa92';
  const successId = '4d0a2c83-c62c-4ed4-b475-c7e23a9269b8';
  const failed = (at: number, user: string) => f(failedId, at, { EventID: 4625, User: user });
  const success = (at: number, user: string) => f(successId, at, { EventID: 4624, User: user });

  test('loads with chaining by name, and suppresses the referenced rules', () => {
    assert.deepEqual(rejected, []);
    assert.deepEqual(
      correlator.correlations.map((c) => [c.title, c.suppressed]),
      [
        ['Multiple failed logons', true],
        ['Correlation - Multiple Failed Logins Followed by Successful Login', false],
      ],
    );
    assert.deepEqual([...correlator.suppressedRuleIds].sort(), [successId, failedId].sort());
  });

  test('10 failed logins then a success of the same user within 10 minutes', () => {
    const stream = [
      ...Array.from({ length: 10 }, (_, k) => failed(k * 20 * S, 'admin')),
      success(5 * M, 'admin'),
    ];
    const out = correlator.process(stream);
    assert.equal(out.length, 1);
    assert.equal(out[0].rule.id, 'b180ead8-d58f-40b2-ae54-c8940995b9b6');
    assert.equal(out[0].severity, 'high');
    assert.equal(out[0].time, T0 + 5 * M);
    assert.deepEqual(out[0].details?.groupBy, { User: 'admin' });
    assert.equal(out[0].evidence.length, 11, 'the ten failures and the success');
  });

  test('no finding for 9 failures, a success before the failures, or another user', () => {
    const nine = [
      ...Array.from({ length: 9 }, (_, k) => failed(k * 20 * S, 'admin')),
      success(5 * M, 'admin'),
    ];
    assert.deepEqual(correlator.process(nine), []);
    const before = [
      success(0, 'admin'),
      ...Array.from({ length: 10 }, (_, k) => failed(S + k * 20 * S, 'admin')),
    ];
    assert.deepEqual(correlator.process(before), []);
    const other = [
      ...Array.from({ length: 10 }, (_, k) => failed(k * 20 * S, 'admin')),
      success(5 * M, 'guest'),
    ];
    assert.deepEqual(correlator.process(other), []);
  });
});

describe('end to end: the loader, the detector and the correlator', { skip: skipUnlessData(...SPEC) }, () => {
  test('the spec example file finds a brute force followed by a logon in Windows events', () => {
    const md = readFileSync(
      sharedData(...SPEC, 'specification', 'sigma-correlation-rules-specification.md'),
      'utf8',
    );
    const yaml = /```yml\n([\s\S]*?)```/.exec(
      md.slice(md.indexOf('### Failed Logins Followed by Successful Login')),
    )![1];
    const dir = mkdtempSync(join(tmpdir(), 'haechi-corr-'));
    try {
      writeFileSync(join(dir, 'mr_failed_then_success.yml'), yaml);
      const loaded = loadRules([dir]);
      assert.deepEqual(loaded.rejected, []);
      assert.ok(loaded.correlator);
      const ev = (k: number, eventId: number, user: string): Event => ({
        time: T0 + k * 15 * S,
        source: { kind: 'winjson', uri: 'file:///logs/security.json', record: k + 1 },
        fields: { Channel: 'Security', EventID: eventId, Computer: 'dc1.corp.local', User: user },
      });
      const events = [
        ...Array.from({ length: 12 }, (_, k) => ev(k, 4625, 'supplier_svc')),
        ev(12, 4624, 'supplier_svc'),
        ev(13, 4624, 'someone_else'),
      ];
      const base: Finding[] = [];
      new SigmaDetector(loaded.rules).detect(events, base);
      base.sort((a, b) => a.time - b.time);
      assert.equal(base.length, 14);
      const correlated = loaded.correlator.process(base);
      assert.equal(correlated.length, 1);
      assert.equal(correlated[0].rule.id, 'b180ead8-d58f-40b2-ae54-c8940995b9b6');
      assert.equal(correlated[0].time, T0 + 12 * 15 * S);
      assert.equal(correlated[0].evidence.length, 13);
      assert.equal(correlated[0].host, 'dc1.corp.local');
      const reported = base.filter((x) => !loaded.correlator!.suppressedRuleIds.has(x.rule.id));
      assert.deepEqual(reported, [], 'generate defaults to false: the single events are not reported');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
