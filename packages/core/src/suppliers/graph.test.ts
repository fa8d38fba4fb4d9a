import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../model/index.js';
import { parseSupplierYaml } from './config.js';
import type { DirectoryAccount } from './directory.js';
import { blastRadius, buildAccessGraph, formatPath, logonsOf, supplierExposure } from './graph.js';
import { SupplierRegister } from './register.js';

const CONFIG = parseSupplierYaml(
  `suppliers:
  - name: Hanil Maintenance
    accounts: ["hanil.*"]
    hosts: ["MES-*"]
  - name: Idle Vendor
    accounts: ["idle.*"]
assets:
  - { host: MES-01 }
  - { host: MES-02 }
  - { host: JUMP-01 }
  - { host: FS-01, tags: [crown-jewel], admins: [FS Admins] }
  - { host: DC-01, tags: [crown-jewel], admins: [Domain Admins] }
  - { host: WS-01, admins: [Helpdesk] }
  - { host: WS-02 }
  - { host: HR-01, tags: [crown-jewel] }
`,
  'graph.yaml',
);

const DIRECTORY: DirectoryAccount[] = [
  { account: 'hanil.park', supplier: 'Hanil Maintenance', groups: ['Helpdesk'] },
  { account: 'eng.lee', groups: ['FS Admins'] },
  { account: 'da.kim', groups: ['Domain Admins'] },
  { account: 'root.adm', groups: [], admin: true },
];

let rec = 0;
const logon = (user: string, host: string, type: number): Event => ({
  time: Date.parse('2026-03-02T10:00:00Z') + rec * 1000,
  source: { kind: 'winjson', uri: 'x', record: ++rec },
  fields: {
    EventID: 4624,
    Channel: 'Security',
    Computer: `${host}.sjp.example`,
    TargetUserName: user,
    LogonType: type,
  },
});

const EVENTS: Event[] = [
  logon('hanil.park', 'MES-02', 10),
  logon('hanil.park', 'MES-02', 10),
  logon('eng.lee', 'MES-02', 10), // eng.lee's credentials sit on MES-02
  logon('da.kim', 'FS-01', 2), // and da.kim's on FS-01
  logon('da.kim', 'WS-02', 3), // a network logon leaves no credentials
  logon('ANONYMOUS LOGON', 'MES-02', 3),
  logon('MES-02$', 'DC-01', 3),
];

function graph(directory = DIRECTORY) {
  const register = new SupplierRegister(CONFIG, directory);
  return { register, g: buildAccessGraph({ register, directory, logons: logonsOf(EVENTS) }) };
}

test('logons are read from 4624 events, machine and anonymous accounts left out', () => {
  const ssh = (user: string, outcome: string): Event => ({
    time: 0,
    source: { kind: 'auth-log', uri: 'auth.log', record: 1 },
    fields: { Computer: 'mes-07', TargetUserName: user, Outcome: outcome, AuthEvent: 'password' },
  });
  assert.deepEqual(
    logonsOf([ssh('hanil.park', 'success'), ssh('root', 'failure')]).map(
      (x) => `${x.account}@${x.host}/${x.logonType}`,
    ),
    ['hanil.park@MES-07/undefined'],
    'an ssh login is a logon without Windows credentials left behind',
  );
  const l = logonsOf(EVENTS);
  assert.deepEqual(
    l.map((x) => `${x.account}@${x.host}/${x.logonType}`),
    ['hanil.park@MES-02/10', 'hanil.park@MES-02/10', 'eng.lee@MES-02/10', 'da.kim@FS-01/2', 'da.kim@WS-02/3'],
  );
});

