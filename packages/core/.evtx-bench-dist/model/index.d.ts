/**
 * Haechi's core types (DESIGN.md, "Core types"). Every stage of the pipeline speaks these.
 * Times are epoch milliseconds in UTC.
 */
/** Sigma's levels, in ascending order of severity. */
export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export declare const SEVERITIES: readonly Severity[];
export declare function severityRank(s: Severity): number;
export declare function isSeverity(s: unknown): s is Severity;
/** Where an event came from, precisely enough to read it again. */
export interface SourceRef {
    /** 'evtx' | 'winjson' | 'zeek.conn' | 'eve' | ... */
    kind: string;
    uri: string;
    /** 1-based record number within the source (or the record id where the format has one). */
    record?: number;
}
export type EntityType = 'host' | 'user' | 'ip' | 'domain' | 'url' | 'hash' | 'file' | 'process' | 'email' | 'account';
export interface Entity {
    type: EntityType;
    value: string;
}
export interface Event {
    /** epoch ms UTC */
    time: number;
    source: SourceRef;
    /** Sigma taxonomy names: EventID, Channel, Computer, Image, CommandLine, id.orig_h ... */
    fields: Readonly<Record<string, unknown>>;
}
export interface ActorEvidence {
    id: string;
    weight: number;
    why: string;
}
export interface Finding {
    id: string;
    time: number;
    severity: Severity;
    /** 'sigma' | 'ioc' | 'beacon' | 'exfiltration' | 'relay-chain' | 'creds' | 'supplier' | ... */
    detector: string;
    rule: {
        id: string;
        title: string;
    };
    /** ATT&CK technique ids, e.g. 'T1059.001' */
    attack: string[];
    entities: Entity[];
    /** the events behind it, re-readable */
    evidence: SourceRef[];
    actors?: ActorEvidence[];
    /** analytics: a score between 0 and 1 */
    score?: number;
    /** the host the finding is about, when there is one */
    host?: string;
    /** the fields of the matched event (Sigma findings) */
    event?: Readonly<Record<string, unknown>>;
    /** change window that escalated this finding */
    window?: string;
    /** free-form, detector-specific details (the evidence behind a score, ...) */
    details?: Record<string, unknown>;
}
export type Confidence = 'low' | 'moderate' | 'high';
export interface Hypothesis {
    actor: string;
    name?: string;
    score: number;
    confidence: Confidence;
    for: string[];
    against: string[];
}
export interface Assessment {
    hypotheses: Hypothesis[];
    /** true when no hypothesis has enough support to be named */
    insufficientEvidence?: boolean;
}
export interface Incident {
    id: string;
    findings: string[];
    hosts: string[];
    first: number;
    last: number;
    attribution?: Assessment;
}
/** Context passed to every stage; there are no module-level singletons. */
export interface Logger {
    debug(obj: unknown, msg?: string): void;
    info(obj: unknown, msg?: string): void;
    warn(obj: unknown, msg?: string): void;
    error(obj: unknown, msg?: string): void;
}
export interface StageContext {
    log: Logger;
    signal?: AbortSignal;
    clock?: () => number;
    config?: Readonly<Record<string, unknown>>;
}
export declare const silentLogger: Logger;
