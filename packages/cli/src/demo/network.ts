/**
 * The demo's network side: the Zeek logs (conn, dns, http, ssl; TSV as Zeek writes them) a sensor
 * at the company's edge and core would have kept during the scenario — the supplier's VPN session
 * from a rented VPS, the RDP relay through JUMP-01 to MES-02 (twice), the implant's HTTPS beacon to
 * its C2 until TIMELINE.beaconUntil, the archive pulled from FS-01 and uploaded to cloud storage —
 * inside two and a half days of ordinary traffic from the office. Deterministic: a seeded PRNG and
 * the scenario's fixed times, no clock reads.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACKER, COMPANY, DEMO_SEED, HOSTS, TIMELINE } from './scenario.js';

/** mulberry32 (same generator as the Windows side, its own seed). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;
/** the capture: Monday 00:00 UTC (09:00 KST) to the end of the beacon */
const START = Date.UTC(2026, 2, 2, 0, 0, 0);
const END = TIMELINE.beaconUntil + 15 * MIN;
const DNS_SERVER = HOSTS.dc.ip;
const UPSTREAM_DNS = '8.8.8.8';

interface Conn {
  /** epoch seconds, as Zeek writes them */
  ts: number;
  uid: string;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  proto: 'tcp' | 'udp';
  service?: string;
  duration: number;
  orig: number;
  resp: number;
  state: string;
  history: string;
}
interface Dns {
  ts: number;
  uid: string;
  src: string;
  sport: number;
  query: string;
  qtype: 'A' | 'AAAA' | 'TXT';
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: string[];
}
interface Http {
  ts: number;
  uid: string;
  src: string;
  sport: number;
  dst: string;
  method: string;
  host: string;
  uri: string;
  ua: string;
  req: number;
  resp: number;
  status: number;
}
interface Ssl {
  ts: number;
  uid: string;
  src: string;
  sport: number;
  dst: string;
  sni: string;
  established: boolean;
}

/** Public services the office uses (addresses in the services' announced ranges). */
const SITES = [
  { name: 'www.google.com', ip: '142.250.196.100', weight: 8 },
  { name: 'www.naver.com', ip: '223.130.195.200', weight: 8 },
  { name: 'mail.naver.com', ip: '125.209.238.100', weight: 3 },
  { name: 'www.daum.net', ip: '211.249.220.24', weight: 4 },
  { name: 'outlook.office365.com', ip: '52.98.151.66', weight: 6 },
  { name: 'login.microsoftonline.com', ip: '20.190.144.161', weight: 3 },
  { name: 'teams.microsoft.com', ip: '52.113.194.132', weight: 4 },
  { name: 'github.com', ip: '20.200.245.247', weight: 2 },
  { name: 'www.youtube.com', ip: '142.250.207.110', weight: 3 },
  { name: 'news.kbs.co.kr', ip: '211.233.32.114', weight: 2 },
  { name: 'www.siemens.com', ip: '23.50.131.125', weight: 1 },
  { name: 'support.industry.siemens.com', ip: '23.50.131.130', weight: 1 },
  { name: 'update.ahnlab.com', ip: '211.233.80.53', weight: 1 },
];
const SITE_WEIGHT = SITES.reduce((s, x) => s + x.weight, 0);
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36 Edg/133.0.0.0',
];

class Writer {
  conns: Conn[] = [];
  dns: Dns[] = [];
  http: Http[] = [];
  ssl: Ssl[] = [];
  constructor(readonly rnd: () => number) {}

  uid(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let s = 'C';
    for (let i = 0; i < 17; i++) s += alphabet[Math.floor(this.rnd() * alphabet.length)];
    return s;
  }
  port(): number {
    return 49152 + Math.floor(this.rnd() * 16000);
  }
  jitter(v: number, share: number): number {
    return v * (1 - share + 2 * share * this.rnd());
  }

  conn(c: Omit<Conn, 'uid' | 'sport' | 'history'> & { sport?: number; history?: string }): Conn {
    const full: Conn = {
      ...c,
      uid: this.uid(),
      sport: c.sport ?? this.port(),
      history:
        c.history ??
        (c.state === 'SF' ? (c.proto === 'tcp' ? 'ShADadFf' : 'Dd') : c.state === 'S0' ? 'S' : 'ShADad'),
    };
    this.conns.push(full);
    return full;
  }

