import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type AuditResult, auditFiles, CHECKS } from './index.js';
import { ntHash } from './md4.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-audit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LM_SET = 'e52cac67419a9a224a3b108f3fa6cb6d'; // LM("password"), a non-empty LM hash
const EMPTY_LM = 'aad3b435b51404eeaad3b435b51404ee';
const line = (dom: string, name: string, rid: number, pw: string, extra = '', lm = EMPTY_LM) =>
  `${dom ? `${dom}\\` : ''}${name}:${rid}:${lm}:${ntHash(pw)}:::${extra}`;

// a secretsdump NTDS dump with -history -pwd-last-set -user-status, with its known answers:
const NTDS = [
  '[*] Dumping Domain Credentials (domain\\uid:rid:lmhash:nthash)',
  line('CORP', 'Administrator', 500, 'Winter2025!', ' (pwdLastSet=2025-01-02 10:00) (status=Enabled)'),
  line('CORP', 'svc_backup', 1105, 'Winter2025!', ' (status=Enabled)'), // duplicate with the admin
  line('CORP', 'alice', 1106, 'password'), // breached (corpus)
  line('CORP', 'bob', 1107, 'Bob'), // username-as-password (capitalised)
  line('CORP', 'carol', 1108, ''), // empty-password, password-not-required
  line('CORP', 'dave', 1109, 'Tr0ub4dor&3', '', LM_SET), // lm-hash
  line('CORP', 'OLDPC$', 1110, 'oldpc'), // default-computer-password
  line('CORP', 'NEWPC$', 1111, 'x'.repeat(60)),
  line('CORP', 'erin', 1112, 'Erin-Is-Fine-42'),
  line('CORP', 'hanil.park', 1113, 'Hanil2024#'), // personal-reuse (variant of hanil2019!)
  line('CORP', 'frank', 1114, 'Hanil2024#'), // duplicate with the supplier
  line('CORP', 'gina', 1115, 'G1na-Strong-Pass'),
  line('CORP', 'gina_history0', 1115, 'qwerty'), // history-breached
  line('CORP', 'gina_history1', 1115, 'G1na-Older-Pass'),
  line('CORP', 'svc_sql', 1116, 'letmein'), // kerberoastable + breached
  line('CORP', 'nopre', 1117, 'NoPre-Auth-9'),
  line('CORP', 'desuser', 1118, 'Des-User-77'),
  line('CORP', 'aesless', 1119, 'Aes-Less-88'),
  line('CORP', 'olduser', 1120, 'Old-User-99'),
  line('CORP', 'ghost', 1121, '', ' (status=Disabled)'), // disabled: not reported
  line('CORP', 'ivan', 1122, 'Kim1234'), // personal-reuse exact (exposure given as NT hash)
  line('CORP', 'krbtgt', 502, 'krbtgt-random', ' (status=Disabled)'),
].join('\n');
const KERBEROS = [
  'CORP\\Administrator:aes256-cts-hmac-sha1-96:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  'CORP\\Administrator:des-cbc-md5:0011223344556677',
].join('\n');
const CLEARTEXT = 'CORP\\erin:CLEARTEXT:Erin-Is-Fine-42';
const DIRECTORY = [
  'account,enabled,admin,supplier,personal_emails,spns,preauth_required,password_never_expires,password_not_required,des_only,aes_keys,trusted_for_delegation,groups,last_logon,password_last_set',
  'Administrator,true,true,,,,true,false,false,false,true,true,Domain Admins,2026-02-27T08:00:00Z,2025-01-02T10:00:00Z',
  'svc_backup,true,false,,,,true,true,false,false,true,false,Backup Users,2026-02-27T08:00:00Z,',
  'alice,true,false,,alice.home@mail.example,,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  'bob,true,false,,,,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  'carol,true,false,,,,true,false,true,false,true,false,,2026-02-20T08:00:00Z,',
  'dave,true,false,,,,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  'erin,true,false,,,,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  '"hanil.park",true,false,Hanil Maintenance,"hanil.park.home@mail.example;hp@other.example",,true,false,false,false,true,false,,2026-02-27T08:00:00Z,',
  'frank,true,false,,,,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  'gina,true,false,,,,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  'svc_sql,true,false,,,MSSQLSvc/db01.corp.example:1433,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  'nopre,true,false,,,,false,false,false,false,true,false,,2026-02-20T08:00:00Z,',
  'desuser,true,false,,,,true,false,false,true,true,false,,2026-02-20T08:00:00Z,',
  'aesless,true,false,,,,true,false,false,false,false,false,,2026-02-20T08:00:00Z,',
  'olduser,true,false,,,,true,false,false,false,true,false,,2025-06-01T08:00:00Z,',
  'ghost,false,false,,,,false,true,true,true,false,false,,2020-01-01T00:00:00Z,',
  'ivan,true,false,,ivan@home.example,,true,false,false,false,true,false,,2026-02-20T08:00:00Z,',
].join('\n');
// HIBP-style NTLM corpus, ordered by hash, with counts
const CORPUS = ['password', 'qwerty', 'letmein', '123456']
  .map((p, i) => `${ntHash(p).toUpperCase()}:${(i + 1) * 1000}`)
  .sort()
  .join('\r\n');
