/**
 * `npm run bench -- network-labels`: precision and recall of the network analytics against the
 * label columns of the Stratosphere normal-day captures (008, 010). The labels are removed from
 * the events before the analytics see them; they are read back only to score the result.
 *
 * A connection counts as flagged when a finding names both of its addresses (beacon, long
 * connection, exfiltration: the pair; relay chain: consecutive hops), when it comes from outside to
 * a host an inbound-scan finding is about (that finding's claim), or when a finding cites it.
 * Ground truth: `label == Malicious` (the captures label attacks from the Internet on the host).
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Event, Finding } from '@haechi/core';
import { createNetworkAnalytics } from '@haechi/core/analytics/network';
import { createEnricher } from '@haechi/core/enrich';
import { fileInput, readAll, zeekTsvReader } from '@haechi/core/ingest/network';
import { sharedData, skipUnlessData } from '@haechi/core/testing';

const LAB_NETWORK = ['147.32.0.0/16']; // CTU's address space, where the capture host lives

function pairsOf(f: Finding): Set<string> {
  const out = new Set<string>();
  const ips = f.entities.filter((e) => e.type === 'ip').map((e) => e.value);
  if (f.detector === 'relay-chain') {
    const path = (f.details?.path as string[]) ?? ips;
    for (let i = 0; i + 1 < path.length; i++) out.add(`${path[i]}|${path[i + 1]}`);
  } else if (ips.length >= 2) {
    for (const d of ips.slice(1)) out.add(`${ips[0]}|${d}`);
  }
  return out;
}

for (const day of ['008-zeek-mixed', '010-zeek-mixed']) {
  const skip = skipUnlessData('network/stratosphere', day);
  if (skip) {
    console.log(`${day}: skipped (${skip})`);
    continue;
  }
  const dir = sharedData('network/stratosphere', day, 'data');
  const events: Event[] = [];
  const labels = new Map<string, string>(); // source uri#record -> label, for conn records
  for (const name of readdirSync(dir).sort()) {
    const { events: ev } = await readAll(zeekTsvReader, fileInput(join(dir, name)));
    for (const e of ev) {
      const { label, detailedlabel, ...fields } = e.fields as Record<string, unknown>;
      if (e.source.kind === 'zeek.conn')
        labels.set(`${e.source.uri}#${e.source.record}`, String(label ?? ''));
      void detailedlabel;
      events.push({ ...e, fields }); // the analytics never see the labels
    }
  }
  const enricher = createEnricher({ internal: LAB_NETWORK });
  const analytics = createNetworkAnalytics({ enricher });
  for (const a of analytics) a.feed(events.filter((e) => a.wants(e)));
  const findings = analytics.flatMap((a) => a.finish());
  const flaggedPairs = new Map<string, string>();
  const cited = new Set<string>();
  const probed = new Set<string>();
  for (const f of findings) {
    if (f.detector === 'inbound-scan') probed.add(String(f.details?.target));
    for (const p of pairsOf(f)) flaggedPairs.set(p, f.detector);
    for (const r of f.evidence) cited.add(`${r.uri}#${r.record}`);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const byDetector = new Map<string, { tp: number; fp: number }>();
  for (const e of events) {
    if (e.source.kind !== 'zeek.conn') continue;
    const key = `${e.source.uri}#${e.source.record}`;
    const malicious = labels.get(key) === 'Malicious';
    const pair = `${e.fields['id.orig_h']}|${e.fields['id.resp_h']}`;
    const src = String(e.fields['id.orig_h']);
    const det =
      flaggedPairs.get(pair) ??
      (probed.has(String(e.fields['id.resp_h'])) && !enricher.isInternal(src) ? 'inbound-scan' : undefined);
    const flagged = det !== undefined || cited.has(key);
    if (flagged && malicious) tp++;
    else if (flagged) fp++;
    else if (malicious) fn++;
    else tn++;
    if (det) {
      const d = byDetector.get(det) ?? { tp: 0, fp: 0 };
      if (malicious) d.tp++;
      else d.fp++;
      byDetector.set(det, d);
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : Number.NaN;
  const recall = tp + fn ? tp / (tp + fn) : Number.NaN;
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.detector] = (counts[f.detector] ?? 0) + 1;
  console.log(
    `${day}: ${tp + fp + fn + tn} connections, ${tp + fn} labelled malicious; flagged ${tp + fp}: TP ${tp}, FP ${fp}, FN ${fn}, TN ${tn}; ` +
      `precision ${Number.isNaN(precision) ? 'n/a' : precision.toFixed(3)}, recall ${recall.toFixed(3)}; findings ${JSON.stringify(counts)}; ` +
      `per detector ${JSON.stringify(Object.fromEntries(byDetector))}`,
  );
}
