import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig, redactConfig } from './config.js';

test('config: file, then HAECHI_* environment (with __ nesting) which wins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haechi-cfg-'));
  try {
    const f = join(dir, 'haechi.yaml');
    writeFileSync(f, 'hunt:\n  threads: 2\n  min_level: low\nplaceholders:\n  admins: [root, "adm_*"]\n');
    const c = loadConfig(f, { HAECHI_HUNT__THREADS: '6' });
    assert.equal(c.hunt?.threads, 6);
    assert.equal(c.hunt?.min_level, 'low');
    assert.deepEqual(c.placeholders?.admins, ['root', 'adm_*']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('config: errors name the file and the key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haechi-cfg-'));
  try {
    const f = join(dir, 'haechi.yaml');
    writeFileSync(f, 'hunt:\n  threads: many\n');
    assert.throws(
      () => loadConfig(f, {}),
      (e: Error & { file?: string }) => e.file === f && /hunt\.threads/.test(e.message),
    );
    writeFileSync(f, 'huntt: {}\n');
    assert.throws(() => loadConfig(f, {}), /huntt/);
    writeFileSync(f, 'a: [\n');
    assert.throws(() => loadConfig(f, {}), /not valid YAML/);
    assert.throws(() => loadConfig(join(dir, 'missing.yaml'), {}), /not found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('config print redacts secrets at any depth', () => {
  const r = redactConfig({
    server: { db: { password: 'hunter2', host: 'x' }, api_key: 'k' },
    list: [{ token: 't' }],
  });
  assert.deepEqual(r, {
    server: { db: { password: '[redacted]', host: 'x' }, api_key: '[redacted]' },
    list: [{ token: '[redacted]' }],
  });
});
