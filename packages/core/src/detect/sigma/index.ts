/**
 * The Sigma engine (Sigma specification v2.1.0): detection rules with every value modifier, meta
 * filters, correlation rules, and a fast detector over events.
 *
 * Typical use:
 * ```ts
 * import { loadRules, SigmaDetector } from '@haechi/core/detect/sigma';
 * const loaded = loadRules(['rules/', '../sigma/rules'], { placeholders: { Admins: ['adm_*'] } });
 * for (const r of loaded.rejected) console.error(`${r.file}: ${r.reason}`);   // never silent
 * const detector = new SigmaDetector(loaded.rules, { logsources: loaded.logsources });
 * const findings: Finding[] = [];
 * detector.detect(events, findings);     // one Finding per (rule, event) match
 * // correlations (if any loaded): feed time-sorted sigma findings to loaded.correlator
 * ```
 * - `loadRules(paths, opts)` walks folders for .yml/.yaml (multi-document YAML), returns
 *   `{ rules, filters, correlator?, rejected, warnings, logsources, files, documents }`.
 * - `compileRule(doc, opts)` compiles one parsed rule document (throws HaechiError 'rule').
 * - `SigmaDetector` implements EventDetector; a rule only sees events of its log source, as
 *   `logsources.yaml` (data) maps product/category/service to Channel/EventID or source.kind.
 * - Findings: `id` = hash(rule id, source), `severity` = rule level (medium when absent),
 *   `attack` from `attack.tNNNN` tags, entities (host, users, IPs, process, file), `evidence` =
 *   [event.source], `event` = the event's fields, `details.sigmaName` = the rule's `name`.
 */
export { AhoCorasick } from './aho-corasick.js';
export { type ConditionNode, compileCondition, parseCondition } from './condition.js';
export * from './correlation.js';
export { entitiesOf, SigmaDetector, type SigmaDetectorOptions } from './detector.js';
export {
  type CompiledTest,
  compileFieldEntry,
  type FieldCompileOptions,
  KNOWN_MODIFIERS,
  type PrefilterAtom,
  type Test,
  WINDASH_CHARS,
} from './field-entry.js';
export { type Cidr, cidrContains, parseCidr, parseIp } from './ip.js';
export {
  type LoadedFilter,
  type LoadOptions,
  type LoadResult,
  type LoadWarning,
  listRuleFiles,
  loadRules,
  type RejectedRule,
  shortPath,
} from './loader.js';
export {
  describeLogsource,
  type LogsourceEntry,
  LogsourceMap,
  type LogsourceSource,
  loadLogsourceMap,
  logsourceKey,
  parseLogsourceMap,
} from './logsource-map.js';
export { type FieldText, MatchContext } from './match-context.js';
export {
  attackFromTags,
  type CompileOptions,
  compileDetection,
  compileRule,
  compileSearchIdentifier,
  type SigmaLogsource,
  type SigmaRule,
} from './rule.js';
export { compilePattern, parseSigmaString, type Token } from './sigma-string.js';

import type { Event, Finding } from '../../model/index.js';
import { SigmaDetector as Detector } from './detector.js';
import type { SigmaRule as Rule } from './rule.js';

/** Compiles rules into a detector and runs it over events (convenience for tests and scripts). */
export function detectAll(rules: readonly Rule[], events: readonly Event[]): Finding[] {
  const out: Finding[] = [];
  new Detector(rules).detect(events, out);
  return out;
}
