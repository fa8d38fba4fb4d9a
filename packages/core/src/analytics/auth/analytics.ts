/**
 * The credential-attack analytics as `Analytic`s (analytics/types.ts). `createAuthAnalytics`
 * gives one Analytic per detection, each with its own memory; `createCredentialAttackAnalytic`
 * gives a single Analytic that collects the attempts once and runs every detection (what the hunt
 * plugin uses). Memory: one compact attempt per authentication event, capped by `maxAttempts`
 * (beyond it the oldest-first order is not guaranteed, so collection stops and the findings say so).
 */
import type { Event, Finding } from '../../model/index.js';
import type { Analytic } from '../types.js';
import {
  type AuthAttempt,
  isAuthEvent,
  type KerberosRequest,
  toAttempt,
  toKerberosRequest,
} from './attempts.js';
import { type AuthConfig, authConfigSchema } from './config.js';
import {
  type DetectContext,
  detectAsrepRoasting,
  detectBruteForce,
  detectFailuresThenSuccess,
  detectImpossibleTravel,
  detectKerberoasting,
  detectNewLocation,
  detectSprayAndStuffing,
  type GeoLookup,
} from './detect.js';

export interface AuthAnalyticsOptions {
  /** thresholds; anything missing takes its default */
  config?: unknown;
  /** country/ASN of an address (core/enrich's `createEnricher().lookup` fits) */
  geo?: GeoLookup;
  /** attempts kept at most (default 5,000,000) */
  maxAttempts?: number;
}

/** Collected attempts and Kerberos requests. */
export class AuthStore {
  readonly attempts: AuthAttempt[] = [];
  readonly kerberos: KerberosRequest[] = [];
  dropped = 0;
  constructor(private readonly max = 5_000_000) {}
  /** sorts the collected attempts and requests by time (once; the detections then keep order) */
  sort(): this {
    const byTime = (a: { time: number }, b: { time: number }) => a.time - b.time;
    this.attempts.sort(byTime);
    this.kerberos.sort(byTime);
    return this;
  }
  add(events: readonly Event[]): void {
    for (const e of events) {
      const k = toKerberosRequest(e);
      if (k) {
        if (this.kerberos.length < this.max) this.kerberos.push(k);
        else this.dropped++;
      }
      const a = toAttempt(e);
      if (!a) continue;
      if (this.attempts.length < this.max) this.attempts.push(a);
      else this.dropped++;
    }
  }
}

function sortFindings(fs: Finding[]): Finding[] {
  return fs.sort(
    (a, b) =>
      a.time - b.time || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : a.id < b.id ? -1 : 1),
  );
}

export function parseAuthConfig(raw: unknown): AuthConfig {
  return authConfigSchema.parse(raw ?? {});
}

type Detection = (store: AuthStore, ctx: DetectContext) => Finding[];
const DETECTIONS: Record<string, Detection> = {
  'password-spray': (s, c) => detectSprayAndStuffing(s.attempts, c),
  'brute-force': (s, c) => detectBruteForce(s.attempts, c),
  'failures-then-success': (s, c) => detectFailuresThenSuccess(s.attempts, c),
  kerberoasting: (s, c) => detectKerberoasting(s.kerberos, c),
  'asrep-roasting': (s, c) => detectAsrepRoasting(s.kerberos, c),
  'impossible-travel': (s, c) => detectImpossibleTravel(s.attempts, c),
  'new-sign-in-location': (s, c) => detectNewLocation(s.attempts, c),
};

function withDropNote(fs: Finding[], store: AuthStore): Finding[] {
  if (store.dropped > 0) for (const f of fs) f.details = { ...f.details, events_not_kept: store.dropped };
  return fs;
}

/** One Analytic per detection (spray and stuffing are one, as they split the same evidence). */
export function createAuthAnalytics(opts: AuthAnalyticsOptions = {}): Analytic[] {
  const ctx: DetectContext = { config: parseAuthConfig(opts.config), geo: opts.geo };
  return Object.entries(DETECTIONS).map(([name, run]) => {
    const store = new AuthStore(opts.maxAttempts);
    return {
      name: `creds/${name}`,
      wants: isAuthEvent,
      feed: (events: readonly Event[]) => store.add(events),
      finish: () => sortFindings(withDropNote(run(store.sort(), ctx), store)),
    };
  });
}

/** Every credential-attack detection over one collection of attempts. */
export function createCredentialAttackAnalytic(
  opts: AuthAnalyticsOptions = {},
): Analytic & { readonly store: AuthStore } {
  const ctx: DetectContext = { config: parseAuthConfig(opts.config), geo: opts.geo };
  const store = new AuthStore(opts.maxAttempts);
  return {
    name: 'creds',
    store,
    wants: isAuthEvent,
    feed: (events: readonly Event[]) => store.add(events),
    finish: () => {
      store.sort();
      return sortFindings(
        withDropNote(
          Object.values(DETECTIONS).flatMap((run) => run(store, ctx)),
          store,
        ),
      );
    },
  };
}
