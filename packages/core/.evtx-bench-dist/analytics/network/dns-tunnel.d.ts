import type { Enricher } from '../../enrich/index.js';
import type { Event, Finding } from '../../model/index.js';
import type { Analytic } from '../types.js';
import { type DnsTunnelConfig } from './config.js';
export interface DnsTunnelOptions {
    config?: Partial<DnsTunnelConfig>;
    enricher: Enricher;
    maxEvidence?: number;
}
export declare class DnsTunnelAnalytic implements Analytic {
    private opts;
    readonly name = "dns-tunnel";
    private cfg;
    private domains;
    private hosts;
    private maxEvidence;
    constructor(opts: DnsTunnelOptions);
    wants(e: Event): boolean;
    feed(events: readonly Event[]): void;
    private feedHost;
    finish(): Finding[];
}
