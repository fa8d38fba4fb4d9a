export * from './types.js';
//# sourceMappingURL=index.js.map