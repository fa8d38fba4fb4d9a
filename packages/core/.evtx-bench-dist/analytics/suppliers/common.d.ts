/** Small helpers shared by the supplier and change-window analytics. */
import type { Event, SourceRef } from '../../model/index.js';
/** a field as a trimmed string; '-' and '' (Windows' "no value") are undefined */
export declare function str(e: Event, key: string): string | undefined;
export declare function num(e: Event, key: string): number | undefined;
export declare function eventId(e: Event): number | undefined;
export declare function channel(e: Event): string;
/** the host the event was logged on (Computer; NXLog's Hostname; ECS host.name) */
export declare function eventHost(e: Event): string | undefined;
export declare const SYSMON = "microsoft-windows-sysmon/operational";
export declare const SECURITY = "security";
export declare function isSysmon(e: Event): boolean;
/** Security-log events; NXLog/ECS exports sometimes lack the channel, so absent counts too */
export declare function isSecurity(e: Event): boolean;
export declare function isZeekConn(e: Event): boolean;
/** FNV-1a 32-bit, hex: short stable ids for findings */
export declare function fnv(s: string): string;
/** evidence kept per finding: enough to re-read, bounded */
export declare const MAX_EVIDENCE = 20;
export declare function pushRef(refs: SourceRef[], r: SourceRef): void;
/** a total order on references: uri, then record */
export declare function compareRefs(a: SourceRef, b: SourceRef): number;
export declare function iso(t: number): string;
/** the last path component of a Windows or POSIX path, lower-case */
export declare function baseName(path: string): string;
