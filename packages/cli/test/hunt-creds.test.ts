import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-hunt-creds-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('hunt reads auth.log and Entra sign-ins and reports credential attacks (detector creds)', () => {
  const data = join(dir, 'logs');
  mkdirSync(data);
  // an SSH brute force that ends in a login, in RFC 3164 syslog (no year: the reader assumes one)
  const ssh: string[] = [];
  for (let i = 0; i < 12; i++) {
    ssh.push(
      `Mar  2 14:12:${String(10 + i).padStart(2, '0')} web01 sshd[${900 + i}]: Failed password for root from 45.76.133.21 port ${40000 + i} ssh2`,
    );
  }
  ssh.push('Mar  2 14:12:30 web01 sshd[950]: Accepted password for root from 45.76.133.21 port 40100 ssh2');
  writeFileSync(join(data, 'auth.log'), `${ssh.join('\n')}\n`);
  // an Entra password spray over six accounts in twenty minutes (Graph API page)
  const value = Array.from({ length: 6 }, (_, i) => ({
    id: `s${i}`,
    createdDateTime: `2026-03-02T15:0${i}:00Z`,
    userPrincipalName: `user${i}@sjp.example`,
    appDisplayName: 'Office 365 Exchange Online',
    ipAddress: '198.51.100.23',
    status: { errorCode: 50126, failureReason: 'Invalid username or password' },
    location: {
      city: 'Amsterdam',
      countryOrRegion: 'NL',
      geoCoordinates: { latitude: 52.37, longitude: 4.9 },
    },
  }));
  writeFileSync(
    join(data, 'signins.json'),
    JSON.stringify(
      { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns', value },
      null,
      2,
    ),
  );
  const r = runCli(['hunt', data, '--jsonl', '--threads', '1', '--no-progress']);
  assert.equal(r.code, 0, r.stderr);
  const findings = r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(
      (l) => JSON.parse(l) as { detector: string; rule: { id: string }; attack: string[]; severity: string },
    );
  const creds = findings.filter((f) => f.detector === 'creds');
  const ids = creds.map((f) => f.rule.id).sort();
  assert.deepEqual(ids, ['brute-force', 'failures-then-success', 'password-spray']);
  assert.deepEqual(creds.find((f) => f.rule.id === 'password-spray')!.attack, ['T1110.003']);
  assert.equal(creds.find((f) => f.rule.id === 'brute-force')!.severity, 'critical');
});
