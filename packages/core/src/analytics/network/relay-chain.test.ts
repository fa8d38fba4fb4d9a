import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEnricher } from '../../enrich/index.js';
import type { Event } from '../../model/index.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { RelayChainAnalytic } from './index.js';
import { connEvent, readNetworkLogs, runAnalytic } from './test-support.js';

const DATA = 'network/stratosphere';
const enricher = createEnricher({ internal: ['147.32.0.0/16', '10.0.0.0/8', '192.168.0.0/16'] });

let background: Event[] | undefined;
async function realBackground(): Promise<Event[]> {
  background ??= [
    ...(await readNetworkLogs(sharedData(DATA, '008-zeek-mixed/data/conn.log.labeled'))),
    ...(await readNetworkLogs(sharedData(DATA, '010-zeek-mixed/data/conn.log.labeled'))),
    ...(await readNetworkLogs(sharedData('network/rita/proxy/conn.log'))),
  ];
  return background;
}

/** One pass through the chain: origin -> hops[0] -> hops[1] ... each hop `delays[i]` s after the one before. */
function chain(
  start: number,
  origin: string,
  hops: { ip: string; port: number }[],
  delays: number[],
  bytes: number,
): Event[] {
  const out: Event[] = [];
  let t = start;
  let from = origin;
  hops.forEach((h, i) => {
    if (i > 0) t += delays[i - 1]! * 1000;
    // each session lasts past the next one's start; volumes shrink a little per hop (headers)
    const dur = 1800 - i * 30;
    out.push(
      connEvent({
        time: t,
        src: from,
        dst: h.ip,
        dport: h.port,
        duration: dur,
        origBytes: Math.round(bytes * 0.3 * (1 - i * 0.03)),
        respBytes: Math.round(bytes * 0.7 * (1 - i * 0.03)),
      }),
    );
    from = h.ip;
  });
  return out;
}

test('no relay chain is reported in real background traffic', {
  skip: skipUnlessData(DATA) || skipUnlessData('network/rita'),
}, async () => {
  const found = runAnalytic(new RelayChainAnalytic({ enricher }), await realBackground());
  assert.deepEqual(
    found.map((f) => f.rule.title),
    [],
  );
});

for (const [name, delays] of [
  ['tight hops (2 s, 3 s)', [2, 3]],
  ['slower hops (20 s, 45 s)', [20, 45]],
  ['mixed hops (8 s, 55 s)', [8, 55]],
] as const) {
  test(`relay chain injected into real traffic is stitched from the outside origin: ${name}`, {
    skip: skipUnlessData(DATA) || skipUnlessData('network/rita'),
  }, async () => {
    const bg = await realBackground();
    const first = bg[0]!.time;
    const hops = [
      { ip: '147.32.81.167', port: 3389 }, // the capture's own Windows machine, as the first internal hop
      { ip: '147.32.84.10', port: 22 },
      { ip: '147.32.85.20', port: 3389 },
    ];
    const injected: Event[] = [];
    // three visits over the day, as an intruder coming back
    for (const [k, at] of [2, 9, 17].entries()) {
      injected.push(
        ...chain(
          first + at * 3_600_000,
          '45.76.133.21',
          hops,
          delays as unknown as number[],
          2_000_000 + k * 50_000,
        ),
      );
    }
    const found = runAnalytic(new RelayChainAnalytic({ enricher }), [...bg, ...injected]);
    assert.equal(found.length, 1, found.map((f) => f.rule.title).join('\n'));
    const f = found[0]!;
    assert.deepEqual(f.details!.path, ['45.76.133.21', '147.32.81.167', '147.32.84.10', '147.32.85.20']);
    assert.equal(f.details!.occurrences, 3);
    assert.equal(f.details!.externalOrigin, true);
    assert.deepEqual(f.details!.delaysSeconds, [
      [delays[0], delays[0], delays[0]],
      [delays[1], delays[1], delays[1]],
    ]);
    assert.equal((f.details!.origin as { asn?: number }).asn, 20473);
    assert.ok(f.attack.includes('T1021.001') && f.attack.includes('T1021.004') && f.attack.includes('T1133'));
    assert.ok(f.score! >= 0.7, `score ${f.score}`);
    assert.equal(f.evidence.length, 9);
  });
}

test('a next hop later than maxHopDelay inside the network is not stitched', {
  skip: skipUnlessData(DATA) || skipUnlessData('network/rita'),
}, async () => {
  const bg = await realBackground();
  const first = bg[0]!.time;
  const hops = [
    { ip: '147.32.84.10', port: 22 },
    { ip: '147.32.85.20', port: 3389 },
  ];
  const injected: Event[] = [];
  for (const at of [3, 10, 20])
    injected.push(...chain(first + at * 3_600_000, '147.32.81.167', hops, [180], 1_000_000));
  const found = runAnalytic(new RelayChainAnalytic({ enricher }), [...bg, ...injected]);
  assert.deepEqual(found, []);
});
