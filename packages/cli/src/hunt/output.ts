/**
 * What `hunt` writes: a timeline for machines (JSON lines, JSON, CSV) and a summary for people.
 */
import { type Finding, SEVERITIES, type Severity } from '@haechi/core';
import { hostKey } from '@haechi/core/incidents';
import Table from 'cli-table3';
import type { HuntResult } from './pipeline.js';

export function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** The JSON shape of one finding in `--jsonl` and `--json`. */
export function findingRecord(f: Finding): Record<string, unknown> {
  const src = f.evidence[0];
  const rec: Record<string, unknown> = {
    time: isoTime(f.time),
    severity: f.severity,
    detector: f.detector,
    rule: f.rule,
    attack: f.attack,
    host: f.host ?? null,
    source: src ? { kind: src.kind, uri: src.uri, record: src.record ?? null } : null,
    id: f.id,
    entities: f.entities,
  };
  if (f.score !== undefined) rec.score = f.score;
  if (f.window !== undefined) rec.window = f.window;
  if (f.actors?.length) rec.actors = f.actors;
  if (f.evidence.length > 1) rec.evidence = f.evidence;
  if (f.details !== undefined) rec.details = f.details;
  if (f.event !== undefined) rec.event = f.event;
  return rec;
}

export function* jsonLines(findings: readonly Finding[]): Generator<string> {
  for (const f of findings) yield `${JSON.stringify(findingRecord(f))}\n`;
}

const CSV_COLUMNS = [
  'time',
  'severity',
  'detector',
  'rule_id',
  'rule_title',
  'attack',
  'host',
  'source_kind',
  'source_uri',
  'source_record',
  'entities',
] as const;

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  // RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function* csvLines(findings: readonly Finding[]): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const f of findings) {
    const src = f.evidence[0];
    const row = [
      isoTime(f.time),
      f.severity,
      f.detector,
      f.rule.id,
      f.rule.title,
      f.attack.join(' '),
      f.host ?? '',
      src?.kind ?? '',
      src?.uri ?? '',
      src?.record ?? '',
      f.entities.map((e) => `${e.type}:${e.value}`).join(' '),
    ];
    yield `${row.map(csvCell).join(',')}\r\n`;
  }
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The machine summary (part of `--json`, and stored with the run in --db). */
export function summaryRecord(r: HuntResult): Record<string, unknown> {
  const events = r.inputs.reduce((n, i) => n + i.events, 0);
  return {
    files: r.files,
    inputs: r.inputs.length,
    events,
    durationMs: r.durationMs,
    rules: { loaded: r.rules.loaded, rejected: r.rules.rejected.length, warnings: r.rules.warnings },
    findings: r.findings.length,
    bySeverity: countBySeverity(r.findings),
    skipped: r.inputs
      .filter((i) => i.skipped || i.error || i.warnings)
      .map((i) => ({
        uri: i.uri,
        skipped: i.skipped,
        warnings: i.warnings,
        error: i.error,
        problems: i.problems.map((p) => ({
          record: p.record ?? p.line,
          offset: p.offset,
          field: p.field,
          reason: p.reason,
          level: p.level,
        })),
      })),
    hosts: hostTable(r).map(([host, first, last, n]) => ({
      host,
      first: isoTime(first),
      last: isoTime(last),
      findings: n,
    })),
  };
}

/**
 * Hosts with first/last seen and findings. A host logged by name with and without its DNS domain
 * (MES-02.sjp.example, MES-02) is one row, named by its longest form.
 */