  lookup(ts: number, src: string, query: string, answers: string[], qtype: Dns['qtype'] = 'A'): void {
    const sport = this.port();
    const c = this.conn({
      ts,
      src,
      sport,
      dst: DNS_SERVER,
      dport: 53,
      proto: 'udp',
      service: 'dns',
      duration: 0.002 + this.rnd() * 0.03,
      orig: 30 + query.length,
      resp: 46 + query.length + 16 * answers.length,
      state: 'SF',
    });
    this.dns.push({
      ts,
      uid: c.uid,
      src,
      sport,
      query,
      qtype,
      rcode: answers.length ? 'NOERROR' : 'NXDOMAIN',
      answers,
    });
    // the domain controller forwards what it does not know
    if (!query.endsWith(COMPANY.dnsDomain)) {
      this.conn({
        ts: ts + 0.0004,
        src: DNS_SERVER,
        dst: UPSTREAM_DNS,
        dport: 53,
        proto: 'udp',
        service: 'dns',
        duration: 0.02 + this.rnd() * 0.02,
        orig: 30 + query.length,
        resp: 46 + query.length + 16 * answers.length,
        state: 'SF',
      });
    }
  }

  https(
    ts: number,
    src: string,
    dst: string,
    sni: string,
    orig: number,
    resp: number,
    duration: number,
    dport = 443,
  ): Conn {
    const c = this.conn({
      ts,
      src,
      dst,
      dport,
      proto: 'tcp',
      service: 'ssl',
      duration,
      orig,
      resp,
      state: 'SF',
    });
    this.ssl.push({ ts: ts + 0.05, uid: c.uid, src, sport: c.sport, dst, sni, established: true });
    return c;
  }
}

function office(w: Writer): void {
  const rnd = w.rnd;
  const workstations = Array.from({ length: 14 }, (_, i) => `10.40.2.${20 + i * 3}`);
  workstations.push(HOSTS.workstation.ip);
  const servers = [HOSTS.jump.ip, HOSTS.mes.ip, HOSTS.fileServer.ip];
  for (let day = START; day < END; day += DAY) {
    const weekday = new Date(day).getUTCDay() % 6 !== 0;
    for (const ws of workstations) {
      if (!weekday) continue;
      // office hours in Seoul: 09:00-18:00 KST = 00:00-09:00 UTC, with a lunch dip
      const arrive = day + w.jitter(10 * MIN, 0.9);
      const leave = day + 9 * HOUR + w.jitter(20 * MIN, 0.9);
      let t = arrive;
      while (t < leave && t < END) {
        t += w.jitter(3 * MIN, 0.95);
        if (t > day + 3 * HOUR && t < day + 4 * HOUR && rnd() < 0.7) continue; // lunch
        let pick = rnd() * SITE_WEIGHT;
        const site = SITES.find((s) => (pick -= s.weight) < 0) ?? SITES[0]!;
        if (rnd() < 0.3) w.lookup(t / 1000, ws, site.name, [site.ip]);
        const c = w.https(
          t / 1000 + 0.03,
          ws,
          site.ip,
          site.name,
          800 + Math.floor(rnd() * 4000),
          5000 + Math.floor(rnd() * 400_000),
          0.5 + rnd() * 40,
        );
        if (rnd() < 0.05) {
          w.http.push({
            ts: c.ts,
            uid: c.uid,
            src: ws,
            sport: c.sport,
            dst: site.ip,
            method: 'GET',
            host: site.name,
            uri: '/',
            ua: UAS[Math.floor(rnd() * UAS.length)]!,
            req: 0,
            resp: c.resp,
            status: 301,
          });
        }
        // file server and domain controller work
        if (rnd() < 0.25) {
          w.conn({
            ts: t / 1000 + 1,
            src: ws,
            dst: HOSTS.fileServer.ip,
            dport: 445,
            proto: 'tcp',
            service: 'smb',
            duration: 2 + rnd() * 120,
            orig: 2000 + Math.floor(rnd() * 200_000),
            resp: 10_000 + Math.floor(rnd() * 3_000_000),
            state: 'SF',
          });
        }
        if (rnd() < 0.15) {
          w.conn({
            ts: t / 1000 + 2,
            src: ws,
            dst: HOSTS.dc.ip,
            dport: 88,
            proto: 'tcp',
            service: 'krb_tcp',
            duration: 0.01,
            orig: 1500,
            resp: 1400,
            state: 'SF',
          });
        }
        if (rnd() < 0.1) w.lookup(t / 1000 + 3, ws, `fs-01.${COMPANY.dnsDomain}`, [HOSTS.fileServer.ip]);
      }
    }
    // all day: Windows telemetry and antivirus updates from every machine, irregular
    for (const h of [...workstations, ...servers, HOSTS.dc.ip]) {
      let t = day + w.jitter(30 * MIN, 0.9);
      while (t < day + DAY && t < END) {
        if (weekday || rnd() < 0.5) {
          w.https(
            t / 1000,
            h,
            '20.42.73.29',
            'v10.events.data.microsoft.com',
            1500 + Math.floor(rnd() * 9000),
            400 + Math.floor(rnd() * 900),
            0.3 + rnd() * 2,
          );
        }
        t += w.jitter(50 * MIN, 0.8);
      }
    }
    // the engineers' remote maintenance of the MES during office hours, from their workstation
    if (weekday) {
      const t = day + 2 * HOUR + w.jitter(HOUR, 0.5);
      w.conn({
        ts: t / 1000,
        src: HOSTS.workstation.ip,
        dst: HOSTS.jump.ip,
        dport: 3389,
        proto: 'tcp',
        service: 'rdp',
        duration: 1500 + rnd() * 600,
        orig: 3_000_000,
        resp: 22_000_000,
        state: 'SF',
      });
      w.conn({
        ts: t / 1000 + 300 + rnd() * 400,
        src: HOSTS.jump.ip,
        dst: HOSTS.mes.ip,
        dport: 445,
        proto: 'tcp',
        service: 'smb',
        duration: 30,
        orig: 5000,
        resp: 90_000,
        state: 'SF',
      });
      // the nightly backup: the file server to the backup appliance
      w.conn({
        ts: (day + 15 * HOUR + w.jitter(5 * MIN, 0.5)) / 1000,
        src: HOSTS.fileServer.ip,
        dst: '10.30.0.50',
        dport: 10000,
        proto: 'tcp',
        duration: 5400,
        orig: 18_000_000_000,
        resp: 3_000_000,
        state: 'SF',
      });
    }
  }
}

