/**
 * One indicator seen again and again (a beacon's every connection to its C2) is one fact for an
 * analyst, not thousands of rows. Indicator findings are merged per indicator, host, matched
 * value and change window: the first sighting stays the finding, with the count, the first and
 * last times, and a capped list of evidence from both ends.
 */
import { type Finding, severityRank } from '../../model/index.js';

const EVIDENCE_KEPT = 10;

function bySource(a: Finding, b: Finding): number {
  const x = a.evidence[0];
  const y = b.evidence[0];
  if (x?.uri !== y?.uri) return (x?.uri ?? '') < (y?.uri ?? '') ? -1 : 1;
  return (x?.record ?? 0) - (y?.record ?? 0);
}

export function aggregateIocFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.detector !== 'ioc') {
      out.push(f);
      continue;
    }
    const observed = (f.details as { observed?: unknown } | undefined)?.observed ?? '';
    const key = `${f.rule.id}\u0000${f.host ?? ''}\u0000${String(observed)}\u0000${f.window ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push(g[0]);
      continue;
    }
    // ties broken by the source, not by the id (which hashes the path), so the order does not
    // depend on where the input lies
    g.sort((a, b) => a.time - b.time || bySource(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const first = g[0];
    const last = g[g.length - 1];
    let severity = first.severity;
    for (const f of g) if (severityRank(f.severity) > severityRank(severity)) severity = f.severity;
    const evidence =
      g.length <= EVIDENCE_KEPT * 2
        ? g.map((f) => f.evidence[0])
        : [...g.slice(0, EVIDENCE_KEPT), ...g.slice(-EVIDENCE_KEPT)].map((f) => f.evidence[0]);
    const entities = new Map<string, Finding['entities'][number]>();
    for (const f of g) for (const e of f.entities) entities.set(`${e.type}\u0000${e.value}`, e);
    out.push({
      ...first,
      severity,
      evidence,
      entities: [...entities.values()],
      details: {
        ...(first.details ?? {}),
        count: g.length,
        first: new Date(first.time).toISOString(),
        last: new Date(last.time).toISOString(),
        ...(g.length > EVIDENCE_KEPT * 2 ? { evidenceOmitted: g.length - EVIDENCE_KEPT * 2 } : {}),
      },
    });
  }
  return out;
}
