import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evtxReader } from '../../ingest/evtx/index.js';
import { readPaths } from '../../ingest/index.js';
import { fileInput } from '../../ingest/network/file-input.js';
import type { Event, Finding } from '../../model/index.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import {
  AUTH_DEFAULTS,
  authConfigSchema,
  createAuthAnalytics,
  createCredentialAttackAnalytic,
  type GeoLookup,
  isAuthEvent,
  toAttempt,
} from './index.js';

const T0 = Date.parse('2026-03-02T13:00:00Z');
let rec = 0;
function win(id: number, time: number, fields: Record<string, unknown>): Event {
  return {
    time,
    source: { kind: 'evtx', uri: 'test.evtx', record: ++rec },
    fields: { EventID: id, Channel: 'Security', Computer: 'DC-01.sjp.example', ...fields },
  };
}
const fail = (t: number, user: string, ip: string, sub = '0xc000006a') =>
  win(4625, t, {
    TargetUserName: user,
    IpAddress: ip,
    LogonType: 3,
    Status: '0xc000006d',
    SubStatus: sub,
    WorkstationName: '-',
  });
const ok = (t: number, user: string, ip: string, type = 3) =>
  win(4624, t, { TargetUserName: user, IpAddress: ip, LogonType: type, WorkstationName: 'WS' });

function run(events: Event[], opts: Parameters<typeof createCredentialAttackAnalytic>[0] = {}): Finding[] {
  const a = createCredentialAttackAnalytic(opts);
  a.feed(events.filter((e) => a.wants(e)));
  return a.finish();
}
const rules = (fs: Finding[]) => fs.map((f) => f.rule.id).sort();
const users = (n: number, prefix = 'user') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

/** ordinary office noise: every user signs in, some mistype once, from their own workstation */
function background(): Event[] {
  const out: Event[] = [];
  users(40, 'staff').forEach((u, i) => {
    const ip = `10.40.2.${10 + i}`;
    if (i % 5 === 0) out.push(fail(T0 + i * 60_000, u, ip));
    out.push(ok(T0 + i * 60_000 + 20_000, u, ip));
  });
  // service logons are not interactive and are ignored
  out.push(win(4624, T0, { TargetUserName: 'svc_backup', LogonType: 5, IpAddress: '-' }));
  out.push(win(4624, T0, { TargetUserName: 'DC-01$', LogonType: 3, IpAddress: '10.0.0.10' }));
  return out;
}

test('defaults are the published thresholds', () => {
  assert.equal(AUTH_DEFAULTS.spray.minUsers, 11); // more than 10
  assert.equal(AUTH_DEFAULTS.spray.windowMinutes, 24 * 60);
  assert.equal(AUTH_DEFAULTS.spray.entraMinUsers, 5);
  assert.equal(AUTH_DEFAULTS.spray.entraWindowMinutes, 20);
  assert.equal(AUTH_DEFAULTS.bruteForce.sshMinFailures, 10);
  assert.equal(AUTH_DEFAULTS.bruteForce.sshWindowSeconds, 15);
  assert.equal(AUTH_DEFAULTS.travel.maxSpeedKmh, 500);
  assert.equal(AUTH_DEFAULTS.travel.minDistanceKm, 100);
  assert.throws(() => authConfigSchema.parse({ spray: { minUsers: 'many' } }));
  assert.equal(authConfigSchema.parse({ spray: { minUsers: 3 } }).spray.windowMinutes, 24 * 60);
});

test('office background alone gives no finding', () => {
  assert.deepEqual(run(background()), []);
});

test('password spray then the supplier account gets in: spray and failures-then-success', () => {
  const src = '45.76.133.21';
  const ev = [...background()];
  ev.push(...users(15).map((u, i) => fail(T0 + 3600_000 + i * 10_000, u, src)));
  for (let i = 0; i < 3; i++) ev.push(fail(T0 + 3600_000 + 200_000 + i * 6000, 'hanil.park', src));
  ev.push(ok(T0 + 3600_000 + 240_000, 'SJP\\hanil.park', src));
  const fs = run(ev, { config: { supplierAccounts: ['hanil.*'] } });
  assert.deepEqual(rules(fs), ['failures-then-success', 'password-spray']);
  const spray = fs.find((f) => f.rule.id === 'password-spray')!;
  assert.equal(spray.detector, 'creds');
  assert.deepEqual(spray.attack, ['T1110.003']);
  assert.equal(spray.severity, 'critical');
  assert.equal(spray.details!.users, 16);
  assert.deepEqual(spray.details!.succeeded, ['hanil.park']);
  assert.ok(spray.entities.some((e) => e.type === 'ip' && e.value === src));
  const fts = fs.find((f) => f.rule.id === 'failures-then-success')!;
  assert.equal(fts.severity, 'critical');
  assert.equal(fts.details!.user, 'hanil.park');
  assert.equal(fts.details!.failures_for_user, 3);
  assert.equal(fts.details!.supplier_account, true);
  assert.ok(fts.attack.includes('T1078'));
  // ten users is not more than ten: no spray
  const ten = [...background()];
  ten.push(...users(10).map((u, i) => fail(T0 + i * 10_000, u, src)));
  assert.ok(!rules(run(ten)).includes('password-spray'));
});

