/** Robust statistics used by the scores (RITA's beacon analysis: quartiles, Bowley skew, MADM). */
/** Quantile of a sorted array, linear interpolation between closest ranks. */
export declare function quantileSorted(a: ArrayLike<number>, q: number): number;
export declare function sortedCopy(a: ArrayLike<number>): Float64Array;
/**
 * Bowley's quartile skewness (Q3 + Q1 - 2 Q2) / (Q3 - Q1): 0 for a symmetric distribution, +-1
 * when the median sits on a quartile. Zero spread (Q1 == Q3) counts as perfectly symmetric.
 */
export declare function bowleySkew(sorted: ArrayLike<number>): number;
/** Median absolute deviation about the median. */
export declare function madm(sorted: ArrayLike<number>): number;
/** Most frequent value (smallest on ties). */
export declare function mode(values: ArrayLike<number>): number;
/** Shannon entropy in bits per character. */
export declare function entropy(s: string): number;
export declare const clamp01: (x: number) => number;
/** Round a score for output (3 decimals, as RITA does). */
export declare const round3: (x: number) => number;
