/**
 * `haechi creds audit` and `haechi creds index`: credential hygiene over account hashes, directory
 * attributes, a breach corpus and personal exposures. Secrets never reach the output: accounts and
 * 5-hex hash prefixes only.
 */
import { existsSync } from 'node:fs';
import { HaechiError } from '@haechi/core';
import {
  type AuditFinding,
  type AuditResult,
  auditFiles,
  buildCorpusIndex,
  CHECKS,
  type CorpusFormat,
} from '@haechi/core/creds';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { parseTimeFlag } from '../util/time.js';

interface AuditFlags {
  hashes: string[];
  directory?: string;
  corpus?: string;
  corpusFormat?: string;
  exposures?: string;
  json?: boolean;
  staleDays: string;
  now?: string;
  strict?: boolean;
  failOn?: string;
}

const FORMATS = ['auto', 'hash', 'wordlist'];
const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'];
/** finding rows in the people's table; --json has them all */
const MAX_ROWS = 60;

function corpusFormat(v: string | undefined): CorpusFormat | undefined {
  if (v === undefined) return undefined;
  if (!FORMATS.includes(v))
    throw new HaechiError('usage', `--corpus-format must be one of ${FORMATS.join(', ')}`);
  return v as CorpusFormat;
}

export function register(program: Command): void {
  const creds = program
    .command('creds')
    .description('Credential hygiene: reused, breached and shared passwords, roastable and stale accounts.');

  creds
    .command('audit')
    .description(
      'Audit account hashes (pwdump / secretsdump) against a directory export, a breach corpus and exposures.',
    )
    .requiredOption('--hashes <file...>', 'pwdump or secretsdump output (.ntds, .kerberos, .cleartext files)')
    .option('--directory <file>', 'directory export: CSV with a header, or JSON records (see below)')
    .option(
      '--corpus <path>',
      'breach corpus: an index from `creds index`, an HIBP file or prefix folder, or a wordlist',
    )
    .option('--corpus-format <format>', `how to read a non-index corpus: ${FORMATS.join(', ')}`)
    .option('--exposures <file>', 'leaked personal credentials, email:password or email:hash per line')
    .option('--stale-days <n>', 'an enabled account unused this many days is stale', '90')
    .option('--now <time>', 'reference time for staleness (RFC 3339; default: the current time)')
    .option('--json', 'machine-readable output')
    .option('--strict', 'stop at the first malformed line instead of reporting and skipping it')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above this severity')
    .addHelpText(
      'after',
      `
Directory columns (an absent column means the checks needing it say they cannot run):
  account, enabled, admin, supplier, personal_emails (;-separated), spns (;-separated),
  preauth_required, smartcard_required, password_never_expires, password_not_required, des_only,
  aes_keys, trusted_for_delegation, groups (;-separated), last_logon, password_last_set (RFC 3339)

Checks: ${CHECKS.join(', ')}

No plaintext password or full hash is printed: accounts and 5-hex hash prefixes only. Exposure
passwords are hashed as they are read and the plaintext dropped.

Examples:
  haechi creds audit --hashes ntds.ntds ntds.ntds.kerberos --directory users.csv --corpus pwned.idx
  haechi creds audit --hashes sam.txt --corpus rockyou.txt --exposures leaks.txt --json`,
    )
    .action((flags: AuditFlags) => {
      const staleDays = Number(flags.staleDays);
      if (!Number.isFinite(staleDays) || staleDays <= 0) {
        throw new HaechiError('usage', '--stale-days must be a positive number', { field: '--stale-days' });
      }
      if (flags.failOn && !SEVERITIES.includes(flags.failOn)) {
        throw new HaechiError('usage', `--fail-on must be one of ${SEVERITIES.join(', ')}`, {
          field: '--fail-on',
        });
      }
      let problems = 0;
      const result = auditFiles({
        hashes: flags.hashes,
        directory: flags.directory,
        corpus: flags.corpus,
        corpusFormat: corpusFormat(flags.corpusFormat),
        exposures: flags.exposures,
        now: flags.now ? parseTimeFlag(flags.now, '--now') : Date.now(),
        staleDays,
        strict: flags.strict,
        onProblem: (p) => {
          problems++;
          if (problems <= 20) {
            const where = [p.file, p.line ?? p.record].filter((x) => x !== undefined).join(':');
            process.stderr.write(
              `haechi: ${where}: ${p.reason}${p.field ? ` (field ${p.field})` : ''}; skipped\n`,
            );
          }
        },
        onCorpusBuilt: (r) =>
          process.stderr.write(
            `haechi: indexed corpus (${r.format}, ${r.algorithm}): ${r.entries} entries from ${r.lines} lines; ` +
              'use `haechi creds index` once to skip this step\n',
          ),
      });
      if (problems > 20) process.stderr.write(`haechi: ${problems} malformed lines in all, skipped\n`);
      process.stdout.write(
        flags.json ? `${JSON.stringify(auditJson(result), null, 2)}\n` : renderAudit(result),
      );
      if (flags.failOn) {
        const min = SEVERITIES.indexOf(flags.failOn);
        if (result.findings.some((f) => SEVERITIES.indexOf(f.severity) >= min)) process.exitCode = 1;
      }
    });

  creds
    .command('index')
    .description(
      'Convert a breach corpus once into a compact on-disk index that audits query without loading it.',
    )
    .argument(
      '<corpus>',
      'HIBP Pwned Passwords (NTLM or SHA-1, one ordered file or a folder of prefix files) or a wordlist',
    )
    .requiredOption('--out <file>', 'the index file to write')
    .option(
      '--format <format>',
      `${FORMATS.join(', ')} (auto: HASH[:COUNT] lines are hashes, anything else a wordlist)`,
      'auto',
    )
    .option('--force', 'overwrite an existing output file')
    .addHelpText(
      'after',
      `
Examples:
  haechi creds index pwnedpasswords_ntlm.txt --out pwned-ntlm.idx
  haechi creds index ./hibp-ntlm-range/ --out pwned-ntlm.idx
  haechi creds index rockyou.txt --out rockyou.idx     (a wordlist, hashed to NT)`,
    )
    .action((corpus: string, flags: { out: string; format: string; force?: boolean }) => {
      if (existsSync(flags.out) && !flags.force) {
        throw new HaechiError('usage', `${flags.out} exists; pass --force to overwrite it`, {
          field: '--out',
        });
      }
      const started = Date.now();
      let problems = 0;
      let lastReport = started;
      const r = buildCorpusIndex(corpus, flags.out, {
        format: corpusFormat(flags.format),
        onProblem: (p) => {
          problems++;
          if (problems <= 20) process.stderr.write(`haechi: ${p.file}:${p.line}: ${p.reason}; skipped\n`);
        },
        onProgress: (p) => {
          const now = Date.now();
          if (process.stderr.isTTY && now - lastReport > 1000) {
            lastReport = now;
            process.stderr.write(`\rhaechi: ${p.lines.toLocaleString('en-US')} lines read`);
          }
        },
      });
      const secs = (Date.now() - started) / 1000;
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stdout.write(
        `${JSON.stringify({
          out: flags.out,
          algorithm: r.algorithm,
          format: r.format,
          lines: r.lines,
          entries: r.entries,
          skipped: r.skipped,
          externally_sorted: r.sorted,
          bits_kept: r.prefixBits + 40,
          seconds: Number(secs.toFixed(2)),
        })}\n`,
      );
    });
}

