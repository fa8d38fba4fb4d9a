/** Robust statistics used by the scores (RITA's beacon analysis: quartiles, Bowley skew, MADM). */
/** Quantile of a sorted array, linear interpolation between closest ranks. */
export function quantileSorted(a, q) {
    const n = a.length;
    if (n === 0)
        return 0;
    const pos = (n - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return a[lo] + (a[hi] - a[lo]) * (pos - lo);
}
export function sortedCopy(a) {
    return Float64Array.from(a).sort();
}
/**
 * Bowley's quartile skewness (Q3 + Q1 - 2 Q2) / (Q3 - Q1): 0 for a symmetric distribution, +-1
 * when the median sits on a quartile. Zero spread (Q1 == Q3) counts as perfectly symmetric.
 */
export function bowleySkew(sorted) {
    const q1 = quantileSorted(sorted, 0.25);
    const q2 = quantileSorted(sorted, 0.5);
    const q3 = quantileSorted(sorted, 0.75);
    const den = q3 - q1;
    if (den === 0 || q2 === q1 || q2 === q3)
        return den === 0 ? 0 : q2 === q1 ? -1 : 1;
    return (q3 + q1 - 2 * q2) / den;
}
/** Median absolute deviation about the median. */
export function madm(sorted) {
    const med = quantileSorted(sorted, 0.5);
    const dev = new Float64Array(sorted.length);
    for (let i = 0; i < sorted.length; i++)
        dev[i] = Math.abs(sorted[i] - med);
    dev.sort();
    return quantileSorted(dev, 0.5);
}
/** Most frequent value (smallest on ties). */
export function mode(values) {
    const counts = new Map();
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const c = (counts.get(v) ?? 0) + 1;
        counts.set(v, c);
        if (c > bestCount || (c === bestCount && v < best)) {
            best = v;
            bestCount = c;
        }
    }
    return best;
}
/** Shannon entropy in bits per character. */
export function entropy(s) {
    if (s.length === 0)
        return 0;
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const c of counts.values()) {
        const p = c / s.length;
        h -= p * Math.log2(p);
    }
    return h;
}
export const clamp01 = (x) => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);
/** Round a score for output (3 decimals, as RITA does). */
export const round3 = (x) => Math.round(x * 1000) / 1000;
//# sourceMappingURL=stats.js.map