/**
 * Supplier detections (issue 7): activity of supplier accounts held against what the register
 * declares. Inputs are Windows Security logons (4624 success, 4625 failure, 4648 explicit
 * credentials), share access (5140, 5145), Sysmon process creation (1) and network connection (3)
 * events, sshd logins from auth.log, Entra ID sign-ins, and Zeek conn records from addresses a
 * supplier account logged on from. (No VPN-concentrator log reader exists yet; VPN sessions show
 * through the logons and flows they lead to.)
 *
 * Rules (stable ids, `detector: "supplier"`):
 *   supplier-outside-hours        logon outside the supplier's allowed hours, in its time zone
 *   supplier-unexpected-source    logon from an address outside its networks, ASNs and countries
 *   supplier-outside-grants       a host or service its grants do not cover
 *   supplier-many-hosts           many distinct hosts within a few minutes
 *   supplier-interactive-service  an interactive logon by a service account (register
 *                                 `service_accounts`, or SPNs in the directory export)
 *   supplier-dormant-account      first use of an account after a long silence (events or the
 *                                 directory's last_logon), or of one the directory lists as disabled
 *   supplier-bulk-file-access     many distinct files or shares read over SMB within minutes
 *   supplier-archive-created      an archive tool run by a supplier account
 *
 * Entities: the supplier is `{type: 'account', value: 'supplier:<name>'}` (an organisation's
 * account with us, not a logon name; the prefix keeps it apart from any sAMAccountName), the logon
 * account is `{type: 'user', value: <bare name>}`, and hosts and addresses as `host` and `ip`.
 * Every finding's `rule.title` starts with the supplier's name and `details.supplier` repeats it.
 *
 * Findings are aggregated per rule, account and host (one finding with a count and up to 20
 * evidence references, timed at the first event), so a night of RDP is one finding, not hundreds.
 */
import type { Entity, Event, Finding, Severity, SourceRef } from '../../model/index.js';
import { severityRank } from '../../model/index.js';
import type { ServiceName, SupplierDetectionSettings } from '../../suppliers/config.js';
import type { DirectoryAccount } from '../../suppliers/directory.js';
import { describeLocal, withinHours } from '../../suppliers/hours.js';
import { bareAccount, isPrivateIp, parseIp, shortHost } from '../../suppliers/match.js';
import {
  type CompiledSupplier,
  inAnyCidr,
  type SupplierRegister,
  serviceGranted,
} from '../../suppliers/register.js';
import type { Analytic } from '../types.js';
import {
  baseName,
  compareRefs,
  eventHost,
  eventId,
  fnv,
  iso,
  isSecurity,
  isSysmon,
  isZeekConn,
  num,
  pushRef,
  str,
} from './common.js';

/** What an address lookup says (`core/enrich`'s `createEnricher().lookup` fits). */
export interface SourceInfo {
  asn?: number;
  org?: string;
  country?: string;
}
export type SourceLookup = (ip: string) => SourceInfo | undefined;

export interface SupplierAnalyticOptions {
  register: SupplierRegister;
  settings: SupplierDetectionSettings;
  directory?: readonly DirectoryAccount[];
  /** ASN and country of an address; without it only declared networks are checked */
  lookup?: SourceLookup;
}

/** Windows logon types (MS "Audit logon events", 4624 LogonType) to the service they stand for. */
export function serviceOfLogonType(type: number | undefined): ServiceName | undefined {
  switch (type) {
    case 2:
    case 11:
      return 'console';
    case 3:
    case 8:
      return 'network';
    case 4:
      return 'batch';
    case 5:
      return 'service';
    case 10:
    case 12:
      return 'rdp';
    default:
      return undefined; // 0 system, 7/13 unlock of an existing session, 9 NewCredentials (local)
  }
}

const INTERACTIVE = new Set([2, 10, 11, 12]);

