/**
 * The demo's credential side: a secretsdump-style dump of the domain (with history, Kerberos keys
 * and one reversibly-stored password), the directory export, a small HIBP-style breach corpus and
 * a list of leaked personal credentials. The story: the supplier's maintenance engineer uses, at
 * work, a variant of the password leaked for his personal mailbox, and the supplier's service
 * account shares it; a few ordinary weaknesses around them. Deterministic (fixed seed, no clock).
 *
 * The plaintexts below exist only to make the demo's hashes; the audit never prints them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ntHash } from '@haechi/core/creds';
import { COMPANY, DEMO_SEED, EMPLOYEES, SUPPLIER } from './scenario.js';

const EMPTY_LM = 'aad3b435b51404eeaad3b435b51404ee';

/** the same staff as the Windows side of the demo */
const STAFF = EMPLOYEES;

interface DemoAccount {
  name: string;
  rid: number;
  password: string;
  history?: string[];
  admin?: boolean;
  supplier?: string;
  personal?: string[];
  spns?: string[];
  preauth?: boolean;
  neverExpires?: boolean;
  notRequired?: boolean;
  aes?: boolean;
  delegation?: boolean;
  groups?: string[];
  lastLogon?: string;
  enabled?: boolean;
  cleartext?: boolean;
}

/** a strong-looking, deterministic password per person (sha1 of seed and name) */
function strong(name: string): string {
  const h = createHash('sha1').update(`${DEMO_SEED}:${name}`).digest('base64url');
  return `${h.slice(0, 6)}-${h.slice(6, 12)}-${h.slice(12, 14)}`;
}

/** The leaked personal password, and its work variant (same root, other digits and symbol). */
const SUPPLIER_PERSONAL = 'Hanil@2019';
const SUPPLIER_WORK = 'Hanil@2026!';

function accounts(): DemoAccount[] {
  const last = '2026-03-01T23:40:00Z';
  const staff: DemoAccount[] = STAFF.map((name, i) => ({
    name,
    rid: 1201 + i,
    password: strong(name),
    history: [strong(`${name}-1`)],
    personal: [`${name.replace('.', '')}@mail.example`],
    groups: ['Domain Users', 'Engineering'],
    lastLogon: last,
  }));
  // ordinary weaknesses: a breached password, a history entry in the corpus, a stale account
  staff[3].password = 'Welcome1!';
  staff[6].history = ['Spring2025!'];
  staff[11].lastLogon = '2025-10-14T07:12:00Z';
  return [
    {
      name: 'Administrator',
      rid: 500,
      password: strong('Administrator'),
      admin: true,
      groups: ['Domain Admins', 'Administrators'],
      lastLogon: last,
    },
    {
      name: 'kim.it',
      rid: 1105,
      password: strong('kim.it'),
      admin: true,
      delegation: true,
      groups: ['Domain Admins'],
      personal: ['kimit@mail.example'],
      lastLogon: last,
    },
    { name: 'krbtgt', rid: 502, password: strong('krbtgt'), enabled: false, aes: true },
    { name: 'Guest', rid: 501, password: '', enabled: false, notRequired: true },
    {
      name: 'svc_backup',
      rid: 1106,
      password: 'Backup#2020',
      neverExpires: true,
      groups: ['Backup Operators'],
      admin: true,
      lastLogon: last,
    },
    {
      name: 'svc_mes',
      rid: 1107,
      password: 'mes12345',
      spns: ['MSSQLSvc/mes-02.sjp.example:1433'],
      neverExpires: true,
      aes: false,
      lastLogon: last,
    },
    { name: 'scanner', rid: 1108, password: 'scanner', preauth: false, neverExpires: true, lastLogon: last },
    {
      name: SUPPLIER.account,
      rid: 1301,
      password: SUPPLIER_WORK,
      history: ['Hanil@2025!'],
      supplier: SUPPLIER.name,
      personal: [SUPPLIER.personalEmail],
      lastLogon: '2026-03-02T14:12:07Z',
    },
    {
      name: 'svc_hanil',
      rid: 1302,
      password: SUPPLIER_WORK,
      supplier: SUPPLIER.name,
      neverExpires: true,
      cleartext: true,
      lastLogon: last,
    },
    {
      name: 'hanil.choi',
      rid: 1303,
      password: strong('hanil.choi'),
      supplier: SUPPLIER.name,
      personal: ['hchoi@mail.example'],
      lastLogon: '2025-09-01T02:00:00Z',
    },
    ...staff,
  ];
}

const COMPUTERS = ['DC-01$', 'FS-01$', 'MES-02$', 'JUMP-01$', 'GW-01$', 'WS-ENG-07$', 'LEGACY-CNC$'];

/** deterministic filler hashes for the corpus */
function fillerHashes(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(createHash('md5').update(`${DEMO_SEED}/corpus/${i}`).digest('hex'));
  return out;
}

