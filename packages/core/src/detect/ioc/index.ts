/** Indicator matching: compile an indicator set, look observables up, produce `ioc` findings. */

export { aggregateIocFindings } from './aggregate.js';
export * from './detector.js';
export * from './matcher.js';
export * from './spec.js';
