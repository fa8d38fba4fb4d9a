/** Threat intelligence: ATT&CK knowledge, indicators (STIX 2.1, CSV, lists), actor profiles. */
export * from './attack.js';
export * from './indicator.js';
export * from './lists.js';
export * from './profiles.js';
export * from './stix.js';
export { parseStixPattern, toDnf, PatternError } from './stix-pattern.js';
export type { Comparison, PatternExpr, ParsedPattern } from './stix-pattern.js';
export * from './actors.js';
