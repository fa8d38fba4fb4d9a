import type { ReadOptions, RecordProblem } from './types.js';
export declare function describeProblem(p: RecordProblem): string;
export declare function reportProblem(opts: Pick<ReadOptions, 'strict' | 'onProblem'>, p: RecordProblem): void;
