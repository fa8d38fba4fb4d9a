import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../model/index.js';
import { comparisonLayer, huntLayer, writeNavigatorLayer } from './navigator.js';

const f = (id: string, attack: string[], title: string): Finding => ({
  id,
  time: 0,
  severity: 'high',
  detector: 'sigma',
  rule: { id, title },
  attack,
  entities: [],
  evidence: [],
});

test('hunt layer: format 4.5, one entry per technique, scored by findings', async () => {
  const layer = huntLayer([
    f('a', ['T1003.001', 'attack.t1059.001'], 'LSASS'),
    f('b', ['T1003.001', 'S0002'], 'Mimikatz'),
    f('c', [], 'x'),
  ]);
  assert.equal(layer.versions.layer, '4.5');
  assert.equal(layer.domain, 'enterprise-attack');
  assert.deepEqual(
    layer.techniques.map((t) => [t.techniqueID, t.score]),
    [
      ['T1003.001', 2],
      ['T1059.001', 1],
    ],
  );
  assert.equal(layer.techniques[0].comment, 'LSASS; Mimikatz');
  assert.equal(layer.gradient.maxValue, 2);
  const dir = await mkdtemp(join(tmpdir(), 'haechi-nav-'));
  await writeNavigatorLayer(join(dir, 'l.json'), layer);
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'l.json'), 'utf8')), layer);
});

test('comparison layer: observed only, both, actor only', () => {
  const layer = comparisonLayer(
    'INC-1',
    ['T1021.001', 'T1003.001'],
    { actor: 'G0138', name: 'Andariel', score: 0.8, confidence: 'high' },
    ['T1003.001', 'T1190'],
  );
  const by = Object.fromEntries(layer.techniques.map((t) => [t.techniqueID, t.score]));
  assert.deepEqual(by, { 'T1003.001': 3, 'T1021.001': 2, T1190: 1 });
  assert.equal(layer.legendItems.length, 3);
  assert.match(layer.name, /INC-1 vs Andariel \(G0138\)/);
});
