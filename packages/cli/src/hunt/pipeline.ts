/**
 * `hunt` in one process (DESIGN.md, "The spine"): files fan out to worker threads (read +
 * normalise + stateless detectors); correlation and stateful analytics run in the main thread over
 * what comes back; findings are post-processed by plugins, filtered and sorted into the stable
 * output order (time, rule id, source).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type Finding, HaechiError, type Logger, type Severity, severityRank } from '@haechi/core';
import { loadRules, parseRuleFiles } from '@haechi/core/detect/sigma';
import { redactEventFields, startWorker } from '@haechi/core/util';
import { type EngineOutput, type EngineSpec, HuntEngine, type InputStats } from './engine.js';
import { listInputFiles } from './files.js';
import type { HuntContext, MainPart } from './plugin.js';
import { HUNT_PLUGINS } from './plugins/index.js';
import type { FromWorker, ToWorker } from './worker.js';

export interface HuntOptions {
  paths: string[];
  ruleDirs: string[];
  placeholders: Record<string, string[]>;
  threads: number;
  strict: boolean;
  format?: string;
  carve?: boolean;
  settings?: Record<string, unknown>;
  from?: number;
  to?: number;
  minLevel?: Severity;
  /** every option of the command, for plugins */
  pluginOptions: Record<string, unknown>;
  onFileDone?: (done: number, total: number) => void;
  log: Logger;
  config: Readonly<Record<string, unknown>>;
  repoDataDir: string;
}

export interface RuleLoadSummary {
  loaded: number;
  rejected: { file: string; id?: string; title?: string; reason: string }[];
  warnings: number;
}

export interface HuntResult {
  findings: Finding[];
  inputs: InputStats[];
  files: number;
  rules: RuleLoadSummary;
  plugins: { name: string; part: MainPart }[];
  durationMs: number;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** The output order: time, then rule id, then source (uri, record), then id. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.time !== b.time) return a.time - b.time;
  if (a.rule.id !== b.rule.id) return a.rule.id < b.rule.id ? -1 : 1;
  const sa = a.evidence[0];
  const sb = b.evidence[0];
  const ua = sa?.uri ?? '';
  const ub = sb?.uri ?? '';
  if (ua !== ub) return ua < ub ? -1 : 1;
  const ra = sa?.record ?? 0;
  const rb = sb?.record ?? 0;
  if (ra !== rb) return ra - rb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function runHunt(opts: HuntOptions): Promise<HuntResult> {
  const started = Date.now();
  const ctx: HuntContext = { log: opts.log, config: opts.config, repoDataDir: opts.repoDataDir };
  // parsed once here, compiled in every thread (compiled rules are closures: they cannot travel)
  const parsedRules = parseRuleFiles(opts.ruleDirs);
  const ruleSet = loadRules(opts.ruleDirs, { placeholders: opts.placeholders, parsed: parsedRules });
  const rules: RuleLoadSummary = {
    loaded: ruleSet.rules.length,
    rejected: ruleSet.rejected,
    warnings: ruleSet.warnings?.length ?? 0,
  };

  const pluginSpecs: Record<string, unknown> = {};
  const plugins: { name: string; part: MainPart }[] = [];
  for (const plugin of HUNT_PLUGINS) {
    const spec = await plugin.prepare(opts.pluginOptions, ctx);
    pluginSpecs[plugin.name] = spec;
    if (plugin.main) plugins.push({ name: plugin.name, part: await plugin.main(spec, ctx) });
  }
  const partOf = new Map(plugins.map((p) => [p.name, p.part]));

  const spec: EngineSpec = {
    ruleDirs: opts.ruleDirs,
    placeholders: opts.placeholders,
    parsedRules,
    strict: opts.strict,
    format: opts.format,
    carve: opts.carve,
    settings: opts.settings,
    from: opts.from,
    to: opts.to,
    plugins: pluginSpecs,
  };

  const files = listInputFiles(opts.paths);
  const findings: Finding[] = [];
  const inputs: InputStats[] = [];
  const out: EngineOutput = {
    findings: (batch) => {
      for (const f of batch) findings.push(f);
    },
    events: (plugin, batch) => partOf.get(plugin)?.feed?.(batch),
    input: (stats) => inputs.push(stats),
  };

  const threads = Math.max(1, Math.min(opts.threads, files.filter((f) => f.path !== '-').length));
  const stdinFiles = files.filter((f) => f.path === '-');
  const diskFiles = files.filter((f) => f.path !== '-');
  let done = 0;
  const fileDone = () => opts.onFileDone?.(++done, files.length);

  if (threads <= 1 || diskFiles.length <= 1) {
    const engine = await HuntEngine.create(spec, ruleSet);
    for (const f of files) {
      await engine.processFile(f.path, out);
      fileDone();
    }
  } else {
    if (stdinFiles.length) {
      const engine = await HuntEngine.create(spec, ruleSet);
      await engine.processFile('-', out);
      fileDone();
    }
    // Largest files first, so one big file does not start last and run alone.
    const queue = [...diskFiles]
      .sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1))
      .map((f) => f.path);
    await runWorkers(threads, spec, queue, out, fileDone);
  }

  // Correlations run over the base findings in time order (Sigma spec: correlation rules).
  let all = findings;
  const correlator = ruleSet.correlator;
  if (correlator) {
    all.sort(compareFindings);
    const correlated = correlator.process(all);
    const suppressed = correlator.suppressedRuleIds;
    all = all.filter((f) => f.detector !== 'sigma' || !suppressed.has(f.rule.id)).concat(correlated);
  }
  for (const p of plugins) {
    const extra = await p.part.finish?.();
    if (extra?.length) all = all.concat(extra);
  }
  nameHostsByAddress(all, inputs);
  for (const p of plugins) {
    if (p.part.transform) all = await p.part.transform(all);
  }
  if (opts.minLevel) {
    const min = severityRank(opts.minLevel);
    all = all.filter((f) => severityRank(f.severity) >= min);
  }
  all.sort(compareFindings);
  // the same record read twice (overlapping PATH arguments) gives the same finding id
  const seen = new Set<string>();
  all = all.filter((f) => {
    if (seen.has(f.id)) return false;
    seen.add(f.id);
    return true;
  });
  // secrets typed on command lines (archive passwords, bearer tokens) never reach an output
  for (const f of all) if (f.event) f.event = redactEventFields(f.event);
  inputs.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { findings: all, inputs, files: files.length, rules, plugins, durationMs: Date.now() - started };
}