function intrusion(w: Writer): void {
  const rnd = w.rnd;
  const gw = HOSTS.vpnGateway.ip;
  const visit = (vpnStart: number, rdpJump: number, rdpMes: number, until: number) => {
    // the supplier account's VPN session (OpenVPN, UDP 1194) from the rented VPS
    w.conn({
      ts: vpnStart / 1000,
      src: ATTACKER.vpnSourceIp,
      dst: gw,
      dport: 1194,
      proto: 'udp',
      duration: (until - vpnStart) / 1000,
      orig: 48_000_000,
      resp: 310_000_000,
      state: 'SF',
      history: 'Dd',
    });
    // RDP from the gateway (the VPN pool is NATed to its address) to the maintenance jump host...
    w.conn({
      ts: rdpJump / 1000,
      src: gw,
      dst: HOSTS.jump.ip,
      dport: 3389,
      proto: 'tcp',
      service: 'rdp',
      duration: (until - rdpJump) / 1000 - 20,
      orig: 41_000_000,
      resp: 290_000_000,
      state: 'SF',
    });
    // ...and from there, seconds later, to the MES server
    w.conn({
      ts: rdpMes / 1000,
      src: HOSTS.jump.ip,
      dst: HOSTS.mes.ip,
      dport: 3389,
      proto: 'tcp',
      service: 'rdp',
      duration: (until - rdpMes) / 1000 - 40,
      orig: 38_000_000,
      resp: 270_000_000,
      state: 'SF',
    });
  };
  visit(TIMELINE.vpnLogon, TIMELINE.rdpToJump, TIMELINE.rdpToMes, TIMELINE.implantTask + 6 * MIN);
  // back for the staging and the upload
  const second = TIMELINE.stagingArchive - 9 * MIN;
  visit(second, second + 2 * MIN + 13_000, second + 2 * MIN + 35_000, TIMELINE.upload + 25 * MIN);
  // third short visit the next evening, to check on the implant
  const third = TIMELINE.implantFirstBeacon + DAY - 20 * MIN;
  visit(third, third + 3 * MIN, third + 3 * MIN + 17_000, third + 40 * MIN);

  // the implant's beacon: HTTPS to its C2 every ~5 minutes (+-15 % jitter), small check-ins
  const c2 = ATTACKER.c2Ip;
  let lastLookup = 0;
  for (let t = TIMELINE.implantFirstBeacon; t < TIMELINE.beaconUntil; t += w.jitter(5 * MIN, 0.15)) {
    if (t - lastLookup > HOUR) {
      w.lookup(t / 1000 - 0.05, HOSTS.mes.ip, ATTACKER.c2Domain, [c2]);
      lastLookup = t;
    }
    w.https(
      t / 1000,
      HOSTS.mes.ip,
      c2,
      ATTACKER.c2Domain,
      610 + Math.floor(rnd() * 24),
      1180 + Math.floor(rnd() * 60),
      0.4 + rnd() * 0.3,
    );
  }

  // staging: the design files pulled from the file server over SMB
  w.conn({
    ts: TIMELINE.stagingArchive / 1000 - 300,
    src: HOSTS.mes.ip,
    dst: HOSTS.fileServer.ip,
    dport: 445,
    proto: 'tcp',
    service: 'smb',
    duration: 280,
    orig: 1_800_000,
    resp: 412_000_000,
    state: 'SF',
  });
  // the upload to cloud storage
  const up = TIMELINE.upload / 1000;
  w.lookup(up - 0.2, HOSTS.mes.ip, ATTACKER.uploadDomain, [ATTACKER.uploadIp]);
  w.https(up, HOSTS.mes.ip, ATTACKER.uploadIp, ATTACKER.uploadDomain, 387_000_000, 61_000, 742);
}

