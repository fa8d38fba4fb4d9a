export type { FindingQuery, HuntRun, Store } from './types.js';
export { SqliteStore, openSqliteStore } from './sqlite/sqlite-store.js';
