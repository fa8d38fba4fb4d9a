/** Helpers shared by the network analytics: finding ids, severity from score, entity/ASN details. */
import { createHash } from 'node:crypto';
import type { Enricher, IpInfo } from '../../enrich/index.js';
import type { Entity, Severity, SourceRef } from '../../model/index.js';

export function findingId(detector: string, key: string): string {
  return `${detector}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export function severityOf(score: number): Severity {
  if (score >= 0.9) return 'high';
  if (score >= 0.75) return 'medium';
  if (score >= 0.5) return 'low';
  return 'informational';
}

/** What attribution needs about an address: ASN, organisation, country, list memberships. */
export function addressDetails(enricher: Enricher, ip: string): Record<string, unknown> {
  const i: IpInfo = enricher.lookup(ip);
  const out: Record<string, unknown> = { ip, internal: i.internal };
  if (i.special) out.special = i.special;
  if (i.asn !== undefined) out.asn = i.asn;
  if (i.org !== undefined) out.org = i.org;
  if (i.country !== undefined) out.country = i.country;
  if (i.hosting) out.hosting = true;
  if (i.vpn) out.vpn = true;
  if (i.tor) out.tor = true;
  return out;
}

/** Entities in a stable order, without duplicates. */
export function entities(list: (Entity | undefined)[]): Entity[] {
  const seen = new Set<string>();
  const out: Entity[] = [];
  for (const e of list) {
    if (!e?.value) continue;
    const k = `${e.type}\u0000${e.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

/** Keep the first `cap` evidence references (and say how many there were in `details`). */
export class EvidenceList {
  refs: SourceRef[] = [];
  total = 0;
  constructor(readonly cap: number) {}
  add(r: SourceRef): void {
    this.total++;
    if (this.refs.length < this.cap) this.refs.push(r);
  }
}

/**
 * The same for the millions of pairs analytics keep: a plain array and a counter on the owner,
 * allocated on first use, so a pair costs a few words until it has evidence.
 */
export function pushCapped<T>(arr: T[] | undefined, item: T, cap: number): T[] {
  if (!arr) return [item];
  if (arr.length < cap) arr.push(item);
  return arr;
}

export const isoTime = (ms: number): string => new Date(ms).toISOString();
