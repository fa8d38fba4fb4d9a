/**
 * One view of a connection whatever the sensor: Zeek conn (and RITA's open_conn), Suricata EVE
 * flow/netflow, Argus bidirectional flows. The analytics work on this view, so they run on every
 * network format the readers produce.
 */
import type { Event, SourceRef } from '../../model/index.js';
export interface Flow {
    /** start, epoch ms */
    time: number;
    src: string;
    sport: number;
    dst: string;
    dport: number;
    proto: string;
    /** seconds; 0 when unknown */
    duration: number;
    /** payload bytes sent by the originator / the responder */
    origBytes: number;
    respBytes: number;
    /** Zeek conn_state (S0, REJ, SF, ...), EVE flow.state, Argus State */
    state: string;
    service?: string;
    uid?: string;
    /** still open when logged (Zeek open_conn) */
    open: boolean;
    ref: SourceRef;
}
export declare const FLOW_KINDS: Set<string>;
export declare function isFlowEvent(e: Event): boolean;
export declare function toFlow(e: Event): Flow | undefined;
/** Zeek conn states where the responder never took part (RITA counts these as failed attempts). */
export declare const FAILED_STATES: Set<string>;
export declare function isFailed(fl: Flow): boolean;
