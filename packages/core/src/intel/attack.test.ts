import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { HaechiError } from '../errors.js';
import { sharedData, skipUnlessData } from '../testing/index.js';
import { AttackIndex, type AttackKnowledge, attackFromBundle, loadAttack, saveKnowledge } from './attack.js';

const skip = skipUnlessData('attack', 'enterprise-attack.json');

describe('ATT&CK bundle', { skip }, () => {
  let k: AttackKnowledge;
  let ix: AttackIndex;
  before(async () => {
    // the 40 MB bundle is parsed once for the whole file
    k = await loadAttack(sharedData('attack', 'enterprise-attack.json'));
    ix = new AttackIndex(k);
  });

  test('counts active techniques, groups and campaigns', () => {
    assert.equal(k.techniques.length, 691);
    assert.equal(k.groups.length, 172);
    assert.equal(k.campaigns.length, 52);
    assert.equal(k.tactics.length, 14);
    const subs = k.techniques.filter((t) => t.parent);
    assert.ok(subs.length > 400 && subs.length < 691);
    for (const s of subs) assert.ok(ix.techniques.has(s.parent as string), `parent of ${s.id}`);
  });

  test("knows Lazarus' aliases and resolves them", () => {
    const g = ix.groups.get('G0032');
    assert.equal(g?.name, 'Lazarus Group');
    for (const a of [
      'Labyrinth Chollima',
      'HIDDEN COBRA',
      'Guardians of Peace',
      'ZINC',
      'NICKEL ACADEMY',
      'Diamond Sleet',
    ]) {
      assert.ok(g?.aliases.includes(a), a);
      assert.equal(ix.resolve(a), 'G0032', a);
    }
    assert.equal(ix.resolve('hidden cobra'), 'G0032');
    assert.equal(ix.resolve('Onyx Sleet'), 'G0138');
  });

  test('Operation Dream Job is attributed to Lazarus, with its uses cited', () => {
    const c = ix.resolve('Operation Dream Job') as string;
    assert.match(c, /^C\d{4}$/);
    assert.deepEqual(ix.campaignGroups(c), ['G0032']);
    assert.equal(ix.resolve('Operation North Star'), c);
    const uses = k.relations.filter((r) => r.source === c && r.type === 'uses');
    assert.ok(uses.length > 20);
    assert.ok(uses.every((r) => r.citations.length > 0));
    assert.ok(
      uses.some((r) => r.target === 'T1566.003'),
      'spearphishing via service (LinkedIn)',
    );
  });

  test('relationships keep their citations and references resolve to URLs', () => {
    const lazSoftware = k.relations.filter((r) => r.source === 'G0032' && r.target.startsWith('S'));
    assert.ok(
      lazSoftware.some((r) => r.target === 'S0245'),
      'BADCALL',
    );
    const cited = k.relations.find((r) => r.source === 'G0032' && r.citations.length > 0);
    assert.ok(cited);
    assert.match(k.references[cited.citations[0]] ?? '', /^https?:\/\//);
    // relations never point at revoked or deprecated objects
    const known = new Set([...k.groups, ...k.software, ...k.campaigns, ...k.techniques].map((o) => o.id));
    assert.ok(k.relations.every((r) => known.has(r.source) && known.has(r.target)));
  });

  test('the knowledge cache round-trips', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'haechi-attack-'));
    const p = join(dir, 'k.json');
    await saveKnowledge(k, p);
    const back = await loadAttack(p);
    assert.deepEqual(back, k);
  });
});

describe('malformed ATT&CK input', () => {
  test('a JSON document that is not a bundle', () => {
    assert.throws(
      () => attackFromBundle({ type: 'x' }, 'x.json'),
      (e: unknown) =>
        e instanceof HaechiError &&
        e.code === 'input' &&
        e.file === 'x.json' &&
        /STIX 2.1 bundle/.test(e.message),
    );
  });
  test('invalid JSON names the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'haechi-attack-'));
    const p = join(dir, 'bad.json');
    await writeFile(p, '{"type": "bundle", "objects": [');
    await assert.rejects(
      loadAttack(p),
      (e: unknown) => e instanceof HaechiError && e.file === p && /not valid JSON/.test(e.message),
    );
  });
  test('a missing file', async () => {
    await assert.rejects(
      loadAttack('/nonexistent/attack.json'),
      (e: unknown) => e instanceof HaechiError && e.code === 'input',
    );
  });
  test('a small bundle: revoked and deprecated objects are dropped', () => {
    const ref = (id: string) => [{ source_name: 'mitre-attack', external_id: id }];
    const k = attackFromBundle({
      type: 'bundle',
      objects: [
        { type: 'attack-pattern', id: 'attack-pattern--1', name: 'A', external_references: ref('T0001') },
        {
          type: 'attack-pattern',
          id: 'attack-pattern--2',
          name: 'B',
          revoked: true,
          external_references: ref('T0002'),
        },
        {
          type: 'intrusion-set',
          id: 'intrusion-set--1',
          name: 'G',
          aliases: ['G', 'Gee'],
          external_references: ref('G9001'),
        },
        {
          type: 'intrusion-set',
          id: 'intrusion-set--2',
          name: 'Old',
          x_mitre_deprecated: true,
          external_references: ref('G9002'),
        },
        {
          type: 'relationship',
          id: 'relationship--1',
          relationship_type: 'uses',
          source_ref: 'intrusion-set--1',
          target_ref: 'attack-pattern--1',
          external_references: [{ source_name: 'Report 1', url: 'https://r.example/1' }],
        },
        {
          type: 'relationship',
          id: 'relationship--2',
          relationship_type: 'uses',
          source_ref: 'intrusion-set--1',
          target_ref: 'attack-pattern--2',
        },
      ],
    });
    assert.deepEqual(
      k.techniques.map((t) => t.id),
      ['T0001'],
    );
    assert.deepEqual(k.groups, [{ id: 'G9001', name: 'G', aliases: ['Gee'], description: undefined }]);
    assert.deepEqual(k.relations, [
      { type: 'uses', source: 'G9001', target: 'T0001', citations: ['Report 1'] },
    ]);
    assert.equal(k.references['Report 1'], 'https://r.example/1');
  });
});
