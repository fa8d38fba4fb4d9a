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
export const PROTECTED_SYSTEM_FIELDS = new Set([
    'EventID',
    'Channel',
    'Computer',
    'Provider_Name',
    'Provider_Guid',
    'EventRecordID',
    'TimeCreated',
    'Security_UserID',
]);
/** System fields that are numbers in the EVTX schema (event.xsd); collectors often send strings. */
export const NUMERIC_SYSTEM_FIELDS = [
    'EventID',
    'EventRecordID',
    'Version',
    'Level',
    'Task',
    'Opcode',
    'Execution_ProcessID',
    'Execution_ThreadID',
];
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
export const NXLOG_MAP = {
    rename: {
        Hostname: 'Computer',
        SourceName: 'Provider_Name',
        ProviderGuid: 'Provider_Guid',
        RecordNumber: 'EventRecordID',
        UserID: 'Security_UserID',
        ExecutionProcessID: 'Execution_ProcessID',
        ActivityID: 'Correlation_ActivityID',
        RelatedActivityID: 'Correlation_RelatedActivityID',
        // NXLog names the numeric opcode OpcodeValue (its display name in Opcode: see displayNames)
        OpcodeValue: 'Opcode',
    },
    /** fields NXLog fills with a display name (`Opcode: "Info"`): moved to `<name>_Name` unless numeric */
    displayNames: ['Opcode'],
    renameWhen: [{ from: 'ThreadID', to: 'Execution_ThreadID', when: 'ExecutionProcessID' }],
    /** `Source` is the provider in some exports (Raccine's own events); used only if nothing else named it */
    providerFallback: ['Source'],
    drop: [
        'EventTime',
        'EventReceivedTime',
        'SourceModuleName',
        'SourceModuleType',
        '@version',
        '@timestamp',
        'tags',
        'host',
        'port',
        'Severity',
        'SeverityValue',
        'EventTypeOrignal', // sic: the Mordor pipeline's copy of NXLog's EventType when EventData had one
    ],
};
/**
 * Winlogbeat / Elastic Agent (ECS) JSON: dotted paths into the nested document -> Sigma names.
 * The first path present wins for each target (event.code is the fallback for winlog.event_id).
 * `spread`: objects whose members become top-level fields (EventData, UserData).
 */
export const ECS_MAP = {
    fields: [
        ['winlog.event_id', 'EventID'],
        ['event.code', 'EventID'],
        ['winlog.channel', 'Channel'],
        ['winlog.computer_name', 'Computer'],
        ['host.name', 'Computer'],
        ['host.hostname', 'Computer'],
        ['winlog.provider_name', 'Provider_Name'],
        ['event.provider', 'Provider_Name'],
        ['winlog.provider_guid', 'Provider_Guid'],
        ['winlog.record_id', 'EventRecordID'],
        ['winlog.version', 'Version'],
        ['winlog.opcode', 'Opcode'],
        ['winlog.task', 'Task'],
        ['winlog.keywords', 'Keywords'],
        ['winlog.process.pid', 'Execution_ProcessID'],
        ['winlog.process.thread.id', 'Execution_ThreadID'],
        ['winlog.user.identifier', 'Security_UserID'],
        ['winlog.activity_id', 'Correlation_ActivityID'],
        ['winlog.related_activity_id', 'Correlation_RelatedActivityID'],
        ['message', 'Message'],
    ],
    spread: ['winlog.event_data', 'winlog.user_data'],
    /** event time, in order of preference */
    time: ['@timestamp', 'event.created', 'timestamp'],
};
//# sourceMappingURL=field-maps.js.map