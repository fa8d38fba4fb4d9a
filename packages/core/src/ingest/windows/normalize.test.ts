import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../model/index.js';
import {
  detectWindowsFlavour,
  newFlatTimeState,
  normalizeEvtxJson,
  normalizeWindowsRecord,
  Rejection,
} from './normalize.js';

const src = { kind: 'winjson', uri: 'mem', record: 7 };

function evtxRecord(
  over: { system?: Record<string, unknown>; eventData?: unknown; userData?: unknown } = {},
) {
  return {
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: {
        Provider: {
          '#attributes': {
            Name: 'Microsoft-Windows-Security-Auditing',
            Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
          },
        },
        EventID: 4624,
        Version: 2,
        Level: 0,
        Task: 12544,
        Opcode: 0,
        Keywords: '0x8020000000000000',
        TimeCreated: { '#attributes': { SystemTime: '2024-03-01T10:20:30.1234567Z' } },
        EventRecordID: 99,
        Correlation: { '#attributes': { ActivityID: '{AAAA}' } },
        Execution: { '#attributes': { ProcessID: 640, ThreadID: 700 } },
        Channel: 'Security',
        Computer: 'dc01.corp.local',
        Security: null,
        ...over.system,
      },
      ...(over.eventData !== undefined ? { EventData: over.eventData } : {}),
      ...(over.userData !== undefined ? { UserData: over.userData } : {}),
    },
  };
}

function ok(r: Event | Rejection | string): Event {
  if (r instanceof Rejection || typeof r === 'string')
    assert.fail(`rejected: ${typeof r === 'string' ? r : r.reason}`);
  return r;
}

test('evtx_dump JSON: System flattened with Sigma names, EventData at the top level', () => {
  const e = ok(
    normalizeEvtxJson(
      evtxRecord({ eventData: { TargetUserName: 'svc-maint', LogonType: 10, IpAddress: '10.1.2.3' } }),
      src,
    ),
  );
  assert.equal(e.time, Date.UTC(2024, 2, 1, 10, 20, 30, 123));
  assert.deepEqual(e.source, src);
  assert.deepEqual(e.fields, {
    Provider_Name: 'Microsoft-Windows-Security-Auditing',
    Provider_Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
    EventID: 4624,
    Version: 2,
    Level: 0,
    Task: 12544,
    Opcode: 0,
    Keywords: '0x8020000000000000',
    TimeCreated: '2024-03-01T10:20:30.123Z',
    EventRecordID: 99,
    Correlation_ActivityID: '{AAAA}',
    Execution_ProcessID: 640,
    Execution_ThreadID: 700,
    Channel: 'Security',
    Computer: 'dc01.corp.local',
    TargetUserName: 'svc-maint',
    LogonType: 10,
    IpAddress: '10.1.2.3',
  });
});

test('evtx_dump JSON: EventID with Qualifiers, unnamed Data, Binary, UserData, name clashes', () => {
  const classic = ok(
    normalizeEvtxJson(
      evtxRecord({
        system: {
          EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 7045 },
          Security: { '#attributes': { UserID: 'S-1-5-18' } },
        },
        eventData: { Data: { '#text': ['MsMpEng.exe', '4.18', 'mpengine.dll'] }, Binary: '00AA' },
      }),
      src,
    ),
  );
  assert.equal(classic.fields.EventID, 7045);
  assert.equal(classic.fields.EventID_Qualifiers, 16384);
  assert.equal(classic.fields.Security_UserID, 'S-1-5-18');
  assert.deepEqual(classic.fields.Data, ['MsMpEng.exe', '4.18', 'mpengine.dll']);
  assert.equal(classic.fields.Binary, '00AA');

  const one = ok(normalizeEvtxJson(evtxRecord({ eventData: { Data: 'only value' } }), src));
  assert.equal(one.fields.Data, 'only value');

  const user = ok(
    normalizeEvtxJson(
      evtxRecord({
        userData: {
          LogFileCleared: {
            '#attributes': { xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' },
            SubjectUserName: 'admin',
            SubjectDomainName: 'CORP',
            Nested: { Channel: 'inner', Deeper: { SubjectUserName: 'again' } },
          },
        },
      }),
      src,
    ),
  );
  assert.equal(user.fields.SubjectUserName, 'admin');
  assert.equal(user.fields.SubjectDomainName, 'CORP');
  assert.equal(user.fields.Channel, 'Security', 'a UserData value never replaces the routing Channel');
  assert.equal(user.fields['LogFileCleared.Nested.Channel'], 'inner');
  assert.equal(user.fields['LogFileCleared.Nested.Deeper.SubjectUserName'], 'again');
  assert.equal(user.fields.xmlns, undefined);

  // Sysmon's status event has an EventData Version that Sigma rules mean, unlike System's
  const sysmon = ok(normalizeEvtxJson(evtxRecord({ eventData: { Version: '15.0', EventID: 1 } }), src));
  assert.equal(sysmon.fields.Version, '15.0');
  assert.equal(sysmon.fields.EventID, 4624);
  assert.equal(sysmon.fields.EventData_EventID, 1);
});

