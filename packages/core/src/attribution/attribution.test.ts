import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { ActorProfile } from '../intel/index.js';
import { type AttackKnowledge, loadAttack, loadProfiles } from '../intel/index.js';
import type { Finding } from '../model/index.js';
import { sharedData, skipUnlessData } from '../testing/index.js';
import {
  Attributor,
  attributionContext,
  buildGroupProfiles,
  DPRK_GROUPS,
  observationsOf,
  tfidfRank,
} from './index.js';

const skip = skipUnlessData('attack', 'enterprise-attack.json');
let profiles: ActorProfile[];
before(async () => {
  profiles = await loadProfiles();
});

describe('attribution over ATT&CK', { skip }, () => {
  let k: AttackKnowledge;
  before(async () => {
    k = await loadAttack(sharedData('attack', 'enterprise-attack.json'));
  });

  test('a held-out campaign (Operation Dream Job) still points to Lazarus', () => {
    const dreamJob = k.campaigns.find((c) => c.name === 'Operation Dream Job')?.id as string;
    const uses = k.relations.filter((r) => r.source === dreamJob && r.type === 'uses');
    const obs = {
      techniques: uses.filter((r) => r.target.startsWith('T')).map((r) => r.target),
      software: uses.filter((r) => r.target.startsWith('S')).map((r) => r.target),
    };
    const cites = new Set(uses.flatMap((r) => r.citations));
    const groups = buildGroupProfiles(k, [], {
      excludeSources: cites,
      excludeCampaigns: new Set([dreamJob]),
    });
    const lazarus = groups.find((g) => g.id === 'G0032');
    // the hold-out really removed the campaign's contribution
    assert.ok(lazarus && ![...lazarus.techniques.values()].some((u) => u.via === `campaign:${dreamJob}`));
    const ranked = new Attributor(groups).rank(obs);
    const pos = ranked.findIndex((r) => r.id === 'G0032');
    // every report the campaign cites is held out, which also strips much of Lazarus' own profile:
    // it must still be in the top tenth of the 172 groups
    assert.ok(pos >= 0 && pos < ranked.length / 10, `Lazarus ranked ${pos + 1} of ${ranked.length}`);
    const dprk = new Attributor(groups).rank(obs, [...DPRK_GROUPS]).map((r) => r.id);
    // the fake-recruiter groups (Contagious Interview, Moonstone Sleet) and Kimsuky share much of
    // Dream Job's tradecraft; with Lazarus' Dream Job reports held out, it stays in the upper half
    assert.ok(dprk.indexOf('G0032') >= 0 && dprk.indexOf('G0032') < 4, dprk.join(' '));
  });

  test('rare evidence outweighs common evidence; software weighs more than techniques', () => {
    const a = new Attributor(buildGroupProfiles(k, []));
    assert.ok(a.idf('T1059.001') < a.idf('T1566.003'));
    // BabyShark alone is Kimsuky's
    const r = a.rank({ software: ['S0414'] });
    assert.equal(r[0].id, 'G0094');
    assert.deepEqual(r[0].matched.software, ['S0414']);
    // names resolve like ids
    assert.equal(a.rank({ software: ['babyshark'] })[0].id, 'G0094');
  });

  test('too little evidence is said to be insufficient', () => {
    const a = new Attributor(buildGroupProfiles(k, []));
    const x = a.assess({ techniques: ['T1059.001', 'T1105'] });
    assert.equal(x.insufficientEvidence, true);
    assert.ok(x.hypotheses.every((h) => h.confidence === 'low'));
    assert.equal(a.assess({}).insufficientEvidence, true);
  });

  test('a planted actor: indicator matches and techniques make it the top hypothesis, with evidence', () => {
    const ctx = attributionContext(k, profiles);
    const finding = (over: Partial<Finding>): Finding => ({
      id: `f-${Math.random()}`,
      time: Date.parse('2026-03-02T14:45:00Z'),
      severity: 'high',
      detector: 'sigma',
      rule: { id: 'r', title: 't' },
      attack: [],
      entities: [],
      evidence: [],
      ...over,
    });
    const fs = [
      finding({
        detector: 'ioc',
        actors: [
          {
            id: 'G0138',
            weight: 0.68,
            why: 'domain indicator update.cdn-syncsvc.com from demo feed linked to Andariel',
          },
        ],
      }),
      finding({
        detector: 'ioc',
        actors: [
          {
            id: 'G0138',
            weight: 0.6,
            why: 'ipv4 indicator 139.180.140.83 from demo feed linked to Andariel',
          },
        ],
      }),
      finding({ attack: ['T1021.001'] }),
      finding({ attack: ['T1003.001'] }),
      finding({ attack: ['T1053.005'] }),
      finding({ attack: ['T1560.001'] }),
    ];
    const obs = observationsOf(fs);
    assert.equal(obs.actors?.length, 2);
    const a = ctx.attributor.assess(obs, { nameOf: ctx.nameOf });
    assert.ok(!a.insufficientEvidence);
    const top = a.hypotheses[0];
    assert.equal(top.actor, 'G0138');
    assert.equal(top.name, 'Andariel');
    assert.notEqual(top.confidence, 'low');
    assert.ok(top.for.some((e) => /^indicator: domain indicator update\.cdn-syncsvc\.com/.test(e)));
    // Andariel's own reports name T1021 and T1560 (AA24-207A): the observed sub-techniques get partial credit
    assert.ok(
      top.for.some((e) => /T1021\.001/.test(e) && /T1560\.001/.test(e)),
      top.for.join('\n'),
    );
    // the competing hypotheses are told why they lose
    assert.ok(a.hypotheses[1].against.some((e) => /indicator links to another actor \(Andariel\)/.test(e)));
    assert.ok(a.hypotheses[0].score > a.hypotheses[1].score);
  });

  test('the TF-IDF baseline ranks by cosine', () => {
    const groups = buildGroupProfiles(k, []);
    const r = tfidfRank(groups, { techniques: ['T1566.003'], software: ['S0245'] });
    assert.equal(r[0].id, 'G0032');
    assert.ok(r[0].score > 0 && r[0].score <= 1);
  });
});

