/**
 * The network side of `hunt`: Zeek / Suricata EVE / Argus events go to the network analytics
 * (beacons, long connections, DNS tunnelling and DGA, exfiltration, relay chains), whose findings
 * carry the addresses with their ASN, organisation and country.
 *
 * Flags: `--internal CIDR,...` (config `internal:`), `--enrich-lists DIR` (config `enrich.lists`).
 * Thresholds: config `analytics.network` (see `networkConfigSchema` in @haechi/core/analytics/network).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Event, type Finding, HaechiError } from '@haechi/core';
import type { Analytic } from '@haechi/core/analytics';
import {
  createNetworkAnalytics,
  type NetworkConfigInput,
  networkConfigSchema,
} from '@haechi/core/analytics/network';
import { createEnricher, DEFAULT_INTERNAL, loadReputationLists, parseCidr } from '@haechi/core/enrich';
import type { Command } from 'commander';
import type { HuntContext, HuntPlugin, MainPart, WorkerPart } from '../plugin.js';

interface NetworkSpec {
  internal: string[];
  listsDir?: string;
  config: NetworkConfigInput;
}

/** The events the analytics read; only these travel from the workers to the main thread. */
const NETWORK_KINDS = new Set([
  'zeek.conn',
  'zeek.open_conn',
  'eve.flow',
  'eve.netflow',
  'argus',
  'zeek.dns',
  'eve.dns',
  'zeek.http',
  'zeek.open_http',
  'zeek.ssl',
  'zeek.open_ssl',
  'eve.http',
  'eve.tls',
]);

const DETECTOR_LABEL: Record<string, string> = {
  beacon: 'beacons',
  'long-connection': 'long connections',
  'dns-tunnel': 'DNS tunnels',
  dga: 'DGA lookups',
  exfiltration: 'exfiltration',
  'relay-chain': 'relay chains',
  'inbound-scan': 'hosts probed from the Internet',
};

function parseInternal(value: unknown, where: string): string[] {
  const list = Array.isArray(value)
    ? value.map(String)
    : String(value)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  for (const c of list) {
    if (!parseCidr(c))
      throw new HaechiError('usage', `${where}: not a CIDR: ${JSON.stringify(c)} (expected e.g. 10.0.0.0/8)`);
  }
  return list;
}

/** zeek.open_http / open_ssl carry the same fields as http / ssl */
function normaliseKind(e: Event): Event {
  const k = e.source.kind;
  if (k === 'zeek.open_http' || k === 'zeek.open_ssl') {
    return { ...e, source: { ...e.source, kind: k.replace('open_', '') } };
  }
  return e;
}

export const networkPlugin: HuntPlugin = {
  name: 'network',
  addOptions(cmd: Command): void {
    cmd.option(
      '--internal <cidrs>',
      `internal networks, comma-separated CIDRs (default ${DEFAULT_INTERNAL.join(',')}; config: internal)`,
    );
    cmd.option(
      '--enrich-lists <dir>',
      'folder of hosting/VPN/Tor lists for IP enrichment (config: enrich.lists)',
    );
  },
  async prepare(opts: Readonly<Record<string, unknown>>, ctx: HuntContext): Promise<NetworkSpec> {
    const cfg = ctx.config as {
      internal?: unknown;
      enrich?: { lists?: unknown };
      analytics?: { network?: unknown };
    };
    const internal =
      opts.internal !== undefined
        ? parseInternal(opts.internal, '--internal')
        : cfg.internal !== undefined
          ? parseInternal(cfg.internal, 'config internal')
          : [...DEFAULT_INTERNAL];
    const listsRaw = opts.enrichLists ?? cfg.enrich?.lists;
    let listsDir: string | undefined;
    if (listsRaw !== undefined) {
      listsDir = resolve(String(listsRaw));
      if (!existsSync(listsDir)) {
        throw new HaechiError('usage', `--enrich-lists: folder not found: ${listsDir}`, { file: listsDir });
      }
      const lists = loadReputationLists(listsDir);
      ctx.log.info(
        { files: lists.files.length, dir: listsDir },
        `network: ${lists.files.length} hosting/VPN/Tor list file(s) loaded`,
      );
    }
    const parsed = networkConfigSchema.safeParse(cfg.analytics?.network ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HaechiError('config', `analytics.network.${issue.path.join('.')}: ${issue.message}`, {
        field: `analytics.network.${issue.path.join('.')}`,
      });
    }
    return { internal, listsDir, config: (cfg.analytics?.network ?? {}) as NetworkConfigInput };
  },
  worker(): WorkerPart {
    return { wants: (e: Event) => NETWORK_KINDS.has(e.source.kind) };
  },
  main(rawSpec: unknown, ctx: HuntContext): MainPart {
    const spec = rawSpec as NetworkSpec;
    const enricher = createEnricher({ internal: spec.internal, listsDir: spec.listsDir });
    const analytics: Analytic[] = createNetworkAnalytics({ config: spec.config, enricher });
    let events = 0;
    return {
      feed(batch: readonly Event[]): void {
        events += batch.length;
        const norm = batch.map(normaliseKind);
        for (const a of analytics) {
          const wanted = norm.filter((e) => a.wants(e));
          if (wanted.length) a.feed(wanted);
        }
      },
      finish(): Finding[] {
        if (events === 0) return [];
        const t0 = Date.now();
        const out: Finding[] = [];
        for (const a of analytics) out.push(...a.finish());
        ctx.log.debug({ events, findings: out.length, ms: Date.now() - t0 }, 'network analytics done');
        return out;
      },
      summary(findings: readonly Finding[]): string[] {
        const mine = findings.filter((f) => f.detector in DETECTOR_LABEL);
        if (events === 0) return [];
        const counts = new Map<string, number>();
        for (const f of mine) counts.set(f.detector, (counts.get(f.detector) ?? 0) + 1);
        const lines = [
          `Network: ${events.toLocaleString('en-US')} connection/DNS/HTTP/TLS records analysed; ` +
            (mine.length === 0
              ? 'no beacon, long connection, DNS tunnel, exfiltration or relay chain found'
              : [...counts].map(([d, n]) => `${n} ${DETECTOR_LABEL[d]}`).join(', ')),
        ];
        const top = [...mine]
          .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.id.localeCompare(b.id))
          .slice(0, 5);
        for (const f of top) lines.push(`  ${(f.score ?? 0).toFixed(2)}  ${f.rule.title}`);
        return lines;
      },
      json(findings: readonly Finding[]): unknown {
        const counts: Record<string, number> = {};
        for (const f of findings)
          if (f.detector in DETECTOR_LABEL) counts[f.detector] = (counts[f.detector] ?? 0) + 1;
        return { events, internal: spec.internal, enrichLists: spec.listsDir ?? null, findings: counts };
      },
    };
  },
};
