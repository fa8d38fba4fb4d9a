/**
 * How a domain plugs into `haechi hunt` without touching the pipeline. Each plugin lives in
 * `hunt/plugins/<name>.ts` and is listed in `hunt/plugins/index.ts`.
 *
 * The pipeline runs in two places: worker threads read files and run stateless detectors; the main
 * thread runs stateful analytics over what the workers send back and post-processes findings.
 * A plugin's `prepare` runs once in the main thread and returns a *structured-clonable* spec; the
 * pipeline hands that spec to `worker` in every worker (and in the main thread when --threads 1).
 */

import type { Event, Finding, Logger } from '@haechi/core';
import type { Analytic, EventDetector } from '@haechi/core/analytics';
import type { Command } from 'commander';

export interface HuntContext {
  log: Logger;
  /** the effective configuration (haechi.yaml + env + flags) */
  config: Readonly<Record<string, unknown>>;
  /** the folder of haechi's own data (rules/, profiles, mappings) */
  repoDataDir: string;
}

export interface WorkerPart {
  /** stateless detectors run on every batch of events */
  detectors?: EventDetector[];
  /** events this plugin's main part wants (sent back to the main thread) */
  wants?: (event: Event) => boolean;
}

export interface MainPart {
  /** the events `WorkerPart.wants` selected, in batches, not in global time order */
  feed?(events: readonly Event[]): void;
  /** after all input is read: extra findings (analytics) */
  finish?(): Promise<Finding[]> | Finding[];
  /**
   * after every plugin's `finish`: change the whole finding list (escalate, tag, add sweep
   * findings). Runs in plugin order.
   */
  transform?(findings: Finding[]): Promise<Finding[]> | Finding[];
  /** lines for the people's summary */
  summary?(findings: readonly Finding[]): string[];
  /** a section for `--json` output, under the plugin's name */
  json?(findings: readonly Finding[]): unknown;
}

export interface HuntPlugin {
  readonly name: string;
  /** add this plugin's flags to the `hunt` command */
  addOptions?(cmd: Command): void;
  /** main thread, once; validates options and loads files; returns a structured-clonable spec */
  prepare(opts: Readonly<Record<string, unknown>>, ctx: HuntContext): Promise<unknown>;
  worker?(spec: unknown): Promise<WorkerPart> | WorkerPart;
  main?(spec: unknown, ctx: HuntContext): Promise<MainPart> | MainPart;
}

export type { Analytic };
