/**
 * Credential attacks in `hunt`: Windows Security logons and Kerberos events, Linux auth.log/sshd
 * lines and Entra ID sign-ins are normalised into attempts and searched for password spraying,
 * brute force, credential stuffing, failures followed by a success, Kerberoasting, AS-REP roasting,
 * impossible travel and first sign-ins from a new country or network.
 *
 * Findings: detector `creds` (the same domain as `haechi creds audit`: weaknesses there, attacks on
 * them here), `rule.id` one of password-spray, brute-force, credential-stuffing,
 * failures-then-success, kerberoasting, asrep-roasting, impossible-travel, new-sign-in-location.
 *
 * Config: thresholds under `analytics.auth` (see `authConfigSchema` in @haechi/core/analytics/auth);
 * supplier accounts (watched most closely) from `analytics.auth.supplierAccounts`, the supplier
 * register's `accounts` (config `suppliers:`), the `supplier_accounts` placeholder and the
 * `supplier` column of the `--directory` export; internal
 * networks from `--internal` / config `internal` as for the network analytics.
 */
import { readFileSync } from 'node:fs';
import { type Event, type Finding, HaechiError } from '@haechi/core';
import {
  AUTH_RULES,
  authConfigSchema,
  createCredentialAttackAnalytic,
  type GeoLookup,
  isAuthEvent,
} from '@haechi/core/analytics/auth';
import { parseDirectory } from '@haechi/core/creds';
import { createEnricher, DEFAULT_INTERNAL, parseCidr } from '@haechi/core/enrich';
import type { HuntContext, HuntPlugin, MainPart, WorkerPart } from '../plugin.js';

interface CredsSpec {
  config: Record<string, unknown>;
  internal: string[];
}

function strings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string' && x.trim() !== '') as string[];
}

/** Account patterns of suppliers' staff from the places a user may have declared them. */
export function supplierAccountPatterns(cfg: Readonly<Record<string, unknown>>): string[] {
  const out = new Set<string>();
  const auth = (cfg.analytics as { auth?: { supplierAccounts?: unknown } } | undefined)?.auth;
  for (const p of strings(auth?.supplierAccounts)) out.add(p);
  const ph = cfg.placeholders as Record<string, unknown> | undefined;
  for (const p of strings(ph?.supplier_accounts)) out.add(p);
  const sup = cfg.suppliers;
  if (Array.isArray(sup)) {
    for (const s of sup)
      if (s && typeof s === 'object')
        for (const p of strings((s as { accounts?: unknown }).accounts)) out.add(p);
  }
  return [...out].sort();
}

function internalOf(
  opts: Readonly<Record<string, unknown>>,
  cfg: Readonly<Record<string, unknown>>,
): string[] {
  const raw = opts.internal ?? cfg.internal;
  if (raw === undefined) return [...DEFAULT_INTERNAL];
  const list = Array.isArray(raw)
    ? raw.map(String)
    : String(raw)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  for (const c of list)
    if (!parseCidr(c)) throw new HaechiError('usage', `internal networks: not a CIDR: ${JSON.stringify(c)}`);
  return list;
}

export const credsPlugin: HuntPlugin = {
  name: 'creds',
  // --internal is added by the network plugin; this plugin reads the same option
  async prepare(opts: Readonly<Record<string, unknown>>, ctx: HuntContext): Promise<CredsSpec> {
    const cfg = ctx.config;
    const raw = ((cfg.analytics as { auth?: unknown } | undefined)?.auth ?? {}) as Record<string, unknown>;
    if (typeof raw !== 'object' || Array.isArray(raw))
      throw new HaechiError('config', 'analytics.auth must be a mapping');
    const suppliers = supplierAccountPatterns(cfg);
    // the directory export given to `--directory` (a flag of the suppliers plugin) names supplier
    // staff in its `supplier` column; its problems are reported by that plugin
    const dirFile = Array.isArray(opts.directory) ? opts.directory[0] : opts.directory;
    if (typeof dirFile === 'string') {
      try {
        const d = parseDirectory(readFileSync(dirFile, 'utf8'), dirFile);
        for (const r of d.records.values()) if (r.supplier) suppliers.push(r.account);
      } catch (err) {
        ctx.log.warn({ file: dirFile, err: (err as Error).message }, 'creds: directory export not read');
      }
    }
    const config = { ...raw, supplierAccounts: [...new Set(suppliers)].sort() };
    const parsed = authConfigSchema.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HaechiError('config', `analytics.auth.${issue.path.join('.')}: ${issue.message}`, {
        field: `analytics.auth.${issue.path.join('.')}`,
      });
    }
    return { config, internal: internalOf(opts, cfg) };
  },
  worker(): WorkerPart {
    return { wants: isAuthEvent };
  },
  main(rawSpec: unknown, ctx: HuntContext): MainPart {
    const spec = rawSpec as CredsSpec;
    let geo: GeoLookup | undefined;
    const lazyGeo: GeoLookup = (ip) => {
      if (!geo) {
        const enricher = createEnricher({ internal: spec.internal });
        geo = (addr) => {
          const i = enricher.lookup(addr);
          return {
            country: i.country,
            asn: i.asn,
            org: i.org,
            internal: i.internal || i.special !== undefined,
          };
        };
      }
      return geo(ip);
    };
    const analytic = createCredentialAttackAnalytic({ config: spec.config, geo: lazyGeo });
    let events = 0;
    return {
      feed(batch: readonly Event[]): void {
        events += batch.length;
        analytic.feed(batch);
      },
      finish(): Finding[] {
        if (events === 0) return [];
        const t0 = Date.now();
        const out = analytic.finish();
        ctx.log.debug(
          { events, attempts: analytic.store.attempts.length, findings: out.length, ms: Date.now() - t0 },
          'credential-attack analytics done',
        );
        return out;
      },
      summary(findings: readonly Finding[]): string[] {
        const mine = findings.filter((f) => f.detector === 'creds');
        if (events === 0 && mine.length === 0) return [];
        const by = new Map<string, number>();
        for (const f of mine) by.set(f.rule.id, (by.get(f.rule.id) ?? 0) + 1);
        const parts = Object.keys(AUTH_RULES)
          .filter((r) => by.has(r))
          .map((r) => `${by.get(r)} ${r}`);
        return [
          `Credential attacks: ${mine.length}${parts.length ? ` (${parts.join(', ')})` : ''} from ${analytic.store.attempts.length} authentication attempts`,
        ];
      },
      json(findings: readonly Finding[]): unknown {
        const by: Record<string, number> = {};
        for (const f of findings) if (f.detector === 'creds') by[f.rule.id] = (by[f.rule.id] ?? 0) + 1;
        return {
          attempts: analytic.store.attempts.length,
          kerberos_requests: analytic.store.kerberos.length,
          not_kept: analytic.store.dropped,
          findings: by,
          supplier_accounts: (spec.config.supplierAccounts as string[]) ?? [],
        };
      },
    };
  },
};
