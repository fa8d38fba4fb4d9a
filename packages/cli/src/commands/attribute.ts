/**
 * `haechi attribute`: ranked actor hypotheses, with evidence for and against, for
 *  - a JSON file of observations (one object or a list): {"id"?, "techniques": [...], "software": [...],
 *    "actors"?: [{"id": "G0138" | "Onyx Sleet", "weight"?: 0.8, "why"?: "..."}], "times"?: [RFC 3339 | epoch ms]}
 *  - or the findings of a hunt stored with `hunt --db FILE`: grouped into incidents, each attributed.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Assessment, type Finding, HaechiError } from '@haechi/core';
import {
  type AttributionContext,
  DPRK_GROUPS,
  loadAttributionContext,
  type Observations,
  observationsOf,
} from '@haechi/core/attribution';
import { groupIncidents } from '@haechi/core/incidents';
import { comparisonLayer, writeNavigatorLayer } from '@haechi/core/report';
import { openSqliteStore } from '@haechi/store';
import type { Command } from 'commander';

interface Flags {
  observations?: string;
  db?: string;
  run?: string;
  attack?: string;
  dprkCandidates?: boolean;
  top: string;
  json?: boolean;
  navigator?: string;
}

interface Item {
  id: string;
  observations: Observations;
  assessment: Assessment;
  hosts?: string[];
  first?: number;
  last?: number;
}

async function readObservations(
  file: string,
  know: AttributionContext,
): Promise<{ id: string; obs: Observations }[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new HaechiError('input', `cannot read observations: ${(err as Error).message}`, {
      file,
      cause: err,
    });
  }
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((x, i) => {
    const fail = (field: string, msg: string): never => {
      throw new HaechiError('input', `observation ${i + 1}: ${msg}`, { file, record: i + 1, field });
    };
    if (!x || typeof x !== 'object' || Array.isArray(x)) fail('', 'must be a JSON object');
    const o = x as Record<string, unknown>;
    const strings = (k: string, re?: RegExp, hint?: string): string[] => {
      const v = o[k] ?? [];
      if (!Array.isArray(v)) return fail(k, `"${k}" must be a list`);
      return v.map((s, j) => {
        if (typeof s !== 'string' || !s || (re && !re.test(s)))
          fail(`${k}.${j}`, `${JSON.stringify(s)} is not valid${hint ? ` (${hint})` : ''}`);
        return (s as string).toUpperCase().startsWith('T') && re
          ? (s as string).toUpperCase()
          : (s as string);
      });
    };
    const techniques = strings(
      'techniques',
      /^T\d{4}(\.\d{3})?$/i,
      'technique ids look like T1059 or T1059.001',
    );
    const software = strings('software');
    const rawTimes = o.times ?? [];
    if (!Array.isArray(rawTimes)) fail('times', '"times" must be a list');
    const times = (rawTimes as unknown[]).map((t, j) => {
      const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : Number.NaN;
      if (!Number.isFinite(ms)) fail(`times.${j}`, `time ${JSON.stringify(t)} is not RFC 3339 or epoch ms`);
      return ms;
    });
    const rawActors = o.actors ?? [];
    if (!Array.isArray(rawActors)) fail('actors', '"actors" must be a list');
    const actors = (rawActors as unknown[]).map((a, j) => {
      const r = (a ?? {}) as { id?: unknown; weight?: unknown; why?: unknown };
      if (typeof r.id !== 'string' || !r.id)
        return fail(`actors.${j}.id`, 'an actor needs an "id" (group id, name or alias)');
      const weight = r.weight === undefined ? 0.8 : r.weight;
      if (typeof weight !== 'number' || weight < 0 || weight > 1)
        fail(`actors.${j}.weight`, 'weight must be a number from 0 to 1');
      const ref = know.resolveActor(r.id);
      return {
        id: ref?.id ?? r.id,
        weight: weight as number,
        why: typeof r.why === 'string' ? r.why : `analyst-supplied link to ${ref?.name ?? r.id}`,
      };
    });
    const id = typeof o.id === 'string' && o.id ? o.id : `observation-${i + 1}`;
    return { id, obs: { techniques, software, actors, times } };
  });
}

export function register(program: Command): void {
  program
    .command('attribute')
    .description('Rank actor hypotheses with evidence for and against, for observations or a stored hunt.')
    .option(
      '--observations <file>',
      'JSON observations: techniques, software, actors, times (one object or a list)',
    )
    .option('--db <file>', 'findings database written by `haechi hunt --db`')
    .option('--run <id>', 'with --db: only this run (default: all findings)')
    .option('--attack <file>', "ATT&CK bundle or knowledge cache (default: haechi's DPRK profiles only)")
    .option('--dprk-candidates', 'rank only the eight North Korean groups')
    .option('--top <n>', 'hypotheses per assessment', '5')
    .option('--json', 'machine-readable output')
    .option('--navigator <dir>', 'write a Navigator layer per assessment and top hypothesis')
    .addHelpText(
      'after',
      `\nExamples:\n  haechi attribute --observations obs.json --attack enterprise-attack.json\n  haechi hunt ./logs --db hunt.db && haechi attribute --db hunt.db --attack attack.haechi.json --json\n\nobs.json: {"techniques": ["T1190", "T1505.003"], "software": ["S0567"], "actors": [{"id": "Onyx Sleet", "weight": 0.9}]}`,
    )
    .action(async (flags: Flags) => {
      if (!flags.observations === !flags.db)
        throw new HaechiError('usage', 'give exactly one of --observations FILE or --db FILE');
      const top = Number(flags.top);
      if (!Number.isInteger(top) || top < 1)
        throw new HaechiError('usage', `--top '${flags.top}' is not a positive whole number`, {
          field: '--top',
        });
      const know = await loadAttributionContext({ attack: flags.attack });
      const candidates = flags.dprkCandidates ? [...DPRK_GROUPS] : undefined;
      const opts = { candidates, top, nameOf: know.nameOf };
      const items: Item[] = [];
      if (flags.observations) {
        for (const { id, obs } of await readObservations(flags.observations, know)) {
          items.push({ id, observations: obs, assessment: know.attributor.assess(obs, opts) });
        }
      } else {
        const store = openSqliteStore(flags.db as string);
        let findings: Finding[];
        try {
          findings = store.findings(flags.run ? { runId: flags.run } : undefined);
        } finally {
          store.close();
        }
        const byId = new Map(findings.map((f) => [f.id, f]));
        for (const inc of groupIncidents(findings)) {
          const obs = observationsOf(inc.findings.map((i) => byId.get(i)).filter((f): f is Finding => !!f));
          items.push({
            id: inc.id,
            hosts: inc.hosts,
            first: inc.first,
            last: inc.last,
            observations: obs,
            assessment: know.attributor.assess(obs, opts),
          });
        }
      }
      const layers: string[] = [];
      if (flags.navigator) {
        await mkdir(flags.navigator, { recursive: true });
        for (const it of items) {
          for (const h of it.assessment.hypotheses.slice(0, 3)) {
            const g = know.attributor.group(h.actor);
            if (!g) continue;
            const p = join(flags.navigator, `${it.id}-vs-${h.actor}.json`);
            await writeNavigatorLayer(
              p,
              comparisonLayer(it.id, it.observations.techniques ?? [], h, g.techniques.keys()),
            );
            layers.push(p);
          }
        }
      }
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ attack: flags.attack ?? null, candidates: candidates ?? 'all', assessments: items.map(({ observations, ...rest }) => ({ ...rest, observations: { ...observations, times: undefined } })), navigator: layers }, null, 2)}\n`,
        );
        return;
      }
      for (const it of items) {
        const a = it.assessment;
        const where = it.hosts ? ` hosts ${it.hosts.join(', ') || '-'}` : '';
        process.stdout.write(
          `${it.id}${where}: ${a.insufficientEvidence ? 'INSUFFICIENT EVIDENCE to name an actor' : `${a.hypotheses[0].name} (${a.hypotheses[0].actor}), ${a.hypotheses[0].confidence} confidence`}\n`,
        );
        a.hypotheses.forEach((h, i) => {
          process.stdout.write(
            `  ${i + 1}. ${h.name ?? h.actor} (${h.actor}) score ${h.score} confidence ${h.confidence}\n`,
          );
          for (const e of h.for.slice(0, i === 0 ? 10 : 3)) process.stdout.write(`     + ${e}\n`);
          for (const e of h.against.slice(0, i === 0 ? 6 : 2)) process.stdout.write(`     - ${e}\n`);
        });
      }
      if (layers.length)
        process.stderr.write(`haechi: ${layers.length} navigator layer(s) in ${flags.navigator}\n`);
    });
}
