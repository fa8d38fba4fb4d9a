import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeLocal, isKnownTimeZone, parseDays, withinHours } from './hours.js';
import { AccountMatcher, bareAccount, HostMatcher, isPrivateIp, parseCidr, parseIp } from './match.js';

test('account patterns ignore case and the domain prefix or suffix', () => {
  const m = new AccountMatcher(['hanil.*', 'SJP\\svc_hanil']);
  for (const a of [
    'SJP\\hanil.park',
    'hanil.park@sjp.example',
    'HANIL.PARK',
    'hanil.kim',
    'svc_hanil',
    'sjp\\SVC_HANIL',
  ])
    assert.equal(m.matches(a), true, a);
  for (const a of ['xhanil.park', 'hanil', 'svc_hanil2', 'park.hanil']) assert.equal(m.matches(a), false, a);
  assert.equal(bareAccount('SJP\\Hanil.Park'), 'hanil.park');
  assert.equal(new AccountMatcher(['h?nil']).matches('HANIL'), true);
  assert.equal(new AccountMatcher(['h?nil']).matches('hannil'), false);
});

test('host patterns: name globs on the short name, CIDR blocks on addresses', () => {
  const m = new HostMatcher(['MES-*', '10.20.0.0/16']);
  assert.equal(m.matches('mes-02.sjp.example'), true);
  assert.equal(m.matches('MES-02'), true);
  assert.equal(m.matches('FS-01'), false);
  assert.equal(m.matches('JUMP-01', ['10.20.1.15']), true, 'by the inventory address');
  assert.equal(m.matches('JUMP-01', ['10.30.0.1']), false);
  assert.equal(m.matches('10.20.255.255'), true);
  assert.equal(m.matches('10.21.0.1'), false);
});

test('addresses and CIDR blocks, v4, v6 and v4-mapped', () => {
  assert.deepEqual(parseIp('10.0.0.1'), { v: 4, n: 0x0a000001n });
  assert.equal(parseIp('256.0.0.1'), undefined);
  assert.equal(parseIp('1.2.3'), undefined);
  assert.deepEqual(parseIp('::ffff:10.0.0.1'), { v: 4, n: 0x0a000001n });
  assert.equal(parseIp('2001:db8::1')?.n, 0x20010db8000000000000000000000001n);
  assert.equal(parseIp('2001:db8::1::2'), undefined);
  const v6 = new HostMatcher(['2001:db8::/32']);
  assert.equal(v6.matches('2001:db8:ffff::1'), true);
  assert.equal(v6.matches('2001:db9::1'), false);
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  assert.equal(parseCidr('10.1.2.3/8')?.base, 0x0a000000n);
  assert.equal(isPrivateIp('10.20.3.40'), true);
  assert.equal(isPrivateIp('45.76.133.21'), false);
});

test('allowed hours in the supplier time zone', () => {
  const h = { days: parseDays('mon-fri'), from: 9 * 60, to: 18 * 60, tz: 'Asia/Seoul' };
  // 2026-03-02 is a Monday. 14:12 UTC is 23:12 in Seoul (UTC+9, no DST)
  assert.equal(withinHours(h, Date.parse('2026-03-02T14:12:07Z')), false);
  assert.equal(describeLocal(Date.parse('2026-03-02T14:12:07Z'), 'Asia/Seoul'), 'Mon 23:12 Asia/Seoul');
  // 01:30 UTC is 10:30 Monday in Seoul, while it is still Sunday night in UTC
  assert.equal(withinHours(h, Date.parse('2026-03-02T01:30:00Z')), true);
  assert.equal(withinHours(h, Date.parse('2026-03-01T01:30:00Z')), false, 'Sunday in Seoul');
  assert.equal(withinHours(h, Date.parse('2026-03-02T09:00:00Z')), false, '18:00 is the end, exclusive');
  assert.equal(withinHours(h, Date.parse('2026-03-02T08:59:59Z')), true);
});

test('allowed hours follow daylight saving time', () => {
  const h = { days: parseDays('mon-fri'), from: 9 * 60, to: 17 * 60, tz: 'America/New_York' };
  // 13:30 UTC: 08:30 EST before 2026-03-08, 09:30 EDT after
  assert.equal(withinHours(h, Date.parse('2026-03-06T13:30:00Z')), false);
  assert.equal(withinHours(h, Date.parse('2026-03-09T13:30:00Z')), true);
});

test('the local clock in odd offsets and across a DST change, minute by minute', () => {
  // Kathmandu is UTC+05:45: 03:14Z is 08:59 local, 03:15Z is 09:00
  const h = { days: parseDays('daily'), from: 9 * 60, to: 17 * 60, tz: 'Asia/Kathmandu' };
  assert.equal(withinHours(h, Date.parse('2026-03-02T03:14:59Z')), false);
  assert.equal(withinHours(h, Date.parse('2026-03-02T03:15:00Z')), true);
  // Berlin springs forward at 01:00Z on 29 March 2026 (02:00 CET -> 03:00 CEST)
  for (const [iso, local] of [
    ['2026-03-29T00:59:00Z', 'Sun 01:59 Europe/Berlin'],
    ['2026-03-29T01:00:00Z', 'Sun 03:00 Europe/Berlin'],
    ['2026-03-29T01:14:00Z', 'Sun 03:14 Europe/Berlin'],
  ])
    assert.equal(describeLocal(Date.parse(iso), 'Europe/Berlin'), local);
});

test('allowed hours spanning midnight belong to the day the shift started', () => {
  const night = { days: parseDays('mon-fri'), from: 22 * 60, to: 6 * 60, tz: 'Asia/Seoul' };
  const kst = (s: string) => Date.parse(`${s}+09:00`);
  assert.equal(withinHours(night, kst('2026-03-02T23:00:00')), true, 'Monday 23:00');
  assert.equal(withinHours(night, kst('2026-03-03T05:59:00')), true, 'Tuesday 05:59, Monday night shift');
  assert.equal(withinHours(night, kst('2026-03-03T06:00:00')), false, 'Tuesday 06:00');
  assert.equal(withinHours(night, kst('2026-03-02T02:00:00')), false, 'Monday 02:00 is Sunday night');
  assert.equal(withinHours(night, kst('2026-03-07T02:00:00')), true, 'Saturday 02:00 is Friday night');
  assert.equal(withinHours(night, kst('2026-03-07T23:00:00')), false, 'Saturday 23:00');
  assert.equal(withinHours(night, kst('2026-03-04T12:00:00')), false, 'midday');
  const allDay = { days: parseDays('sat,sun'), from: 0, to: 0, tz: 'UTC' };
  assert.equal(withinHours(allDay, Date.parse('2026-03-07T12:00:00Z')), true);
  assert.equal(withinHours(allDay, Date.parse('2026-03-06T12:00:00Z')), false);
});

test('days and zones as people write them', () => {
  assert.deepEqual([...parseDays('fri-mon')].sort(), [0, 1, 5, 6]);
  assert.deepEqual([...parseDays('Monday,wed')].sort(), [1, 3]);
  assert.equal(parseDays('daily').size, 7);
  assert.throws(() => parseDays('mon-fry'), /'fry' is not a day/);
  assert.equal(isKnownTimeZone('Asia/Seoul'), true);
  assert.equal(isKnownTimeZone('Asia/Seul'), false);
});
