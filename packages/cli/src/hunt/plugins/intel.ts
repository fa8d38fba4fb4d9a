/**
 * Threat intelligence in `haechi hunt` (issue 4): indicator matching in the workers, then, over all
 * findings, incidents and their attribution.
 *
 *   --ioc FILE...        indicators: STIX 2.1 bundle (.json), CSV (.csv) or plain list (one value a line)
 *   --attack FILE        ATT&CK STIX bundle or a knowledge cache (`haechi intel load --db`); without it
 *                        attribution ranks haechi's own DPRK actor profiles only
 *   --no-attribution     group incidents but do not attribute them
 *   --navigator DIR      write ATT&CK Navigator layers (hunt techniques; incident vs top hypotheses)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding, Logger } from '@haechi/core';
import { HaechiError } from '@haechi/core';
import { type AttributionContext, loadAttributionContext, observationsOf } from '@haechi/core/attribution';
import {
  aggregateIocFindings,
  compileIocSpec,
  createIocDetector,
  type IocSpec,
} from '@haechi/core/detect/ioc';
import { groupIncidents, type IncidentDetail } from '@haechi/core/incidents';
import { type Indicator, type IntelProblem, loadIndicatorFile } from '@haechi/core/intel';
import { comparisonLayer, huntLayer, writeNavigatorLayer } from '@haechi/core/report';
import type { Command } from 'commander';
import type { HuntContext, HuntPlugin, MainPart } from '../plugin.js';

export interface IntelSpec {
  ioc?: IocSpec;
  iocFiles: string[];
  indicatorCount: number;
  problems: IntelProblem[];
  problemCount: number;
  attack?: string;
  attribution: boolean;
  navigator?: string;
}

const MAX_PROBLEMS = 50;
/** attribution is assessed for the most severe incidents first, up to this many */
const MAX_ATTRIBUTED = 100;

