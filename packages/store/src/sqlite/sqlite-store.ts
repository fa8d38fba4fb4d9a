/**
 * SQLite adapter of the Store port (better-sqlite3, synchronous, WAL). Findings keep their whole
 * JSON beside the indexed columns, so what comes out is exactly what went in.
 */

import type { Finding, Incident } from '@haechi/core';
import { HaechiError, SEVERITIES, severityRank } from '@haechi/core';
import Database from 'better-sqlite3';
import type { FindingQuery, HuntRun, Store } from '../types.js';

/** Ordered migrations; the index + 1 is the schema version stored in `user_version`. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     started INTEGER NOT NULL,
     finished INTEGER,
     command TEXT NOT NULL,
     inputs TEXT NOT NULL,
     stats TEXT
   );
   CREATE TABLE findings (
     run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     time INTEGER NOT NULL,
     severity INTEGER NOT NULL,
     detector TEXT NOT NULL,
     rule_id TEXT NOT NULL,
     host TEXT,
     body TEXT NOT NULL,
     PRIMARY KEY (run_id, id)
   );
   CREATE INDEX findings_time ON findings(run_id, time);
   CREATE INDEX findings_host ON findings(host, time);
   CREATE TABLE incidents (
     run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     first INTEGER NOT NULL,
     last INTEGER NOT NULL,
     body TEXT NOT NULL,
     PRIMARY KEY (run_id, id)
   );`,
];

export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    try {
      this.db = new Database(file);
    } catch (cause) {
      throw new HaechiError('input', `cannot open the database: ${(cause as Error).message}`, {
        file,
        cause,
      });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new HaechiError(
        'config',
        `database schema version ${version} is newer than this haechi understands (${MIGRATIONS.length})`,
        { file: this.file },
      );
    }
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  beginRun(run: HuntRun): void {
    this.db
      .prepare('INSERT INTO runs (id, started, finished, command, inputs, stats) VALUES (?, ?, ?, ?, ?, ?)')
      .run(
        run.id,
        run.started,
        run.finished ?? null,
        run.command,
        JSON.stringify(run.inputs),
        run.stats ? JSON.stringify(run.stats) : null,
      );
  }

  finishRun(id: string, finished: number, stats: Record<string, unknown>): void {
    this.db
      .prepare('UPDATE runs SET finished = ?, stats = ? WHERE id = ?')
      .run(finished, JSON.stringify(stats), id);
  }

  addFindings(runId: string, findings: readonly Finding[]): void {
    const stmt = this.db.prepare(
      'INSERT OR REPLACE INTO findings (run_id, id, time, severity, detector, rule_id, host, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const f of findings) {
        stmt.run(
          runId,
          f.id,
          f.time,
          severityRank(f.severity),
          f.detector,
          f.rule.id,
          f.host ?? null,
          JSON.stringify(f),
        );
      }
    })();
  }

  addIncidents(runId: string, incidents: readonly Incident[]): void {
    const stmt = this.db.prepare(
      'INSERT OR REPLACE INTO incidents (run_id, id, first, last, body) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const i of incidents) stmt.run(runId, i.id, i.first, i.last, JSON.stringify(i));
    })();
  }

  runs(): HuntRun[] {
    const rows = this.db.prepare('SELECT * FROM runs ORDER BY started, id').all() as {
      id: string;
      started: number;
      finished: number | null;
      command: string;
      inputs: string;
      stats: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      started: r.started,
      finished: r.finished ?? undefined,
      command: r.command,
      inputs: JSON.parse(r.inputs) as string[],
      stats: r.stats ? (JSON.parse(r.stats) as Record<string, unknown>) : undefined,
    }));
  }

  /** Findings in the deterministic output order: time, then rule id, then finding id. */
  findings(q: FindingQuery = {}): Finding[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.runId) {
      where.push('run_id = ?');
      args.push(q.runId);
    }
    if (q.minSeverity) {
      where.push('severity >= ?');
      args.push(SEVERITIES.indexOf(q.minSeverity));
    }
    if (q.from !== undefined) {
      where.push('time >= ?');
      args.push(q.from);
    }
    if (q.to !== undefined) {
      where.push('time <= ?');
      args.push(q.to);
    }
    if (q.detector) {
      where.push('detector = ?');
      args.push(q.detector);
    }
    if (q.host) {
      where.push('host = ? COLLATE NOCASE');
      args.push(q.host);
    }
    const sql = `SELECT body FROM findings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time, rule_id, id${
      q.limit ? ' LIMIT ?' : ''
    }`;
    if (q.limit) args.push(q.limit);
    return (this.db.prepare(sql).all(...args) as { body: string }[]).map(
      (r) => JSON.parse(r.body) as Finding,
    );
  }

  incidents(runId?: string): Incident[] {
    const rows = (
      runId
        ? this.db.prepare('SELECT body FROM incidents WHERE run_id = ? ORDER BY first, id').all(runId)
        : this.db.prepare('SELECT body FROM incidents ORDER BY first, id').all()
    ) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as Incident);
  }

  close(): void {
    this.db.close();
  }
}

export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(file);
}
