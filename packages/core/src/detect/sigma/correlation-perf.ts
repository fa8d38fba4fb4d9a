import type { Finding } from '../../model/index.js';
import { buildCorrelator, parseCorrelationDocument } from './correlation.js';

const defs = [
  parseCorrelationDocument(
    {
      title: 'ec',
      id: 'ec',
      correlation: {
        type: 'event_count',
        rules: ['a'],
        'group-by': ['User'],
        timespan: '5m',
        condition: { gte: 50 },
      },
    },
    'p',
  ),
  parseCorrelationDocument(
    {
      title: 'vc',
      id: 'vc',
      correlation: {
        type: 'value_count',
        rules: ['a'],
        'group-by': ['Host'],
        timespan: '1h',
        condition: { gte: 500, field: 'User' },
      },
    },
    'p',
  ),
  parseCorrelationDocument(
    {
      title: 'to',
      id: 'to',
      correlation: {
        type: 'temporal_ordered',
        rules: ['a', 'b', 'c'],
        'group-by': ['User'],
        timespan: '10m',
      },
    },
    'p',
  ),
  parseCorrelationDocument(
    {
      title: 'avg',
      id: 'avg',
      correlation: {
        type: 'value_avg',
        rules: ['b'],
        'group-by': ['User'],
        timespan: '1h',
        condition: { gt: 900, field: 'n' },
      },
    },
    'p',
  ),
  parseCorrelationDocument(
    {
      title: 'ch',
      id: 'ch',
      correlation: { type: 'temporal', rules: ['ec', 'c'], 'group-by': ['User'], timespan: '1h' },
    },
    'p',
  ),
];
const { correlator } = buildCorrelator(defs, [
  { id: 'a', title: 'a' },
  { id: 'b', title: 'b' },
  { id: 'c', title: 'c' },
]);
const N = Number(process.argv[2] ?? 1_000_000);
let seed = 1;
const rnd = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const findings: Finding[] = [];
for (let k = 0; k < N; k++) {
  const r = ['a', 'a', 'b', 'c'][Math.floor(rnd() * 4)];
  findings.push({
    id: `f${k}`,
    time: 1e12 + k * 100,
    severity: 'low',
    detector: 'sigma',
    rule: { id: r, title: r },
    attack: [],
    entities: [],
    evidence: [{ kind: 'x', uri: 'u', record: k }],
    event: {
      User: `u${Math.floor(rnd() * 2000)}`,
      Host: `h${Math.floor(rnd() * 20)}`,
      n: Math.floor(rnd() * 1000),
    },
  });
}
const t0 = performance.now();
const out = correlator.process(findings);
const ms = performance.now() - t0;
console.log(
  `${N} findings in ${ms.toFixed(0)} ms: ${((N / ms) * 1000).toFixed(0)} findings/s; ${out.length} correlation findings; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
const byRule: Record<string, number> = {};
for (const o of out) byRule[o.rule.id] = (byRule[o.rule.id] ?? 0) + 1;
console.log(byRule);
const s = correlator.session();
for (const f of findings.slice(0, 50000)) s.push(f);
console.log(s.stats, correlator.correlations);
