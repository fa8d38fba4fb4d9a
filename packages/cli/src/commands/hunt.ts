/**
 * `haechi hunt PATH... [--rules DIR...]`: the main job.
 */
import { createWriteStream } from 'node:fs';
import { HaechiError, isSeverity, type Severity, severityRank } from '@haechi/core';
import { parseUtcOffset, requireFormat } from '@haechi/core/ingest';
import { openSqliteStore, type SqliteStore } from '@haechi/store';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { csvLines, findingRecord, jsonLines, summaryRecord, summaryText } from '../hunt/output.js';
import { compareFindings, defaultThreads, type HuntResult, runHunt } from '../hunt/pipeline.js';
import { HUNT_PLUGINS } from '../hunt/plugins/index.js';
import { createLogger } from '../util/logger.js';
import { haechiHome, ownRulesDir } from '../util/paths.js';
import { parseTimeFlag } from '../util/time.js';

export interface HuntFlags {
  rules?: string[];
  defaultRules: boolean;
  config?: string;
  format?: string;
  strict?: boolean;
  carve?: boolean;
  timezone?: string;
  year?: string;
  threads?: string;
  from?: string;
  to?: string;
  minLevel?: string;
  failOn?: string;
  jsonl?: boolean;
  json?: boolean;
  csv?: boolean;
  out?: string;
  db?: string;
  progress: boolean;
  [plugin: string]: unknown;
}

function levelFlag(v: string | undefined, flag: string): Severity | undefined {
  if (v === undefined) return undefined;
  if (!isSeverity(v)) {
    throw new HaechiError(
      'usage',
      `${flag} '${v}' is not one of informational, low, medium, high, critical`,
      {
        field: flag,
      },
    );
  }
  return v;
}

export function register(program: Command): void {
  const cmd = program
    .command('hunt')
    .description(
      'Hunt through Windows event logs (EVTX, JSON), network logs and more with Sigma rules and analytics.',
    )
    .argument('<paths...>', 'files or folders to read (`-` for stdin); .gz and .zip are opened')
    .option('-r, --rules <dirs...>', "Sigma rule files or folders, added to haechi's own rule pack")
    .option('--no-default-rules', "do not load haechi's own rule pack")
    .option('-c, --config <file>', 'configuration file (default ./haechi.yaml when present)')
    .option('--format <name>', 'read every input as this format instead of detecting it')
    .option('--strict', 'stop at the first corrupt record instead of reporting and skipping it')
    .option('--carve', 'EVTX: also recover records from chunk slack space')
    .option(
      '--timezone <offset>',
      'for logs that write local time without a zone (syslog, some JSON exports): UTC or +09:00',
    )
    .option('--year <yyyy>', 'for syslog lines, which carry no year (default: the file time, with a warning)')
    .option('-t, --threads <n>', `worker threads (default: ${defaultThreads()}, the number of cores)`)
    .option('--from <time>', 'ignore events before this time (RFC 3339 or YYYY-MM-DD, UTC)')
    .option('--to <time>', 'ignore events after this time')
    .addOption(
      new Option('--min-level <level>', 'report only findings at or above this level').choices([
        'informational',
        'low',
        'medium',
        'high',
        'critical',
      ]),
    )
    .addOption(
      new Option(
        '--fail-on <level>',
        'exit with status 1 when a finding at or above this level is found',
      ).choices(['informational', 'low', 'medium', 'high', 'critical']),
    )
    .option('--jsonl', 'write the findings timeline as JSON lines')
    .option('--json', 'write one JSON document: summary, findings and plugin sections')
    .option('--csv', 'write the findings timeline as CSV')
    .option('-o, --out <file>', 'write the machine output to this file instead of stdout')
    .option('--db <file>', 'store the findings in this SQLite database')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      `
Examples:
  haechi hunt ./logs                                  # haechi's own rules, summary for people
  haechi hunt ./logs --rules ./sigma/rules --jsonl > timeline.jsonl
  haechi hunt Security.evtx --min-level high --fail-on critical
  cat events.json | haechi hunt - --format evtx-json

Exit status: 0 done, 1 a finding at or above --fail-on, 2 usage or configuration error,
3 input error (with --strict, or when nothing could be read).`,
    );
  for (const p of HUNT_PLUGINS) p.addOptions?.(cmd);
  cmd.action(async (paths: string[], flags: HuntFlags) => {
    process.exitCode = await huntCommand(paths, flags);
  });
}

