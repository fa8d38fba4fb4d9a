import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Event } from '../../model/index.js';
import { sniffFormat } from '../formats.js';
import { fileInput } from '../network/file-input.js';
import type { RecordProblem } from '../types.js';
import { authLogReader, parseSshdMessage } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-authlog-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LOG = [
  'Mar  2 14:12:01 web01 sshd[4242]: Invalid user admin from 45.76.133.21 port 50022',
  'Mar  2 14:12:03 web01 sshd[4242]: Failed password for invalid user admin from 45.76.133.21 port 50022 ssh2',
  'Mar  2 14:12:04 web01 sshd[4243]: Failed password for root from 45.76.133.21 port 50030 ssh2',
  'Mar  2 14:12:09 web01 sshd[4243]: message repeated 5 times: [ Failed password for root from 45.76.133.21 port 50030 ssh2]',
  'Mar  2 14:12:10 web01 sshd[4243]: error: maximum authentication attempts exceeded for root from 45.76.133.21 port 50030 ssh2 [preauth]',
  'Mar  2 14:13:00 web01 sshd[4250]: Failed publickey for deploy from 10.0.5.9 port 41000 ssh2: RSA SHA256:abc',
  'Mar  2 14:13:01 web01 sshd[4250]: Accepted publickey for deploy from 10.0.5.9 port 41000 ssh2: ED25519 SHA256:def',
  'Mar  2 14:13:01 web01 sshd[4250]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)',
  'this is not syslog',
  'Mar  2 14:14:00 web01 sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx',
  '2026-03-02T23:15:00.123456+09:00 web02 sshd[77]: Accepted password for hanil.park from 203.0.113.24 port 5555 ssh2',
  'Mar  2 14:16:00 web01 sshd[4260]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=45.76.133.21  user=root',
].join('\n');

async function readAll(path: string, settings: Record<string, unknown> = {}) {
  const problems: RecordProblem[] = [];
  const events: Event[] = [];
  for await (const b of authLogReader.read(fileInput(path), { settings, onProblem: (p) => problems.push(p) }))
    events.push(...b);
  return { events, problems };
}

test('sshd messages: failures, successes, invalid users, repeats; every syslog line is an event', async () => {
  const p = join(dir, 'auth.log');
  writeFileSync(p, LOG);
  const { events, problems } = await readAll(p, { year: 2026 });
  assert.equal(events.length, 11 + 4); // 11 lines, one expanded into 5
  assert.deepEqual(
    problems.map((x) => [x.line, x.level]),
    [
      [1, 'warning'], // no time zone given: UTC assumed, said once
      [9, 'error'],
    ],
  );
  assert.match(problems[0].reason, /no time zone/);
  assert.doesNotMatch(problems[0].reason, /no year/);
  const outcomes = events
    .filter((e) => e.fields.Outcome)
    .map((e) => `${e.fields.Outcome}:${e.fields.TargetUserName}`);
  assert.deepEqual(outcomes, [
    'failure:admin',
    ...Array(6).fill('failure:root'),
    'success:deploy',
    'success:hanil.park',
  ]);
  const first = events[1];
  assert.equal(first.time, Date.parse('2026-03-02T14:12:03Z'));
  assert.deepEqual(first.source, { kind: 'auth-log', uri: p, record: 2 });
  assert.equal(first.fields.Computer, 'web01');
  assert.equal(first.fields.Program, 'sshd');
  assert.equal(first.fields.Pid, 4242);
  assert.equal(first.fields.InvalidUser, true);
  assert.equal(first.fields.IpAddress, '45.76.133.21');
  assert.equal(first.fields.IpPort, 50022);
  // the ISO timestamp with an offset is converted to UTC
  const iso = events.find((e) => e.fields.TargetUserName === 'hanil.park')!;
  assert.equal(iso.time, Date.parse('2026-03-02T14:15:00.123Z'));
  assert.equal(iso.fields.AuthMethod, 'password');
  // publickey failure: recorded, not counted as a guess
  const pk = events.find((e) => e.fields.AuthMethod === 'publickey' && e.fields.AuthEvent === 'ssh-failed')!;
  assert.equal(pk.fields.Outcome, undefined);
});

test('time zone and year settings; a warning when the year is assumed', async () => {
  const p = join(dir, 'secure');
  writeFileSync(p, 'Dec 31 23:59:59 h sshd[1]: Failed password for root from 1.2.3.4 port 1 ssh2\n');
  const { events } = await readAll(p, { year: 2025, timezone: '+09:00' });
  assert.equal(events[0].time, Date.parse('2025-12-31T14:59:59Z'));
  const r = await readAll(p);
  assert.ok(r.problems.some((x) => x.level === 'warning' && /no year/.test(x.reason)));
  assert.deepEqual((await readAll(p, { year: 2025, timezone: 'UTC' })).problems, []);
  await assert.rejects(() => readAll(p, { timezone: 'Mars/Olympus' }), /invalid timezone/);
});

test('gzip input and sniffing: auth.log is recognised, JSON is not claimed', async () => {
  const p = join(dir, 'auth.log.1.gz');
  writeFileSync(p, gzipSync(LOG));
  const { events } = await readAll(p, { year: 2026 });
  assert.equal(events.length, 15);
  assert.equal(sniffFormat('auth.log', Buffer.from(LOG)).name, 'auth-log');
  assert.ok(authLogReader.sniff('auth.log', Buffer.from(LOG)) >= 0.7);
  assert.equal(authLogReader.sniff('x.json', Buffer.from('{"EventID": 4624, "Channel": "Security"}\n')), 0);
  assert.equal(authLogReader.sniff('conn.log', Buffer.from('#separator \\x09\n#fields\tts\tuid\n')), 0);
});

test('parseSshdMessage covers keyboard-interactive and leaves other messages alone', () => {
  assert.equal(
    parseSshdMessage('Failed keyboard-interactive/pam for bob from 10.1.1.1 port 2 ssh2')?.Outcome,
    'failure',
  );
  assert.equal(parseSshdMessage('Received disconnect from 1.2.3.4 port 5:11: Bye Bye [preauth]'), undefined);
  assert.equal(
    parseSshdMessage('Failed none for invalid user x from 1.2.3.4 port 5 ssh2')?.Outcome,
    undefined,
  );
});
