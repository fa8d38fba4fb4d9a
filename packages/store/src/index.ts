export { openSqliteStore, SqliteStore } from './sqlite/sqlite-store.js';
export type { FindingQuery, HuntRun, Store } from './types.js';
