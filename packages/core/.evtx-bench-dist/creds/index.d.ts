export * from './audit.js';
export * from './audit-files.js';
export * from './corpus-index.js';
export * from './directory.js';
export * from './dump.js';
export * from './exposures.js';
export * from './md4.js';