export async function huntCommand(paths: string[], flags: HuntFlags): Promise<number> {
  const config = loadConfig(flags.config);
  const log = createLogger();
  const outputs = [flags.jsonl, flags.json, flags.csv].filter(Boolean).length;
  if (outputs > 1) throw new HaechiError('usage', 'choose one of --jsonl, --json, --csv');
  const threads =
    flags.threads !== undefined ? Number(flags.threads) : (config.hunt?.threads ?? defaultThreads());
  if (!Number.isInteger(threads) || threads < 1) {
    throw new HaechiError('usage', `--threads '${flags.threads}' is not a positive whole number`, {
      field: '--threads',
    });
  }
  const minLevel = levelFlag(flags.minLevel ?? config.hunt?.min_level, '--min-level');
  const failOn = levelFlag(flags.failOn ?? config.hunt?.fail_on, '--fail-on');
  const from = flags.from !== undefined ? parseTimeFlag(flags.from, '--from') : undefined;
  const to = flags.to !== undefined ? parseTimeFlag(flags.to, '--to') : undefined;
  if (from !== undefined && to !== undefined && from > to)
    throw new HaechiError('usage', '--from is after --to');
  if (flags.format !== undefined) requireFormat(flags.format);
  if (flags.timezone !== undefined && parseUtcOffset(flags.timezone) === undefined) {
    throw new HaechiError('usage', `--timezone '${flags.timezone}' is not UTC or an offset such as +09:00`, {
      field: '--timezone',
    });
  }
  if (flags.year !== undefined && !/^(19[7-9]\d|[2-9]\d{3})$/.test(flags.year)) {
    throw new HaechiError('usage', `--year '${flags.year}' is not a year (1970-9999)`, { field: '--year' });
  }

  const ruleDirs = [
    ...(flags.defaultRules === false ? [] : [ownRulesDir()]),
    ...(flags.rules ?? config.rules ?? []),
  ];
  if (ruleDirs.length === 0)
    throw new HaechiError('usage', 'no rules: give --rules DIR or drop --no-default-rules');

  // opened before the hunt, so a bad --db stops it before any work is done
  const store = flags.db ? openSqliteStore(flags.db) : undefined;

  const showProgress = flags.progress !== false && process.stderr.isTTY === true;
  const bar = showProgress
    ? new SingleBar({
        format: 'hunt [{bar}] {value}/{total} files | {duration_formatted}',
        stream: process.stderr,
      })
    : undefined;
  let barStarted = false;

  const result = await runHunt({
    paths,
    ruleDirs,
    placeholders: (config.placeholders ?? {}) as Record<string, string[]>,
    threads,
    evtxSplitChunks: config.hunt?.evtx_split_chunks,
    parallelMinBytes: config.hunt?.parallel_min_bytes,
    strict: flags.strict === true,
    format: flags.format,
    carve: flags.carve === true,
    settings: {
      ...(flags.timezone !== undefined ? { timezone: flags.timezone } : {}),
      ...(flags.year !== undefined ? { year: flags.year } : {}),
    },
    from,
    to,
    minLevel,
    pluginOptions: flags,
    log,
    config: config as Record<string, unknown>,
    repoDataDir: haechiHome(),
    onFileDone: (done, total) => {
      if (!bar) return;
      if (!barStarted) {
        bar.start(total, 0);
        barStarted = true;
      }
      bar.update(done);
    },
  })
    .finally(() => {
      if (barStarted) bar?.stop();
    })
    .catch((err: unknown) => {
      store?.close();
      throw err;
    });

  if (store) storeRun(store, paths, result);
  await writeOutputs(result, flags);

  const eventsRead = result.inputs.reduce((n, i) => n + i.events, 0);
  if (eventsRead === 0 && result.inputs.some((i) => i.error || i.skipped)) return 3;
  if (failOn && result.findings.some((f) => severityRank(f.severity) >= severityRank(failOn))) return 1;
  return 0;
}

function storeRun(store: SqliteStore, paths: string[], r: HuntResult): void {
  try {
    const id = `hunt-${new Date().toISOString()}`;
    store.beginRun({ id, started: Date.now() - r.durationMs, command: 'hunt', inputs: paths });
    store.addFindings(id, r.findings);
    const incidents = r.plugins.flatMap((p) => {
      const j = p.part.json?.(r.findings) as { incidents?: unknown } | undefined;
      return Array.isArray(j?.incidents) ? (j.incidents as Parameters<typeof store.addIncidents>[1]) : [];
    });
    if (incidents.length) store.addIncidents(id, incidents);
    store.finishRun(id, Date.now(), summaryRecord(r));
  } finally {
    store.close();
  }
}

async function writeOutputs(r: HuntResult, flags: HuntFlags): Promise<void> {
  const machine = flags.jsonl || flags.json || flags.csv;
  const target = flags.out ? createWriteStream(flags.out) : process.stdout;
  const write = (s: string) =>
    target.write(s) ? Promise.resolve() : new Promise<void>((res) => target.once('drain', res));
  if (flags.jsonl) for (const line of jsonLines(r.findings)) await write(line);
  else if (flags.csv) for (const line of csvLines(r.findings)) await write(line);
  else if (flags.json) {
    const sections: Record<string, unknown> = {};
    for (const p of r.plugins) {
      const j = p.part.json?.(r.findings);
      if (j !== undefined) sections[p.name] = j;
    }
    await write(
      `${JSON.stringify({ summary: summaryRecord(r), findings: [...r.findings].sort(compareFindings).map(findingRecord), ...sections }, null, 2)}\n`,
    );
  }
  if (flags.out)
    await new Promise<void>((res, rej) =>
      (target as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? rej(e) : res())),
    );
  const text = summaryText(r);
  // People read the summary; when machine output goes to stdout, the summary goes to stderr.
  if (machine && !flags.out) process.stderr.write(text);
  else process.stdout.write(text);
}
