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
 * // (loaded.correlator.suppressedRuleIds: rules whose own findings the spec's `generate` hides)
 * ```
 * - `loadRules(paths, opts)` (synchronous) walks folders for .yml/.yaml (multi-document YAML),
 *   returns `{ rules, filters, correlator?, rejected, warnings, logsources, files, documents }`.
 *   Throws HaechiError('input') only for a path that cannot be read.
 * - `compileRule(doc, opts)` compiles one parsed rule document (throws HaechiError 'rule' whose
 *   message names the construct).
 * - `SigmaDetector` implements EventDetector; a rule only sees events of its log source, as
 *   `logsources.yaml` (data, loaded at start; `loadLogsourceMap(file)` for another) maps
 *   product/category/service to Channel/EventID or source.kind, with per-source field aliases.
 * - Findings: `id` = hash(rule id, source kind, uri, record), `severity` = rule level, `attack`
 *   from `attack.tNNNN[.NNN]` tags, entities (host, users, IPs, process, file), `evidence` =
 *   [event.source], `event` = the event's fields, `host`, `details.sigmaName` = the rule's `name`.
 *
 * Decisions where the specification leaves room (documented here and tested):
 * - matching is case-insensitive except under `cased` and `re` (regexes honour `i`, and a leading
 *   PCRE `(?i)`); numbers in rules match numeric event values, numeric strings and hex strings;
 * - `null` matches an absent field, a JSON null or an empty string (readers differ in how they
 *   render empty Windows data); `''` matches an empty string only;
 * - keyword (field-less) values match anywhere in any field value (implicit `contains`);
 * - `neq` and negated conditions are true for absent fields; `exists` checks presence only;
 * - time modifiers read ISO 8601 / `YYYY-MM-DD hh:mm:ss` (UTC unless an offset is given) or epoch
 *   values; `week` is the ISO 8601 week;
 * - `level` defaults to `medium`; every `status` loads (`unsupported` with a warning);
 * - a rule whose log source is not in the map loads, matches nothing, and is a warning; a
 *   taxonomy other than `sigma` is a warning (field names are read as written);
 * - a placeholder without a value rejects the rule, naming every missing placeholder;
 * - the Sigma 1.x pipe aggregations and `action: global` collections are rejected with that reason.
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
  type ParsedRuleFile,
  parseRuleFiles,
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
