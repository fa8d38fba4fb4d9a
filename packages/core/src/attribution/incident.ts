/**
 * Turns an incident's findings into observations and assesses them: techniques from the findings'
 * ATT&CK tags (software ids among them, S…, become software), malware named by matched indicators,
 * actor links from indicator matches, and the times of the activity.
 */
import type { Assessment, Finding } from '../model/index.js';
import type { AssessOptions, Attributor, Observations } from './attributor.js';

export function observationsOf(findings: readonly Finding[]): Observations {
  const techniques = new Set<string>();
  const software = new Set<string>();
  const actors = new Map<string, { id: string; weight: number; why: string }>();
  const times: number[] = [];
  for (const f of findings) {
    times.push(f.time);
    for (const a of f.attack) {
      const id = a.toUpperCase().replace(/^ATTACK\./, '');
      if (/^T\d{4}(\.\d{3})?$/.test(id)) techniques.add(id);
      else if (/^S\d{4}$/.test(id)) software.add(id);
    }
    const ind = (f.details as { indicator?: { malware?: unknown } } | undefined)?.indicator;
    if (ind && Array.isArray(ind.malware))
      for (const m of ind.malware) if (typeof m === 'string') software.add(m);
    const indKey = (ind as { id?: unknown; value?: unknown } | undefined)?.value;
    for (const a of f.actors ?? []) {
      // the same indicator seen many times (or in several fields) is one piece of evidence, not many
      const k = `${a.id}\u0000${typeof indKey === 'string' ? indKey : a.why}`;
      const prev = actors.get(k);
      if (!prev || prev.weight < a.weight) actors.set(k, a);
    }
  }
  // several distinct indicators for one actor add up, with diminishing returns
  const perActor = new Map<string, { id: string; weight: number; why: string }[]>();
  for (const a of actors.values()) {
    const l = perActor.get(a.id) ?? [];
    l.push(a);
    perActor.set(a.id, l);
  }
  const out: { id: string; weight: number; why: string }[] = [];
  for (const l of perActor.values()) {
    l.sort((a, b) => b.weight - a.weight || (a.why < b.why ? -1 : 1));
    for (let i = 0; i < l.length; i++)
      out.push({ ...l[i], weight: Math.round((l[i].weight / (i + 1)) * 1000) / 1000 });
  }
  return {
    techniques: [...techniques].sort(),
    software: [...software].sort(),
    actors: out,
    times: times.sort((a, b) => a - b),
  };
}

export function attributeFindings(
  attributor: Attributor,
  findings: readonly Finding[],
  opts: AssessOptions = {},
): Assessment {
  return attributor.assess(observationsOf(findings), opts);
}