export async function writeDemoCreds(
  dir: string,
): Promise<{ hashes: string; directory: string; corpus: string; exposures: string }> {
  mkdirSync(dir, { recursive: true });
  const accts = accounts();
  const dom = COMPANY.domain;
  const dump: string[] = ['[*] Dumping Domain Credentials (domain\\uid:rid:lmhash:nthash)'];
  const kerberos: string[] = [];
  const cleartext: string[] = [];
  const fakeKey = (name: string, type: string, len: number) =>
    createHash('sha256').update(`${DEMO_SEED}:${name}:${type}`).digest('hex').slice(0, len);
  for (const a of accts) {
    const status = a.enabled === false ? 'Disabled' : 'Enabled';
    dump.push(`${dom}\\${a.name}:${a.rid}:${EMPTY_LM}:${ntHash(a.password)}::: (status=${status})`);
    (a.history ?? []).forEach((h, i) => {
      dump.push(`${dom}\\${a.name}_history${i}:${a.rid}:${EMPTY_LM}:${ntHash(h)}:::`);
    });
    if (a.aes !== false) {
      kerberos.push(`${dom}\\${a.name}:aes256-cts-hmac-sha1-96:${fakeKey(a.name, 'aes256', 64)}`);
      kerberos.push(`${dom}\\${a.name}:aes128-cts-hmac-sha1-96:${fakeKey(a.name, 'aes128', 32)}`);
    }
    kerberos.push(`${dom}\\${a.name}:des-cbc-md5:${fakeKey(a.name, 'des', 16)}`);
    if (a.cleartext) cleartext.push(`${dom}\\${a.name}:CLEARTEXT:${a.password}`);
  }
  COMPUTERS.forEach((c, i) => {
    // LEGACY-CNC$ was pre-created "pre-Windows 2000 compatible": its password is its name
    const pw = c === 'LEGACY-CNC$' ? 'legacy-cnc' : strong(c).repeat(4);
    dump.push(`${dom}\\${c}:${2001 + i}:${EMPTY_LM}:${ntHash(pw)}::: (status=Enabled)`);
  });
  const hashes = join(dir, 'sjp-ntds.ntds');
  writeFileSync(hashes, `${dump.join('\n')}\n`);
  writeFileSync(`${hashes}.kerberos`, `${kerberos.join('\n')}\n`);
  writeFileSync(`${hashes}.cleartext`, `${cleartext.join('\n')}\n`);

  const header =
    'account,enabled,admin,supplier,personal_emails,spns,preauth_required,smartcard_required,password_never_expires,password_not_required,des_only,aes_keys,trusted_for_delegation,groups,last_logon,password_last_set';
  const b = (v: boolean) => (v ? 'true' : 'false');
  const q = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = accts.map((a) =>
    [
      a.name,
      b(a.enabled !== false),
      b(!!a.admin),
      a.supplier ?? '',
      q((a.personal ?? []).join(';')),
      q((a.spns ?? []).join(';')),
      b(a.preauth !== false),
      'false',
      b(!!a.neverExpires),
      b(!!a.notRequired),
      'false',
      b(a.aes !== false),
      b(!!a.delegation),
      q((a.groups ?? []).join(';')),
      a.lastLogon ?? '',
      '2025-12-01T00:00:00Z',
    ].join(','),
  );
  const directory = join(dir, 'directory.csv');
  writeFileSync(directory, `${[header, ...rows].join('\n')}\n`);

  // the breach corpus, HIBP NTLM layout (uppercase, ordered by hash, with counts): common
  // passwords, the supplier engineer's personal password (leaked with his mailbox), filler
  const leaked: [string, number][] = [
    ['Welcome1!', 48211],
    ['Spring2025!', 2210],
    ['mes12345', 913],
    ['scanner', 5102],
    ['Backup#2020', 17],
    [SUPPLIER_PERSONAL, 3],
    ['password', 9545824],
    ['123456', 37359195],
    ['qwerty', 10556095],
  ];
  const lines = [
    ...leaked.map(([p, c]) => `${ntHash(p).toUpperCase()}:${c}`),
    ...fillerHashes(5000).map((h, i) => `${h.toUpperCase()}:${1 + (i % 97)}`),
  ].sort();
  const corpus = join(dir, 'pwned-ntlm-sample.txt');
  writeFileSync(corpus, `${lines.join('\r\n')}\r\n`);

  // leaked personal credentials (a combo list): the supplier engineer's personal mailbox, others
  // that link to nobody or do not match
  const exposures = join(dir, 'exposures.txt');
  writeFileSync(
    exposures,
    `${[
      `${SUPPLIER.personalEmail}:${SUPPLIER_PERSONAL}`,
      'kimit@mail.example:Sunflower-88',
      'parkjihoon@mail.example:jihoon1234',
      'someone.else@mail.example:Hanil@2019',
      'hchoi@mail.example:5f4dcc3b5aa765d61d8327deb882cf99aabbccdd',
    ].join('\n')}\n`,
  );
  return { hashes, directory, corpus, exposures };
}
