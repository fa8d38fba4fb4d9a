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
import { CROWN_JEWEL_TAG } from './config.js';
import { bareAccount, parseIp, shortHost } from './match.js';
/** logon types that leave reusable credentials on the host (interactive, batch, service, RDP) */
const CREDENTIAL_LOGONS = new Set([2, 4, 5, 10, 11, 12]);
const ADMIN_FLAG_GROUP = 'group:*directory-admins*';
/** Successful logons in events, for the graph: Windows 4624, and sshd logins from auth.log. */
export function logonsOf(events, out = []) {
    for (const e of events) {
        if (e.source.kind === 'auth-log') {
            // an ssh login reaches the host but leaves no Windows credentials behind: no logon type
            const user = e.fields.TargetUserName;
            const host = e.fields.Computer;
            if (e.fields.Outcome === 'success' && typeof user === 'string' && typeof host === 'string')
                out.push({ account: bareAccount(user), host: shortHost(host), time: e.time });
            continue;
        }
        const id = Number(e.fields.EventID);
        if (id !== 4624)
            continue;
        const ch = String(e.fields.Channel ?? 'Security').toLowerCase();
        if (ch !== 'security')
            continue;
        const user = e.fields.TargetUserName;
        const host = e.fields.Computer ?? e.fields.Hostname;
        if (typeof user !== 'string' || typeof host !== 'string' || user === '-' || user.endsWith('$'))
            continue;
        const bare = bareAccount(user);
        // well-known local principals are not identities anyone administers
        if (['system', 'local service', 'network service', 'anonymous logon', 'dwm-1', 'umfd-0'].includes(bare) ||
            /^(dwm|umfd)-\d+$/.test(bare))
            continue;
        const t = Number(e.fields.LogonType);
        out.push({
            account: bare,
            host: shortHost(host),
            logonType: Number.isFinite(t) ? t : undefined,
            time: e.time,
        });
    }
    return out;
}
const userKey = (a) => `user:${bareAccount(a)}`;
const groupKey = (g) => `group:${g.trim().toLowerCase()}`;
const hostKey = (h) => `host:${shortHost(h)}`;
const supplierKey = (s) => `supplier:${s}`;
export function buildAccessGraph(input) {
    const g = new MultiDirectedGraph();
    const { register } = input;
    const directory = input.directory ?? [];
    const node = (key, kind, label) => {
        if (!g.hasNode(key))
            g.addNode(key, { kind, label });
        return key;
    };
    const host = (h) => node(hostKey(h), 'host', shortHost(h));
    const user = (a) => node(userKey(a), 'user', bareAccount(a));
    const group = (name) => node(groupKey(name), 'group', name.trim());
    const edgeOnce = (s, t, kind) => {
        if (!g.someOutEdge(s, (_e, a, _s, target) => target === t && a.kind === kind))
            g.addEdge(s, t, { kind });
    };
    // hosts: the inventory, then whatever the logons show
    for (const a of register.assets) {
        const k = host(a.host);
        if (a.tags.includes(CROWN_JEWEL_TAG))
            g.setNodeAttribute(k, 'crown', true);
    }
    for (const l of input.logons ?? [])
        if (!parseIp(l.host))
            host(l.host);
    // the directory: accounts, groups, the admin flag
    const knownGroups = new Set();
    for (const d of directory) {
        const u = user(d.account);
        for (const gr of d.groups) {
            knownGroups.add(gr.trim().toLowerCase());
            edgeOnce(u, group(gr), 'member-of');
        }
        if (d.admin) {
            if (!g.hasNode(ADMIN_FLAG_GROUP))
                g.addNode(ADMIN_FLAG_GROUP, { kind: 'group', label: '*directory-admins*' });
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
    const seen = new Map();
    for (const l of input.logons ?? []) {
        if (parseIp(l.host))
            continue;
        const k = `${bareAccount(l.account)}\0${shortHost(l.host)}`;
        let s = seen.get(k);
        if (!s) {
            s = { count: 0, types: new Set() };
            seen.set(k, s);
        }
        s.count++;
        if (l.logonType !== undefined)
            s.types.add(l.logonType);
    }
    for (const [k, s] of seen) {
        const [acct, h] = k.split('\0');
        const u = user(acct);
        const hk = host(h);
        const types = [...s.types].sort((a, b) => a - b);
        g.addEdge(u, hk, { kind: 'logon', count: s.count, types });
        if (types.some((t) => CREDENTIAL_LOGONS.has(t)))
            g.addEdge(hk, u, { kind: 'session', count: s.count, types });
    }
    // the admin flag administers every host known by now
    if (g.hasNode(ADMIN_FLAG_GROUP))
        g.forEachNode((k, a) => a.kind === 'host' && edgeOnce(ADMIN_FLAG_GROUP, k, 'admin-to'));
    // suppliers: staff and grants
    const hosts = g.filterNodes((_k, a) => a.kind === 'host');
    const users = g.filterNodes((_k, a) => a.kind === 'user');
    for (const s of register.suppliers) {
        const sk = node(supplierKey(s.name), 'supplier', s.name);
        for (const u of users) {
            const label = g.getNodeAttribute(u, 'label');
            if (register.supplierOf(label)?.name === s.name)
                edgeOnce(sk, u, 'staff');
        }
        if (!s.hosts.empty)
            for (const h of hosts)
                if (register.hostGranted(s, g.getNodeAttribute(h, 'label')))
                    edgeOnce(sk, h, 'grant');
    }
    return g;
}
const EDGE_KINDS = ['staff', 'grant', 'member-of', 'admin-to', 'logon', 'session'];
const STAFF = 0;
export function compileGraph(g) {
    const n = g.order;
    const keys = new Array(n);
    const labels = new Array(n);
    const kinds = new Array(n);
    const crown = new Uint8Array(n);
    const index = new Map();
    let i = 0;
    g.forEachNode((k, a) => {
        keys[i] = k;
        labels[i] = a.label;
        kinds[i] = a.kind;
        if (a.crown)
            crown[i] = 1;
        index.set(k, i++);
    });
    const m = g.size;
    const src = new Int32Array(m);
    const dst = new Int32Array(m);
    const kind = new Uint8Array(m);
    const start = new Int32Array(n + 1);
    let e = 0;
    g.forEachEdge((_k, a, s, t) => {
        src[e] = index.get(s);
        dst[e] = index.get(t);
        kind[e] = EDGE_KINDS.indexOf(a.kind);
        start[src[e] + 1]++;
        e++;
    });
    for (let k = 0; k < n; k++)
        start[k + 1] += start[k];
    const adj = new Int32Array(m);
    const edgeKind = new Uint8Array(m);
    const fill = start.slice(0, n);
    // edges keep their insertion order within a node, so searches are deterministic
    for (let k = 0; k < m; k++) {
        const at = fill[src[k]]++;
        adj[at] = dst[k];
        edgeKind[at] = kind[k];
    }
    return { keys, index, labels, kinds, crown, start, adj, edgeKind };
}
/**
 * Breadth-first search from `sources` (all at distance 0), following out-edges; staff edges do not
 * add a hop. Counts shortest paths as it goes (each node's count is the sum over its parents on
 * shortest paths). Supplier nodes other than the sources are not entered: one supplier does not
 * reach through another's register.
 */
export function shortestFrom(c, sources) {
    const n = c.keys.length;
    const dist = new Int32Array(n).fill(-1);
    const parent = new Int32Array(n).fill(-1);
    const parentEdge = new Uint8Array(n);
    const paths = new Float64Array(n);
    const queue = new Int32Array(n);
    let tail = 0;
    for (const s of sources) {
        const i = c.index.get(s);
        if (i === undefined || dist[i] >= 0)
            continue;
        dist[i] = 0;
        paths[i] = 1;
        queue[tail++] = i;
    }
    // 0-1 BFS: zero-cost staff edges leave only supplier nodes, which are all sources
    for (let h = 0; h < tail; h++) {
        const u = queue[h];
        for (let e = c.start[u]; e < c.start[u + 1]; e++) {
            const v = c.adj[e];
            if (c.edgeKind[e] !== STAFF || dist[v] >= 0)
                continue;
            dist[v] = 0;
            paths[v] = 1;
            parent[v] = u;
            parentEdge[v] = STAFF;
            queue[tail++] = v;
        }
    }
    for (let head = 0; head < tail; head++) {
        const u = queue[head];
        const du = dist[u];
        for (let e = c.start[u]; e < c.start[u + 1]; e++) {
            if (c.edgeKind[e] === STAFF)
                continue;
            const v = c.adj[e];
            const dv = dist[v];
            if (dv < 0) {
                if (c.kinds[v] === 'supplier')
                    continue;
                dist[v] = du + 1;
                parent[v] = u;
                parentEdge[v] = c.edgeKind[e];
                paths[v] = paths[u];
                queue[tail++] = v;
            }
            else if (dv === du + 1) {
                paths[v] += paths[u];
            }
        }
    }
    return { dist, parent, parentEdge, paths };
}
function pathTo(c, sp, target) {
    const steps = [];
    for (let cur = target; sp.parent[cur] >= 0; cur = sp.parent[cur])
        steps.push({ from: c.labels[sp.parent[cur]], edge: EDGE_KINDS[sp.parentEdge[cur]], to: c.labels[cur] });
    return steps.reverse();
}
/**
 * The blast radius of one supplier (or any set of start nodes, for tests and benchmarks). Pass a
 * `compiled` graph when computing several.
 */
export function blastRadius(g, supplier, sources = [supplierKey(supplier)], compiled = compileGraph(g)) {
    const c = compiled;
    const sp = shortestFrom(c, sources);
    const hosts = [];
    let total = 0;
    const crown = [];
    const unreachable = [];
    const accounts = [];
    for (let i = 0; i < c.keys.length; i++) {
        const kind = c.kinds[i];
        const d = sp.dist[i];
        if (kind === 'host') {
            total++;
            if (d >= 0)
                hosts.push({ host: c.labels[i], hops: d });
            if (c.crown[i]) {
                if (d < 0)
                    unreachable.push(c.labels[i]);
                else
                    crown.push({
                        host: c.labels[i],
                        hops: d,
                        path: pathTo(c, sp, i),
                        shortest_paths: Math.min(Number.MAX_SAFE_INTEGER, sp.paths[i]),
                    });
            }
        }
        else if (kind === 'user' && d === 0)
            accounts.push(c.labels[i]);
    }
    const byHops = (a, b) => a.hops - b.hops || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0);
    hosts.sort(byHops);
    crown.sort(byHops);
    let within = 0;
    for (const h of hosts)
        if (h.hops <= 2)
            within++;
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
export function supplierExposure(g, register) {
    const compiled = compileGraph(g);
    return register.suppliers.map((s) => blastRadius(g, s.name, [supplierKey(s.name)], compiled));
}
/** `supplier Hanil Maintenance -staff-> hanil.park -logon-> MES-02` */
export function formatPath(path) {
    if (path.length === 0)
        return '';
    return [path[0].from, ...path.map((s) => `-${s.edge}-> ${s.to}`)].join(' ');
}
//# sourceMappingURL=graph.js.map