function hostTable(r: HuntResult): [string, number, number, number][] {
  const hosts = new Map<string, { name: string; first: number; last: number; n: number }>();
  const row = (h: string, first: number, last: number) => {
    const k = hostKey(h) ?? h;
    const cur = hosts.get(k);
    if (!cur) {
      const created = { name: h, first, last, n: 0 };
      hosts.set(k, created);
      return created;
    }
    if (h.length > cur.name.length) cur.name = h;
    cur.first = Math.min(cur.first, first);
    cur.last = Math.max(cur.last, last);
    return cur;
  };
  for (const i of r.inputs) for (const [h, [a, b]] of Object.entries(i.hosts)) row(h, a, b);
  for (const f of r.findings) if (f.host) row(f.host, f.time, f.time).n++;
  return [...hosts.values()]
    .map((x) => [x.name, x.first, x.last, x.n] as [string, number, number, number])
    .sort((x, y) => y[3] - x[3] || (x[0] < y[0] ? -1 : 1));
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The people's summary, as lines. */
export function summaryText(r: HuntResult, opts: { maxRows?: number } = {}): string {
  const maxRows = opts.maxRows ?? 10;
  const events = r.inputs.reduce((n, i) => n + i.events, 0);
  const secs = r.durationMs / 1000;
  const lines: string[] = [];
  lines.push(
    `Read ${fmt(events)} events from ${fmt(r.inputs.length)} inputs in ${fmt(r.files)} files in ${secs.toFixed(1)} s` +
      (secs > 0 ? ` (${fmt(Math.round(events / secs))} events/s)` : ''),
  );
  lines.push(
    `Rules: ${fmt(r.rules.loaded)} loaded, ${fmt(r.rules.rejected.length)} rejected` +
      (r.rules.rejected.length ? ' (`haechi rules check DIR` lists each with its reason)' : ''),
  );
  const sev = countBySeverity(r.findings);
  lines.push(
    `Findings: ${fmt(r.findings.length)}  ` +
      [...SEVERITIES]
        .reverse()
        .map((s) => `${s} ${fmt(sev[s])}`)
        .join(' · '),
  );

  if (r.findings.length) {
    const byRule = new Map<string, { title: string; severity: Severity; detector: string; n: number }>();
    for (const f of r.findings) {
      const k = `${f.detector}\u0000${f.rule.id}`;
      const cur = byRule.get(k);
      if (cur) cur.n++;
      else byRule.set(k, { title: f.rule.title, severity: f.severity, detector: f.detector, n: 1 });
    }
    const top = [...byRule.values()]
      .sort((a, b) => b.n - a.n || (a.title < b.title ? -1 : 1))
      .slice(0, maxRows);
    const t = new Table({ head: ['count', 'level', 'detector', 'rule'], style: { head: [], border: [] } });
    for (const x of top) t.push([fmt(x.n), x.severity, x.detector, x.title]);
    lines.push('', `Top rules (${Math.min(maxRows, byRule.size)} of ${byRule.size}):`, t.toString());
  }

  const hosts = hostTable(r);
  if (hosts.length) {
    const t = new Table({
      head: ['host', 'first seen', 'last seen', 'findings'],
      style: { head: [], border: [] },
    });
    for (const [h, a, b, n] of hosts.slice(0, maxRows)) t.push([h, isoTime(a), isoTime(b), fmt(n)]);
    lines.push('', `Hosts (${Math.min(maxRows, hosts.length)} of ${hosts.length}):`, t.toString());
  }

  const bad = r.inputs.filter((i) => i.skipped || i.error || i.warnings);
  if (bad.length) {
    lines.push('', 'Skipped or damaged input:');
    for (const i of bad.slice(0, maxRows * 2)) {
      const what = i.error
        ? `not read: ${i.error}`
        : `${fmt(i.skipped)} records skipped, ${fmt(i.warnings)} warnings`;
      lines.push(`  ${i.uri}: ${what}`);
      for (const p of i.problems.slice(0, 3)) {
        const where = p.record ?? p.line;
        lines.push(
          `    ${where !== undefined ? `record ${where}` : p.offset !== undefined ? `offset ${p.offset}` : ''}${
            p.field ? ` field ${p.field}` : ''
          }: ${p.reason}`,
        );
      }
      if (i.problemCount > 3) lines.push(`    ... ${fmt(i.problemCount - 3)} more`);
    }
    if (bad.length > maxRows * 2) lines.push(`  ... ${bad.length - maxRows * 2} more inputs`);
  }
  for (const p of r.plugins) {
    const extra = p.part.summary?.(r.findings);
    if (extra?.length) lines.push('', ...extra);
  }
  return `${lines.join('\n')}\n`;
}
