import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'haechi-rules-check-'));
after(() => rmSync(root, { recursive: true, force: true }));
const dir = join(root, 'rules');
mkdirSync(dir);

writeFileSync(
  join(dir, 'good.yml'),
  `title: Whoami
id: 0b4b3c3e-0000-4000-8000-000000000001
logsource: {product: windows, category: process_creation}
detection:
  sel: {Image|endswith: '\\whoami.exe'}
  condition: sel
`,
);
writeFileSync(
  join(dir, 'needs-placeholder.yml'),
  `title: Admin logon
id: 0b4b3c3e-0000-4000-8000-000000000002
logsource: {product: windows, service: security}
detection:
  sel: {EventID: 4624, TargetUserName|expand: '%Admins%'}
  condition: sel
`,
);
writeFileSync(
  join(dir, 'cloud.yml'),
  `title: Cloud thing
id: 0b4b3c3e-0000-4000-8000-000000000003
logsource: {product: aws, service: cloudtrail}
detection:
  sel: {eventName: ConsoleLogin}
  condition: sel
`,
);
// outside the rules folder: a YAML file there would be read as a (non-)rule and rejected
const placeholders = join(root, 'placeholders.yaml');
writeFileSync(placeholders, 'Admins: [adm_*, root]\n');

test('rules check lists each rejected rule with its reason and exits 1', () => {
  const r = runCli([
    'rules',
    'check',
    join(dir, 'good.yml'),
    join(dir, 'needs-placeholder.yml'),
    join(dir, 'cloud.yml'),
  ]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /Rejected \(1\):/);
  assert.match(r.stdout, /needs-placeholder\.yml: placeholder %Admins% has no value/);
  assert.match(r.stdout, /1 rules have a log source that is not in the log source map/);
  assert.match(r.stdout, /product=aws service=cloudtrail \(1\)/);
  assert.match(
    r.stdout,
    /3 files, 3 documents: 2 rules loaded, 0 filters, 0 correlations, 1 rejected, 1 warnings/,
  );
});

test('with placeholders every rule loads: exit 0; --json gives the details', () => {
  const r = runCli(['rules', 'check', dir, '--placeholders', placeholders, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.loaded, 3);
  assert.deepEqual(out.rejected, []);
  assert.equal(out.warnings.length, 1);
  assert.equal(out.warnings[0].kind, 'logsource');
  assert.match(out.warnings[0].file, /cloud\.yml$/);
});

test('a missing path is an input error', () => {
  const r = runCli(['rules', 'check', join(dir, 'nope')]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /cannot read rules: ENOENT/);
});
