/**
 * `npm run bench -- suppliers [nodes] [edges]`: blast radius on a generated access graph
 * (default 100,000 nodes and 1,000,000 edges, issue 7). Prints, wall-clock and CPU time (the
 * machine may be shared): the graphology build, the compilation to typed arrays (CSR), the blast
 * radius (BFS with shortest-path counting, crown-jewel paths, two-hop share; median of 5), and the
 * same search walked through graphology's own callbacks, as the ratio that justifies compiling.
 */
import { performance } from 'node:perf_hooks';
import {
  type AccessGraphData,
  blastRadius,
  compileGraph,
  type EdgeAttributes,
  type EdgeKind,
  type NodeAttributes,
} from '@haechi/core/suppliers';
import { MultiDirectedGraph } from 'graphology';

const NODES = Number(process.argv[2] ?? 100_000);
const EDGES = Number(process.argv[3] ?? 1_000_000);

// deterministic: mulberry32
let seed = 20260302;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (n: number) => Math.floor(rnd() * n);

// shape of a mid-size enterprise directory: 60% users, 5% groups, the rest hosts
const nUsers = Math.floor(NODES * 0.6);
const nGroups = Math.floor(NODES * 0.05);
const nHosts = NODES - nUsers - nGroups - 1;
const STAFF = 50;
const CROWN = 100;

function ms(t0: number): number {
  return performance.now() - t0;
}

const t0 = performance.now();
const g: AccessGraphData = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
const users: string[] = [];
const groups: string[] = [];
const hosts: string[] = [];
g.addNode('supplier:Bench Supplier', { kind: 'supplier', label: 'Bench Supplier' });
for (let i = 0; i < nUsers; i++) {
  users.push(`user:u${i}`);
  g.addNode(users[i], { kind: 'user', label: `u${i}` });
}
for (let i = 0; i < nGroups; i++) {
  groups.push(`group:g${i}`);
  g.addNode(groups[i], { kind: 'group', label: `g${i}` });
}
for (let i = 0; i < nHosts; i++) {
  hosts.push(`host:H${i}`);
  g.addNode(hosts[i], { kind: 'host', label: `H${i}`, ...(i < CROWN ? { crown: true } : {}) });
}
const edges: [string, string, EdgeKind][] = [];
for (let i = 0; i < STAFF; i++) edges.push(['supplier:Bench Supplier', users[i], 'staff']);
for (let i = 0; i < 20; i++)
  edges.push(['supplier:Bench Supplier', hosts[CROWN + pick(nHosts - CROWN)], 'grant']);
// membership 30%, admin rights 20% (groups are few, so they fan out to hosts), logons 30%, sessions 20%
const rest = EDGES - edges.length;
for (let i = 0; i < rest; i++) {
  const r = i / rest;
  if (r < 0.3) edges.push([users[pick(nUsers)], groups[pick(nGroups)], 'member-of']);
  else if (r < 0.5) edges.push([groups[pick(nGroups)], hosts[pick(nHosts)], 'admin-to']);
  else if (r < 0.8) edges.push([users[pick(nUsers)], hosts[pick(nHosts)], 'logon']);
  else edges.push([hosts[pick(nHosts)], users[pick(nUsers)], 'session']);
}
const tGen = ms(t0);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const w = performance.now();
  const c = cpu();
  const value = fn();
  return { value, wall: performance.now() - w, cpu: cpu() - c };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const build = timed(() => {
  for (const [s, t, kind] of edges) g.addEdge(s, t, { kind });
});
const compiled = timed(() => compileGraph(g));
const runs: { wall: number; cpu: number }[] = [];
let result: ReturnType<typeof blastRadius> | undefined;
for (let i = 0; i < 5; i++) {
  const t = timed(() => blastRadius(g, 'Bench Supplier', ['supplier:Bench Supplier'], compiled.value));
  result = t.value;
  runs.push(t);
}
const r = result as ReturnType<typeof blastRadius>;

// the same breadth-first search through graphology's callbacks, for the ratio
const viaGraphology: { wall: number; cpu: number }[] = [];
let reachedG = 0;
for (let k = 0; k < 3; k++) {
  const t = timed(() => {
    const dist = new Map<string, number>([['supplier:Bench Supplier', 0]]);
    let frontier = ['supplier:Bench Supplier'];
    let d = 0;
    while (frontier.length) {
      const next: string[] = [];
      for (const u of frontier)
        g.forEachOutNeighbor(u, (v) => {
          if (!dist.has(v)) {
            dist.set(v, d + 1);
            next.push(v);
          }
        });
      frontier = next;
      d++;
    }
    return dist.size;
  });
  reachedG = t.value;
  viaGraphology.push(t);
}

