/**
 * Normalisation of Windows events from their JSON flavours into `Event` with Sigma's field names
 * (see field-maps.ts for the names and the per-flavour tables):
 *  - `evtx-json`: the evtx_dump / evtx-rs JSON shape of the EVTX XML
 *    (`{"Event": {"System": {..., "#attributes": ...}, "EventData": {...}}}`), also what the EVTX
 *    reader produces per record, so `.evtx` and its JSON twin give the same fields;
 *  - `nxlog-json`: NXLog `im_msvistalog` flat JSON and similar flat exports (OTRF Security-Datasets);
 *  - `ecs-json`: Winlogbeat / Elastic Agent documents (`winlog.*`, ECS `@timestamp`).
 */
import type { Event, SourceRef } from '../../model/index.js';
export type WindowsFlavour = 'evtx-json' | 'nxlog-json' | 'ecs-json';
/** Why a record could not become an event; `field` names the culprit where there is one. */
export declare class Rejection {
    readonly reason: string;
    readonly field?: string | undefined;
    constructor(reason: string, field?: string | undefined);
}
export interface WindowsNormalizeOptions {
    /**
     * Minutes east of UTC for times written without a zone (NXLog `EventTime` when the collector's
     * offset cannot be derived from the record, zone-less `TimeCreated`). Default 0 (UTC).
     */
    offsetMinutes?: number;
    /**
     * Per-input memory of each host's TimeCreated clock offset, measured on records that carry
     * Sysmon's `UtcTime` (see flatTimeCreated); pass the same object (newFlatTimeState()) for every
     * record of one input, as readers do. Without it each record stands alone.
     */
    state?: FlatTimeState;
}
export interface FlatTimeState {
    /** per host (`Hostname`): TimeCreated minus true UTC, in ms, as last measured against UtcTime */
    offsets: Map<string, number>;
    /** set when a zone-less time had to be taken as UTC for lack of any evidence */
    assumedUtc?: boolean;
    /** NXLog: the last EventReceivedTime / @timestamp pair and the collector offset they gave */
    recvText?: string;
    stampText?: string;
    recvOffset?: number;
    /** the first correction of a TimeCreated that carried a zone but disagreed with UtcTime */
    corrected?: {
        host: string;
        offsetMs: number;
    };
}
export declare function newFlatTimeState(): FlatTimeState;
/** Which flavour a parsed JSON record is, or undefined when it is not a Windows event we know. */
export declare function detectWindowsFlavour(rec: unknown): WindowsFlavour | undefined;
/**
 * Normalises one record of any supported flavour (detected per record unless `flavour` is given).
 * Returns the Event, or a Rejection saying why the record is not usable.
 */
export declare function normalizeWindowsRecord(rec: unknown, source: SourceRef, flavour?: WindowsFlavour, opts?: WindowsNormalizeOptions): Event | Rejection;
/**
 * The public entry for the EVTX reader: one record in evtx_dump's JSON shape -> Event, or a string
 * saying why it is invalid. Signature kept stable for `ingest/evtx/`.
 */
export declare function normalizeEvtxJson(obj: unknown, source: SourceRef, opts?: WindowsNormalizeOptions): Event | string;
/**
 * Seeds `state` from records read ahead (the input's head), so that the records before a host's
 * first Sysmon record get the measured offset too.
 */
export declare function learnFlatTimeOffset(rec: unknown, state: FlatTimeState): boolean;
