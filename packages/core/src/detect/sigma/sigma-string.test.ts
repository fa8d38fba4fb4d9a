import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilePattern, normalizeTokens, parseSigmaString, renderTokens } from './sigma-string.js';

/** Does the Sigma value `rule` (plain, no modifiers) match the text `value`, case-insensitively? */
function matches(rule: string, value: string, fold = true): boolean {
  const p = compilePattern(parseSigmaString(rule), fold);
  return p.test(fold ? value.toLowerCase() : value);
}

// Rules specification v2.1.0, "String Wildcard" and "Escape Character".
const CASES: [rule: string, value: string, expected: boolean, why: string][] = [
  ['prog?.exe', 'progA.exe', true, '? is one character'],
  ['prog?.exe', 'prog.exe', false, '? is a mandatory character'],
  ['prog?.exe', 'progAB.exe', false, '? is exactly one character'],
  ['antivirus_V*.exe', 'antivirus_V21.2.1.exe', true, '* is unbounded'],
  ['antivirus_V*.exe', 'antivirus_V.exe', true, '* may be empty'],
  [
    'C:\\Windows\\System32\\whoami.exe',
    'c:\\windows\\system32\\WHOAMI.EXE',
    true,
    'plain backslashes, case-insensitive',
  ],
  ['C:\\\\Windows', 'C:\\Windows', true, 'a double backslash not before a wildcard is one backslash'],
  ['a\\*b', 'a*b', true, '\\* is a plain star'],
  ['a\\*b', 'axxb', false, '\\* is not a wildcard'],
  ['a\\?b', 'a?b', true, '\\? is a plain question mark'],
  ['a\\?b', 'axb', false, '\\? is not a wildcard'],
  ['dir\\\\*', 'dir\\anything', true, '\\\\* is a backslash then a wildcard'],
  ['dir\\\\*', 'dir\\', true, '\\\\* wildcard may be empty'],
  ['dir\\\\*', 'dir*', false, '\\\\* needs the backslash'],
  ['dir\\\\\\*', 'dir\\*', true, '\\\\\\* is a plain backslash and a plain star'],
  ['dir\\\\\\*', 'dir\\x', false, '\\\\\\* has no wildcard'],
  ['a\\\\\\b', 'a\\\\b', true, 'three backslashes are two'],
  ['a\\\\\\\\b', 'a\\\\b', true, 'four backslashes are two'],
  ['*\\cmd.exe', 'C:\\Windows\\System32\\cmd.exe', true, 'leading wildcard'],
  ['*\\cmd.exe', 'C:\\Windows\\System32\\xcmd.exe', false, 'suffix must include the backslash'],
  ['*mimikatz*', 'run Mimikatz now', true, 'contains form'],
  ['cmd*', 'cmd.exe /c', true, 'prefix form'],
  ['a*b*c', 'aXXbYYc', true, 'several wildcards'],
  ['a*b*c', 'aXXcYYb', false, 'order of literals matters'],
  ['a*b', 'a\nb', true, 'wildcards cross newlines'],
  ['*', '', true, 'a lone star matches the empty string'],
  ['', '', true, 'empty value matches empty'],
  ['', 'x', false, 'empty value only matches empty'],
  ['x.y', 'xAy', false, 'dots are literal, not regex'],
  ['(a)+[b]', '(a)+[b]', true, 'regex metacharacters are literal'],
];

test('wildcards and escaping follow the rules specification', () => {
  for (const [rule, value, expected, why] of CASES) {
    assert.equal(
      matches(rule, value),
      expected,
      `${JSON.stringify(rule)} vs ${JSON.stringify(value)}: ${why}`,
    );
  }
});

test('matching is case-insensitive by default and exact when not folded', () => {
  assert.equal(matches('PowerShell', 'POWERSHELL'), true);
  assert.equal(matches('PowerShell', 'POWERSHELL', false), false);
  assert.equal(matches('PowerShell', 'PowerShell', false), true);
});

test('patterns compile to the cheapest test', () => {
  const kind = (s: string) => compilePattern(parseSigmaString(s), true).kind;
  assert.equal(kind('abc'), 'eq');
  assert.equal(kind('abc*'), 'prefix');
  assert.equal(kind('*abc'), 'suffix');
  assert.equal(kind('*abc*'), 'contains');
  assert.equal(kind('a*c'), 'regex');
  assert.equal(kind('*'), 'any');
});

test('required literals are necessary for a match', () => {
  const p = compilePattern(parseSigmaString('*\\Temp\\\\*.ps1'), true);
  assert.deepEqual(p.required, ['\\temp\\']);
  assert.equal(compilePattern(parseSigmaString('?'), true).required, undefined);
});

test('placeholders are parsed only when asked, and \\% escapes them', () => {
  assert.deepEqual(parseSigmaString('%Admins%'), [{ t: 'lit', v: '%Admins%' }]);
  assert.deepEqual(parseSigmaString('%Admins%', true), [{ t: 'ph', name: 'Admins' }]);
  // rules spec "Placeholders": `\%plain%name%` is `%plain` then the placeholder `%name%`
  assert.deepEqual(normalizeTokens(parseSigmaString('\\%plain%name%', true)), [
    { t: 'lit', v: '%plain' },
    { t: 'ph', name: 'name' },
  ]);
  assert.equal(renderTokens(parseSigmaString('a\\*b*')), 'a\\*b*');
});