/** destination port (IANA registry) or Zeek's `service` to a register service */
export function serviceOfPort(port: number | undefined, zeekService?: string): ServiceName | undefined {
  const s = zeekService?.toLowerCase().split(',')[0];
  if (s === 'rdp') return 'rdp';
  if (s === 'smb' || s === 'smb2') return 'smb';
  if (s === 'ssh') return 'ssh';
  if (s === 'dce_rpc') return 'rpc';
  if (s === 'http') return 'http';
  if (s === 'ssl') return 'https';
  if (s === 'ftp') return 'ftp';
  switch (port) {
    case 3389:
      return 'rdp';
    case 445:
    case 139:
      return 'smb';
    case 5985:
    case 5986:
      return 'winrm';
    case 135:
      return 'rpc';
    case 22:
      return 'ssh';
    case 5900:
    case 5901:
    case 5902:
      return 'vnc';
    case 1433:
    case 1521:
    case 3306:
    case 5432:
      return 'sql';
    case 21:
      return 'ftp';
    case 80:
    case 8080:
      return 'http';
    case 443:
    case 8443:
      return 'https';
    default:
      return undefined;
  }
}

/** flows worth attributing to a supplier session: remote administration and file transfer */
const REMOTE_ADMIN = new Set<ServiceName>(['rdp', 'smb', 'winrm', 'rpc', 'ssh', 'vnc', 'sql', 'ftp']);
/** asset tags whose network logons are domain plumbing (Group Policy over SYSVOL, Kerberos) */
const DC_TAGS = ['dc', 'domain-controller'];

const ATTACK_OF_SERVICE: Partial<Record<ServiceName, string>> = {
  rdp: 'T1021.001',
  smb: 'T1021.002',
  network: 'T1021.002',
  winrm: 'T1021.006',
  ssh: 'T1021.004',
  vnc: 'T1021.005',
  rpc: 'T1021.003',
};

interface Access {
  time: number;
  account: string;
  /** as logged, e.g. SJP\hanil.park */
  user: string;
  supplier: CompiledSupplier;
  host?: string;
  service?: ServiceName;
  logonType?: number;
  ip?: string;
  ok: boolean;
  kind: 'logon' | 'explicit' | 'flow';
  /** a session was opened (Windows logons of a known type; sshd and Entra sign-ins) */
  session?: boolean;
  /** what the log itself says about the source (Entra's Location), when no lookup answers */
  geo?: SourceInfo;
  ref: SourceRef;
}

interface FileAccess {
  time: number;
  account: string;
  user: string;
  supplier: CompiledSupplier;
  host: string;
  object: string;
  ip?: string;
  ref: SourceRef;
}

interface Agg {
  rule: string;
  title: string;
  severity: Severity;
  supplier: CompiledSupplier;
  account: string;
  user: string;
  host?: string;
  first: number;
  last: number;
  count: number;
  failures: number;
  attack: Set<string>;
  ips: Set<string>;
  reasons: Set<string>;
  refs: SourceRef[];
  details: Record<string, unknown>;
}

const ARCHIVE_TOOLS: Record<string, RegExp> = {
  // 7-Zip: `a` add, `u` update (7-Zip command-line reference)
  '7z.exe': /\s(a|u)\s/i,
  '7za.exe': /\s(a|u)\s/i,
  '7zr.exe': /\s(a|u)\s/i,
  '7zg.exe': /\s(a|u)\s/i,
  // RAR: `a` add, `m` move to archive, `u` update
  'rar.exe': /\s(a|m|u)\s/i,
  'winrar.exe': /\s(a|m|u)\s/i,
  'makecab.exe': /./,
  // bsdtar on Windows 10+: -c create
  'tar.exe': /\s-?[a-z]*c[a-z]*\s/i,
  'zip.exe': /./,
  'wzzip.exe': /./,
};

