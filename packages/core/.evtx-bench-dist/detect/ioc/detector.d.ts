import type { EventDetector } from '../../analytics/types.js';
import type { Event, Finding } from '../../model/index.js';
import { IocMatcher } from './matcher.js';
import { type IocSpec } from './spec.js';
export type FieldKind = 'ip' | 'domain' | 'url' | 'hashes' | 'hash' | 'email' | 'path' | 'dns-answers';
/**
 * Where observables occur. Windows: Security/Sysmon field names; network: Zeek (`id.orig_h`, `query`,
 * `host`, `server_name`, `uri`, `md5`…) and Suricata EVE (`src_ip`, `dns.rrname`, `http.hostname`,
 * `tls.sni`, `fileinfo.sha256`).
 */
export declare const IOC_FIELDS: Readonly<Record<string, FieldKind>>;
export interface IocMatch {
    indicator: number;
    field: string;
    observed: string;
}
export declare class IocDetector implements EventDetector {
    readonly name = "ioc";
    readonly matcher: IocMatcher;
    private readonly spec;
    /** field lookups performed (for throughput figures) */
    lookups: number;
    constructor(spec: IocSpec | IocMatcher);
    /** every indicator match in one event (no validity filtering) */
    private readonly hits;
    matchEvent(e: Event, out: IocMatch[]): void;
    private value;
    private lookup;
    detect(events: readonly Event[], out: Finding[]): void;
    private finding;
}
/** an EventDetector for a compiled indicator set */
export declare function createIocDetector(spec: IocSpec): IocDetector;