const f = (x: number) => x.toFixed(1);
const both = (t: { wall: number; cpu: number }) => `${f(t.wall)} ms wall, ${f(t.cpu)} ms CPU`;
console.log(
  `graph: ${g.order.toLocaleString('en')} nodes (${nUsers} users, ${nGroups} groups, ${nHosts} hosts), ${g.size.toLocaleString('en')} edges`,
);
console.log(
  `generate edge list: ${f(tGen)} ms wall; graphology build (addEdge): ${both(build)} (${Math.round(g.size / (build.cpu / 1000)).toLocaleString('en')} edges per CPU second)`,
);
console.log(`compile to CSR: ${both(compiled)}`);
const bw = median(runs.map((x) => x.wall));
const bc = median(runs.map((x) => x.cpu));
console.log(
  `blast radius (BFS + shortest-path counting + crown-jewel paths + two-hop share), median of 5: ${f(bw)} ms wall, ${f(bc)} ms CPU`,
);
console.log(
  `  reachable hosts ${r.reachable_hosts}/${r.hosts_total}, within two hops ${r.within_two_hops} (${(r.share_within_two_hops * 100).toFixed(2)}%), crown jewels reached ${r.crown_jewels.length}/${CROWN} (nearest ${r.crown_jewels[0]?.hops ?? '-'} hops, farthest ${r.crown_jewels.at(-1)?.hops ?? '-'})`,
);
const gw = median(viaGraphology.map((x) => x.wall));
const gc = median(viaGraphology.map((x) => x.cpu));
console.log(
  `plain BFS through graphology callbacks, median of 3: ${f(gw)} ms wall, ${f(gc)} ms CPU, ${reachedG} nodes reached; ratio to the compiled blast radius ${f(gc / bc)}x (CPU)`,
);
console.log(`rss ${Math.round(process.memoryUsage().rss / 1048576)} MiB`);

// ---------------------------------------------------------------------------------------------
// The supplier detections and the window sweep over a generated stream: 1,000,000 Windows events
// (logons by 2,000 accounts of which 200 are a supplier's, share access, process creation) over
// a week, one register of 3 suppliers, one change window.
{
  const { SupplierAnalytic, ChangeWindowSweep } = await import('@haechi/core/analytics/suppliers');
  const { parseSupplierYaml, SupplierRegister } = await import('@haechi/core/suppliers');
  const config = parseSupplierYaml(
    `suppliers:
  - { name: Vendor A, accounts: ["va.*"], hosts: ["SRV-1*"], services: [rdp, smb], hours: { days: mon-fri, from: "09:00", to: "18:00", tz: Asia/Seoul }, sources: { networks: ["203.0.113.0/24"] } }
  - { name: Vendor B, accounts: ["vb.*"], hosts: ["SRV-2*"], services: [rdp], hours: { days: mon-sun, from: "22:00", to: "06:00", tz: Europe/Berlin } }
  - { name: Vendor C, accounts: ["vc.*", "svc_vc"], service_accounts: [svc_vc], hosts: ["10.20.0.0/16"] }
windows:
  - { id: CHG-1, start: "2026-03-03T13:00:00Z", end: "2026-03-03T17:00:00Z", hosts: ["SRV-1*"] }
`,
    'bench.yaml',
  );
  const N = 1_000_000;
  const base = Date.parse('2026-03-02T00:00:00Z');
  const prefixes = ['va', 'vb', 'vc'];
  const events = new Array(N);
  for (let i = 0; i < N; i++) {
    const supplier = i % 10 === 0;
    const user = supplier ? `${prefixes[pick(3)]}.u${pick(66)}` : `emp${pick(1800)}`;
    const host = `SRV-${pick(300)}`;
    const time = base + Math.floor((i / N) * 7 * 86_400_000);
    const r = rnd();
    const fields =
      r < 0.6
        ? {
            EventID: 4624,
            Channel: 'Security',
            Computer: host,
            TargetUserName: user,
            TargetDomainName: 'SJP',
            LogonType: r < 0.3 ? 3 : 10,
            IpAddress: `203.0.113.${pick(255)}`,
          }
        : r < 0.9
          ? {
              EventID: 5145,
              Channel: 'Security',
              Computer: host,
              SubjectUserName: user,
              ShareName: '\\\\*\\Data',
              RelativeTargetName: `f${pick(5000)}.doc`,
            }
          : {
              EventID: 1,
              Channel: 'Microsoft-Windows-Sysmon/Operational',
              Computer: host,
              User: `SJP\\${user}`,
              Image: r < 0.91 ? 'C:\\7z.exe' : 'C:\\x.exe',
              CommandLine: '7z.exe a x.7z *',
            };
    events[i] = { time, source: { kind: 'winjson', uri: 'bench', record: i }, fields };
  }
  const register = new SupplierRegister(config);
  const a = new SupplierAnalytic({ register, settings: config.detection });
  const s = new ChangeWindowSweep({ windows: config.windows, register });
  const wantsT = timed(() => events.filter((e) => a.wants(e) || s.wants(e)));
  const wanted = wantsT.value;
  const runT = timed(() => {
    for (let i = 0; i < wanted.length; i += 1000) {
      const batch = wanted.slice(i, i + 1000);
      a.feed(batch.filter((e) => a.wants(e)));
      s.feed(batch.filter((e) => s.wants(e)));
    }
    return [...a.finish(), ...s.finish()];
  });
  console.log(
    `\nsupplier detections + window sweep: ${N.toLocaleString('en')} events; wants (reader side) ${both(wantsT)} = ${Math.round(N / (wantsT.cpu / 1000)).toLocaleString('en')} events per CPU second, ${wanted.length.toLocaleString('en')} selected`,
  );
  console.log(
    `  feed + finish (main thread): ${both(runT)} = ${Math.round(wanted.length / (runT.cpu / 1000)).toLocaleString('en')} selected events per CPU second; ${runT.value.length} findings`,
  );
}