const EXPOSURES = [
  'hanil.park.home@mail.example:hanil2019!', // a variant of the work password
  `ivan@home.example:${ntHash('Kim1234')}`, // exact, given as an NT hash
  'alice.home@mail.example:Completely-Different-1', // no reuse
  'stranger@mail.example:Hanil2024#', // linked to nobody
  'this line is malformed',
].join('\n');

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const NOW = Date.parse('2026-03-01T00:00:00Z');
let full: AuditResult;
const problems: string[] = [];
test('full audit: every check by name, with known answers', () => {
  full = auditFiles({
    hashes: [
      write('ntds.ntds', NTDS),
      write('ntds.ntds.kerberos', KERBEROS),
      write('ntds.ntds.cleartext', CLEARTEXT),
    ],
    directory: write('directory.csv', DIRECTORY),
    corpus: write('corpus.txt', CORPUS),
    exposures: write('exposures.txt', EXPOSURES),
    now: NOW,
    onProblem: (p) => problems.push(`${p.line}:${p.reason}`),
  });
  const by = (check: string) => full.findings.filter((f) => f.check === check);
  const accountsOf = (check: string) =>
    by(check)
      .flatMap((f) => f.accounts)
      .sort();
  assert.equal(full.accounts, 20);
  assert.equal(full.disabled, 2);
  for (const c of full.checks) assert.equal(c.ran, true, `${c.check} should run: ${c.reason}`);

  const dups = by('duplicate-password');
  assert.equal(dups.length, 2);
  const adminDup = dups.find((f) => f.accounts.includes('Administrator'))!;
  assert.deepEqual(adminDup.accounts, ['Administrator', 'svc_backup']);
  assert.equal(adminDup.severity, 'critical');
  assert.equal(adminDup.hash_prefix, ntHash('Winter2025!').slice(0, 5));
  const supDup = dups.find((f) => f.accounts.includes('hanil.park'))!;
  assert.deepEqual(supDup.accounts, ['frank', 'hanil.park']);
  assert.equal(supDup.severity, 'high');
  assert.equal(supDup.crosses_organisations, true);

  assert.deepEqual(accountsOf('breached-password'), ['alice', 'svc_sql']);
  assert.equal(by('breached-password').find((f) => f.accounts[0] === 'alice')!.count, 1000);
  assert.equal(by('breached-password').find((f) => f.accounts[0] === 'svc_sql')!.count, 3000);

  const reuse = by('personal-reuse');
  assert.deepEqual(accountsOf('personal-reuse'), ['hanil.park', 'ivan']);
  const hp = reuse.find((f) => f.accounts[0] === 'hanil.park')!;
  assert.equal(hp.match, 'variant');
  assert.equal(hp.email, 'hanil.park.home@mail.example');
  assert.equal(hp.severity, 'critical'); // a supplier's account
  const iv = reuse.find((f) => f.accounts[0] === 'ivan')!;
  assert.equal(iv.match, 'exact');

  assert.deepEqual(accountsOf('username-as-password'), ['bob']);
  assert.deepEqual(accountsOf('empty-password'), ['carol']);
  assert.deepEqual(accountsOf('lm-hash'), ['dave']);
  assert.deepEqual(accountsOf('default-computer-password'), ['OLDPC$']);
  assert.deepEqual(accountsOf('cleartext-stored'), ['erin']);
  assert.deepEqual(accountsOf('password-never-expires'), ['svc_backup']);
  assert.deepEqual(accountsOf('password-not-required'), ['carol']);
  assert.equal(by('password-not-required')[0].severity, 'high'); // and its hash is empty
  assert.deepEqual(accountsOf('kerberoastable'), ['svc_sql']);
  assert.equal(by('kerberoastable')[0].severity, 'high'); // breached password: crackable offline
  assert.deepEqual(accountsOf('asrep-roastable'), ['nopre']);
  assert.deepEqual(accountsOf('des-only'), ['desuser']);
  assert.deepEqual(accountsOf('aes-keys-missing'), ['aesless']);
  assert.deepEqual(accountsOf('delegatable-admin'), ['Administrator']);
  assert.equal(by('delegatable-admin')[0].reason, 'trusted-for-delegation');
  assert.deepEqual(accountsOf('stale-account'), ['olduser']);
  assert.equal(by('stale-account')[0].days_unused, 272);
  assert.deepEqual(accountsOf('history-breached'), ['gina']);
  assert.equal(by('history-breached')[0].max_count, 2000);

  // the disabled account is reported by no check
  assert.ok(!full.findings.some((f) => f.accounts.includes('ghost')));
  // exposures: 5 lines, 3 linked, one malformed and reported
  assert.deepEqual(full.exposures, {
    lines: 5,
    linked: 3,
    plaintext: 2,
    ntHashes: 1,
    sha1Hashes: 0,
    malformed: 1,
  });
  assert.deepEqual(problems, ['5:expected email:password or email:hash']);
  // every check name is one of the stable names
  for (const f of full.findings) assert.ok((CHECKS as readonly string[]).includes(f.check));
});

