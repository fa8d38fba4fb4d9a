import type { Finding, Incident, Severity } from '../model/index.js';
export interface GroupOptions {
    hostGapMs?: number;
    entityGapMs?: number;
    maxEntityHosts?: number;
    /** accounts never used to link (well-known system principals) */
    ignoreAccounts?: readonly string[];
}
export interface TimelineEntry {
    time: number;
    finding: string;
    detector: string;
    severity: Severity;
    title: string;
    host?: string;
    attack: string[];
}
export interface IncidentDetail extends Incident {
    severity: Severity;
    accounts: string[];
    /** external entities shared by the incident's findings */
    entities: {
        type: string;
        value: string;
    }[];
    attack: string[];
    /** actor links carried by the findings (indicator matches) */
    actors: {
        id: string;
        weight: number;
        why: string;
    }[];
    /** why the findings were grouped */
    links: string[];
    timeline: TimelineEntry[];
}
export declare function groupIncidents(findings: readonly Finding[], opts?: GroupOptions): IncidentDetail[];
