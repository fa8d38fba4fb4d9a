/**
 * The demo's story, shared by every part of the demo generator (Windows events, network logs,
 * credentials, supplier register, change windows). It follows the shape of the motivating case:
 * a remote-maintenance supplier's account is used out of hours over VPN, the intruder relays
 * through an internal jump host, dumps credentials, plants a scheduled-task implant that comes
 * alive inside a declared change window, stages an archive and uploads it to cloud storage.
 *
 * Every name here is invented. Public addresses are in ranges announced by hosting providers so
 * that enrichment has something real to say; none of them is accused of anything.
 * All times are UTC epoch ms; generation is deterministic (a fixed seed, no clock reads).
 */

export const DEMO_SEED = 20260302;

export const COMPANY = {
  name: 'Seongjin Precision',
  domain: 'SJP',
  dnsDomain: 'sjp.example',
};

/** Internal hosts: name, address, role. */
export const HOSTS = {
  vpnGateway: { name: 'GW-01', ip: '10.0.5.1', role: 'VPN gateway' },
  jump: { name: 'JUMP-01', ip: '10.20.1.15', role: 'maintenance jump host' },
  mes: { name: 'MES-02', ip: '10.20.3.40', role: 'manufacturing execution server' },
  fileServer: { name: 'FS-01', ip: '10.30.0.12', role: 'design file server (crown jewel)' },
  dc: { name: 'DC-01', ip: '10.0.0.10', role: 'domain controller' },
  workstation: { name: 'WS-ENG-07', ip: '10.40.2.57', role: 'engineering workstation' },
} as const;

/** The organisation's own staff (accounts), the same on every side of the demo. */
export const EMPLOYEES = [
  'kim.minjun',
  'lee.seoyeon',
  'park.jihoon',
  'choi.yuna',
  'jung.hyunwoo',
  'kang.soyeon',
  'cho.donghyun',
  'yoon.jiwoo',
  'jang.minseo',
  'lim.jaehyun',
  'han.eunji',
  'oh.sungmin',
  'seo.hayoung',
  'shin.taeyang',
  'kwon.nari',
];

/** The supplier whose account is abused. */
export const SUPPLIER = {
  name: 'Hanil Maintenance',
  accounts: ['hanil.*', 'svc_hanil'],
  account: 'hanil.park',
  personalEmail: 'hanil.park.home@mail.example',
  hosts: ['MES-*', '10.20.0.0/16'],
  services: ['rdp', 'smb', 'vpn'],
  hours: { days: 'mon-fri', from: '09:00', to: '18:00', tz: 'Asia/Seoul' },
  sources: { networks: ['203.0.113.0/24'], asns: [4766], countries: ['KR'] },
  contact: 'ops@hanil.example',
};

/** The intruder's infrastructure. */
export const ATTACKER = {
  /** the VPN session's source: a rented VPS (AS20473, Vultr) */
  vpnSourceIp: '45.76.133.21',
  /** the implant's C2 */
  c2Domain: 'update.cdn-syncsvc.com',
  c2Ip: '139.180.140.83',
  /** where the archive goes */
  uploadDomain: 'content.dropboxapi.com',
  uploadIp: '162.125.5.14',
  implantPath: 'C:\\ProgramData\\Microsoft\\EdgeUpdate\\msedgeupd.exe',
  implantSha256: '5b7c3fbbd6e1c9f2a0e4a8d3c1f7e6b9a2d4c8e1f0b3a5d7c9e2f4a6b8d0c1e3',
  taskName: '\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdateTaskMachineCore1d',
  archivePath: 'C:\\Users\\Public\\Libraries\\d.7z',
  /** the actor the planted indicators point to */
  actor: 'Andariel',
};

/** The declared change window (network testing, controls relaxed). */
export const CHANGE_WINDOW = {
  id: 'CHG-1042',
  start: '2026-03-02T22:00:00+09:00',
  end: '2026-03-03T02:00:00+09:00',
  hosts: ['GW-01', 'MES-*', '10.0.5.0/24'],
  relaxed: 'external link system opened for testing; EDR blocking mode off',
  approved_by: 'kim.it',
};

const t = (iso: string) => Date.parse(iso);

/** The timeline, UTC. 2026-03-02 is a Monday; 22:00 KST = 13:00 UTC. */
export const TIMELINE = {
  /** out of hours in Seoul (23:12 KST) */
  vpnLogon: t('2026-03-02T14:12:07Z'),
  rdpToJump: t('2026-03-02T14:15:41Z'),
  rdpToMes: t('2026-03-02T14:16:03Z'),
  credentialDump: t('2026-03-02T14:31:20Z'),
  implantTask: t('2026-03-02T14:40:55Z'),
  implantFirstBeacon: t('2026-03-02T14:45:00Z'),
  stagingArchive: t('2026-03-02T16:20:10Z'),
  upload: t('2026-03-02T16:32:44Z'),
  windowEnd: t('2026-03-02T17:00:00Z'),
  /** the beacon keeps running for two days */
  beaconUntil: t('2026-03-04T14:45:00Z'),
};