test('credential stuffing: many names, mostly unknown here', () => {
  const src = '198.51.100.7';
  const ev = users(30, 'leaked').map((u, i) =>
    fail(T0 + i * 30_000, u, src, i % 4 === 0 ? '0xc000006a' : '0xc0000064'),
  );
  const fs = run(ev);
  assert.deepEqual(rules(fs), ['credential-stuffing']);
  assert.deepEqual(fs[0].attack, ['T1110.004']);
  assert.equal(fs[0].details!.users, 30);
});

test('brute force: SSH 10 failures in 15 s, Windows 10 in 10 min; slower guessing is not', () => {
  const ssh = (t: number, user: string, outcome: string): Event => ({
    time: t,
    source: { kind: 'auth-log', uri: 'auth.log', record: ++rec },
    fields: {
      Computer: 'web01',
      Program: 'sshd',
      TargetUserName: user,
      IpAddress: '203.0.113.9',
      Outcome: outcome,
    },
  });
  const fast = Array.from({ length: 12 }, (_, i) => ssh(T0 + i * 1000, 'root', 'failure'));
  const fs = run(fast);
  assert.deepEqual(rules(fs), ['brute-force']);
  assert.deepEqual(fs[0].attack, ['T1110.001']);
  assert.equal(fs[0].details!.failures_in_window, 12);
  assert.equal(fs[0].details!.protocol, 'ssh');
  const slow = Array.from({ length: 12 }, (_, i) => ssh(T0 + i * 5000, 'root', 'failure'));
  assert.ok(!rules(run(slow)).includes('brute-force'));
  const winBf = Array.from({ length: 10 }, (_, i) => fail(T0 + i * 30_000, 'kim.it', '10.9.9.9'));
  const wf = run([...winBf, ok(T0 + 400_000, 'kim.it', '10.9.9.9')]);
  assert.deepEqual(rules(wf), ['brute-force', 'failures-then-success']);
  assert.equal(wf.find((f) => f.rule.id === 'brute-force')!.severity, 'critical');
});

test('Kerberoasting (4769 RC4 for user services) and AS-REP roasting (4768 PreAuthType 0)', () => {
  const tgs = (t: number, svc: string, enc: string) =>
    win(4769, t, {
      TargetUserName: 'bob@SJP.EXAMPLE',
      ServiceName: svc,
      TicketEncryptionType: enc,
      IpAddress: '::ffff:10.40.2.57',
      Status: '0x0',
    });
  const ev = [
    tgs(T0, 'svc_mes', '0x17'),
    tgs(T0 + 1000, 'svc_sql', '0x17'),
    tgs(T0 + 2000, 'svc_web', '0x17'),
    tgs(T0 + 3000, 'FS-01$', '0x17'), // computer account: not roastable
    tgs(T0 + 4000, 'svc_aes', '0x12'), // AES: not the attack
    win(4768, T0 + 5000, {
      TargetUserName: 'scanner',
      ServiceName: 'krbtgt',
      PreAuthType: '0',
      Status: '0x0',
      TicketEncryptionType: '0x17',
      IpAddress: '::ffff:10.40.2.57',
    }),
    win(4768, T0 + 6000, {
      TargetUserName: 'alice',
      ServiceName: 'krbtgt',
      PreAuthType: '2',
      Status: '0x0',
      TicketEncryptionType: '0x12',
      IpAddress: '10.40.2.11',
    }),
  ];
  const fs = run(ev);
  assert.deepEqual(rules(fs), ['asrep-roasting', 'kerberoasting']);
  const k = fs.find((f) => f.rule.id === 'kerberoasting')!;
  assert.deepEqual(k.details!.services, ['svc_mes', 'svc_sql', 'svc_web']);
  assert.equal(k.severity, 'high');
  assert.deepEqual(k.attack, ['T1558.003']);
  assert.ok(k.entities.some((e) => e.type === 'ip' && e.value === '10.40.2.57'));
  // where RC4 is common, a higher minimum keeps single requests quiet
  assert.deepEqual(rules(run(ev.slice(0, 1), { config: { kerberoasting: { minServices: 2 } } })), []);
  assert.deepEqual(rules(run(ev.slice(0, 1))), ['kerberoasting']);
  const a = fs.find((f) => f.rule.id === 'asrep-roasting')!;
  assert.deepEqual(a.details!.users, ['scanner']);
  assert.deepEqual(a.attack, ['T1558.004']);
});

