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
import type { DirectoryAccount } from './directory.js';
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
/** Successful logons in events, for the graph: Windows 4624, and sshd logins from auth.log. */
export declare function logonsOf(events: readonly Event[], out?: LogonObservation[]): LogonObservation[];
export interface AccessGraphInput {
    register: SupplierRegister;
    directory?: readonly DirectoryAccount[];
    logons?: readonly LogonObservation[];
}
export declare function buildAccessGraph(input: AccessGraphInput): AccessGraphData;
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
    hosts: {
        host: string;
        hops: number;
    }[];
    crown_jewels: CrownJewelReach[];
    crown_jewels_unreachable: string[];
}
/**
 * The graph frozen into compressed sparse rows (typed arrays) for searching: graphology is the
 * model that is built and inspected, but walking a million edges through its callbacks costs
 * about 30x a walk over typed arrays (`npm run bench -- suppliers`). Compile once, search many.
 */
export interface CompiledGraph {
    keys: string[];
    index: Map<string, number>;
    labels: string[];
    kinds: NodeKind[];
    crown: Uint8Array;
    /** out-edges of node i are adj[start[i] .. start[i+1]), their kinds in edgeKind (EDGE_KINDS index) */
    start: Int32Array;
    adj: Int32Array;
    edgeKind: Uint8Array;
}
export declare function compileGraph(g: AccessGraphData): CompiledGraph;
export interface ShortestPaths {
    /** hops from the sources, -1 when unreachable */
    dist: Int32Array;
    /** one parent on a shortest path (-1 for sources and unreachable nodes) and the edge taken */
    parent: Int32Array;
    parentEdge: Uint8Array;
    /** number of distinct shortest paths (float; exact up to 2^53) */
    paths: Float64Array;
}
/**
 * Breadth-first search from `sources` (all at distance 0), following out-edges; staff edges do not
 * add a hop. Counts shortest paths as it goes (each node's count is the sum over its parents on
 * shortest paths). Supplier nodes other than the sources are not entered: one supplier does not
 * reach through another's register.
 */
export declare function shortestFrom(c: CompiledGraph, sources: readonly string[]): ShortestPaths;
/**
 * The blast radius of one supplier (or any set of start nodes, for tests and benchmarks). Pass a
 * `compiled` graph when computing several.
 */
export declare function blastRadius(g: AccessGraphData, supplier: string, sources?: readonly string[], compiled?: CompiledGraph): BlastRadius;
/** Every supplier's blast radius, in register order. */
export declare function supplierExposure(g: AccessGraphData, register: SupplierRegister): BlastRadius[];
/** `supplier Hanil Maintenance -staff-> hanil.park -logon-> MES-02` */
export declare function formatPath(path: readonly PathStep[]): string;
