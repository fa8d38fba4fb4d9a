/**
 * The access graph and each supplier's blast radius (issue 7), on graphology.
 *
 * Nodes (key prefix, `kind` attribute): `supplier:<name>`, `user:<bare account>`,
 * `group:<name, lower-case>`, `host:<SHORT NAME>`. Edges point the way control flows, as in
 * BloodHound's model:
 *   staff      supplier -> user    the register's account patterns, the directory's `supplier` column
 *   grant      supplier -> host    the register's `hosts` (globs, CIDRs) over the known hosts
 *   member-of  user -> group       the directory's `groups`
 *   admin-to   user|group -> host  the inventory's `assets[].admins`; the directory's `admin` flag
 *                                  is a member-of edge to the group `*directory-admins*`, which is
 *                                  admin-to every known host
 *   logon      user -> host        logons observed in the events (4624) or stored findings
 *   session    host -> user        an interactive, RDP, batch or service logon leaves the account's
 *                                  credentials on the host (LSASS), so whoever holds the host can
 *                                  take them
 * Hops are counted from the supplier's accounts: belonging to the supplier (staff) is not a hop,
 * every other edge is one. "Within two hops" therefore covers hosts a supplier account logs on to
 * or administers directly, through one group, or by the register's grants.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Event } from '../model/index.js';
import { CROWN_JEWEL_TAG } from './config.js';
import type { DirectoryAccount } from './directory.js';
import { bareAccount, parseIp, shortHost } from './match.js';
import type { SupplierRegister } from './register.js';

export type NodeKind = 'supplier' | 'user' | 'group' | 'host';
export type EdgeKind = 'staff' | 'grant' | 'member-of' | 'admin-to' | 'logon' | 'session';

export interface NodeAttributes {
  kind: NodeKind;
  label: string;
  crown?: boolean;
}
export interface EdgeAttributes {
  kind: EdgeKind;
  /** observed logons: how many and which logon types */
  count?: number;
  types?: number[];
}

export type AccessGraphData = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export interface LogonObservation {
  account: string;
  host: string;
  logonType?: number;
  time: number;
}

/** logon types that leave reusable credentials on the host (interactive, batch, service, RDP) */
const CREDENTIAL_LOGONS = new Set([2, 4, 5, 10, 11, 12]);
const ADMIN_FLAG_GROUP = 'group:*directory-admins*';

/** Successful logons (4624) in Windows events, for the graph. */
export function logonsOf(events: readonly Event[], out: LogonObservation[] = []): LogonObservation[] {
  for (const e of events) {
    const id = Number(e.fields.EventID);
    if (id !== 4624) continue;
    const ch = String(e.fields.Channel ?? 'Security').toLowerCase();
    if (ch !== 'security') continue;
    const user = e.fields.TargetUserName;
    const host = e.fields.Computer ?? e.fields.Hostname;
    if (typeof user !== 'string' || typeof host !== 'string' || user === '-' || user.endsWith('$')) continue;
    const bare = bareAccount(user);
    // well-known local principals are not identities anyone administers
    if (['system', 'local service', 'network service', 'anonymous logon', 'dwm-1', 'umfd-0'].includes(bare) || /^(dwm|umfd)-\d+$/.test(bare)) continue;
    const t = Number(e.fields.LogonType);
    out.push({ account: bare, host: shortHost(host), logonType: Number.isFinite(t) ? t : undefined, time: e.time });
  }
  return out;
}

export interface AccessGraphInput {
  register: SupplierRegister;
  directory?: readonly DirectoryAccount[];
  logons?: readonly LogonObservation[];
}

const userKey = (a: string) => `user:${bareAccount(a)}`;
const groupKey = (g: string) => `group:${g.trim().toLowerCase()}`;
const hostKey = (h: string) => `host:${shortHost(h)}`;
const supplierKey = (s: string) => `supplier:${s}`;

