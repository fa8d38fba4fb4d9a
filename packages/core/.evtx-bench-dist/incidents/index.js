/** Incidents: findings grouped by host, account, shared entities and time, each with a timeline. */
export * from './group.js';
//# sourceMappingURL=index.js.map