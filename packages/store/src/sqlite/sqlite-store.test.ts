import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Finding } from '@haechi/core';
import Database from 'better-sqlite3';
import { openSqliteStore } from './sqlite-store.js';

function finding(id: string, time: number, severity: Finding['severity'], host: string): Finding {
  return {
    id,
    time,
    severity,
    detector: 'sigma',
    rule: { id: `r-${id}`, title: `Rule ${id}` },
    attack: ['T1059.001'],
    entities: [{ type: 'host', value: host }],
    evidence: [{ kind: 'winjson', uri: 'a.json', record: 3 }],
    host,
  };
}

test('sqlite store keeps findings across reopen, filters and orders them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haechi-store-'));
  try {
    const file = join(dir, 'f.db');
    let s = openSqliteStore(file);
    s.beginRun({ id: 'run1', started: 1000, command: 'hunt', inputs: ['x'] });
    s.addFindings('run1', [finding('b', 2000, 'high', 'WS1'), finding('a', 1000, 'low', 'ws2')]);
    s.addIncidents('run1', [
      { id: 'i1', findings: ['a', 'b'], hosts: ['WS1', 'ws2'], first: 1000, last: 2000 },
    ]);
    s.finishRun('run1', 3000, { events: 2 });
    s.close();

    s = openSqliteStore(file);
    assert.deepEqual(
      s.findings().map((f) => f.id),
      ['a', 'b'],
    );
    assert.deepEqual(s.findings({ runId: 'run1' })[1], finding('b', 2000, 'high', 'WS1'));
    assert.deepEqual(
      s.findings({ minSeverity: 'medium' }).map((f) => f.id),
      ['b'],
    );
    assert.deepEqual(
      s.findings({ host: 'WS2' }).map((f) => f.id),
      ['a'],
    );
    assert.deepEqual(
      s.findings({ from: 1500, to: 2500 }).map((f) => f.id),
      ['b'],
    );
    assert.equal(s.runs()[0].stats?.events, 2);
    assert.equal(s.incidents('run1')[0].hosts.length, 2);
    s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store refuses a database from a newer schema with a clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haechi-store-'));
  try {
    const file = join(dir, 'f.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    assert.throws(() => openSqliteStore(file), /schema version 99 is newer/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
