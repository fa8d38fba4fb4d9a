import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../model/index.js';
import { aggregateIocFindings } from './aggregate.js';

function hit(
  i: number,
  host: string,
  observed: string,
  severity: Finding['severity'] = 'high',
  window?: string,
): Finding {
  return {
    id: `ioc-${host}-${i}`,
    time: 1_000_000 + i * 300_000,
    severity,
    detector: 'ioc',
    rule: { id: 'ioc:indicator--1', title: 'Indicator match: ipv4 139.180.140.83' },
    attack: [],
    entities: [
      { type: 'ip', value: observed },
      { type: 'host', value: host },
    ],
    evidence: [{ kind: 'zeek.conn', uri: 'conn.log', record: i + 1 }],
    host,
    details: { observed },
    ...(window ? { window } : {}),
  };
}

test('indicator findings merge per indicator, host, value and window; others pass through', () => {
  const sigma: Finding = { ...hit(0, 'A', 'x'), id: 's', detector: 'sigma' };
  const many = Array.from({ length: 50 }, (_, i) =>
    hit(i, 'MES-02', '139.180.140.83', i === 7 ? 'critical' : 'high'),
  );
  const other = hit(3, 'FS-01', '139.180.140.83');
  const inWindow = [
    hit(60, 'MES-02', '139.180.140.83', 'high', 'CHG-1'),
    hit(61, 'MES-02', '139.180.140.83', 'high', 'CHG-1'),
  ];
  const out = aggregateIocFindings([...many.reverse(), sigma, other, ...inWindow]);
  assert.equal(out.length, 4);
  assert.ok(out.includes(sigma));
  assert.ok(out.includes(other));
  const merged = out.find((f) => f.host === 'MES-02' && !f.window)!;
  assert.equal(merged.id, 'ioc-MES-02-0');
  assert.equal(merged.time, 1_000_000);
  assert.equal(merged.severity, 'critical');
  assert.equal((merged.details as { count: number }).count, 50);
  assert.equal((merged.details as { last: string }).last, new Date(1_000_000 + 49 * 300_000).toISOString());
  assert.equal(merged.evidence.length, 20);
  assert.equal(merged.evidence[0].record, 1);
  assert.equal(merged.evidence[19].record, 50);
  assert.equal((merged.details as { evidenceOmitted: number }).evidenceOmitted, 30);
  const win = out.find((f) => f.window === 'CHG-1')!;
  assert.equal((win.details as { count: number }).count, 2);
});
