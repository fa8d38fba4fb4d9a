/** Indicator matching: compile an indicator set, look observables up, produce `ioc` findings. */
export * from './detector.js';
export * from './matcher.js';
export * from './spec.js';
export { aggregateIocFindings } from './aggregate.js';