describe("attribution over haechi's profiles only (no ATT&CK bundle)", () => {
  test('advisory facts (KNPA 2024, AA24-207A) identify Andariel', () => {
    const ctx = attributionContext(undefined, profiles);
    assert.equal(ctx.groups.length, 8);
    const a = ctx.attributor.assess(
      { techniques: ['T1199', 'T1078', 'T1505.003', 'T1190'], software: ['TigerRAT'] },
      { nameOf: ctx.nameOf },
    );
    assert.equal(a.hypotheses[0].actor, 'G0138');
    assert.ok(a.hypotheses[0].for.some((e) => /TigerRAT/.test(e) && /haechi profile/.test(e)));
    assert.ok(a.hypotheses[0].for.some((e) => /T1199/.test(e) && /Korean National Police Agency/.test(e)));
    assert.equal(ctx.resolveActor('Onyx Sleet')?.id, 'G0138');
    assert.equal(ctx.resolveActor('Hidden Cobra')?.id, 'G0032');
  });

  test('timing: activity outside reported working hours speaks against', () => {
    const ctx = attributionContext(undefined, profiles);
    // 23:00-02:00 Pyongyang time (UTC+9)
    const nights = [14, 15, 16, 17].map((h) => Date.parse(`2026-03-02T${h}:00:00Z`));
    const a = ctx.attributor.assess(
      { techniques: ['T1566.003', 'T1059.001', 'T1027'], software: ['S0245'], times: nights },
      { nameOf: ctx.nameOf },
    );
    const laz = a.hypotheses.find((h) => h.actor === 'G0032');
    assert.ok(
      laz?.against.some((e) =>
        /0% of 4 observed events fall in Lazarus Group's reported working hours/.test(e),
      ),
      JSON.stringify(laz?.against),
    );
  });
});
