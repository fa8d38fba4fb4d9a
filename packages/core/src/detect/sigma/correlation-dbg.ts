import { buildCorrelator, parseCorrelationDocument } from './correlation.js';

const defs = [
  parseCorrelationDocument(
    {
      title: 'vc',
      id: 'vc',
      correlation: {
        type: 'value_count',
        rules: ['a'],
        'group-by': ['Host'],
        timespan: '1h',
        condition: { gte: 5, field: 'User' },
      },
    },
    'p',
  ),
];
const { correlator, rejected } = buildCorrelator(defs, [{ id: 'a', title: 'a' }]);
console.log(rejected, correlator.nodes[0].mode, correlator.nodes[0].valueFields);
const fs = Array.from({ length: 10 }, (_, k) => ({
  id: `f${k}`,
  time: 1e12 + k * 100,
  severity: 'low' as const,
  detector: 'sigma',
  rule: { id: 'a', title: 'a' },
  attack: [],
  entities: [],
  evidence: [],
  event: { User: `u${k}`, Host: 'h' },
}));
console.log(correlator.process(fs).map((f) => f.details));