const entra = (
  t: number,
  upn: string,
  ip: string,
  code: number,
  loc?: { c: string; lat: number; lon: number },
  asn?: number,
): Event => ({
  time: t,
  source: { kind: 'entra-signin', uri: 'signins.json', record: ++rec },
  fields: {
    UserPrincipalName: upn,
    IPAddress: ip,
    ResultType: String(code),
    AppDisplayName: 'Office 365 Exchange Online',
    ...(loc
      ? {
          Location: loc.c,
          'LocationDetails.countryOrRegion': loc.c,
          'LocationDetails.geoCoordinates.latitude': loc.lat,
          'LocationDetails.geoCoordinates.longitude': loc.lon,
        }
      : {}),
    ...(asn ? { AutonomousSystemNumber: asn } : {}),
  },
});
const SEOUL = { c: 'KR', lat: 37.57, lon: 126.98 };
const BUSAN = { c: 'KR', lat: 35.18, lon: 129.08 };
const AMSTERDAM = { c: 'NL', lat: 52.37, lon: 4.9 };

test('Entra spray: 5 users in 20 minutes; MFA interrupts are not failures', () => {
  const ev = users(5, 'e').map((u, i) => entra(T0 + i * 60_000, `${u}@sjp.example`, '192.0.2.50', 50126));
  const fs = run(ev);
  assert.deepEqual(rules(fs), ['password-spray']);
  assert.equal(fs[0].details!.threshold_users, 5);
  // the same on premises is not a spray (needs more than 10)
  assert.deepEqual(run(users(5).map((u, i) => fail(T0 + i * 60_000, u, '192.0.2.50'))), []);
  // 50074 (MFA required) means the password was right: not a failure
  const mfa = users(6, 'm').map((u, i) => entra(T0 + i * 60_000, `${u}@sjp.example`, '192.0.2.51', 50074));
  assert.deepEqual(run(mfa), []);
  assert.equal(toAttempt(mfa[0]), undefined);
});

test('impossible travel with reported coordinates; same-country centroids are never judged', () => {
  const ev = [
    entra(T0, 'kim@sjp.example', '211.234.1.1', 0, SEOUL, 4766),
    entra(T0 + 2 * 3600_000, 'kim@sjp.example', '185.1.1.1', 0, AMSTERDAM, 60068),
    // Seoul -> Busan (325 km) in 2 hours is possible
    entra(T0, 'lee@sjp.example', '211.234.1.2', 0, SEOUL, 4766),
    entra(T0 + 2 * 3600_000, 'lee@sjp.example', '211.234.9.9', 0, BUSAN, 4766),
  ];
  const fs = run(ev, { config: { newLocation: { minHistory: 5 } } });
  assert.deepEqual(rules(fs), ['impossible-travel']);
  const f = fs[0];
  assert.equal(f.details!.user, 'kim@sjp.example');
  assert.equal(f.details!.coordinates, 'reported');
  assert.ok(Math.abs((f.details!.distance_km as number) - 8570) < 150, String(f.details!.distance_km));
  // addresses only known by country: centroids; KR->KR is skipped, KR->NL judged
  const geo: GeoLookup = (ip) =>
    ip.startsWith('1.')
      ? { country: 'KR', asn: 4766 }
      : ip.startsWith('2.')
        ? { country: 'NL', asn: 1136 }
        : undefined;
  const ipOnly = [
    ok(T0, 'park', '1.1.1.1', 10),
    ok(T0 + 3600_000, 'park', '1.1.2.2', 10),
    ok(T0 + 2 * 3600_000, 'park', '2.2.2.2', 10),
  ];
  const g = run(ipOnly, { geo, config: { newLocation: { minHistory: 5 } } });
  assert.deepEqual(rules(g), ['impossible-travel']);
  assert.equal(g[0].details!.coordinates, 'country-centroid');
  assert.equal(g[0].details!.pairs, 1);
});