export function buildAccessGraph(input: AccessGraphInput): AccessGraphData {
  const g: AccessGraphData = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const { register } = input;
  const directory = input.directory ?? [];
  const node = (key: string, kind: NodeKind, label: string) => {
    if (!g.hasNode(key)) g.addNode(key, { kind, label });
    return key;
  };
  const host = (h: string) => node(hostKey(h), 'host', shortHost(h));
  const user = (a: string) => node(userKey(a), 'user', bareAccount(a));
  const group = (name: string) => node(groupKey(name), 'group', name.trim());
  const edgeOnce = (s: string, t: string, kind: EdgeKind) => {
    if (!g.someOutEdge(s, (_e, a, _s, target) => target === t && a.kind === kind)) g.addEdge(s, t, { kind });
  };

  // hosts: the inventory, then whatever the logons show
  for (const a of register.assets) {
    const k = host(a.host);
    if (a.tags.includes(CROWN_JEWEL_TAG)) g.setNodeAttribute(k, 'crown', true);
  }
  for (const l of input.logons ?? []) if (!parseIp(l.host)) host(l.host);

  // the directory: accounts, groups, the admin flag
  const knownGroups = new Set<string>();
  for (const d of directory) {
    const u = user(d.account);
    for (const gr of d.groups) {
      knownGroups.add(gr.trim().toLowerCase());
      edgeOnce(u, group(gr), 'member-of');
    }
    if (d.admin) {
      if (!g.hasNode(ADMIN_FLAG_GROUP)) g.addNode(ADMIN_FLAG_GROUP, { kind: 'group', label: '*directory-admins*' });
      edgeOnce(u, ADMIN_FLAG_GROUP, 'member-of');
    }
  }
  // administrators named by the inventory: a known group, else a known account, else a group
  for (const a of register.assets) {
    for (const admin of a.admins) {
      const bare = bareAccount(admin);
      const principal = knownGroups.has(admin.trim().toLowerCase())
        ? group(admin)
        : g.hasNode(userKey(bare))
          ? userKey(bare)
          : group(admin);
      edgeOnce(principal, hostKey(a.host), 'admin-to');
    }
  }

  // observed logons, aggregated per account and host
  const seen = new Map<string, { count: number; types: Set<number> }>();
  for (const l of input.logons ?? []) {
    if (parseIp(l.host)) continue;
    const k = `${bareAccount(l.account)}\0${shortHost(l.host)}`;
    let s = seen.get(k);
    if (!s) {
      s = { count: 0, types: new Set() };
      seen.set(k, s);
    }
    s.count++;
    if (l.logonType !== undefined) s.types.add(l.logonType);
  }
  for (const [k, s] of seen) {
    const [acct, h] = k.split('\0');
    const u = user(acct);
    const hk = host(h);
    const types = [...s.types].sort((a, b) => a - b);
    g.addEdge(u, hk, { kind: 'logon', count: s.count, types });
    if (types.some((t) => CREDENTIAL_LOGONS.has(t))) g.addEdge(hk, u, { kind: 'session', count: s.count, types });
  }

  // the admin flag administers every host known by now
  if (g.hasNode(ADMIN_FLAG_GROUP)) g.forEachNode((k, a) => a.kind === 'host' && edgeOnce(ADMIN_FLAG_GROUP, k, 'admin-to'));

  // suppliers: staff and grants
  const hosts = g.filterNodes((_k, a) => a.kind === 'host');
  const users = g.filterNodes((_k, a) => a.kind === 'user');
  for (const s of register.suppliers) {
    const sk = node(supplierKey(s.name), 'supplier', s.name);
    for (const u of users) {
      const label = g.getNodeAttribute(u, 'label');
      if (register.supplierOf(label)?.name === s.name) edgeOnce(sk, u, 'staff');
    }
    if (!s.hosts.empty) for (const h of hosts) if (register.hostGranted(s, g.getNodeAttribute(h, 'label'))) edgeOnce(sk, h, 'grant');
  }
  return g;
}

export interface PathStep {
  from: string;
  edge: EdgeKind;
  to: string;
}

export interface CrownJewelReach {
  host: string;
  hops: number;
  /** one shortest path, node labels with the edges between */
  path: PathStep[];
  /** how many distinct shortest paths there are (capped at Number.MAX_SAFE_INTEGER) */
  shortest_paths: number;
}

export interface BlastRadius {
  supplier: string;
  accounts: string[];
  hosts_total: number;
  reachable_hosts: number;
  within_two_hops: number;
  /** within_two_hops / hosts_total (0 when there are no hosts) */
  share_within_two_hops: number;
  /** reachable hosts with their hop count, nearest first */
  hosts: { host: string; hops: number }[];
  crown_jewels: CrownJewelReach[];
  crown_jewels_unreachable: string[];
}

/**
 * Breadth-first search from `sources` (all at distance 0), following out-edges; `zeroCost` edges
 * (staff) do not add a hop. Returns distance, one parent per node and the number of shortest paths.
 * Supplier nodes other than the sources are not entered (one supplier does not reach through
 * another's register).
 */