/** The `--json` shape: {"accounts": N, "findings": [{"check", "severity", "accounts", ...}], ...} */
export function auditJson(r: AuditResult): Record<string, unknown> {
  return {
    accounts: r.accounts,
    findings: r.findings,
    checks: r.checks,
    disabled: r.disabled,
    ...(r.corpus ? { corpus: r.corpus } : {}),
    ...(r.exposures ? { exposures: r.exposures } : {}),
  };
}

function detailText(f: AuditFinding): string {
  const skip = new Set(['check', 'severity', 'accounts']);
  return Object.entries(f)
    .filter(([k, v]) => !skip.has(k) && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(';') : String(v)}`)
    .join(' ');
}

export function renderAudit(r: AuditResult): string {
  const lines: string[] = [];
  lines.push(`Accounts audited: ${r.accounts} (${r.disabled} disabled, left out)`);
  if (r.corpus)
    lines.push(`Corpus: ${r.corpus.algorithm}, ${r.corpus.entries.toLocaleString('en-US')} entries`);
  if (r.exposures) {
    lines.push(
      `Exposures: ${r.exposures.lines} lines, ${r.exposures.linked} linked to employees (${r.exposures.malformed} malformed)`,
    );
  }
  const counts = new Map<string, number>();
  for (const f of r.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  lines.push(
    `Findings: ${r.findings.length}${
      r.findings.length
        ? ` (${SEVERITIES.filter((s) => counts.has(s))
            .reverse()
            .map((s) => `${counts.get(s)} ${s}`)
            .join(', ')})`
        : ''
    }`,
  );
  if (r.findings.length > 0) {
    // per check: how many accounts, at which worst severity
    const perCheck = new Map<string, { worst: number; accounts: Set<string> }>();
    for (const f of r.findings) {
      const e = perCheck.get(f.check) ?? { worst: -1, accounts: new Set<string>() };
      e.worst = Math.max(e.worst, SEVERITIES.indexOf(f.severity));
      for (const a of f.accounts) e.accounts.add(a);
      perCheck.set(f.check, e);
    }
    const sum = new Table({ head: ['check', 'accounts', 'worst'], style: { head: [], border: [] } });
    for (const c of CHECKS) {
      const e = perCheck.get(c);
      if (e) sum.push([c, e.accounts.size, SEVERITIES[e.worst]]);
    }
    lines.push(sum.toString());
    const t = new Table({
      head: ['severity', 'check', 'accounts', 'details'],
      style: { head: [], border: [] },
    });
    for (const f of r.findings.slice(0, MAX_ROWS)) {
      const accts =
        f.accounts.length > 6
          ? `${f.accounts.slice(0, 6).join(', ')} +${f.accounts.length - 6}`
          : f.accounts.join(', ');
      t.push([f.severity, f.check, accts, detailText(f)]);
    }
    lines.push(t.toString());
    if (r.findings.length > MAX_ROWS)
      lines.push(`... ${r.findings.length - MAX_ROWS} more findings (use --json for all)`);
  }
  const notRun = r.checks.filter((c) => !c.ran);
  if (notRun.length > 0) {
    lines.push('Checks not run:');
    for (const c of notRun) lines.push(`  ${c.check}: ${c.reason}`);
  }
  const caveats = r.checks.filter((c) => c.ran && c.reason);
  for (const c of caveats) lines.push(`Note: ${c.check}: ${c.reason}`);
  return `${lines.join('\n')}\n`;
}