/** archive passwords on command lines (7z/rar -p, -hp) are secrets: never shown */
export function redactCommandLine(cmd: string): string {
  return cmd.replace(/(\s-h?p)(?!\s)("[^"]*"|\S+)/gi, '$1[redacted]');
}

export class SupplierAnalytic implements Analytic {
  readonly name = 'supplier';
  private readonly register: SupplierRegister;
  private readonly settings: SupplierDetectionSettings;
  private readonly lookup?: SourceLookup;
  private readonly lastLogon = new Map<string, number>();
  private readonly disabled = new Set<string>();
  /** accounts the directory export gives service principal names: service accounts */
  private readonly withSpn = new Set<string>();
  private readonly accesses: Access[] = [];
  private readonly files: FileAccess[] = [];
  private readonly conns: Event[] = [];
  private readonly archives: { e: Event; account: string; user: string; supplier: CompiledSupplier }[] = [];

  constructor(opts: SupplierAnalyticOptions) {
    this.register = opts.register;
    this.settings = opts.settings;
    this.lookup = opts.lookup;
    for (const d of opts.directory ?? []) {
      if (d.lastLogon !== undefined) this.lastLogon.set(d.account, d.lastLogon);
      if (d.enabled === false) this.disabled.add(d.account);
      if (d.spns && d.spns.length > 0) this.withSpn.add(d.account);
    }
  }

  /** runs in reader threads: supplier accounts' events, and connections to remote-access ports */
  wants(e: Event): boolean {
    if (isZeekConn(e)) {
      // only remote-administration services travel: web and DNS traffic would swamp the main thread
      const svc = serviceOfPort(num(e, 'id.resp_p'), str(e, 'service'));
      return svc !== undefined && REMOTE_ADMIN.has(svc);
    }
    // sshd lines of auth.log (a login or a password guess) and Entra ID sign-ins
    if (e.source.kind === 'auth-log')
      return !!str(e, 'Outcome') && !!this.register.supplierOf(str(e, 'TargetUserName'));
    if (e.source.kind === 'entra-signin') return !!this.register.supplierOf(str(e, 'UserPrincipalName'));
    const id = eventId(e);
    if (id === undefined) return false;
    if (isSysmon(e)) return (id === 1 || id === 3) && !!this.register.supplierOf(str(e, 'User'));
    if (!isSecurity(e)) return false;
    switch (id) {
      case 4624:
      case 4625:
        return !!this.register.supplierOf(str(e, 'TargetUserName'));
      case 4648:
        return (
          !!this.register.supplierOf(str(e, 'TargetUserName')) ||
          !!this.register.supplierOf(str(e, 'SubjectUserName'))
        );
      case 5140:
      case 5145:
        return !!this.register.supplierOf(str(e, 'SubjectUserName'));
      default:
        return false;
    }
  }

  feed(events: readonly Event[]): void {
    for (const e of events) {
      if (isZeekConn(e)) {
        this.conns.push(e);
        continue;
      }
      if (e.source.kind === 'auth-log' || e.source.kind === 'entra-signin') {
        this.feedSignIn(e);
        continue;
      }
      const id = eventId(e);
      const host = eventHost(e);
      if (isSysmon(e)) {
        const user = str(e, 'User');
        const supplier = this.register.supplierOf(user);
        if (!user || !supplier) continue;
        if (id === 1) this.archives.push({ e, account: bareAccount(user), user, supplier });
        else if (id === 3 && String(e.fields.Initiated ?? 'true').toLowerCase() !== 'false') {
          const dst = str(e, 'DestinationIp')?.replace(/^::ffff:/i, '');
          if (!dst || !this.isInternalTarget(dst)) continue;
          // remote administration only: a session's LDAP, DNS and web traffic is not "reaching a host"
          const service = serviceOfPort(num(e, 'DestinationPort'));
          if (!service || !REMOTE_ADMIN.has(service)) continue;
          this.accesses.push({
            time: e.time,
            account: bareAccount(user),
            user,
            supplier,
            host: this.register.hostOfIp(dst) ?? dst,
            service,
            ok: true,
            kind: 'flow',
            ref: e.source,
          });
        }
        continue;
      }
      if (id === 4624 || id === 4625) {
        const user = str(e, 'TargetUserName');
        const supplier = this.register.supplierOf(user);
        if (!user || !supplier) continue;
        const type = num(e, 'LogonType');
        const domain = str(e, 'TargetDomainName');
        this.accesses.push({
          time: e.time,
          account: bareAccount(user),
          user: domain && !user.includes('\\') && !user.includes('@') ? `${domain}\\${user}` : user,
          supplier,
          host: host ? shortHost(host) : undefined,
          service: serviceOfLogonType(type),
          logonType: type,
          ip: cleanIp(str(e, 'IpAddress')),
          ok: id === 4624,
          kind: 'logon',
          ref: e.source,
        });
      } else if (id === 4648) {
        // A logon with explicit credentials (runas, mstsc with saved credentials, PsExec -u):
        // the credentials used are TargetUserName, going to TargetServerName.
        const user = str(e, 'TargetUserName');
        const supplier = this.register.supplierOf(user);
        const target = str(e, 'TargetServerName');
        if (!user || !supplier || !target || target.toLowerCase() === 'localhost') continue;
        this.accesses.push({
          time: e.time,
          account: bareAccount(user),
          user,
          supplier,
          host: shortHost(target),
          ok: true,
          kind: 'explicit',
          ip: cleanIp(str(e, 'IpAddress')),
          ref: e.source,
        });
      } else if (id === 5140 || id === 5145) {
        const user = str(e, 'SubjectUserName');
        const supplier = this.register.supplierOf(user);
        if (!user || !supplier || !host) continue;
        const share = str(e, 'ShareName') ?? '';
        const rel = id === 5145 ? (str(e, 'RelativeTargetName') ?? '') : '';
        this.files.push({
          time: e.time,
          account: bareAccount(user),
          user,
          supplier,
          host: shortHost(host),
          object: `${share}\\${rel}`.toLowerCase(),
          ip: cleanIp(str(e, 'IpAddress')),
          ref: e.source,
        });
      }
    }
  }

  /**
   * sshd (auth.log: `Outcome` success/failure, host `Computer`, service ssh) and Entra ID sign-ins
   * (`ResultType` "0" is success; no host: a cloud sign-in is judged on hours and source only).
   */
  private feedSignIn(e: Event): void {
    const entra = e.source.kind === 'entra-signin';
    const user = entra ? str(e, 'UserPrincipalName') : str(e, 'TargetUserName');
    const supplier = this.register.supplierOf(user);
    if (!user || !supplier) return;
    const outcome = entra ? (str(e, 'ResultType') === '0' ? 'success' : 'failure') : str(e, 'Outcome');
    if (outcome !== 'success' && outcome !== 'failure') return;
    const host = entra ? undefined : eventHost(e);
    const country = entra ? str(e, 'Location') : undefined;
    this.accesses.push({
      time: e.time,
      account: bareAccount(user),
      user,
      supplier,
      host: host ? shortHost(host) : undefined,
      service: entra ? undefined : 'ssh',
      ip: cleanIp(str(e, entra ? 'IPAddress' : 'IpAddress')),
      ok: outcome === 'success',
      kind: 'logon',
      session: true,
      geo: country && /^[A-Za-z]{2}$/.test(country) ? { country: country.toUpperCase() } : undefined,
      ref: e.source,
    });
  }

  /** declared in the register's `service_accounts`, or holding SPNs in the directory export */
  private isServiceAccount(s: CompiledSupplier, account: string): boolean {
    return s.serviceAccounts.matches(account) || this.withSpn.has(account);
  }

  private isInternalTarget(ip: string): boolean {
    return this.register.hostOfIp(ip) !== undefined || isPrivateIp(ip);
  }

  finish(): Finding[] {
    const aggs = new Map<string, Agg>();
    const add: AddFn = (rule, title, severity, a, opts) => {
      const key = `${rule}\0${a.supplier.name}\0${a.account}\0${a.host ?? ''}\0${opts.sub ?? ''}`;
      let g = aggs.get(key);
      if (!g) {
        g = {
          rule,
          title: `${a.supplier.name}: ${title}`,
          severity,
          supplier: a.supplier,
          account: a.account,
          user: a.user,
          host: a.host,
          first: a.time,
          last: a.time,
          count: 0,
          failures: 0,
          attack: new Set(),
          ips: new Set(),
          reasons: new Set(),
          refs: [],
          details: {},
        };
        aggs.set(key, g);
      }
      if (a.time < g.first) g.first = a.time;
      if (a.time > g.last) g.last = a.time;
      if (opts.failed) g.failures++;
      else g.count++;
      // one successful event makes it as serious as the rule says; failures alone one level lower
      if (!opts.failed && severityRank(severity) > severityRank(g.severity)) g.severity = severity;
      for (const t of opts.attack) g.attack.add(t);
      if (a.ip) g.ips.add(a.ip);
      for (const r of opts.reasons ?? []) if (g.reasons.size < 20) g.reasons.add(r);
      pushRef(g.refs, a.ref);
      Object.assign(g.details, opts.details);
    };

    const accesses = this.accesses.concat(this.flowAccesses()).sort(byTime);
    for (const a of accesses) this.checkAccess(a, add);
    this.checkManyHosts(accesses, add);
    this.checkDormant(accesses, add);
    this.checkBulkFiles(add);
    this.checkArchives(add);

    const out: Finding[] = [];
    for (const g of aggs.values()) {
      // failures only: one level lower than the same thing succeeding
      let severity = g.severity;
      if (g.count === 0 && severityRank(severity) > 1) severity = lower(severity);
      const entities: Entity[] = [
        { type: 'account', value: `supplier:${g.supplier.name}` },
        { type: 'user', value: g.account },
      ];
      if (g.host) entities.push({ type: 'host', value: g.host });
      // a burst across hosts names every host it touched
      for (const h of Array.isArray(g.details.hosts) ? (g.details.hosts as string[]) : [])
        entities.push({ type: 'host', value: h });
      for (const ip of [...g.ips].sort()) entities.push({ type: 'ip', value: ip });
      const f: Finding = {
        id: `supplier-${fnv(`${g.rule}|${g.supplier.name}|${g.account}|${g.host ?? ''}|${g.first}`)}`,
        time: g.first,
        severity,
        detector: 'supplier',
        rule: { id: g.rule, title: g.title },
        attack: [...g.attack].sort(),
        entities,
        evidence: g.refs,
        details: {
          supplier: g.supplier.name,
          ...(g.supplier.entry?.contact ? { contact: g.supplier.entry.contact } : {}),
          account: g.user,
          first: iso(g.first),
          last: iso(g.last),
          events: g.count,
          ...(g.failures > 0 ? { failures: g.failures } : {}),
          ...(g.reasons.size > 0 ? { reasons: [...g.reasons] } : {}),
          ...g.details,
        },
      };
      if (g.host) f.host = g.host;
      out.push(f);
    }
    return out.sort(
      (a, b) => a.time - b.time || a.rule.id.localeCompare(b.rule.id) || a.id.localeCompare(b.id),
    );
  }

  /** Zeek connections from an address a supplier account logged on from, while that lasts */
  private flowAccesses(): Access[] {
    if (this.conns.length === 0) return [];
    const sessions = new Map<string, Access[]>();
    for (const a of this.accesses) {
      if (!a.ok || !a.ip || a.kind !== 'logon') continue;
      const k = normIp(a.ip);
      const list = sessions.get(k) ?? [];
      list.push(a);
      sessions.set(k, list);
    }
    if (sessions.size === 0) return [];
    const span = this.settings.session_hours * 3600_000;
    const out: Access[] = [];
    for (const e of this.conns) {
      const orig = str(e, 'id.orig_h');
      const resp = str(e, 'id.resp_h');
      if (!orig || !resp || !this.isInternalTarget(resp)) continue;
      const list = sessions.get(normIp(orig));
      if (!list) continue;
      // the latest logon from that address at or before the flow (five minutes of clock skew)
      let owner: Access | undefined;
      for (const s of list)
        if (s.time - 300_000 <= e.time && e.time <= s.time + span && (!owner || s.time > owner.time))
          owner = s;
      if (!owner) continue;
      const state = str(e, 'conn_state');
      out.push({
        time: e.time,
        account: owner.account,
        user: owner.user,
        supplier: owner.supplier,
        host: this.register.hostOfIp(resp) ?? resp,
        service: serviceOfPort(num(e, 'id.resp_p'), str(e, 'service')),
        ip: orig,
        // S0, REJ and friends: the connection was attempted, not established (Zeek conn_state)
        ok: !state || !['S0', 'REJ', 'RSTOS0', 'RSTRH', 'SH', 'SHR'].includes(state),
        kind: 'flow',
        ref: e.source,
      });
    }
    return out;
  }

  private checkAccess(a: Access, add: AddFn): void {
    const s = a.supplier;
    const failed = !a.ok;
    const where = a.host ? ` on ${a.host}` : '';
    if (a.kind === 'logon') {
      const serviceLogon = a.logonType === 4 || a.logonType === 5;
      if (
        s.hours &&
        (a.service || a.session) &&
        !(serviceLogon && this.isServiceAccount(s, a.account)) &&
        !withinHours(s.hours, a.time)
      ) {
        add('supplier-outside-hours', 'supplier account logged on outside its allowed hours', 'medium', a, {
          attack: ['T1078'],
          failed,
          reasons: [
            `${describeLocal(a.time, s.hours.tz)}${where} (allowed ${s.entry?.hours?.days} ${s.entry?.hours?.from}-${s.entry?.hours?.to})`,
          ],
        });
      }
      if (a.ip) {
        const verdict = this.judgeSource(s, a.ip, a.geo);
        if (verdict)
          add(
            'supplier-unexpected-source',
            'supplier account logged on from an unexpected network',
            'high',
            a,
            {
              attack: isPrivateIp(a.ip) ? ['T1078'] : ['T1078', 'T1133'],
              failed,
              sub: normIp(a.ip),
              reasons: [verdict.reason],
              details: verdict.info ? { source: { ip: a.ip, ...verdict.info } } : { source: { ip: a.ip } },
            },
          );
      }
      if (a.logonType !== undefined && INTERACTIVE.has(a.logonType) && this.isServiceAccount(s, a.account)) {
        add(
          'supplier-interactive-service',
          'supplier service account used for an interactive logon',
          'high',
          a,
          {
            attack: ['T1078'],
            failed,
            reasons: [`logon type ${a.logonType} (${a.service})${where}`],
          },
        );
      }
    }
    if (failed || !a.host) return;
    // grants: the host and the service
    // Group Policy (SMB to SYSVOL, RPC) and Kerberos make every member talk to domain controllers
    const dcPlumbing =
      (a.service === 'network' || a.service === 'smb' || a.service === 'rpc' || a.kind === 'explicit') &&
      DC_TAGS.some((t) => this.register.tagsOf(a.host as string).has(t));
    const reasons: string[] = [];
    if (!dcPlumbing && !this.register.hostGranted(s, a.host))
      reasons.push(`host ${a.host} is not in its grants (${s.entry?.hosts.join(', ')})`);
    if (a.service && a.service !== 'service' && a.service !== 'batch' && !serviceGranted(s, a.service))
      reasons.push(`service ${a.service} is not in its grants (${[...s.services].join(', ')})`);
    if (reasons.length > 0) {
      const t = a.service ? ATTACK_OF_SERVICE[a.service] : undefined;
      add(
        'supplier-outside-grants',
        'supplier account reached a host or service outside its grants',
        'high',
        a,
        {
          attack: t ? ['T1078', t] : ['T1078'],
          reasons,
        },
      );
    }
  }

  /** undefined when the source is expected (or cannot be judged), else why not */
  private judgeSource(
    s: CompiledSupplier,
    ip: string,
    hint?: SourceInfo,
  ): { reason: string; info?: SourceInfo } | undefined {
    if (!parseIp(ip)) return undefined;
    const declared = s.networks.length + s.asns.size + s.countries.size > 0;
    if (!declared) return undefined;
    const priv = isPrivateIp(ip);
    // internal addresses are judged only when the register declares internal ranges (a VPN pool)
    if (priv && !s.networks.some((c) => isPrivateIp(c.text.split('/')[0]))) return undefined;
    if (inAnyCidr(ip, s.networks)) return undefined;
    const looked = priv ? undefined : this.lookup?.(ip);
    const info = looked || hint ? { ...hint, ...stripUndef(looked ?? {}) } : undefined;
    if (info?.asn !== undefined && s.asns.has(info.asn)) return undefined;
    if (info?.country && s.countries.has(info.country.toUpperCase())) return undefined;
    // ASNs/countries declared but nothing to look them up with, and no networks: cannot judge
    if (!info && s.networks.length === 0) return undefined;
    const expected = [
      ...s.networks.map((c) => c.text),
      ...[...s.asns].map((n) => `AS${n}`),
      ...s.countries,
    ].join(', ');
    const what = info
      ? ` (${[info.asn !== undefined ? `AS${info.asn}` : '', info.org ?? '', info.country ?? ''].filter(Boolean).join(' ')})`
      : '';
    return { reason: `${ip}${what} is not in ${expected}`, info };
  }

  private checkManyHosts(accesses: readonly Access[], add: AddFn): void {
    const win = this.settings.many_hosts_minutes * 60_000;
    const byAccount = groupBy(
      accesses.filter((a) => a.ok && a.host),
      (a) => `${a.supplier.name}\0${a.account}`,
    );
    for (const list of byAccount.values()) {
      const inWin = new Map<string, number>();
      let lo = 0;
      let burstEnd = -Infinity;
      for (let hi = 0; hi < list.length; hi++) {
        const a = list[hi];
        inWin.set(a.host as string, (inWin.get(a.host as string) ?? 0) + 1);
        while (list[lo].time < a.time - win) {
          const h = list[lo].host as string;
          const c = (inWin.get(h) ?? 1) - 1;
          if (c === 0) inWin.delete(h);
          else inWin.set(h, c);
          lo++;
        }
        if (inWin.size >= this.settings.many_hosts && a.time > burstEnd) {
          burstEnd = a.time + win;
          const hosts = [...inWin.keys()].sort();
          add(
            'supplier-many-hosts',
            `supplier account reached ${hosts.length} hosts within ${this.settings.many_hosts_minutes} minutes`,
            'high',
            { ...a, host: undefined },
            {
              attack: ['T1078', 'T1021'],
              sub: String(a.time),
              reasons: [`${hosts.length} hosts between ${iso(list[lo].time)} and ${iso(a.time)}`],
              details: { hosts },
            },
          );
          for (let k = lo; k <= hi; k++)
            if (list[k] !== a)
              add(
                'supplier-many-hosts',
                '',
                'high',
                { ...list[k], host: undefined },
                { attack: [], sub: String(a.time) },
              );
        }
      }
    }
  }

  private checkDormant(accesses: readonly Access[], add: AddFn): void {
    const gap = this.settings.dormant_days * 86_400_000;
    const byAccount = groupBy(
      accesses.filter((a) => a.ok && a.kind === 'logon'),
      (a) => `${a.supplier.name}\0${a.account}`,
    );
    for (const list of byAccount.values()) {
      const first = list[0];
      const known = this.lastLogon.get(first.account);
      // the directory's last logon counts only when it predates what the events show
      let prev = known !== undefined && known < first.time ? known : undefined;
      for (const a of list) {
        if (prev !== undefined && a.time - prev >= gap) {
          const days = Math.floor((a.time - prev) / 86_400_000);
          add('supplier-dormant-account', 'dormant supplier account used again', 'medium', a, {
            attack: ['T1078'],
            sub: String(a.time),
            reasons: [`first logon in ${days} days (previous ${iso(prev)})`],
            details: { idle_days: days, previous_logon: iso(prev) },
          });
        }
        prev = a.time;
      }
      // an account the directory export lists as disabled logged on: re-enabled behind the register's back
      if (this.disabled.has(first.account))
        add('supplier-dormant-account', 'dormant supplier account used again', 'medium', first, {
          attack: ['T1078'],
          sub: 'disabled',
          reasons: ['the directory export lists the account as disabled'],
          details: { disabled_in_directory: true },
        });
    }
  }

  private checkBulkFiles(add: AddFn): void {
    const win = this.settings.bulk_minutes * 60_000;
    const groups = groupBy(this.files.sort(byTime), (f) => `${f.supplier.name}\0${f.account}\0${f.host}`);
    for (const list of groups.values()) {
      const inWin = new Map<string, number>();
      let lo = 0;
      let fired = false;
      for (let hi = 0; hi < list.length && !fired; hi++) {
        const f = list[hi];
        inWin.set(f.object, (inWin.get(f.object) ?? 0) + 1);
        while (list[lo].time < f.time - win) {
          const c = (inWin.get(list[lo].object) ?? 1) - 1;
          if (c === 0) inWin.delete(list[lo].object);
          else inWin.set(list[lo].object, c);
          lo++;
        }
        if (inWin.size >= this.settings.bulk_files) {
          fired = true;
          const total = new Set(list.map((x) => x.object)).size;
          for (let k = lo; k <= hi; k++)
            add(
              'supplier-bulk-file-access',
              'supplier account read many files over the network',
              'high',
              list[k],
              {
                attack: ['T1039'],
                reasons:
                  k === lo
                    ? [
                        `${inWin.size} distinct files or shares within ${this.settings.bulk_minutes} minutes (${total} in all)`,
                      ]
                    : [],
                details: { distinct_objects: total },
              },
            );
        }
      }
    }
  }

  private checkArchives(add: AddFn): void {
    for (const { e, account, user, supplier } of this.archives.sort(
      (a, b) => a.e.time - b.e.time || compareRefs(a.e.source, b.e.source),
    )) {
      const image = str(e, 'Image') ?? '';
      const cmd = str(e, 'CommandLine') ?? '';
      const exe = baseName(image);
      const tool = ARCHIVE_TOOLS[exe];
      const ps = (exe === 'powershell.exe' || exe === 'pwsh.exe') && /compress-archive/i.test(cmd);
      if (!tool?.test(` ${cmd} `) && !ps) continue;
      const host = eventHost(e);
      add(
        'supplier-archive-created',
        'supplier account created an archive',
        'high',
        { time: e.time, account, user, supplier, host: host ? shortHost(host) : undefined, ref: e.source },
        {
          attack: ps ? ['T1560'] : ['T1560.001'],
          sub: exe,
          reasons: [redactCommandLine(cmd).slice(0, 300)],
          details: { image },
        },
      );
    }
  }
}

type AddFn = (
  rule: string,
  title: string,
  severity: Severity,
  a: {
    time: number;
    account: string;
    user: string;
    supplier: CompiledSupplier;
    host?: string;
    ip?: string;
    ref: SourceRef;
  },
  opts: {
    attack: string[];
    reasons?: string[];
    failed?: boolean;
    sub?: string;
    details?: Record<string, unknown>;
  },
) => void;

/** time, then source: the same input gives the same output whatever order batches arrive in */
function byTime<T extends { time: number; ref: SourceRef }>(a: T, b: T): number {
  return a.time - b.time || compareRefs(a.ref, b.ref);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const l = m.get(k);
    if (l) l.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function lower(s: Severity): Severity {
  const order: Severity[] = ['informational', 'low', 'medium', 'high', 'critical'];
  return order[Math.max(0, order.indexOf(s) - 1)];
}

function stripUndef(o: SourceInfo): SourceInfo {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as SourceInfo;
}

function cleanIp(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  if (ip === '::1' || ip === '127.0.0.1' || ip === '0.0.0.0') return undefined;
  return parseIp(ip) ? ip.replace(/^::ffff:/i, '') : undefined;
}

function normIp(ip: string): string {
  const p = parseIp(ip);
  return p ? `${p.v}:${p.n.toString(16)}` : ip;
}
