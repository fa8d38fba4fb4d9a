/**
 * Suppliers (issue 7): the register, change windows and asset inventory (parsing, validation),
 * the directory export's supplier-relevant columns, the access graph and blast radius.
 * The detections over events live in `analytics/suppliers`.
 */
export { CROWN_JEWEL_TAG, DEFAULT_DETECTION, loadSupplierFile, mergeSupplierConfigs, parseSupplierConfig, parseSupplierCsv, parseSupplierYaml, SERVICES, } from './config.js';
export { parseCsv, splitList } from './csv.js';
export { loadDirectory, parseDirectory } from './directory.js';
export { blastRadius, buildAccessGraph, compileGraph, formatPath, logonsOf, shortestFrom, supplierExposure, } from './graph.js';
export { describeLocal, isKnownTimeZone, localClock, parseClock, parseDays, withinHours, } from './hours.js';
export { AccountMatcher, bareAccount, cidrContains, compileGlob, HostMatcher, isPrivateIp, parseCidr, parseIp, shortHost, } from './match.js';
export { inAnyCidr, SupplierRegister, serviceGranted } from './register.js';
//# sourceMappingURL=index.js.map