function asList(v: unknown): string[] {
  if (v === undefined || v === null || v === false) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

async function prepare(opts: Readonly<Record<string, unknown>>, ctx: HuntContext): Promise<IntelSpec> {
  const iocFiles = asList(opts.ioc);
  const attack = typeof opts.attack === 'string' ? opts.attack : undefined;
  const spec: IntelSpec = {
    iocFiles,
    indicatorCount: 0,
    problems: [],
    problemCount: 0,
    attack,
    attribution: opts.attribution !== false,
    navigator: typeof opts.navigator === 'string' ? opts.navigator : undefined,
  };
  if (iocFiles.length === 0) return spec;
  const all: Indicator[] = [];
  for (const f of iocFiles) {
    const r = await loadIndicatorFile(f);
    all.push(...r.indicators);
    spec.problemCount += r.problems.length;
    for (const p of r.problems) if (spec.problems.length < MAX_PROBLEMS) spec.problems.push(p);
    ctx.log.info(
      { file: f, indicators: r.indicators.length, problems: r.problems.length },
      'indicators loaded',
    );
    for (const p of r.problems.slice(0, 5))
      ctx.log.warn({ file: p.file, line: p.line, object: p.object }, p.message);
  }
  if (all.length === 0)
    throw new HaechiError('input', `no usable indicators in ${iocFiles.join(', ')}`, { file: iocFiles[0] });
  // actor names resolve against haechi's profiles (and ATT&CK when given) so findings carry group ids
  const know = await loadAttributionContext({ attack });
  spec.ioc = compileIocSpec(all, know.resolveActor);
  spec.indicatorCount = all.length;
  return spec;
}

function fmtTime(t: number): string {
  return new Date(t).toISOString();
}

async function main(raw: unknown, ctx: HuntContext): Promise<MainPart> {
  const spec = raw as IntelSpec;
  const log: Logger = ctx.log;
  let know: AttributionContext | undefined;
  let incidents: IncidentDetail[] = [];
  const layers: string[] = [];
  return {
    async transform(all: Finding[]): Promise<Finding[]> {
      const findings = aggregateIocFindings(all);
      incidents = groupIncidents(findings);
      if (spec.attribution && incidents.length > 0) {
        know = await loadAttributionContext({ attack: spec.attack });
        const byId = new Map(findings.map((f) => [f.id, f]));
        for (const inc of incidents.slice(0, MAX_ATTRIBUTED)) {
          const fs = inc.findings.map((id) => byId.get(id)).filter((f): f is Finding => !!f);
          inc.attribution = know.attributor.assess(observationsOf(fs), { nameOf: know.nameOf, top: 5 });
        }
      }
      if (spec.navigator) {
        await mkdir(spec.navigator, { recursive: true });
        const hunt = join(spec.navigator, 'hunt-techniques.json');
        await writeNavigatorLayer(hunt, huntLayer(findings));
        layers.push(hunt);
        for (const inc of incidents.slice(0, 20)) {
          for (const h of (inc.attribution?.hypotheses ?? []).slice(0, 3)) {
            const g = know?.attributor.group(h.actor);
            if (!g || inc.attack.length === 0) continue;
            const p = join(spec.navigator, `${inc.id}-vs-${h.actor}.json`);
            await writeNavigatorLayer(p, comparisonLayer(inc.id, inc.attack, h, g.techniques.keys()));
            layers.push(p);
          }
        }
        log.info({ dir: spec.navigator, layers: layers.length }, 'navigator layers written');
      }
      return findings;
    },
    summary(findings: readonly Finding[]): string[] {
      const lines: string[] = [];
      const iocFindings = findings.filter((f) => f.detector === 'ioc');
      const iocHits = iocFindings.reduce(
        (n, f) => n + ((f.details as { count?: number } | undefined)?.count ?? 1),
        0,
      );
      if (spec.iocFiles.length) {
        lines.push(
          `Indicators: ${spec.indicatorCount} from ${spec.iocFiles.length} file(s), ${iocHits} match(es) in ${iocFindings.length} finding(s)${spec.problemCount ? `; ${spec.problemCount} entries not usable (see --json)` : ''}`,
        );
      }
      if (incidents.length === 0) return lines;
      lines.push(`Incidents: ${incidents.length}`);
      for (const inc of incidents.slice(0, 10)) {
        lines.push(
          `  ${inc.id} ${inc.severity.toUpperCase()} ${fmtTime(inc.first)} .. ${fmtTime(inc.last)} hosts ${inc.hosts.join(', ') || '-'}; ${inc.findings.length} finding(s)`,
        );
        const a = inc.attribution;
        if (!a) continue;
        if (a.insufficientEvidence || a.hypotheses.length === 0) {
          const lead = a.hypotheses[0];
          lines.push(
            `    attribution: insufficient evidence${lead ? ` (closest: ${lead.name ?? lead.actor}, score ${lead.score})` : ''}`,
          );
          continue;
        }
        const h = a.hypotheses[0];
        lines.push(
          `    attribution: ${h.name ?? h.actor} (${h.actor}), ${h.confidence} confidence, score ${h.score}`,
        );
        for (const e of h.for.slice(0, 3)) lines.push(`      + ${e}`);
        for (const e of h.against.slice(0, 2)) lines.push(`      - ${e}`);
        const alt = a.hypotheses.slice(1, 3).map((x) => `${x.name ?? x.actor} ${x.score}`);
        if (alt.length) lines.push(`      alternatives: ${alt.join('; ')}`);
      }
      if (incidents.length > 10) lines.push(`  ... ${incidents.length - 10} more (see --json)`);
      if (layers.length) lines.push(`Navigator layers: ${layers.length} in ${spec.navigator}`);
      return lines;
    },
    json() {
      return {
        indicators: {
          files: spec.iocFiles,
          loaded: spec.indicatorCount,
          problems: spec.problems,
          problemCount: spec.problemCount,
        },
        attack: spec.attack ?? null,
        incidents,
        navigator: layers,
      };
    },
  };
}

export const intelPlugin: HuntPlugin = {
  name: 'intel',
  addOptions(cmd: Command): void {
    cmd
      .option('--ioc <file...>', 'indicators to match: STIX 2.1 bundle (.json), CSV (.csv) or plain list')
      .option(
        '--attack <file>',
        "ATT&CK STIX bundle or knowledge cache for attribution (default: haechi's DPRK profiles only)",
      )
      .option('--no-attribution', 'group findings into incidents without attributing them')
      .option('--navigator <dir>', 'write ATT&CK Navigator layers (format 4.5) to this folder');
  },
  prepare,
  worker(spec: unknown) {
    const s = spec as IntelSpec;
    return s.ioc ? { detectors: [createIocDetector(s.ioc)] } : {};
  },
  main,
};
