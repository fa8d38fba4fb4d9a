/**
 * The Store port (DESIGN.md: store adapters). The embedded SQLite adapter is the default; a
 * PostgreSQL adapter comes with the scale-out work and implements the same interface.
 */
import type { Finding, Incident, Severity } from '@haechi/core';

export interface HuntRun {
  id: string;
  started: number;
  finished?: number;
  command: string;
  inputs: string[];
  stats?: Record<string, unknown>;
}

export interface FindingQuery {
  runId?: string;
  minSeverity?: Severity;
  from?: number;
  to?: number;
  detector?: string;
  host?: string;
  limit?: number;
}

export interface Store {
  /** records a run; findings and incidents are stored under it */
  beginRun(run: HuntRun): void;
  finishRun(id: string, finished: number, stats: Record<string, unknown>): void;
  /** inserts (or replaces, by finding id within the run) in one transaction */
  addFindings(runId: string, findings: readonly Finding[]): void;
  addIncidents(runId: string, incidents: readonly Incident[]): void;
  runs(): HuntRun[];
  findings(q?: FindingQuery): Finding[];
  incidents(runId?: string): Incident[];
  close(): void;
}