const IP_RE = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*)$/i;

/**
 * Findings about an address (network analytics) get the host's name where the Windows events
 * showed which host owns that address; the address stays among the entities.
 */
export function nameHostsByAddress(findings: Finding[], inputs: readonly InputStats[]): void {
  const names = new Map<string, string>();
  for (const i of [...inputs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    for (const [ip, host] of Object.entries(i.addresses ?? {})) if (!names.has(ip)) names.set(ip, host);
  }
  if (names.size === 0) return;
  for (const f of findings) {
    if (!f.host || !IP_RE.test(f.host)) continue;
    const name = names.get(f.host);
    if (!name) continue;
    if (!f.entities.some((e) => e.type === 'ip' && e.value === f.host))
      f.entities = [...f.entities, { type: 'ip', value: f.host }];
    if (!f.entities.some((e) => e.type === 'host' && e.value === name))
      f.entities = [...f.entities, { type: 'host', value: name }];
    f.host = name;
  }
}

function runWorkers(
  threads: number,
  spec: EngineSpec,
  queue: string[],
  out: EngineOutput,
  fileDone: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let live = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    for (let i = 0; i < threads; i++) {
      // A larger young generation suits the readers' many short-lived objects (measured 10-20% per
      // CPU-second on Zeek parsing).
      const w = startWorker(new URL('./worker.js', import.meta.url), {
        workerData: spec,
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      workers.push(w);
      live++;
      const next = () => {
        const path = queue.shift();
        w.postMessage((path ? { type: 'file', path } : { type: 'stop' }) satisfies ToWorker);
      };
      w.on('message', (m: FromWorker) => {
        switch (m.type) {
          case 'ready':
            next();
            break;
          case 'findings':
            out.findings(m.findings);
            break;
          case 'events':
            out.events(m.plugin, m.events);
            break;
          case 'input':
            out.input(m.stats);
            break;
          case 'done':
            fileDone();
            next();
            break;
          case 'error':
            fail(
              new HaechiError((m.code as 'input') ?? 'internal', m.message, {
                file: m.file ?? m.path,
                line: m.line,
                field: m.field,
              }),
            );
            break;
        }
      });
      w.on('error', (err) => fail(err));
      w.on('exit', () => {
        live--;
        if (live === 0 && !failed) resolve();
      });
    }
  });
}
