import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactEventFields, redactSecrets } from './redact.js';

test('redactSecrets hides typed secrets and keeps the command readable', () => {
  const cases: [string, string][] = [
    [
      '"C:\\Program Files\\7-Zip\\7z.exe" a -t7z -mhe=on -pSjp!2026#x d.7z D:\\Design\\*',
      '"C:\\Program Files\\7-Zip\\7z.exe" a -t7z -mhe=on -p[redacted] d.7z D:\\Design\\*',
    ],
    ['rar.exe a -hpS3cret out.rar C:\\data', 'rar.exe a -hp[redacted] out.rar C:\\data'],
    ['7z.exe a -p out.7z x', '7z.exe a -p out.7z x'],
    ['net user backdoor P@ssw0rd! /add', 'net user backdoor [redacted] /add'],
    ['net user admin * /domain', 'net user admin * /domain'],
    ['net user admin /active:yes', 'net user admin /active:yes'],
    ['runas /user:x /p:hunter2 cmd', 'runas /user:x /p:[redacted] cmd'],
    ['psexec \\\\h -u a -p Secr3t cmd', 'psexec \\\\h -u a -p [redacted] cmd'],
    ['tool.exe --password=abc123 --user b', 'tool.exe --password=[redacted] --user b'],
    ['Invoke-X -Password "a b c" -Force', 'Invoke-X -Password [redacted] -Force'],
    [
      'curl -H "Authorization: Bearer sl.ABCDEFGHIJKLmnop" https://x',
      'curl -H "Authorization: Bearer [redacted]" https://x',
    ],
    ['curl https://bob:s3cr3t@files.example/x', 'curl https://bob:[redacted]@files.example/x'],
    [
      '$p = ConvertTo-SecureString "Winter2026!" -AsPlainText -Force',
      '$p = ConvertTo-SecureString "[redacted]" -AsPlainText -Force',
    ],
    ['cmd.exe /c whoami', 'cmd.exe /c whoami'],
  ];
  for (const [input, want] of cases) assert.equal(redactSecrets(input), want, input);
});

test('redactEventFields copies only when something is redacted', () => {
  const clean = { CommandLine: 'whoami /all', Image: 'C:\\w.exe' };
  assert.equal(redactEventFields(clean), clean);
  const dirty = { CommandLine: '7z a -pX1 a.7z b', ParentCommandLine: 'cmd', User: 'u' };
  const r = redactEventFields(dirty);
  assert.notEqual(r, dirty);
  assert.equal(r.CommandLine, '7z a -p[redacted] a.7z b');
  assert.equal(dirty.CommandLine, '7z a -pX1 a.7z b');
});
