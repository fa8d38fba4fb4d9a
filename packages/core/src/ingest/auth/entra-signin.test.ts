import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../model/index.js';
import { sniffFormat } from '../formats.js';
import { fileInput } from '../network/file-input.js';
import type { RecordProblem } from '../types.js';
import { entraSignInReader } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'haechi-entra-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Microsoft Graph signIn resources (the documented shape of GET /auditLogs/signIns)
const graph = (id: string, time: string, upn: string, ip: string, code: number, reason: string) => ({
  id,
  createdDateTime: time,
  userDisplayName: upn.split('@')[0],
  userPrincipalName: upn,
  userId: 'd7cc485d-2c1b-422c-98fd-5ce52859a4a3',
  appId: '00000002-0000-0ff1-ce00-000000000000',
  appDisplayName: 'Office 365 Exchange Online',
  ipAddress: ip,
  clientAppUsed: 'Browser',
  correlationId: '65f4f8fd-2c5d-4d1d-9c7d-8b2b3a1e0c11',
  conditionalAccessStatus: 'notApplied',
  isInteractive: true,
  riskState: 'none',
  status: { errorCode: code, failureReason: reason, additionalDetails: null },
  deviceDetail: {
    deviceId: '',
    displayName: '',
    operatingSystem: 'Windows 10',
    browser: 'Edge 120.0.0',
    isCompliant: false,
    isManaged: false,
    trustType: '',
  },
  location: {
    city: 'Seoul',
    state: 'Seoul',
    countryOrRegion: 'KR',
    geoCoordinates: { altitude: null, latitude: 37.5665, longitude: 126.978 },
  },
});

async function readAll(path: string) {
  const problems: RecordProblem[] = [];
  const events: Event[] = [];
  for await (const b of entraSignInReader.read(fileInput(path), { onProblem: (p) => problems.push(p) }))
    events.push(...b);
  return { events, problems };
}

test('a Graph API page ({"value": [...]}, pretty-printed) becomes events with SigninLogs column names', async () => {
  const p = join(dir, 'signins.json');
  const page = {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns',
    value: [
      graph(
        'a1',
        '2026-03-02T14:05:00Z',
        'kim@sjp.example',
        '45.76.133.21',
        50126,
        'Invalid username or password or Invalid on-premise username or password.',
      ),
      graph('a2', '2026-03-02T14:06:30.5Z', 'kim@sjp.example', '45.76.133.21', 0, 'Other.'),
      { id: 'bad', createdDateTime: 'yesterday', userPrincipalName: 'x@y', status: { errorCode: 0 } },
    ],
  };
  writeFileSync(p, JSON.stringify(page, null, 2));
  assert.equal(sniffFormat('signins.json', Buffer.from(JSON.stringify(page, null, 2))).name, 'entra-signin');
  const { events, problems } = await readAll(p);
  assert.equal(events.length, 2);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].field, 'createdDateTime');
  const [fail, ok] = events;
  assert.equal(fail.time, Date.parse('2026-03-02T14:05:00Z'));
  assert.equal(ok.time, Date.parse('2026-03-02T14:06:30.500Z'));
  assert.equal(fail.source.kind, 'entra-signin');
  assert.equal(fail.fields.UserPrincipalName, 'kim@sjp.example');
  assert.equal(fail.fields.IPAddress, '45.76.133.21');
  assert.equal(fail.fields.ResultType, '50126');
  assert.match(String(fail.fields.ResultDescription), /Invalid username or password/);
  assert.equal(fail.fields['Status.errorCode'], 50126);
  assert.equal(fail.fields.Location, 'KR');
  assert.equal(fail.fields['LocationDetails.geoCoordinates.latitude'], 37.5665);
  assert.equal(fail.fields['DeviceDetail.operatingSystem'], 'Windows 10');
  assert.equal(fail.fields.AppDisplayName, 'Office 365 Exchange Online');
  assert.equal(ok.fields.ResultType, '0');
});

test('Azure Monitor diagnostic records (JSON lines, properties nested) and Log Analytics rows', async () => {
  const diag = (t: string, code: string, upn: string) => ({
    time: t,
    resourceId: '/tenants/8b1b3c1e/providers/Microsoft.aadiam',
    operationName: 'Sign-in activity',
    category: 'SignInLogs',
    tenantId: '8b1b3c1e',
    resultType: code,
    resultDescription: code === '0' ? '' : 'Invalid username or password',
    callerIpAddress: '203.0.113.24',
    location: 'KR',
    properties: { ...graph('d', t, upn, '203.0.113.24', Number(code), ''), autonomousSystemNumber: 4766 },
  });
  const p = join(dir, 'PT1H.json');
  writeFileSync(
    p,
    [
      diag('2026-03-02T01:30:00Z', '0', 'hanil.park@hanil.example'),
      diag('2026-03-02T01:31:00Z', '50126', 'hanil.park@hanil.example'),
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const { events } = await readAll(p);
  assert.equal(events.length, 2);
  assert.equal(events[0].fields.AutonomousSystemNumber, 4766);
  assert.equal(events[0].fields.Category, 'SignInLogs');
  assert.equal(events[1].fields.ResultType, '50126');
  // Log Analytics export: PascalCase columns, LocationDetails as JSON text
  const la = [
    {
      TimeGenerated: '2026-03-02T02:00:00.000Z',
      UserPrincipalName: 'lee@sjp.example',
      IPAddress: '211.234.1.2',
      ResultType: '50053',
      ResultDescription: 'Account is locked',
      AppDisplayName: 'Azure Portal',
      Location: 'KR',
      LocationDetails: JSON.stringify({
        city: 'Busan',
        countryOrRegion: 'KR',
        geoCoordinates: { latitude: 35.18, longitude: 129.08 },
      }),
    },
  ];
  const q = join(dir, 'la.json');
  writeFileSync(q, JSON.stringify(la));
  const r = await readAll(q);
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0].fields['LocationDetails.city'], 'Busan');
  assert.equal(r.events[0].fields['LocationDetails.geoCoordinates.longitude'], 129.08);
  assert.equal(r.events[0].fields.ResultType, '50053');
});

test('sniffing does not claim Windows JSON events', () => {
  assert.equal(
    entraSignInReader.sniff(
      'x.json',
      Buffer.from('{"EventID": 4624, "Channel": "Security", "IpAddress": "1.2.3.4"}\n'),
    ),
    0,
  );
  assert.equal(entraSignInReader.sniff('x.log', Buffer.from('Mar  2 14:12:01 web01 sshd[1]: hi\n')), 0);
});
