import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HaechiError } from '../errors.js';
import { loadProfiles, parseProfile } from './profiles.js';

test("haechi's DPRK profiles load, and every fact names a source with a URL", async () => {
  const ps = await loadProfiles();
  assert.deepEqual(
    ps.map((p) => p.id),
    ['G0032', 'G0067', 'G0082', 'G0094', 'G0138', 'G1036', 'G1049', 'G1052'],
  );
  for (const p of ps) {
    assert.equal(p.country, 'KP');
    for (const s of Object.values(p.sources)) assert.match(s.url, /^https?:\/\//);
  }
  const andariel = ps.find((p) => p.id === 'G0138');
  assert.ok(andariel);
  assert.ok(andariel.aliases.some((a) => a.value === 'Onyx Sleet'));
  assert.ok(andariel.sectors.some((s) => s.value === 'defense' && s.source === 'aa24-207a'));
  assert.ok(andariel.techniques.some((t) => t.id === 'T1199' && t.source === 'knpa-2024'));
  assert.ok(andariel.malware.some((m) => m.name === 'TigerRAT'));
  const kimsuky = ps.find((p) => p.id === 'G0094');
  assert.ok(
    kimsuky?.malware.some(
      (m) => m.name === 'BabyShark' && (m.source === 'aa20-301a' || m.source === 'attack'),
    ),
  );
  const lazarus = ps.find((p) => p.id === 'G0032');
  assert.equal(lazarus?.timing[0]?.tz, 'Asia/Pyongyang');
});

test('a profile citing an unknown source is rejected with the field', () => {
  const y = `id: X1\nname: X\naliases: [{value: Y, source: nowhere}]\nsources: {a: {title: T, url: 'https://a.example'}}\n`;
  assert.throws(
    () => parseProfile(y, 'x.yaml'),
    (e: unknown) =>
      e instanceof HaechiError &&
      e.file === 'x.yaml' &&
      e.field === 'aliases.0.source' &&
      /nowhere/.test(e.message),
  );
  assert.throws(
    () => parseProfile('id: [', 'y.yaml'),
    (e: unknown) => e instanceof HaechiError && /not valid YAML/.test(e.message),
  );
});
