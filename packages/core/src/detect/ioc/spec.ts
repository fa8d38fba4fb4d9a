/**
 * The compiled form of an indicator set: columns of plain arrays, so that it is structured-clonable
 * (it travels to every hunt worker thread) and compact (a million indicators share a small table
 * of provenance records instead of a million objects).
 */

import { INDICATOR_TYPES, type Indicator, type IndicatorType, type Tlp } from '../../intel/index.js';
import type { ActorEvidence } from '../../model/index.js';

/** indicator types by their numeric code (the position in intel's INDICATOR_TYPES) */
export const TYPE_CODES: readonly IndicatorType[] = INDICATOR_TYPES;

export interface IocMeta {
  source: string;
  confidence?: number;
  tlp?: Tlp;
  validFrom?: number;
  validUntil?: number;
  /** resolved actor links: id (ATT&CK group id where known), display name */
  actors: { id: string; name: string }[];
  malware?: string[];
  name?: string;
  pattern?: string;
  partOf?: { group: string; of: number };
}

export interface IocSpec {
  kind: 'haechi-ioc-spec/1';
  ids: string[];
  types: Uint8Array;
  values: string[];
  meta: Uint32Array;
  metas: IocMeta[];
}

type MetaTree = Map<string | number, MetaTree | number>;

function listKey(xs: readonly string[] | undefined): string {
  if (!xs || xs.length === 0) return '';
  return xs.length === 1 ? xs[0] : xs.join('\u0002');
}

export type ActorResolver = (nameOrId: string) => { id: string; name: string } | undefined;

/** Packs indicators into an IocSpec; `resolveActor` maps names/aliases to canonical actor ids. */
export function compileIocSpec(indicators: readonly Indicator[], resolveActor?: ActorResolver): IocSpec {
  const n = indicators.length;
  const ids = new Array<string>(n);
  const values = new Array<string>(n);
  const types = new Uint8Array(n);
  const meta = new Uint32Array(n);
  const metas: IocMeta[] = [];
  const metaTree: MetaTree = new Map();
  const actorCache = new Map<string, { id: string; name: string }>();
  const resolve = (a: string) => {
    let r = actorCache.get(a);
    if (!r) {
      r = resolveActor?.(a) ?? { id: a, name: a };
      actorCache.set(a, r);
    }
    return r;
  };
  const typeCode = new Map(TYPE_CODES.map((t, i) => [t, i]));
  for (let i = 0; i < n; i++) {
    const ind = indicators[i];
    ids[i] = ind.id;
    values[i] = ind.value;
    types[i] = typeCode.get(ind.type) as number;
    // the provenance record is found through nested maps keyed by each field: no key string is
    // built per indicator (that dominated compile time for a million indicators)
    let node = metaTree;
    const parts = [
      ind.source,
      ind.confidence ?? -1,
      ind.tlp ?? '',
      ind.validFrom ?? -1,
      ind.validUntil ?? -1,
      listKey(ind.actors),
      listKey(ind.malware),
      ind.name ?? '',
      ind.pattern ?? '',
      ind.partOf?.group ?? '',
    ];
    for (let p = 0; p < parts.length - 1; p++) {
      let child = node.get(parts[p]) as MetaTree | undefined;
      if (!child) node.set(parts[p], (child = new Map()));
      node = child;
    }
    const key = parts[parts.length - 1];
    const metaKey = node as Map<string | number, number>;
    let k = metaKey.get(key);
    if (k === undefined) {
      const actors = [...new Map(ind.actors.map((a) => resolve(a)).map((r) => [r.id, r])).values()];
      const m: IocMeta = { source: ind.source, actors };
      if (ind.confidence !== undefined) m.confidence = ind.confidence;
      if (ind.tlp) m.tlp = ind.tlp;
      if (ind.validFrom !== undefined) m.validFrom = ind.validFrom;
      if (ind.validUntil !== undefined) m.validUntil = ind.validUntil;
      if (ind.malware?.length) m.malware = ind.malware;
      if (ind.name) m.name = ind.name;
      if (ind.pattern) m.pattern = ind.pattern;
      if (ind.partOf) m.partOf = ind.partOf;
      k = metas.length;
      metas.push(m);
      metaKey.set(key, k);
    }
    meta[i] = k;
  }
  return { kind: 'haechi-ioc-spec/1', ids, types, values, meta, metas };
}

/** How much an indicator match says about an actor: observable kind times the source's confidence. */
export function indicatorWeight(type: IndicatorType, m: IocMeta): number {
  const kind: Record<IndicatorType, number> = {
    sha256: 1,
    sha512: 1,
    sha1: 1,
    md5: 0.95,
    url: 0.9,
    domain: 0.85,
    email: 0.8,
    ipv4: 0.7,
    ipv6: 0.7,
    cidr4: 0.4,
    cidr6: 0.4,
    filename: 0.3,
  };
  const conf = m.confidence === undefined ? 0.75 : m.confidence / 100;
  const part = m.partOf ? 1 / m.partOf.of : 1;
  return Math.round(kind[type] * conf * part * 1000) / 1000;
}

export type { ActorEvidence };
