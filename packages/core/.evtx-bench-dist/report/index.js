/** Report renderers. Navigator layers: report/navigator.ts (issue 4). */
export * from './navigator.js';
//# sourceMappingURL=index.js.map