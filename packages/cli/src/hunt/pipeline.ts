/**
 * `hunt` in one process (DESIGN.md, "The spine"): files fan out to worker threads (read +
 * normalise + stateless detectors); correlation and stateful analytics run in the main thread over
 * what comes back; findings are post-processed by plugins, filtered and sorted into the stable
 * output order (time, rule id, source).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type Finding, HaechiError, type Logger, type Severity, severityRank } from '@haechi/core';
import { loadRules, parseRuleFiles } from '@haechi/core/detect/sigma';
import { CHUNK_SIZE, FILE_HEADER_SIZE } from '@haechi/core/ingest/evtx';
import { redactEventFields, startWorker } from '@haechi/core/util';
import {
  type EngineOutput,
  type EngineSpec,
  HuntEngine,
  type InputStats,
  MAX_PROBLEMS_KEPT,
} from './engine.js';
import { type InputFile, listInputFiles } from './files.js';
import type { HuntContext, MainPart } from './plugin.js';
import { HUNT_PLUGINS } from './plugins/index.js';
import type { FromWorker, ToWorker } from './worker.js';

export interface HuntOptions {
  paths: string[];
  ruleDirs: string[];
  placeholders: Record<string, string[]>;
  threads: number;
  /** EVTX files of at least this many chunks are split between the workers (default SPLIT_MIN_CHUNKS) */
  evtxSplitChunks?: number;
  /** inputs smaller than this (bytes, weighted by `readCost`) are read on one thread */
  parallelMinBytes?: number;
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
    // large EVTX files are split between the hunt's workers (workUnits), never read by a pool of
    // EVTX workers of their own: `--threads` is the whole hunt's
    settings: { ...opts.settings, threads: 1 },
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

  const stdinFiles = files.filter((f) => f.path === '-');
  const diskFiles = files.filter((f) => f.path !== '-');
  // a small input is read faster on this thread than by workers that must first start
  const volume = diskFiles.reduce((a, f) => a + f.size * readCost(f.path), 0);
  const small = volume < (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES);
  if (small && opts.threads > 1 && diskFiles.length > 1)
    opts.log.info(
      `${(volume / 1048576).toFixed(1)} MiB of input: read on one thread (workers would cost more to start)`,
    );
  const units = workUnits(diskFiles, small ? 1 : opts.threads, opts.format, opts.evtxSplitChunks);
  for (const u of units)
    if (u.chunks?.[0] === 0)
      opts.log.info(
        `${u.path}: ${units.filter((v) => v.path === u.path).length} parts of about ${u.chunks[1]} chunks for ${Math.min(opts.threads, units.length)} workers`,
      );
  const threads = small ? 1 : Math.max(1, Math.min(opts.threads, units.length));
  let done = 0;
  const fileDone = () => opts.onFileDone?.(++done, files.length);

  if (threads <= 1) {
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
    // Largest first, so one big file does not start last and run alone.
    const queue = [...units].sort((a, b) => b.size - a.size || a.index - b.index);
    const parts = new Map<string, number>();
    for (const u of units) parts.set(u.path, (parts.get(u.path) ?? 0) + 1);
    // a split file's parts report their inputs separately: merged in chunk order below
    const unitInputs: { unit: number; stats: InputStats }[] = [];
    await runWorkers(
      threads,
      spec,
      queue,
      { ...out, input: () => {} },
      {
        input: (unit, stats) => unitInputs.push({ unit, stats }),
        done: (unit) => {
          const path = units[unit].path;
          const left = (parts.get(path) ?? 1) - 1;
          parts.set(path, left);
          if (left === 0) fileDone();
        },
      },
    );
    unitInputs.sort((a, b) => a.unit - b.unit);
    const byUri = new Map<string, InputStats>();
    for (const { stats } of unitInputs) {
      const prev = byUri.get(stats.uri);
      if (prev) mergeInputStats(prev, stats);
      else byUri.set(stats.uri, stats);
    }
    for (const s of byUri.values()) out.input(s);
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

/**
 * Inputs smaller than this are read on the calling thread whatever `--threads` says: a worker
 * costs about 0.35 CPU-second to start (modules, rules, a cold JIT), more than reading a few
 * megabytes takes. Measured with two small EVTX files: 0.52 s on one thread, 0.87 s with two
 * workers.
 */
export const PARALLEL_MIN_BYTES = 16 * 1048576;

/**
 * How much reading a byte of this file costs against a byte of JSON: compressed files hold about
 * ten times their size, and the native EVTX reader takes some eight times less time per byte than
 * JSON parsing (measured: 29 MiB of ATT&CK sample EVTX took 1.63 s on one thread, 1.75 s with two
 * workers; 17 MiB of zipped Security-Datasets JSON 5.9 s on one, 4.7 s with two).
 */
function readCost(path: string): number {
  if (/\.(gz|zip)$/i.test(path)) return 10;
  if (/\.evtx$/i.test(path)) return 1 / 8;
  return 1;
}

/**
 * Plain EVTX files of at least this many chunks (256 MiB, some 350,000 records) are split into
 * parts of whole chunks that the workers read in parallel: chunks are self-contained (their
 * templates and strings are their own), and only findings and the events plugins want travel back
 * (sending every Event to one thread would cost more than reading it). Each worker costs about
 * 0.5 CPU-second to start (modules, rules, a cold JIT), and one reading thread already keeps V8's
 * garbage collector busy on other cores: measured on 2 cores, a 146 MiB file took 2.2 s with two
 * workers against 1.8 s with one thread, a 372 MiB file 2.9 s against 3.1 s.
 */
export const SPLIT_MIN_CHUNKS = 4096;

/** What one worker reads at a time: a file, or a range of chunks of a large EVTX file. */
export interface WorkUnit {
  /** position in file and chunk order (inputs of split files are merged in this order) */
  index: number;
  path: string;
  /** bytes, for the largest-first order */
  size: number;
  chunks?: [number, number];
}

/** The work units of the disk files: one per file, several per large EVTX file when threads > 1. */
export function workUnits(
  files: readonly InputFile[],
  threads: number,
  format?: string,
  splitChunks = SPLIT_MIN_CHUNKS,
): WorkUnit[] {
  const out: WorkUnit[] = [];
  for (const f of files) {
    const chunks =
      threads > 1 && (format === undefined || format === 'evtx') ? evtxChunks(f, splitChunks) : 0;
    if (chunks < splitChunks) {
      out.push({ index: out.length, path: f.path, size: f.size });
      continue;
    }
    // two parts per worker: a worker that finishes early takes another (parts of a quarter of the
    // split size at least)
    const n = Math.min(threads * 2, Math.ceil(chunks / Math.ceil(splitChunks / 4)));
    const per = Math.ceil(chunks / n);
    for (let from = 0; from < chunks; from += per) {
      const to = Math.min(chunks, from + per);
      out.push({ index: out.length, path: f.path, size: (to - from) * CHUNK_SIZE, chunks: [from, to] });
    }
  }
  return out;
}

/** Whole chunks of a plain EVTX file (by its signature), else 0. */
function evtxChunks(f: InputFile, min: number): number {
  if (f.size < FILE_HEADER_SIZE + min * CHUNK_SIZE) return 0;
  const head = Buffer.alloc(8);
  let fd: number | undefined;
  try {
    fd = openSync(f.path, 'r');
    readSync(fd, head, 0, 8, 0);
  } catch {
    return 0; // unreadable: the engine reports it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (head.toString('latin1') !== 'ElfFile\0') return 0;
  return Math.floor((f.size - FILE_HEADER_SIZE) / CHUNK_SIZE);
}

/** Adds the stats of a later part of the same input (`into` is the earlier part). */
export function mergeInputStats(into: InputStats, s: InputStats): void {
  into.events += s.events;
  into.filtered += s.filtered;
  into.skipped += s.skipped;
  into.warnings += s.warnings;
  into.problemCount += s.problemCount;
  for (const p of s.problems) if (into.problems.length < MAX_PROBLEMS_KEPT) into.problems.push(p);
  for (const [host, [a, b]] of Object.entries(s.hosts)) {
    const h = into.hosts[host];
    if (!h) into.hosts[host] = [a, b];
    else {
      if (a < h[0]) h[0] = a;
      if (b > h[1]) h[1] = b;
    }
  }
  // the first host seen with an address, in file order, as one reader would have it
  for (const [ip, host] of Object.entries(s.addresses)) into.addresses[ip] ??= host;
  into.error ??= s.error;
}

function runWorkers(
  threads: number,
  spec: EngineSpec,
  queue: WorkUnit[],
  out: EngineOutput,
  unit: { input(unit: number, stats: InputStats): void; done(unit: number): void },
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
      let current = -1;
      const next = () => {
        const u = queue.shift();
        current = u ? u.index : -1;
        w.postMessage(
          (u ? { type: 'file', path: u.path, chunks: u.chunks } : { type: 'stop' }) satisfies ToWorker,
        );
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
            unit.input(current, m.stats);
            break;
          case 'done':
            unit.done(current);
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
