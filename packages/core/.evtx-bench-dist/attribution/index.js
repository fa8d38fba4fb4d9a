/** Attribution: group profiles, ranked hypotheses with evidence for and against, TF-IDF baseline. */
export * from './attributor.js';
export * from './context.js';
export * from './incident.js';
export * from './profiles.js';
//# sourceMappingURL=index.js.map