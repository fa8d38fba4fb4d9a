/** Threat intelligence: ATT&CK knowledge, indicators (STIX 2.1, CSV, lists), actor profiles. */
export * from './actors.js';
export * from './attack.js';
export * from './indicator.js';
export * from './lists.js';
export * from './profiles.js';
export * from './stix.js';
export type { Comparison, ParsedPattern, PatternExpr } from './stix-pattern.js';
export { PatternError, parseStixPattern, toDnf } from './stix-pattern.js';
