/**
 * `haechi intel`: the knowledge behind indicator matching and attribution.
 *   intel load --attack FILE [--db FILE]     parse an ATT&CK STIX bundle, print what it holds, and
 *                                            optionally write the compact knowledge cache (JSON) that
 *                                            `--attack` accepts everywhere (loads ~10x faster)
 *   intel group NAME|ID [--attack FILE]      one actor: aliases, techniques, software, campaigns, and
 *                                            haechi's profile facts with their sources
 *   intel profiles                           haechi's own DPRK actor profiles
 *   intel indicators FILE... [--stix OUT]    import indicators (STIX/CSV/list); report problems;
 *                                            print them as JSON lines or write one STIX 2.1 bundle
 * Storage: the knowledge is a JSON file (the cache) or is built in memory per command; the SQLite
 * store does not hold it yet.
 */
import { writeFile } from 'node:fs/promises';
import { HaechiError } from '@haechi/core';
import {
  AttackIndex,
  citeProfile,
  type Indicator,
  type IntelProblem,
  indicatorsToStixBundle,
  loadAttack,
  loadIndicatorFile,
  loadProfiles,
  saveKnowledge,
} from '@haechi/core/intel';
import Table from 'cli-table3';
import type { Command } from 'commander';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

export function register(program: Command): void {
  const intel = program
    .command('intel')
    .description('Threat intelligence: ATT&CK knowledge, actor profiles, indicators.');

  intel
    .command('load')
    .description('Load MITRE ATT&CK from its STIX 2.1 bundle; optionally write a compact knowledge cache.')
    .requiredOption('--attack <file>', 'enterprise-attack.json (STIX 2.1 bundle) or a knowledge cache')
    .option('--db <file>', 'write the knowledge cache (JSON) here; pass it to --attack later')
    .option('--json', 'print the counts as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  haechi intel load --attack enterprise-attack.json --db attack.haechi.json\n  haechi hunt ./logs --attack attack.haechi.json',
    )
    .action(async (flags: { attack: string; db?: string; json?: boolean }) => {
      const t0 = performance.now();
      const k = await loadAttack(flags.attack);
      const ms = Math.round(performance.now() - t0);
      if (flags.db) await saveKnowledge(k, flags.db);
      const counts = {
        origin: k.origin,
        techniques: k.techniques.length,
        subtechniques: k.techniques.filter((t) => t.parent).length,
        tactics: k.tactics.length,
        groups: k.groups.length,
        software: k.software.length,
        campaigns: k.campaigns.length,
        relationships: k.relations.length,
        loadMs: ms,
        ...(flags.db ? { cache: flags.db } : {}),
      };
      if (flags.json) out(JSON.stringify(counts));
      else {
        out(
          `ATT&CK from ${k.origin}: ${counts.techniques} techniques (${counts.subtechniques} sub-techniques), ${counts.tactics} tactics, ${counts.groups} groups, ${counts.software} software, ${counts.campaigns} campaigns, ${counts.relationships} relationships (${ms} ms)`,
        );
        if (flags.db) out(`knowledge cache written to ${flags.db}`);
      }
    });

  intel
    .command('group')
    .description("Show an actor: ATT&CK facts and haechi's profile, each with its source.")
    .argument('<name>', 'group id (G0032), name or alias (Lazarus, Onyx Sleet)')
    .option('--attack <file>', 'ATT&CK bundle or knowledge cache')
    .option('--json', 'machine-readable output')
    .action(async (name: string, flags: { attack?: string; json?: boolean }) => {
      const profiles = await loadProfiles();
      const k = flags.attack ? await loadAttack(flags.attack) : undefined;
      const ix = k ? new AttackIndex(k) : undefined;
      const low = name.toLowerCase();
      const profile = profiles.find(
        (p) =>
          p.id.toLowerCase() === low ||
          p.name.toLowerCase() === low ||
          p.aliases.some((a) => a.value.toLowerCase() === low),
      );
      const id = ix?.resolve(name) ?? profile?.attack_id ?? profile?.id;
      const group = id ? ix?.groups.get(id) : undefined;
      const prof = profile ?? profiles.find((p) => p.attack_id === id);
      if (!group && !prof) {
        throw new HaechiError(
          'not-found',
          `no actor named ${JSON.stringify(name)}${k ? '' : " in haechi's profiles (give --attack for all ATT&CK groups)"}`,
        );
      }
      const rel = k && id ? k.relations.filter((r) => r.source === id && r.type === 'uses') : [];
      const campaigns =
        k && id
          ? k.relations.filter((r) => r.type === 'attributed-to' && r.target === id).map((r) => r.source)
          : [];
      const doc = {
        id,
        name: group?.name ?? prof?.name,
        aliases: [...new Set([...(group?.aliases ?? []), ...(prof?.aliases.map((a) => a.value) ?? [])])],
        description: group?.description,
        techniques: rel
          .filter((r) => r.target.startsWith('T'))
          .map((r) => ({ id: r.target, name: ix?.nameOf(r.target), citations: r.citations })),
        software: rel
          .filter((r) => r.target.startsWith('S'))
          .map((r) => ({ id: r.target, name: ix?.nameOf(r.target), citations: r.citations })),
        campaigns: campaigns.map((c) => ({ id: c, name: ix?.nameOf(c) })),
        profile: prof
          ? {
              file: prof.file,
              sectors: prof.sectors.map((f) => ({ value: f.value, source: citeProfile(prof, f.source) })),
              targets: prof.targets.map((f) => ({ value: f.value, source: citeProfile(prof, f.source) })),
              attribution: prof.attribution.map((f) => ({
                value: f.value,
                source: citeProfile(prof, f.source),
              })),
              malware: prof.malware.map((m) => ({
                name: m.name,
                id: m.attack_id,
                source: citeProfile(prof, m.source),
              })),
              techniques: prof.techniques
                .filter((t) => t.source !== 'attack')
                .map((t) => ({ id: t.id, note: t.note, source: citeProfile(prof, t.source) })),
              infrastructure: prof.infrastructure.map((f) => ({
                kind: f.kind,
                value: f.value,
                source: citeProfile(prof, f.source),
              })),
              timing: prof.timing.map((t) => ({
                tz: t.tz,
                hours: t.hours,
                note: t.note,
                source: citeProfile(prof, t.source),
              })),
            }
          : undefined,
      };
      if (flags.json) {
        out(JSON.stringify(doc, null, 2));
        return;
      }
      out(`${doc.name} (${doc.id})`);
      if (doc.aliases.length) out(`  aliases: ${doc.aliases.join(', ')}`);
      if (doc.description) out(`  ${doc.description}`);
      if (k)
        out(
          `  ATT&CK: ${doc.techniques.length} techniques, ${doc.software.length} software, ${doc.campaigns.length} campaigns`,
        );
      if (doc.software.length)
        out(`  software: ${doc.software.map((s) => `${s.name} (${s.id})`).join(', ')}`);
      if (doc.campaigns.length)
        out(`  campaigns: ${doc.campaigns.map((c) => `${c.name} (${c.id})`).join(', ')}`);
      if (prof) {
        // facts name their source by key; the keys are listed once at the end
        out(`  haechi profile ${prof.file}:`);
        for (const [label, xs] of [
          ['attribution', prof.attribution],
          ['sectors', prof.sectors],
          ['targets', prof.targets],
          ['infrastructure', prof.infrastructure],
        ] as const) {
          for (const f of xs) out(`    ${label}: ${f.value} [${f.source}]`);
        }
        for (const m of prof.malware.filter((m) => m.source !== 'attack'))
          out(`    malware: ${m.name} [${m.source}]`);
        for (const t of prof.techniques.filter((t) => t.source !== 'attack')) {
          out(`    technique: ${t.id}${t.note ? ` ${t.note}` : ''} [${t.source}]`);
        }
        for (const t of prof.timing)
          out(`    timing: ${t.hours} ${t.tz}${t.note ? ` (${t.note})` : ''} [${t.source}]`);
        out('  sources:');
        for (const [key, src] of Object.entries(prof.sources)) out(`    [${key}] ${src.title} <${src.url}>`);
      }
    });

  intel
    .command('profiles')
    .description("List haechi's own actor profiles (packages/core/data/actors).")
    .option('--json', 'machine-readable output')
    .action(async (flags: { json?: boolean }) => {
      const profiles = await loadProfiles();
      const rows = profiles.map((p) => ({
        id: p.id,
        name: p.name,
        aliases: p.aliases.length,
        techniques: p.techniques.length,
        malware: p.malware.length,
        sources: Object.keys(p.sources).length,
        file: p.file,
      }));
      if (flags.json) {
        out(JSON.stringify(rows, null, 2));
        return;
      }
      const t = new Table({ head: ['id', 'name', 'aliases', 'techniques', 'malware', 'sources'] });
      for (const r of rows) t.push([r.id, r.name, r.aliases, r.techniques, r.malware, r.sources]);
      out(t.toString());
    });

  intel
    .command('indicators')
    .description(
      'Import indicators (STIX 2.1 bundle, CSV or plain list) and print them or convert them to STIX.',
    )
    .argument('<file...>', 'indicator files')
    .option('--stix <out>', 'write all indicators as one STIX 2.1 bundle')
    .option('--strict', 'exit 3 when any entry cannot be used')
    .addHelpText(
      'after',
      '\nExamples:\n  haechi intel indicators feed.csv iocs.txt --stix merged.json\n  haechi intel indicators bundle.json > indicators.jsonl',
    )
    .action(async (files: string[], flags: { stix?: string; strict?: boolean }) => {
      const all: Indicator[] = [];
      const problems: IntelProblem[] = [];
      for (const f of files) {
        const r = await loadIndicatorFile(f);
        all.push(...r.indicators);
        problems.push(...r.problems);
      }
      for (const p of problems) {
        process.stderr.write(
          `haechi: ${p.file}${p.line ? `:${p.line}` : ''}${p.object ? ` (${p.object})` : ''}: ${p.message}\n`,
        );
      }
      if (flags.stix) {
        await writeFile(flags.stix, `${JSON.stringify(indicatorsToStixBundle(all), null, 2)}\n`);
        process.stderr.write(`haechi: ${all.length} indicators written to ${flags.stix}\n`);
      } else {
        for (const i of all) out(JSON.stringify(i));
      }
      process.stderr.write(`haechi: ${all.length} indicators, ${problems.length} problem(s)\n`);
      if (flags.strict && problems.length) process.exitCode = 3;
    });
}
