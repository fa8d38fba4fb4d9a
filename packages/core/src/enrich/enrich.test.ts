import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HaechiError } from '../errors.js';
import { sharedData, skipUnlessData } from '../testing/index.js';
import { CidrSet, createEnricher, loadReputationLists, parseCidr, parseIPv4, parseIPv6 } from './index.js';

test('address parsing: IPv4, IPv6 forms, CIDR bounds', () => {
  assert.equal(parseIPv4('10.20.1.15'), 10 * 2 ** 24 + 20 * 2 ** 16 + 1 * 256 + 15);
  assert.equal(parseIPv4('255.255.255.255'), 2 ** 32 - 1);
  for (const bad of ['1.2.3', '1.2.3.256', '1..2.3', 'a.b.c.d', '1.2.3.4.5', ''])
    assert.equal(parseIPv4(bad), -1, bad);
  assert.equal(parseIPv6('::1'), 1n);
  assert.equal(parseIPv6('fe80::1%eth0'), (0xfe80n << 112n) | 1n);
  assert.equal(parseIPv6('::ffff:1.2.3.4'), (0xffffn << 32n) | 0x01020304n);
  assert.equal(parseIPv6('2001:db8:0:0:0:0:0:1'), parseIPv6('2001:db8::1'));
  for (const bad of ['1::2::3', '2001:db8', 'gggg::1', '1.2.3.4'])
    assert.equal(parseIPv6(bad), undefined, bad);
  const c = parseCidr('172.16.0.0/12')!;
  assert.equal(c.first, parseIPv4('172.16.0.0'));
  assert.equal(c.last, parseIPv4('172.31.255.255'));
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  const set = new CidrSet([
    parseCidr('10.0.0.0/8')!,
    parseCidr('10.1.0.0/16')!,
    parseCidr('fd00::/8')!,
    parseCidr('192.0.2.7')!,
  ]);
  assert.equal(set.size, 3); // the /16 merged into the /8
  assert.ok(set.has('10.255.0.1'));
  assert.ok(set.has('192.0.2.7'));
  assert.ok(!set.has('192.0.2.8'));
  assert.ok(set.has('fd12:3456::1'));
  assert.ok(!set.has('fe80::1'));
});

test('enricher: ASN, organisation and country from @ip-location-db; internal and special ranges', () => {
  const e = createEnricher();
  const g = e.lookup('8.8.8.8');
  assert.equal(g.internal, false);
  assert.equal(g.asn, 15169);
  assert.match(g.org ?? '', /Google/);
  assert.equal(typeof g.country, 'string');
  assert.equal(g.country!.length, 2);
  const v6 = e.lookup('2001:4860:4860::8888');
  assert.equal(v6.asn, 15169);
  assert.equal(e.lookup('::ffff:8.8.8.8').asn, 15169);
  const dropbox = e.lookup('162.125.5.14');
  assert.equal(dropbox.asn, 19679);
  assert.deepEqual(e.lookup('10.20.1.15'), { ip: '10.20.1.15', internal: true });
  assert.equal(e.lookup('fd77:48a1:c0bb::1').internal, true);
  assert.equal(e.lookup('fe80::1').special, 'link-local');
  assert.equal(e.lookup('224.0.0.252').special, 'multicast');
  assert.equal(e.lookup('255.255.255.255').special, 'broadcast');
  assert.equal(e.lookup('not-an-ip').special, 'invalid');
  assert.equal(e.lookup('8.8.8.8'), g, 'cached');
});

test('enricher: internal networks from options replace the defaults; bad CIDR is a config error', () => {
  const e = createEnricher({ internal: ['147.32.0.0/16'], geo: false });
  assert.equal(e.isInternal('147.32.81.167'), true);
  assert.equal(e.isInternal('10.0.0.1'), false);
  assert.equal(e.lookup('8.8.8.8').asn, undefined); // geo off
  assert.throws(
    () => createEnricher({ internal: ['10.0.0.0/40'] }),
    (err: unknown) => err instanceof HaechiError && err.code === 'config',
  );
});

test('enricher: hosting/VPN/Tor lists read from a folder', {
  skip: skipUnlessData('network/enrichment'),
}, () => {
  const dir = sharedData('network/enrichment');
  const lists = loadReputationLists(dir);
  assert.ok(lists.files.length >= 4);
  assert.ok((lists.cidrs.hosting?.length ?? 0) > 1000);
  assert.ok((lists.asns.vpn?.length ?? 0) > 3);
  assert.ok((lists.cidrs.tor?.length ?? 0) > 1000);
  const e = createEnricher({ lists });
  // first address of the Tor list, and a Vultr (AS20473) VPS from the demo scenario
  assert.equal(e.lookup('101.99.92.179').tor, true);
  const vps = e.lookup('45.76.133.21');
  assert.equal(vps.asn, 20473);
  assert.equal(vps.hosting, true);
  assert.equal(vps.tor, undefined);
  assert.throws(
    () => loadReputationLists(`${dir}/nope`),
    (err: unknown) => err instanceof HaechiError && err.code === 'config',
  );
});
