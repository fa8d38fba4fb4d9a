/**
 * Declared change windows (issue 7): while controls are relaxed on some hosts, what happens there
 * deserves more attention, and what the window leaves behind must be accounted for.
 *
 * - `escalateInWindows`: findings inside a window, on its hosts, go up one severity level and
 *   carry `window: "<id>"`.
 * - `ChangeWindowSweep` (an Analytic, `detector: "change-window"`): for each window, what was
 *   created on its hosts during it and was not removed by the window's end (a later removal is shown):
 *     change-window-new-service      7045 (System), 4697 (Security); removal: Sysmon 12 DeleteKey of
 *                                    the service key
 *     change-window-new-task         4698 (Security), 106 (TaskScheduler/Operational); removal:
 *                                    4699, 141
 *     change-window-autorun          Sysmon 13 SetValue on an autostart key; removal: Sysmon 12
 *                                    DeleteValue of the same value
 *     change-window-executable       Sysmon 11 of an executable or script; removal: Sysmon 23/26
 *     change-window-firewall-rule    4946, 2004 (Windows Firewall With Advanced Security/Firewall);
 *                                    removal: 4948, 2006 with the same RuleId
 *     change-window-new-destination  an outbound destination (Zeek conn, Sysmon 3) first seen in the
 *                                    window and still contacted after it
 *     change-window-new-listener     a port on a window host first answering in the window and still
 *                                    answering after it (Zeek conn)
 *   and `change-window-not-restored`: a window whose relaxed controls stay relaxed after its end
 *   (a firewall rule added during it never deleted; Defender real-time protection turned off,
 *   Defender 5001, without a later 5000; the firewall service stopped, 5025, without a later 5024).
 */
import type { Event, Finding } from '../../model/index.js';
import type { ChangeWindowEntry } from '../../suppliers/config.js';
import { HostMatcher } from '../../suppliers/match.js';
import type { SupplierRegister } from '../../suppliers/register.js';
import type { Analytic } from '../types.js';
export interface CompiledWindow {
    entry: ChangeWindowEntry;
    hosts: HostMatcher;
}
export declare function compileWindows(windows: readonly ChangeWindowEntry[]): CompiledWindow[];
/** the window (if any) in force on `host` at `time` */
export declare function windowAt(windows: readonly CompiledWindow[], host: string, time: number, register?: SupplierRegister): CompiledWindow | undefined;
/**
 * Escalates findings inside a window on its hosts one level (critical stays critical) and tags
 * them with the window. The sweep's own findings and findings already tagged are left alone.
 * Returns a new array; findings that change are copied, not mutated.
 */
export declare function escalateInWindows(findings: readonly Finding[], windows: readonly CompiledWindow[], register?: SupplierRegister): Finding[];
export interface ChangeWindowSweepOptions {
    windows: readonly ChangeWindowEntry[];
    /** the asset inventory (host names <-> addresses) */
    register?: SupplierRegister;
}
export declare class ChangeWindowSweep implements Analytic {
    readonly name = "change-window";
    private readonly windows;
    private readonly register?;
    private readonly artefacts;
    private readonly removals;
    private readonly flows;
    private readonly listeners;
    private readonly controls;
    private readonly covered;
    /** earliest traffic seen per window host: what "first seen" is measured against */
    private readonly earliest;
    constructor(opts: ChangeWindowSweepOptions);
    /** the window-host name for a host name or address, or undefined; cached (flows repeat addresses) */
    private coveredHost;
    wants(e: Event): boolean;
    feed(events: readonly Event[]): void;
    private feedConn;
    private flow;
    finish(): Finding[];
    private finding;
}
