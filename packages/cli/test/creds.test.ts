import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ntHash } from '@haechi/core/creds';
import { writeDemoCreds } from '../src/demo/creds.js';
import { SUPPLIER } from '../src/demo/scenario.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-cli-creds-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let demo: Awaited<ReturnType<typeof writeDemoCreds>>;
before(async () => {
  demo = await writeDemoCreds(join(dir, 'demo'));
});

const NOW = '2026-03-03T00:00:00Z';

test('creds index then creds audit --json on the demo: the supplier reuses his leaked personal password', () => {
  const idx = join(dir, 'pwned.idx');
  const ix = runCli(['creds', 'index', demo.corpus, '--out', idx]);
  assert.equal(ix.code, 0, ix.stderr);
  const built = JSON.parse(ix.stdout);
  assert.equal(built.algorithm, 'ntlm');
  assert.equal(built.entries, built.lines);
  // refuses to overwrite without --force
  assert.equal(runCli(['creds', 'index', demo.corpus, '--out', idx]).code, 2);

  const r = runCli([
    'creds',
    'audit',
    '--hashes',
    demo.hashes,
    `${demo.hashes}.kerberos`,
    `${demo.hashes}.cleartext`,
    '--directory',
    demo.directory,
    '--corpus',
    idx,
    '--exposures',
    demo.exposures,
    '--now',
    NOW,
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    accounts: number;
    findings: { check: string; severity: string; accounts: string[]; [k: string]: unknown }[];
  };
  assert.equal(typeof out.accounts, 'number');
  assert.ok(out.accounts > 20);
  for (const f of out.findings) {
    assert.equal(typeof f.check, 'string');
    assert.equal(typeof f.severity, 'string');
    assert.ok(Array.isArray(f.accounts));
  }
  const reuse = out.findings.filter((f) => f.check === 'personal-reuse');
  assert.equal(reuse.length, 1);
  assert.deepEqual(reuse[0].accounts, [SUPPLIER.account]);
  assert.equal(reuse[0].email, SUPPLIER.personalEmail);
  assert.equal(reuse[0].match, 'variant');
  assert.equal(reuse[0].severity, 'critical');
  const dup = out.findings.find(
    (f) => f.check === 'duplicate-password' && f.accounts.includes(SUPPLIER.account),
  );
  assert.ok(dup, 'the supplier engineer shares his password with the supplier service account');
  // secrets stay secret: no plaintext from the demo's files, no full hash
  const leaked = readFileSync(demo.exposures, 'utf8').split('\n')[0].split(':')[1];
  assert.ok(!r.stdout.includes(leaked));
  const hashLine = readFileSync(demo.hashes, 'utf8').split('\n')[1];
  const fullHash = hashLine.split(':')[3];
  assert.ok(!r.stdout.includes(fullHash) && !r.stderr.includes(fullHash));
  assert.ok(!/[0-9a-f]{32}/i.test(r.stdout), 'no 32-hex string in the output');
});

test('the people output is a table, checks that could not run are listed, --fail-on sets the exit code', () => {
  const r = runCli(['creds', 'audit', '--hashes', demo.hashes, '--now', NOW, '--fail-on', 'high']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /Accounts audited: \d+/);
  assert.match(r.stdout, /severity.*check.*accounts/);
  assert.match(r.stdout, /Checks not run:\n(.|\n)*kerberoastable: no --directory export given/);
  assert.match(r.stdout, /breached-password: no --corpus given/);
});

test('bad input: a missing file and a malformed dump line name the file; --strict stops with exit 3', () => {
  const missing = runCli(['creds', 'audit', '--hashes', join(dir, 'nope.ntds')]);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /nope\.ntds/);
  const bad = join(dir, 'bad.ntds');
  writeFileSync(bad, `alice:1001:aad3b435b51404eeaad3b435b51404ee:${ntHash('x')}:::\ngarbage here\n`);
  const soft = runCli(['creds', 'audit', '--hashes', bad, '--json', '--now', NOW]);
  assert.equal(soft.code, 0);
  assert.match(soft.stderr, /bad\.ntds:2: not an account line/);
  assert.equal(JSON.parse(soft.stdout).accounts, 1);
  const strict = runCli(['creds', 'audit', '--hashes', bad, '--strict', '--now', NOW]);
  assert.equal(strict.code, 3);
  assert.match(strict.stderr, /bad\.ntds:2/);
  assert.equal(runCli(['creds', 'audit', '--hashes', bad, '--stale-days', 'x']).code, 2);
});