test('no plaintext and no full hash appear anywhere in the result', () => {
  const json = JSON.stringify(full);
  for (const pw of [
    'Winter2025!',
    'password',
    'Hanil2024#',
    'hanil2019!',
    'Erin-Is-Fine-42',
    'Kim1234',
    'qwerty',
  ]) {
    // ('password' is also part of check names, so only its hash is looked for)
    if (pw !== 'password') assert.ok(!json.includes(pw), `plaintext ${pw} leaked`);
    assert.ok(!json.includes(ntHash(pw)), `NT hash of ${pw} leaked`);
    assert.ok(!json.toLowerCase().includes(ntHash(pw).slice(0, 12)), `long hash prefix of ${pw} leaked`);
  }
});

test('checks whose inputs are absent say so instead of running', () => {
  const r = auditFiles({ hashes: [write('only.ntds', NTDS)], now: NOW });
  const st = new Map(r.checks.map((c) => [c.check, c]));
  assert.equal(st.get('duplicate-password')!.ran, true);
  assert.equal(st.get('breached-password')!.ran, false);
  assert.match(st.get('breached-password')!.reason!, /--corpus/);
  assert.equal(st.get('kerberoastable')!.ran, false);
  assert.match(st.get('kerberoastable')!.reason!, /--directory/);
  assert.equal(st.get('cleartext-stored')!.ran, false);
  // a directory export without the spns column: kerberoastable names the column
  const slim = write('slim.csv', 'account,enabled,admin\nAdministrator,true,true\n');
  const r2 = auditFiles({ hashes: [write('only2.ntds', NTDS)], directory: slim, now: NOW });
  const st2 = new Map(r2.checks.map((c) => [c.check, c]));
  assert.match(st2.get('kerberoastable')!.reason!, /"spns" column/);
  assert.match(st2.get('stale-account')!.reason!, /"last_logon" column/);
  // the admin column still weights the duplicate group
  assert.equal(
    r2.findings.find((f) => f.check === 'duplicate-password' && f.accounts.includes('svc_backup'))!.severity,
    'critical',
  );
});

test('directory export as JSON records gives the same answers as CSV', () => {
  const lines = DIRECTORY.split('\n');
  const header = lines[0].split(',');
  // build JSON from the same table (list columns as arrays, booleans as booleans)
  const rows = [
    { account: 'svc_sql', enabled: true, spns: ['MSSQLSvc/db01.corp.example:1433'], preauth_required: true },
    { account: 'nopre', enabled: true, spns: [], preauth_required: false },
  ];
  assert.ok(header.includes('spns'));
  const r = auditFiles({
    hashes: [write('j.ntds', NTDS)],
    directory: write('dir.json', JSON.stringify(rows)),
    now: NOW,
  });
  assert.deepEqual(
    r.findings.filter((f) => f.check === 'kerberoastable').flatMap((f) => f.accounts),
    ['svc_sql'],
  );
  assert.deepEqual(
    r.findings.filter((f) => f.check === 'asrep-roastable').flatMap((f) => f.accounts),
    ['nopre'],
  );
});

test('a malformed dump line is reported with file and line and skipped; strict stops', () => {
  const bad = write('bad.ntds', `${line('', 'ok', 1000, 'x')}\nbroken line\nuser:1001:zz:nothex:::\n`);
  const seen: string[] = [];
  const r = auditFiles({
    hashes: [bad],
    now: NOW,
    onProblem: (p) => seen.push(`${p.file}:${p.line}:${p.field ?? ''}`),
  });
  assert.equal(r.accounts, 1);
  assert.deepEqual(seen, [`${bad}:2:`, `${bad}:3:NT`]);
  assert.throws(() => auditFiles({ hashes: [bad], now: NOW, strict: true }), /line|account/);
});

test('a SHA-1 corpus can only judge cleartext passwords, and says so', () => {
  const sha = (p: string) => createHash('sha1').update(p).digest('hex').toUpperCase();
  const corpus = write(
    'sha1.txt',
    [sha('Erin-Is-Fine-42'), sha('password')]
      .sort()
      .map((h) => `${h}:7`)
      .join('\n'),
  );
  const r = auditFiles({
    hashes: [write('s.ntds', NTDS), write('s.ntds.cleartext', CLEARTEXT)],
    corpus,
    now: NOW,
  });
  const breached = r.findings.filter((f) => f.check === 'breached-password');
  assert.deepEqual(
    breached.map((f) => [f.accounts[0], f.count, f.via]),
    [['erin', 7, 'cleartext']],
  );
  const st = new Map(r.checks.map((c) => [c.check, c]));
  assert.match(st.get('breached-password')!.reason!, /SHA-1 corpus/);
  assert.equal(st.get('history-breached')!.ran, false);
  assert.equal(r.corpus!.algorithm, 'sha1');
});
