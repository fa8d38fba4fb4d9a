/**
 * `haechi rules check DIR...`: loads Sigma rules, filters and correlations the way `hunt` does and
 * lists every document that did not load, with its file and the reason, plus the warnings (log
 * sources with no mapping, filters naming rules that are not loaded) and the totals.
 */
import { readFileSync } from 'node:fs';
import { HaechiError } from '@haechi/core';
import { type LoadResult, loadRules, shortPath } from '@haechi/core/detect/sigma';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../config.js';

interface CheckFlags {
  json?: boolean;
  placeholders?: string;
  config?: string;
  logsources?: string;
  warnings?: boolean;
}

/** Reads a placeholders file: a YAML (or JSON) map of name (without %) -> value or list of values. */
export function readPlaceholders(file: string): Record<string, string[]> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new HaechiError('config', `cannot read placeholders: ${(e as Error).message}`, { file, cause: e });
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new HaechiError('config', 'placeholders file must be a map of name -> values', { file });
  }
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const name = k.replace(/^%|%$/g, '');
    const list = Array.isArray(v) ? v : [v];
    if (list.some((x) => x === null || typeof x === 'object')) {
      throw new HaechiError('config', `placeholder '${name}' must be a string or a list of strings`, {
        file,
        field: k,
      });
    }
    out[name] = list.map(String);
  }
  return out;
}

function where(file: string, line?: number): string {
  return line ? `${shortPath(file)}:${line}` : shortPath(file);
}

export function checkReport(res: LoadResult, showWarnings: boolean): string {
  const lines: string[] = [];
  if (res.rejected.length) {
    lines.push(`Rejected (${res.rejected.length}):`);
    for (const r of res.rejected) {
      const who = [r.id, r.title && `"${r.title}"`].filter(Boolean).join(' ');
      lines.push(`  ${where(r.file, r.line)}: ${r.reason}${who ? `  [${who}]` : ''}`);
    }
  }
  if (res.warnings.length) {
    if (showWarnings) {
      lines.push(`Warnings (${res.warnings.length}):`);
      for (const w of res.warnings)
        lines.push(`  ${where(w.file, w.line)}: ${w.message}${w.id ? `  [${w.id}]` : ''}`);
    } else {
      // grouped, so that 600 unmapped cloud rules read as a few lines
      lines.push(`Warnings (${res.warnings.length}; --warnings lists each):`);
      const unmapped = new Map<string, number>();
      const groups = new Map<string, number>();
      for (const w of res.warnings) {
        const ls = w.kind === 'logsource' ? /log source (.*) is not in/.exec(w.message)?.[1] : undefined;
        if (ls !== undefined) unmapped.set(ls, (unmapped.get(ls) ?? 0) + 1);
        else groups.set(w.message, (groups.get(w.message) ?? 0) + 1);
      }
      if (unmapped.size) {
        const total = [...unmapped.values()].reduce((a, b) => a + b, 0);
        lines.push(
          `  ${total} rules have a log source that is not in the log source map; they match no event:`,
        );
        const parts = [...unmapped]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([ls, n]) => `${ls} (${n})`);
        let line = '   ';
        for (const p of parts) {
          if (line.length + p.length > 100) {
            lines.push(line.trimEnd());
            line = '   ';
          }
          line += ` ${p},`;
        }
        lines.push(line.replace(/,$/, ''));
      }
      for (const [m, n] of [...groups].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
        lines.push(`  ${n} × ${m}`);
    }
  }
  const corr = res.correlator?.correlations.length ?? 0;
  lines.push(
    `${res.files} files, ${res.documents} documents: ${res.rules.length} rules loaded, ${res.filters.length} filters, ${corr} correlations, ` +
      `${res.rejected.length} rejected, ${res.warnings.length} warnings`,
  );
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const rules = program.command('rules').description('Work with Sigma rules.');
  rules
    .command('check')
    .description(
      'load Sigma rules, filters and correlations and list every document that does not load, with the reason',
    )
    .argument('<paths...>', 'rule files or folders (.yml/.yaml, walked recursively)')
    .option('--json', 'print the result as JSON (loaded, rejected, warnings, totals)')
    .option(
      '-p, --placeholders <file>',
      "YAML map of placeholder name -> values for rules using |expand (adds to the config file's)",
    )
    .option(
      '-c, --config <file>',
      'configuration file (default ./haechi.yaml when present); its `placeholders` are used',
    )
    .option('--logsources <file>', 'a log source map to use instead of the built-in one')
    .option('--warnings', 'list each warning instead of grouping them')
    .addHelpText(
      'after',
      `
Exit status: 0 when every document loaded (warnings do not count), 1 when at least one was
rejected, 2 for a bad option or configuration, 3 when a path cannot be read.

A rule whose log source is not in the log source map loads but matches no event: it is listed
as a warning. Rules using |expand need their placeholders (config \`placeholders:\` or --placeholders);
without them they are rejected with the placeholder's name.

Examples:
  haechi rules check ../sigma/rules ../sigma/rules-emerging-threats
  haechi rules check rules/ --placeholders placeholders.yaml --json`,
    )
    .action((paths: string[], flags: CheckFlags) => {
      const config = loadConfig(flags.config);
      const placeholders: Record<string, string[]> = { ...(config.placeholders ?? {}) };
      if (flags.placeholders) Object.assign(placeholders, readPlaceholders(flags.placeholders));
      const res = loadRules(paths, { placeholders, logsources: flags.logsources });
      if (flags.json) {
        const out = {
          files: res.files,
          documents: res.documents,
          loaded: res.rules.length,
          filters: res.filters.map((f) => ({
            id: f.id,
            title: f.title,
            file: f.file,
            appliedTo: f.appliedTo,
          })),
          correlations: res.correlator?.correlations ?? [],
          rejected: res.rejected,
          warnings: res.warnings,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        process.stdout.write(checkReport(res, flags.warnings ?? false));
      }
      if (res.rejected.length > 0) process.exitCode = 1;
    });
}