test('the graph holds identities, groups, hosts and the edges between them', () => {
  const { g } = graph();
  const edges = g
    .mapEdges((_e, a, s, t) => `${s} -${a.kind}-> ${t}`)
    .filter((e) => !e.startsWith('group:*directory-admins*'))
    .sort();
  assert.deepEqual(edges, [
    'group:domain admins -admin-to-> host:DC-01',
    'group:fs admins -admin-to-> host:FS-01',
    'group:helpdesk -admin-to-> host:WS-01',
    'host:FS-01 -session-> user:da.kim',
    'host:MES-02 -session-> user:eng.lee',
    'host:MES-02 -session-> user:hanil.park',
    'supplier:Hanil Maintenance -grant-> host:MES-01',
    'supplier:Hanil Maintenance -grant-> host:MES-02',
    'supplier:Hanil Maintenance -staff-> user:hanil.park',
    'user:da.kim -logon-> host:FS-01',
    'user:da.kim -logon-> host:WS-02',
    'user:da.kim -member-of-> group:domain admins',
    'user:eng.lee -logon-> host:MES-02',
    'user:eng.lee -member-of-> group:fs admins',
    'user:hanil.park -logon-> host:MES-02',
    'user:hanil.park -member-of-> group:helpdesk',
    'user:root.adm -member-of-> group:*directory-admins*',
  ]);
  assert.equal(g.outDegree('group:*directory-admins*'), 8, 'the admin flag administers every host');
  assert.equal(g.getEdgeAttribute(g.edges('user:hanil.park', 'host:MES-02')[0], 'count'), 2);
});

test('blast radius: crown jewels by their shortest paths, and the two-hop share', () => {
  const { g } = graph();
  const r = blastRadius(g, 'Hanil Maintenance');
  assert.deepEqual(r.accounts, ['hanil.park']);
  assert.equal(r.hosts_total, 8);
  assert.deepEqual(r.hosts, [
    { host: 'MES-01', hops: 1 },
    { host: 'MES-02', hops: 1 },
    { host: 'WS-01', hops: 2 },
    { host: 'FS-01', hops: 4 },
    { host: 'WS-02', hops: 6 }, // da.kim, whose credentials sit on FS-01, logs on to WS-02
    { host: 'DC-01', hops: 7 },
  ]);
  assert.equal(r.within_two_hops, 3);
  assert.equal(r.share_within_two_hops, 3 / 8);
  assert.deepEqual(
    r.crown_jewels.map((c) => [c.host, c.hops, c.shortest_paths, formatPath(c.path)]),
    [
      // MES-02 is one hop by the grant and one by the observed logon: two shortest paths
      [
        'FS-01',
        4,
        2,
        'Hanil Maintenance -grant-> MES-02 -session-> eng.lee -member-of-> FS Admins -admin-to-> FS-01',
      ],
      [
        'DC-01',
        7,
        2,
        'Hanil Maintenance -grant-> MES-02 -session-> eng.lee -member-of-> FS Admins -admin-to-> FS-01 -session-> da.kim -member-of-> Domain Admins -admin-to-> DC-01',
      ],
    ],
  );
  assert.deepEqual(r.crown_jewels_unreachable, ['HR-01']);
  const idle = blastRadius(g, 'Idle Vendor');
  assert.deepEqual([idle.accounts, idle.reachable_hosts, idle.share_within_two_hops], [[], 0, 0]);
  assert.deepEqual(
    supplierExposure(g, graph().register).map((x) => x.supplier),
    ['Hanil Maintenance', 'Idle Vendor'],
  );
});

test('a supplier account with the admin flag reaches every host in two hops', () => {
  const dir = DIRECTORY.map((d) => (d.account === 'hanil.park' ? { ...d, admin: true } : d));
  const r = blastRadius(graph(dir).g, 'Hanil Maintenance');
  assert.equal(r.within_two_hops, 8);
  assert.equal(r.share_within_two_hops, 1);
  const hr = r.crown_jewels.find((c) => c.host === 'HR-01');
  assert.equal(
    formatPath(hr?.path ?? []),
    'Hanil Maintenance -staff-> hanil.park -member-of-> *directory-admins* -admin-to-> HR-01',
  );
});