export function shortestFrom(
  g: AccessGraphData,
  sources: readonly string[],
): { dist: Map<string, number>; parent: Map<string, { node: string; edge: EdgeKind }>; paths: Map<string, number> } {
  const dist = new Map<string, number>();
  const parent = new Map<string, { node: string; edge: EdgeKind }>();
  const paths = new Map<string, number>();
  // 0-1 BFS: the zero-cost staff edges leave only from supplier nodes, so sources expand first
  let frontier: string[] = [];
  for (const s of sources) {
    if (!g.hasNode(s) || dist.has(s)) continue;
    dist.set(s, 0);
    paths.set(s, 1);
    frontier.push(s);
  }
  for (let i = 0; i < frontier.length; i++) {
    const u = frontier[i];
    g.forEachOutEdge(u, (_e, a, _s, t) => {
      if (a.kind !== 'staff' || dist.has(t)) return;
      dist.set(t, 0);
      paths.set(t, 1);
      parent.set(t, { node: u, edge: 'staff' });
      frontier.push(t);
    });
  }
  let d = 0;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const u of frontier) {
      const pu = paths.get(u) as number;
      g.forEachOutEdge(u, (_e, a, _s, t) => {
        if (a.kind === 'staff') return;
        const dt = dist.get(t);
        if (dt === undefined) {
          if (g.getNodeAttribute(t, 'kind') === 'supplier') return;
          dist.set(t, d + 1);
          parent.set(t, { node: u, edge: a.kind });
          paths.set(t, pu);
          next.push(t);
        } else if (dt === d + 1) {
          paths.set(t, Math.min(Number.MAX_SAFE_INTEGER, (paths.get(t) as number) + pu));
        }
      });
    }
    frontier = next;
    d++;
  }
  return { dist, parent, paths };
}

function pathTo(g: AccessGraphData, parent: Map<string, { node: string; edge: EdgeKind }>, target: string): PathStep[] {
  const steps: PathStep[] = [];
  let cur = target;
  for (let p = parent.get(cur); p; p = parent.get(cur)) {
    steps.push({ from: g.getNodeAttribute(p.node, 'label'), edge: p.edge, to: g.getNodeAttribute(cur, 'label') });
    cur = p.node;
  }
  return steps.reverse();
}

/** The blast radius of one supplier node (or any set of start nodes, for tests and benchmarks). */
export function blastRadius(g: AccessGraphData, supplier: string, sources: readonly string[] = [supplierKey(supplier)]): BlastRadius {
  const { dist, parent, paths } = shortestFrom(g, sources);
  const hosts: { host: string; hops: number }[] = [];
  let total = 0;
  const crown: CrownJewelReach[] = [];
  const unreachable: string[] = [];
  const accounts: string[] = [];
  g.forEachNode((k, a) => {
    if (a.kind === 'host') {
      total++;
      const h = dist.get(k);
      if (h !== undefined) hosts.push({ host: a.label, hops: h });
      if (a.crown) {
        if (h === undefined) unreachable.push(a.label);
        else crown.push({ host: a.label, hops: h, path: pathTo(g, parent, k), shortest_paths: paths.get(k) as number });
      }
    } else if (a.kind === 'user' && dist.get(k) === 0) accounts.push(a.label);
  });
  hosts.sort((a, b) => a.hops - b.hops || a.host.localeCompare(b.host));
  crown.sort((a, b) => a.hops - b.hops || a.host.localeCompare(b.host));
  const within = hosts.filter((h) => h.hops <= 2).length;
  return {
    supplier,
    accounts: accounts.sort(),
    hosts_total: total,
    reachable_hosts: hosts.length,
    within_two_hops: within,
    share_within_two_hops: total === 0 ? 0 : within / total,
    hosts,
    crown_jewels: crown,
    crown_jewels_unreachable: unreachable.sort(),
  };
}

/** Every supplier's blast radius, in register order. */
export function supplierExposure(g: AccessGraphData, register: SupplierRegister): BlastRadius[] {
  return register.suppliers.map((s) => blastRadius(g, s.name));
}

/** `supplier Hanil Maintenance -staff-> hanil.park -logon-> MES-02` */
export function formatPath(path: readonly PathStep[]): string {
  if (path.length === 0) return '';
  return [path[0].from, ...path.map((s) => `-${s.edge}-> ${s.to}`)].join(' ');
}