test('evtx_dump JSON: invalid records are rejected with the reason and field', () => {
  assert.match(normalizeEvtxJson([], src) as string, /object/);
  assert.match(normalizeEvtxJson({ foo: 1 }, src) as string, /no Event element/);
  assert.match(normalizeEvtxJson({ Event: {} }, src) as string, /no Event\.System/);
  const noTime = normalizeWindowsRecord(evtxRecord({ system: { TimeCreated: null } }), src);
  assert.ok(noTime instanceof Rejection);
  assert.equal(noTime.field, 'Event.System.TimeCreated');
  const badTime = normalizeWindowsRecord(
    evtxRecord({ system: { TimeCreated: { '#attributes': { SystemTime: '2024-02-30T00:00:00Z' } } } }),
    src,
  );
  assert.ok(badTime instanceof Rejection);
  assert.match(badTime.reason, /invalid TimeCreated "2024-02-30/);
  const badId = normalizeWindowsRecord(evtxRecord({ system: { EventID: 'four' } }), src);
  assert.ok(badId instanceof Rejection);
  assert.equal(badId.field, 'Event.System.EventID');
});

test('NXLog flat JSON: renames, metadata dropped, local EventTime placed in UTC by the collector offset', () => {
  const rec = {
    EventTime: '2020-06-09 22:50:54',
    EventReceivedTime: '2020-06-09 22:50:56',
    '@timestamp': '2020-06-10T02:50:56.537Z',
    Hostname: 'WORKSTATION6.mordor.local',
    SourceName: 'Microsoft-Windows-Sysmon',
    ProviderGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
    EventID: 13,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    Keywords: JSON.parse('-9223372036854775808') as number, // as NXLog writes it; not exact in a double
    RecordNumber: 713650,
    UserID: 'S-1-5-18',
    ExecutionProcessID: 3500,
    ThreadID: 4168,
    Opcode: 'Info',
    OpcodeValue: 0,
    Task: '13',
    SourceModuleType: 'im_msvistalog',
    host: 'wec.internal.cloudapp.net',
    port: 62387,
    tags: ['mordorDataset'],
    TargetObject: 'HKU\\x',
    EventType: 'SetValue',
  };
  assert.equal(detectWindowsFlavour(rec), 'nxlog-json');
  const e = ok(normalizeWindowsRecord(rec, src));
  assert.equal(e.time, Date.UTC(2020, 5, 10, 2, 50, 54));
  assert.deepEqual(e.fields, {
    Computer: 'WORKSTATION6.mordor.local',
    Provider_Name: 'Microsoft-Windows-Sysmon',
    Provider_Guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
    EventID: 13,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    Keywords: '0x8000000000000000',
    EventRecordID: 713650,
    Security_UserID: 'S-1-5-18',
    Execution_ProcessID: 3500,
    Execution_ThreadID: 4168,
    Opcode_Name: 'Info',
    Opcode: 0,
    Task: 13,
    TargetObject: 'HKU\\x',
    EventType: 'SetValue',
    TimeCreated: '2020-06-10T02:50:54.000Z',
  });
  // audit success keywords survive the signed decimal
  const kw = ok(normalizeWindowsRecord({ ...rec, Keywords: JSON.parse('-9214364837600034816') }, src));
  assert.equal(kw.fields.Keywords, '0x8020000000000000');
  // a ThreadID without NXLog's ExecutionProcessID is event data
  const { ExecutionProcessID: _drop, ...noExec } = rec;
  assert.equal(ok(normalizeWindowsRecord(noExec, src)).fields.ThreadID, 4168);
});

test('flat JSON: zone-less TimeCreated is measured against Sysmon UtcTime and the offset remembered', () => {
  const state = newFlatTimeState();
  // 12-hour local clock seen in Security-Datasets: 10:56 local for 02:56 UTC the next day
  const sysmon = {
    TimeCreated: '2020-10-18 10:56:05.990',
    UtcTime: '2020-10-19 02:56:05.985',
    Hostname: 'WORKSTATION5',
    EventID: 10,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
  };
  const security = {
    TimeCreated: '2020-10-18 10:56:18.799',
    Hostname: 'WORKSTATION5',
    EventID: 5156,
    Channel: 'Security',
  };
  assert.equal(
    ok(normalizeWindowsRecord(sysmon, src, undefined, { state })).time,
    Date.UTC(2020, 9, 19, 2, 56, 5, 990),
  );
  assert.equal(state.offsets.get('WORKSTATION5'), -16 * 3600_000);
  assert.equal(
    ok(normalizeWindowsRecord(security, src, undefined, { state })).time,
    Date.UTC(2020, 9, 19, 2, 56, 18, 799),
  );
  assert.equal(state.assumedUtc, undefined);
  // no evidence: UTC, flagged; a configured offset wins over guessing
  const fresh = newFlatTimeState();
  assert.equal(
    ok(normalizeWindowsRecord(security, src, undefined, { state: fresh })).time,
    Date.UTC(2020, 9, 18, 10, 56, 18, 799),
  );
  assert.equal(fresh.assumedUtc, true);
  assert.equal(
    ok(normalizeWindowsRecord(security, src, undefined, { offsetMinutes: -240 })).time,
    Date.UTC(2020, 9, 18, 14, 56, 18, 799),
  );
  // zoned TimeCreated is taken as it is
  assert.equal(
    ok(normalizeWindowsRecord({ ...security, TimeCreated: '2023-07-19T05:33:00.007Z' }, src)).time,
    Date.UTC(2023, 6, 19, 5, 33, 0, 7),
  );
  // a zoned TimeCreated that is really local 12-hour time (ninjacopy capture): measured and corrected
  const z = newFlatTimeState();
  const zs = {
    ...sysmon,
    Hostname: 'DC01',
    TimeCreated: '2023-07-19T05:32:49.821Z',
    UtcTime: '2023-07-20 00:32:49.820',
  };
  assert.equal(
    ok(normalizeWindowsRecord(zs, src, undefined, { state: z })).time,
    Date.UTC(2023, 6, 20, 0, 32, 49, 821),
  );
  assert.deepEqual(z.corrected, { host: 'DC01', offsetMs: -19 * 3600_000 });
  const zsec = { ...security, Hostname: 'DC01', TimeCreated: '2023-07-19T05:33:00.007Z' };
  assert.equal(
    ok(normalizeWindowsRecord(zsec, src, undefined, { state: z })).time,
    Date.UTC(2023, 6, 20, 0, 33, 0, 7),
  );
  // another host's clock is not touched by DC01's offset
  const other = { ...zsec, Hostname: 'WS9' };
  assert.equal(
    ok(normalizeWindowsRecord(other, src, undefined, { state: z })).time,
    Date.UTC(2023, 6, 19, 5, 33, 0, 7),
  );
  // a Sysmon record written minutes late is not mistaken for a clock offset
  const late = {
    ...sysmon,
    Hostname: 'WS9',
    TimeCreated: '2023-07-19T05:41:00Z',
    UtcTime: '2023-07-19 05:33:00.000',
  };
  assert.equal(
    ok(normalizeWindowsRecord(late, src, undefined, { state: z })).time,
    Date.UTC(2023, 6, 19, 5, 41),
  );
  assert.equal(z.offsets.has('WS9'), false);
  // Raccine-style export: the provider is in Source
  assert.equal(
    ok(normalizeWindowsRecord({ ...security, Source: 'Raccine' }, src)).fields.Provider_Name,
    'Raccine',
  );
});

test('flat JSON: missing or invalid time and EventID are rejected', () => {
  const r1 = normalizeWindowsRecord({ EventID: 1, Channel: 'x', Hostname: 'h' }, src);
  assert.ok(r1 instanceof Rejection);
  assert.match(r1.reason, /no time/);
  const r2 = normalizeWindowsRecord({ EventID: 1, Channel: 'x', EventTime: '2020-13-01 00:00:00' }, src);
  assert.ok(r2 instanceof Rejection);
  assert.equal(r2.field, 'EventTime');
  const r3 = normalizeWindowsRecord(
    { EventID: 'x', Channel: 'x', TimeCreated: '2020-01-01T00:00:00Z' },
    src,
    'nxlog-json',
  );
  assert.ok(r3 instanceof Rejection);
  assert.equal(r3.field, 'EventID');
});

test('ECS (Winlogbeat): winlog.* mapped, event_data spread, string event id made a number', () => {
  const doc = {
    '@timestamp': '2024-05-02T08:00:01.250Z',
    event: { code: '4688', provider: 'Microsoft-Windows-Security-Auditing' },
    host: { name: 'ws01' },
    message: 'A new process has been created.',
    winlog: {
      channel: 'Security',
      event_id: '4688',
      computer_name: 'ws01.corp.local',
      provider_name: 'Microsoft-Windows-Security-Auditing',
      provider_guid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
      record_id: 12345,
      process: { pid: 4, thread: { id: 88 } },
      event_data: {
        NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'cmd /c whoami',
        Channel: 'x',
      },
      user: { identifier: 'S-1-5-18' },
    },
  };
  assert.equal(detectWindowsFlavour(doc), 'ecs-json');
  assert.equal(detectWindowsFlavour({ _source: doc }), 'ecs-json');
  const e = ok(normalizeWindowsRecord({ _source: doc }, src));
  assert.equal(e.time, Date.UTC(2024, 4, 2, 8, 0, 1, 250));
  assert.equal(e.fields.EventID, 4688);
  assert.equal(e.fields.Channel, 'Security');
  assert.equal(e.fields.EventData_Channel, 'x');
  assert.equal(e.fields.Computer, 'ws01.corp.local');
  assert.equal(e.fields.Provider_Name, 'Microsoft-Windows-Security-Auditing');
  assert.equal(e.fields.EventRecordID, 12345);
  assert.equal(e.fields.Execution_ProcessID, 4);
  assert.equal(e.fields.Execution_ThreadID, 88);
  assert.equal(e.fields.Security_UserID, 'S-1-5-18');
  assert.equal(e.fields.CommandLine, 'cmd /c whoami');
  assert.equal(e.fields.Message, 'A new process has been created.');
  // flattened dotted keys (some exports) read the same
  const flat = ok(
    normalizeWindowsRecord(
      {
        '@timestamp': '2024-05-02T08:00:01.250Z',
        'winlog.event_id': 4688,
        'winlog.channel': 'Security',
        'winlog.event_data.CommandLine': 'cmd /c whoami',
      },
      src,
    ),
  );
  assert.equal(flat.fields.EventID, 4688);
  assert.equal(flat.fields.CommandLine, 'cmd /c whoami');
  const bad = normalizeWindowsRecord({ winlog: { event_id: '1' }, '@timestamp': 'yesterday' }, src);
  assert.ok(bad instanceof Rejection);
  assert.equal(bad.field, '@timestamp');
});

test('records of no known flavour are rejected; __proto__ keys cannot pollute', () => {
  const r = normalizeWindowsRecord({ ts: 1, uid: 'C1' }, src);
  assert.ok(r instanceof Rejection);
  assert.match(r.reason, /not a Windows event/);
  const evil = JSON.parse(
    '{"EventID": 1, "Channel": "x", "TimeCreated": "2020-01-01T00:00:00Z", "__proto__": {"polluted": 1}}',
  );
  const e = ok(normalizeWindowsRecord(evil, src));
  assert.equal(Object.getPrototypeOf(e.fields), Object.prototype);
  assert.equal((e.fields as { polluted?: number }).polluted, undefined);
});

test('python-evtx + xmltodict shape (@attributes, named Data list) gives the same fields', () => {
  const dumped = ok(
    normalizeEvtxJson(
      evtxRecord({
        system: { EventID: { '#attributes': { Qualifiers: '' }, '#text': 4688 } },
        eventData: { NewProcessName: 'C:\\x.exe', SubjectUserSid: 'S-1-5-18', Empty: null },
      }),
      src,
    ),
  );
  const xmltodict = ok(
    normalizeEvtxJson(
      {
        Event: {
          '@xmlns': 'http://schemas.microsoft.com/win/2004/08/events/event',
          System: {
            Provider: {
              '@Name': 'Microsoft-Windows-Security-Auditing',
              '@Guid': '{54849625-5478-4994-A5BA-3E3B0328C30D}',
            },
            EventID: { '@Qualifiers': '', '#text': '4688' },
            Version: '2',
            Level: '0',
            Task: '12544',
            Opcode: '0',
            Keywords: '0x8020000000000000',
            TimeCreated: { '@SystemTime': '2024-03-01 10:20:30.123456+00:00' },
            EventRecordID: '99',
            Correlation: { '@ActivityID': '{AAAA}' },
            Execution: { '@ProcessID': '640', '@ThreadID': '700' },
            Channel: 'Security',
            Computer: 'dc01.corp.local',
            Security: null,
          },
          EventData: {
            Data: [
              { '@Name': 'NewProcessName', '#text': 'C:\\x.exe' },
              { '@Name': 'SubjectUserSid', '#text': 'S-1-5-18' },
              { '@Name': 'Empty' },
            ],
          },
        },
      },
      src,
    ),
  );
  assert.equal(xmltodict.time, dumped.time);
  // xmltodict has only strings; the numeric System fields are numbers after normalisation
  assert.deepEqual(xmltodict.fields, dumped.fields);
});
