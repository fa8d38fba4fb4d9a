/**
 * Field mappings of the Windows JSON flavours, kept as data so a new collector (or a renamed field)
 * is one table edit. Every flavour normalises to the same flat names, the ones Sigma rules and the
 * SigmaHQ taxonomy use for Windows (`sigma/tests/logsource.json`, "common": EventID, Provider_Name,
 * Channel, Computer, Security_UserID): System attributes are joined with `_`
 * (`Provider_Name`, `Security_UserID`, `Execution_ProcessID`), the way chainsaw and hayabusa name
 * them, and EventData / UserData values sit at the top level under their own names.
 */
/**
 * Fields that come from the event's System element. EventData values of the same name win over
 * the "short" ones (`Version`, `Level`, `Task`, `Opcode`, `Keywords`: the Sysmon status event has
 * an EventData `Version` that Sigma rules mean), but never over these routing fields, which the
 * Sigma log source mapping depends on.
 */
export declare const PROTECTED_SYSTEM_FIELDS: ReadonlySet<string>;
/** System fields that are numbers in the EVTX schema (event.xsd); collectors often send strings. */
export declare const NUMERIC_SYSTEM_FIELDS: readonly string[];
/**
 * NXLog `im_msvistalog` flat JSON (OTRF Security-Datasets / Mordor) and similar flat exports
 * (PowerShell `Get-WinEvent | ConvertTo-Json` style: `TimeCreated`, `Hostname`, `SourceName`).
 * `rename`: collector name -> Sigma name (applied only when the record has the collector name).
 * Renames never overwrite a field the record already has under the target name.
 * `renameWhen`: the same, only when the record also has the guard field (NXLog's `ThreadID` is the
 * System thread only in records that carry NXLog's `ExecutionProcessID`; elsewhere it is EventData).
 * `drop`: collector metadata that is not part of the Windows event (it would only add noise to
 * keyword searches).
 */
export declare const NXLOG_MAP: {
    readonly rename: Record<string, string>;
    /** fields NXLog fills with a display name (`Opcode: "Info"`): moved to `<name>_Name` unless numeric */
    readonly displayNames: readonly ["Opcode"];
    readonly renameWhen: readonly [{
        readonly from: "ThreadID";
        readonly to: "Execution_ThreadID";
        readonly when: "ExecutionProcessID";
    }];
    /** `Source` is the provider in some exports (Raccine's own events); used only if nothing else named it */
    readonly providerFallback: readonly ["Source"];
    readonly drop: readonly ["EventTime", "EventReceivedTime", "SourceModuleName", "SourceModuleType", "@version", "@timestamp", "tags", "host", "port", "Severity", "SeverityValue", "EventTypeOrignal"];
};
/**
 * Winlogbeat / Elastic Agent (ECS) JSON: dotted paths into the nested document -> Sigma names.
 * The first path present wins for each target (event.code is the fallback for winlog.event_id).
 * `spread`: objects whose members become top-level fields (EventData, UserData).
 */
export declare const ECS_MAP: {
    readonly fields: readonly [readonly ["winlog.event_id", "EventID"], readonly ["event.code", "EventID"], readonly ["winlog.channel", "Channel"], readonly ["winlog.computer_name", "Computer"], readonly ["host.name", "Computer"], readonly ["host.hostname", "Computer"], readonly ["winlog.provider_name", "Provider_Name"], readonly ["event.provider", "Provider_Name"], readonly ["winlog.provider_guid", "Provider_Guid"], readonly ["winlog.record_id", "EventRecordID"], readonly ["winlog.version", "Version"], readonly ["winlog.opcode", "Opcode"], readonly ["winlog.task", "Task"], readonly ["winlog.keywords", "Keywords"], readonly ["winlog.process.pid", "Execution_ProcessID"], readonly ["winlog.process.thread.id", "Execution_ThreadID"], readonly ["winlog.user.identifier", "Security_UserID"], readonly ["winlog.activity_id", "Correlation_ActivityID"], readonly ["winlog.related_activity_id", "Correlation_RelatedActivityID"], readonly ["message", "Message"]];
    readonly spread: readonly ["winlog.event_data", "winlog.user_data"];
    /** event time, in order of preference */
    readonly time: readonly ["@timestamp", "event.created", "timestamp"];
};
