/** Windows events as JSON: the readers of the three flavours and the shared normaliser. */
export { ECS_MAP, NXLOG_MAP, PROTECTED_SYSTEM_FIELDS } from './field-maps.js';
export { ecsJsonReader, evtxJsonReader, LOOKAHEAD_BYTES, LOOKAHEAD_RECORDS, nxlogJsonReader, readWindowsJson, sniffWindowsJson, } from './json-reader.js';
export { detectWindowsFlavour, type FlatTimeState, newFlatTimeState, normalizeEvtxJson, normalizeWindowsRecord, Rejection, type WindowsFlavour, type WindowsNormalizeOptions, } from './normalize.js';
