/**
 * Suppliers (issue 7): the register, change windows and asset inventory (parsing, validation),
 * the directory export's supplier-relevant columns, the access graph and blast radius.
 * The detections over events live in `analytics/suppliers`.
 */
export { type AssetEntry, type ChangeWindowEntry, CROWN_JEWEL_TAG, DEFAULT_DETECTION, type Locate, loadSupplierFile, mergeSupplierConfigs, parseSupplierConfig, parseSupplierCsv, parseSupplierYaml, SERVICES, type ServiceName, type SupplierConfig, type SupplierDetectionSettings, type SupplierEntry, } from './config.js';
export { parseCsv, splitList } from './csv.js';
export { type DirectoryAccount, loadDirectory, parseDirectory } from './directory.js';
export { type AccessGraphData, type AccessGraphInput, type BlastRadius, blastRadius, buildAccessGraph, type CompiledGraph, type CrownJewelReach, compileGraph, type EdgeAttributes, type EdgeKind, formatPath, type LogonObservation, logonsOf, type NodeAttributes, type NodeKind, type PathStep, type ShortestPaths, shortestFrom, supplierExposure, } from './graph.js';
export { type AllowedHours, describeLocal, isKnownTimeZone, localClock, parseClock, parseDays, withinHours, } from './hours.js';
export { AccountMatcher, bareAccount, type Cidr, cidrContains, compileGlob, HostMatcher, isPrivateIp, type ParsedIp, parseCidr, parseIp, shortHost, } from './match.js';
export { type CompiledSupplier, inAnyCidr, SupplierRegister, serviceGranted } from './register.js';