function tsv(
  path: string,
  fields: string[],
  types: string[],
  rows: string[][],
  open: number,
  close: number,
): string {
  const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '-');
  return [
    '#separator \\x09',
    '#set_separator\t,',
    '#empty_field\t(empty)',
    '#unset_field\t-',
    `#path\t${path}`,
    `#open\t${stamp(open)}`,
    `#fields\t${fields.join('\t')}`,
    `#types\t${types.join('\t')}`,
    ...rows.map((r) => r.join('\t')),
    `#close\t${stamp(close)}`,
    '',
  ].join('\n');
}

const t6 = (s: number) => s.toFixed(6);
/** Zeek escapes its separators inside values */
const esc = (s: string) => (s === '' ? '(empty)' : s.replace(/\t/g, '\\x09').replace(/,/g, '\\x2c'));

/** Write the scenario's Zeek logs into `dir`; returns the files written. */
export async function writeDemoNetwork(dir: string): Promise<string[]> {
  const w = new Writer(prng(DEMO_SEED ^ 0x5eed2e0c));
  office(w);
  intrusion(w);
  const byTime = <T extends { ts: number; uid: string }>(a: T, b: T) =>
    a.ts - b.ts || (a.uid < b.uid ? -1 : 1);
  w.conns.sort(byTime);
  w.dns.sort(byTime);
  w.ssl.sort(byTime);
  w.http.sort(byTime);
  const local = (ip: string) => (/^10\./.test(ip) ? 'T' : 'F');
  const files: [string, string][] = [
    [
      'conn.log',
      tsv(
        'conn',
        [
          'ts',
          'uid',
          'id.orig_h',
          'id.orig_p',
          'id.resp_h',
          'id.resp_p',
          'proto',
          'service',
          'duration',
          'orig_bytes',
          'resp_bytes',
          'conn_state',
          'local_orig',
          'local_resp',
          'missed_bytes',
          'history',
          'orig_pkts',
          'orig_ip_bytes',
          'resp_pkts',
          'resp_ip_bytes',
          'tunnel_parents',
        ],
        [
          'time',
          'string',
          'addr',
          'port',
          'addr',
          'port',
          'enum',
          'string',
          'interval',
          'count',
          'count',
          'string',
          'bool',
          'bool',
          'count',
          'string',
          'count',
          'count',
          'count',
          'count',
          'set[string]',
        ],
        w.conns.map((c) => {
          const op = Math.max(1, Math.ceil(c.orig / 1400));
          const rp = c.state === 'S0' ? 0 : Math.max(1, Math.ceil(c.resp / 1400));
          return [
            t6(c.ts),
            c.uid,
            c.src,
            String(c.sport),
            c.dst,
            String(c.dport),
            c.proto,
            c.service ?? '-',
            t6(c.duration),
            String(c.orig),
            String(c.resp),
            c.state,
            local(c.src),
            local(c.dst),
            '0',
            c.history,
            String(op),
            String(c.orig + op * 40),
            String(rp),
            String(c.resp + rp * 40),
            '(empty)',
          ];
        }),
        START,
        END,
      ),
    ],
    [
      'dns.log',
      tsv(
        'dns',
        [
          'ts',
          'uid',
          'id.orig_h',
          'id.orig_p',
          'id.resp_h',
          'id.resp_p',
          'proto',
          'trans_id',
          'rtt',
          'query',
          'qclass',
          'qclass_name',
          'qtype',
          'qtype_name',
          'rcode',
          'rcode_name',
          'AA',
          'TC',
          'RD',
          'RA',
          'Z',
          'answers',
          'TTLs',
          'rejected',
        ],
        [
          'time',
          'string',
          'addr',
          'port',
          'addr',
          'port',
          'enum',
          'count',
          'interval',
          'string',
          'count',
          'string',
          'count',
          'string',
          'count',
          'string',
          'bool',
          'bool',
          'bool',
          'bool',
          'count',
          'vector[string]',
          'vector[interval]',
          'bool',
        ],
        w.dns.map((d, i) => [
          t6(d.ts),
          d.uid,
          d.src,
          String(d.sport),
          DNS_SERVER,
          '53',
          'udp',
          String((i * 7919) % 65536),
          '0.001200',
          esc(d.query),
          '1',
          'C_INTERNET',
          d.qtype === 'A' ? '1' : d.qtype === 'AAAA' ? '28' : '16',
          d.qtype,
          d.rcode === 'NOERROR' ? '0' : '3',
          d.rcode,
          'F',
          'F',
          'T',
          'T',
          '0',
          d.answers.length ? d.answers.map(esc).join(',') : '-',
          d.answers.length ? d.answers.map(() => '300.000000').join(',') : '-',
          'F',
        ]),
        START,
        END,
      ),
    ],
    [
      'ssl.log',
      tsv(
        'ssl',
        [
          'ts',
          'uid',
          'id.orig_h',
          'id.orig_p',
          'id.resp_h',
          'id.resp_p',
          'version',
          'cipher',
          'curve',
          'server_name',
          'resumed',
          'established',
          'ssl_history',
        ],
        [
          'time',
          'string',
          'addr',
          'port',
          'addr',
          'port',
          'string',
          'string',
          'string',
          'string',
          'bool',
          'bool',
          'string',
        ],
        w.ssl.map((s) => [
          t6(s.ts),
          s.uid,
          s.src,
          String(s.sport),
          s.dst,
          '443',
          'TLSv13',
          'TLS_AES_128_GCM_SHA256',
          'x25519',
          esc(s.sni),
          'F',
          s.established ? 'T' : 'F',
          'CsiI',
        ]),
        START,
        END,
      ),
    ],
    [
      'http.log',
      tsv(
        'http',
        [
          'ts',
          'uid',
          'id.orig_h',
          'id.orig_p',
          'id.resp_h',
          'id.resp_p',
          'trans_depth',
          'method',
          'host',
          'uri',
          'version',
          'user_agent',
          'request_body_len',
          'response_body_len',
          'status_code',
          'status_msg',
          'tags',
        ],
        [
          'time',
          'string',
          'addr',
          'port',
          'addr',
          'port',
          'count',
          'string',
          'string',
          'string',
          'string',
          'string',
          'count',
          'count',
          'count',
          'string',
          'set[enum]',
        ],
        w.http.map((h) => [
          t6(h.ts),
          h.uid,
          h.src,
          String(h.sport),
          h.dst,
          '80',
          '1',
          h.method,
          esc(h.host),
          esc(h.uri),
          '1.1',
          esc(h.ua),
          String(h.req),
          String(h.resp),
          String(h.status),
          h.status === 301 ? 'Moved Permanently' : 'OK',
          '(empty)',
        ]),
        START,
        END,
      ),
    ],
  ];
  await mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (const [name, text] of files) {
    const p = join(dir, name);
    await writeFile(p, text);
    out.push(p);
  }
  return out;
}
