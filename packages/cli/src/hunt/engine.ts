/**
 * The stateless half of a hunt: reads one file (all inputs inside it: a plain file, a `.gz`, the
 * entries of a `.zip`), keeps the events inside the time filter, runs Sigma and every plugin's
 * stateless detectors, and hands back findings, the events plugins asked for, and per-input stats.
 * It runs inside a worker thread (worker.ts) or in the main thread when --threads is 1.
 */
import type { Event, Finding } from '@haechi/core';
import type { EventDetector } from '@haechi/core/analytics';
import { type LoadResult, loadRules, type ParsedRuleFile, SigmaDetector } from '@haechi/core/detect/sigma';
import type { RecordProblem } from '@haechi/core/ingest';
import { discoverInputs, readEvents } from '@haechi/core/ingest';
import { HUNT_PLUGINS } from './plugins/index.js';

export interface EngineSpec {
  ruleDirs: string[];
  placeholders: Record<string, string[]>;
  /** the rule files, read and parsed once by the main thread */
  parsedRules?: ParsedRuleFile[];
  strict: boolean;
  format?: string;
  carve?: boolean;
  /** reader settings: `timezone` (for logs that write local time without a zone), `year` (syslog) */
  settings?: Record<string, unknown>;
  from?: number;
  to?: number;
  /** plugin name -> the spec its `prepare` returned */
  plugins: Record<string, unknown>;
}

/** What one input (a file or a zip entry) yielded. */
export interface InputStats {
  uri: string;
  events: number;
  /** events outside --from/--to */
  filtered: number;
  /** error-level problems (records or chunks skipped) */
  skipped: number;
  warnings: number;
  /** the first problems, capped; `problemCount` has the total */
  problems: RecordProblem[];
  problemCount: number;
  /** host -> [first, last] event time */
  hosts: Record<string, [number, number]>;
  /** internal address -> host name, learnt from the host's own outbound connections (Sysmon 3) */
  addresses: Record<string, string>;
  /** set when the whole input could not be read */
  error?: string;
}

export interface EngineOutput {
  findings(batch: Finding[]): void;
  /** events a plugin's main part wants: plugin name -> events */
  events(plugin: string, batch: Event[]): void;
  input(stats: InputStats): void;
}

export const MAX_PROBLEMS_KEPT = 50;

export class HuntEngine {
  private detectors: EventDetector[] = [];
  private wants: { plugin: string; wants: (e: Event) => boolean }[] = [];

  private constructor(private readonly spec: EngineSpec) {}

  /** `loaded`: the rules already loaded in this thread (the main thread's), to load them once */
  static async create(spec: EngineSpec, loaded?: LoadResult): Promise<HuntEngine> {
    const engine = new HuntEngine(spec);
    const rules =
      loaded ?? loadRules(spec.ruleDirs, { placeholders: spec.placeholders, parsed: spec.parsedRules });
    engine.detectors.push(new SigmaDetector(rules.rules, { logsources: rules.logsources }));
    for (const plugin of HUNT_PLUGINS) {
      if (!plugin.worker || !(plugin.name in spec.plugins)) continue;
      const part = await plugin.worker(spec.plugins[plugin.name]);
      if (part.detectors) engine.detectors.push(...part.detectors);
      if (part.wants) engine.wants.push({ plugin: plugin.name, wants: part.wants });
    }
    return engine;
  }

  /** Reads one input path (all of it, or chunks [from, to) of an EVTX file) and reports on it. */
  async processFile(path: string, out: EngineOutput, chunkRange?: readonly [number, number]): Promise<void> {
    const { spec } = this;
    const problemsFor = new Map<string, InputStats>();
    const statsOf = (uri: string): InputStats => {
      let s = problemsFor.get(uri);
      if (!s) {
        s = {
          uri,
          events: 0,
          filtered: 0,
          skipped: 0,
          warnings: 0,
          problems: [],
          problemCount: 0,
          hosts: {},
          addresses: {},
        };
        problemsFor.set(uri, s);
      }
      return s;
    };
    const onProblem = (p: RecordProblem) => {
      const s = statsOf(p.file);
      s.problemCount++;
      if (p.level === 'error') s.skipped++;
      else s.warnings++;
      if (s.problems.length < MAX_PROBLEMS_KEPT) s.problems.push(p);
    };
    const readOpts = {
      strict: spec.strict,
      format: spec.format,
      carve: spec.carve,
      settings: spec.settings,
      onProblem,
      chunkRange,
    };
    for await (const input of discoverInputs([path], readOpts)) {
      const stats = statsOf(input.uri);
      try {
        for await (const batch of readEvents(input, readOpts)) {
          this.processBatch(batch, stats, out);
        }
      } catch (err) {
        if (spec.strict) throw err;
        stats.error = (err as Error).message;
      }
      out.input(stats);
      problemsFor.delete(input.uri);
    }
    // problems reported for inputs that never opened (a corrupt zip, an unreadable file)
    for (const s of problemsFor.values()) out.input(s);
  }

  processBatch(batch: Event[], stats: InputStats, out: EngineOutput): void {
    const { from, to } = this.spec;
    let events = batch;
    if (from !== undefined || to !== undefined) {
      events = batch.filter(
        (e) => (from === undefined || e.time >= from) && (to === undefined || e.time <= to),
      );
      stats.filtered += batch.length - events.length;
    }
    stats.events += events.length;
    for (const e of events) {
      const host = hostOf(e);
      if (host) {
        const f = e.fields;
        // a host's own outbound connection names its address: network findings (by address) and
        // Windows findings (by name) then meet on the same host
        if (
          f.EventID === 3 &&
          typeof f.SourceIp === 'string' &&
          (f.Initiated === true || f.Initiated === 'true')
        ) {
          stats.addresses[f.SourceIp] ??= host;
        }
        const h = stats.hosts[host];
        if (!h) stats.hosts[host] = [e.time, e.time];
        else {
          if (e.time < h[0]) h[0] = e.time;
          if (e.time > h[1]) h[1] = e.time;
        }
      }
    }
    const findings: Finding[] = [];
    for (const d of this.detectors) d.detect(events, findings);
    if (findings.length) out.findings(findings);
    for (const w of this.wants) {
      const wanted = events.filter(w.wants);
      if (wanted.length) out.events(w.plugin, wanted);
    }
  }
}

/** The host an event belongs to, in the field its format uses. */
export function hostOf(e: Event): string | undefined {
  const f = e.fields;
  // not Zeek's `host`: that is the HTTP Host header, the server asked for
  const h = f.Computer ?? f.Hostname ?? f['host.name'];
  if (typeof h === 'string' && h) return h;
  return undefined;
}
