import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../model/index.js';
import { groupIncidents } from './group.js';

const T0 = Date.parse('2026-03-02T14:00:00Z');
const H = 3600_000;
let n = 0;
function f(over: Partial<Finding> & { host?: string; user?: string; ip?: string }): Finding {
  const { user, ip, ...rest } = over;
  n++;
  return {
    id: `f${String(n).padStart(3, '0')}`,
    time: T0,
    severity: 'medium',
    detector: 'sigma',
    rule: { id: `r${n}`, title: `rule ${n}` },
    attack: [],
    entities: [
      ...(over.host ? [{ type: 'host' as const, value: over.host }] : []),
      ...(user ? [{ type: 'user' as const, value: user }] : []),
      ...(ip ? [{ type: 'ip' as const, value: ip }] : []),
    ],
    evidence: [{ kind: 'test', uri: 'mem://x' }],
    ...rest,
  };
}

test('one host within the gap is one incident; a day later is another', () => {
  const fs = [
    f({ host: 'MES-02', time: T0 }),
    f({ host: 'MES-02', time: T0 + 2 * H }),
    f({ host: 'MES-02', time: T0 + 30 * H }),
  ];
  const inc = groupIncidents(fs);
  assert.equal(inc.length, 2);
  assert.deepEqual(inc.map((i) => i.findings.length).sort(), [1, 2]);
});

test('the same C2 address on two hosts joins them; timeline in time order', () => {
  const fs = [
    f({
      host: 'WS-ENG-07',
      time: T0 + 5 * H,
      ip: '139.180.140.83',
      detector: 'ioc',
      severity: 'high',
      actors: [{ id: 'G0138', weight: 0.6, why: 'c2' }],
    }),
    f({ host: 'MES-02', time: T0, ip: '139.180.140.83', detector: 'ioc', severity: 'high' }),
    f({ host: 'MES-02', time: T0 + H, attack: ['T1003.001'] }),
    f({ host: 'FS-01', time: T0 + 2 * H }),
  ];
  const inc = groupIncidents(fs);
  assert.equal(inc.length, 2);
  const [a, b] = inc;
  assert.deepEqual(a.hosts, ['MES-02', 'WS-ENG-07']);
  assert.equal(a.severity, 'high');
  assert.deepEqual(
    a.timeline.map((t) => t.time),
    [T0, T0 + H, T0 + 5 * H],
  );
  assert.equal(a.first, T0);
  assert.equal(a.last, T0 + 5 * H);
  assert.deepEqual(a.attack, ['T1003.001']);
  assert.deepEqual(
    a.actors.map((x) => x.id),
    ['G0138'],
  );
  assert.ok(a.links.some((l) => l.startsWith('shared ip:139.180.140.83')));
  assert.deepEqual(b.hosts, ['FS-01']);
  assert.match(a.id, /^INC-[0-9a-f]{10}$/);
  // deterministic: same input in another order gives the same incidents
  assert.deepEqual(
    groupIncidents([...fs].reverse()).map((i) => i.id),
    inc.map((i) => i.id),
  );
});

test('an account moving between hosts links them; system accounts do not', () => {
  const fs = [
    f({ host: 'JUMP-01', time: T0, user: 'SJP\\hanil.park' }),
    f({ host: 'MES-02', time: T0 + 10 * 60_000, user: 'hanil.park@sjp.example' }),
    f({ host: 'DC-01', time: T0 + 5 * 60_000, user: 'SYSTEM' }),
    f({ host: 'FS-01', time: T0 + 6 * 60_000, user: 'SYSTEM' }),
  ];
  const inc = groupIncidents(fs);
  assert.equal(inc.length, 3);
  assert.deepEqual(inc.find((i) => i.hosts.length === 2)?.hosts, ['JUMP-01', 'MES-02']);
});

test('a hub address seen on many hosts does not glue them together; private addresses never do', () => {
  const fs = [
    ...['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((h, i) =>
      f({ host: h, time: T0 + i * 60_000, ip: '8.8.8.8' }),
    ),
    f({ host: 'X', time: T0, ip: '10.0.0.10' }),
    f({ host: 'Y', time: T0, ip: '10.0.0.10' }),
  ];
  assert.equal(groupIncidents(fs).length, 9);
  assert.equal(groupIncidents(fs, { maxEntityHosts: 10 }).length, 3);
});