test('first sign-in from a new country/ASN: suppliers from their first known sign-in, others after history', () => {
  const geo: GeoLookup = (ip) =>
    ip === '45.76.133.21'
      ? { country: 'JP', asn: 20473, org: 'Vultr' }
      : ip.startsWith('211.')
        ? { country: 'KR', asn: 4766 }
        : undefined;
  const day = 86_400_000;
  const ev = [
    ok(T0 - 2 * day, 'hanil.park', '211.1.1.1', 10),
    ok(T0, 'hanil.park', '45.76.133.21', 10),
    ok(T0 - 2 * day, 'staff01', '211.1.1.2', 10),
    ok(T0, 'staff01', '45.76.133.21', 10), // one earlier sign-in is not enough history for staff
  ];
  const fs = run(ev, { geo, config: { supplierAccounts: ['hanil.*'], travel: { maxSpeedKmh: 100000 } } });
  assert.deepEqual(rules(fs), ['new-sign-in-location']);
  const f = fs[0];
  assert.equal(f.severity, 'high');
  assert.equal(f.details!.user, 'hanil.park');
  assert.equal(f.details!.new_country, true);
  assert.equal(f.details!.new_asn, true);
  assert.deepEqual(f.details!.known_countries, ['KR']);
  assert.match(f.rule.title, /Supplier account hanil\.park .*JP.*AS20473 Vultr/);
  // internal addresses are never a new location
  assert.deepEqual(
    run([ok(T0, 'x', '10.1.1.1', 10), ok(T0 + 1, 'x', '10.2.2.2', 10)], {
      geo,
      config: { newLocation: { minHistory: 1 } },
    }),
    [],
  );
});

test('per-detection Analytics give the same findings as the combined one', () => {
  const src = '45.76.133.21';
  const ev = users(12).map((u, i) => fail(T0 + i * 10_000, u, src));
  ev.push(ok(T0 + 200_000, 'user03', src));
  const combined = run(ev);
  const separate = createAuthAnalytics().flatMap((a) => {
    a.feed(ev.filter((e) => a.wants(e)));
    return a.finish();
  });
  assert.deepEqual(separate.map((f) => f.id).sort(), combined.map((f) => f.id).sort());
  assert.ok(ev.every(isAuthEvent));
});

test('real Kerberos spray capture (EVTX-ATTACK-SAMPLES kerberos_pwd_spray_4771): spray and the account it found', {
  skip: skipUnlessData('evtx/attack-samples/Credential Access/kerberos_pwd_spray_4771.evtx'),
}, async () => {
  const a = createCredentialAttackAnalytic({ config: { spray: { minUsers: 5 } } });
  const file = sharedData('evtx/attack-samples/Credential Access/kerberos_pwd_spray_4771.evtx');
  for await (const batch of evtxReader.read(fileInput(file), {})) a.feed(batch.filter((e) => a.wants(e)));
  const fs = a.finish();
  assert.deepEqual(rules(fs), ['failures-then-success', 'password-spray']);
  const spray = fs.find((f) => f.rule.id === 'password-spray')!;
  // 7 unknown names (4768 status 0x6) and 2 bad passwords (4771 status 0x18) from 172.16.66.1
  assert.equal(spray.details!.source, '172.16.66.1');
  assert.equal(spray.details!.users, 9);
  assert.deepEqual(spray.details!.succeeded, ['normal']);
  assert.deepEqual(spray.details!.protocols, ['kerberos']);
  const fts = fs.find((f) => f.rule.id === 'failures-then-success')!;
  assert.equal(fts.details!.user, 'normal');
  assert.equal(fts.details!.other_accounts_tried, 9);
});

test('real PurpleSharp AD playbook capture (OTRF Security-Datasets): Kerberoasting by pgustavo, a local password spray', {
  skip: skipUnlessData('windows-json/security-datasets/lateral_movement/host/purplesharp_ad_playbook_I.zip'),
}, async () => {
  const zip = sharedData(
    'windows-json/security-datasets/lateral_movement/host/purplesharp_ad_playbook_I.zip',
  );
  // defaults: the seven-account spray is below "more than 10"; Kerberoasting is reported
  const def = createCredentialAttackAnalytic();
  const low = createCredentialAttackAnalytic({ config: { spray: { minUsers: 5 } } });
  for await (const input of readPaths([zip], { onProblem: () => {} })) {
    for await (const batch of input.batches) {
      def.feed(batch.filter((e) => def.wants(e)));
      low.feed(batch.filter((e) => low.wants(e)));
    }
  }
  const fs = def.finish();
  assert.deepEqual(rules(fs), ['kerberoasting']);
  const k = fs[0];
  assert.equal(k.details!.user, 'pgustavo');
  assert.equal(k.details!.source, '172.18.39.5');
  // RC4 tickets for the five user-run services; computer accounts and krbtgt (AES) are not counted
  assert.deepEqual(k.details!.services, ['defensesvc', 'mordorsvc', 'nxlogsvc', 'otrsvc', 'sysmonsvc']);
  assert.equal(k.severity, 'high');
  // with a lower threshold the spray from WORKSTATION5 (4625 logon type 2 and 4776) appears
  const spray = low.finish().find((f) => f.rule.id === 'password-spray')!;
  assert.ok(spray, 'spray reported with minUsers 5');
  assert.equal(spray.details!.users, 7);
  assert.deepEqual(spray.details!.protocols, ['ntlm', 'windows']);
});
